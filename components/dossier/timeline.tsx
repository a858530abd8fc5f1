import { getLocale, getTranslations } from "next-intl/server";
import type { TimelineEvent } from "@/lib/db/dossier-queries";
import { formatDate, formatDateTime } from "@/lib/dates";
import { statusSchema } from "@/lib/dossiers/status";
import { trackingUrl } from "@/lib/delivery/tracking";
import { StatusIcon } from "@/components/ui/status-badge";
import { communeInSentence } from "@/lib/places/commune";

// The title of each non-status event; a new event kind cannot ship without one.
const eventTitleKey = {
  amended: "dossier.amended",
  paid: "payment.timeline",
  agreed: "parents.events.agreed",
  objected: "parents.events.objected",
  settled: "parents.events.settled",
  reported: "corrections.events.reported",
  corrected: "corrections.events.corrected",
  correctionRejected: "corrections.events.rejected",
  collectAt: "collect.event",
  sms: "dossier.smsStep",
  reassigned: "dossier.reassigned",
} as const satisfies Record<Exclude<TimelineEvent["kind"], "status">, string>;

const text = (v: unknown) => (typeof v === "string" ? v : undefined);
// A corrected date is stored as the registry keeps it (yyyy-MM-dd) and read as dd/MM/yyyy.
const shown = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v);

type T = Awaited<ReturnType<typeof getTranslations>>;

/** Who acted: the citizen, a relative they granted it to, or a ward officer with the citizen's code. */
function actedBy(event: TimelineEvent, t: T, locale: string): string {
  const via = event.via;
  if (event.actorKind !== "citizen") return t(`dossier.by.${event.actorKind}`);
  if (via?.channel === "assisted") {
    const key = event.kind === "amended" ? "help.timeline.assistedAmend" : "help.timeline.assistedConfirm";
    return t(key, { ward: communeInSentence(via.ward, locale), officer: via.officerName });
  }
  if (via?.channel === "delegate") return t("help.timeline.byDelegate", { name: event.actorName ?? "" });
  return t("dossier.by.citizen", { name: event.actorName ?? "" });
}

export async function Timeline({ events, fieldLabel }: { events: TimelineEvent[]; fieldLabel?: (key: string) => string | undefined }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <ol className="relative ml-3 border-l-2 border-stone-300">
      {events.map((event) => {
        const status = statusSchema.safeParse(event.toStatus);
        const title =
          event.kind === "status" ? (status.success ? t(`status.${status.data}`) : "") : t(eventTitleKey[event.kind], { step: String(event.data?.step) });
        const by = actedBy(event, t, locale);
        const data = event.data ?? {};
        const field = text(data.field) && fieldLabel?.(text(data.field)!);
        const trackingNo = text((data.result as Record<string, unknown> | undefined)?.postalTrackingNo);
        const track = trackingNo && trackingUrl(trackingNo);
        return (
          <li key={event.id} className="mb-5 ml-5">
            <span className="absolute -left-[13px] flex h-6 w-6 items-center justify-center rounded-full bg-white text-stone-700 ring-2 ring-stone-300">
              <StatusIcon status={status.success ? status.data : "prepared"} className="h-4 w-4" />
            </span>
            <p className="font-semibold">{title}{field && `: ${field}`}</p>
            <p className="text-sm text-stone-700">
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time> · {by}
              {event.data?.channel === "SMS" && ` · ${t("dossier.viaSms")}`}
            </p>
            {event.kind === "corrected" && text(data.to) && <p className="text-sm">{t("corrections.events.newValue", { value: shown(text(data.to)!) })}</p>}
            {event.kind === "collectAt" && text(data.commune) && <p className="text-sm">{t("collect.centreOf", { commune: communeInSentence(text(data.commune)!, locale) })}</p>}
            {trackingNo && (
              <p className="text-sm">
                {t("collect.tracking")}:{" "}
                {track ? (
                  <a href={track} className="inline-flex min-h-11 items-center font-mono text-blue-800 underline" rel="noopener noreferrer" target="_blank">{trackingNo}</a>
                ) : (
                  <span className="font-mono">{trackingNo}</span>
                )}
              </p>
            )}
            {event.note && <p className="text-sm">{event.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
