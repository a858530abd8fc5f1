import { getTranslations } from "next-intl/server";
import type { TimelineEvent } from "@/lib/db/dossier-queries";
import { formatDateTime } from "@/lib/dates";
import { statusSchema } from "@/lib/dossiers/status";
import { StatusIcon } from "@/components/ui/status-badge";

// The title of each non-status event; a new event kind cannot ship without one.
const eventTitleKey = {
  amended: "dossier.amended",
  paid: "payment.timeline",
  agreed: "parents.events.agreed",
  objected: "parents.events.objected",
  settled: "parents.events.settled",
  reassigned: "dossier.reassigned",
} as const satisfies Record<Exclude<TimelineEvent["kind"], "status">, string>;

export async function Timeline({ events }: { events: TimelineEvent[] }) {
  const t = await getTranslations();
  return (
    <ol className="relative ml-3 border-l-2 border-stone-300">
      {events.map((event) => {
        const status = statusSchema.safeParse(event.toStatus);
        const title = event.kind === "status" ? (status.success ? t(`status.${status.data}`) : "") : t(eventTitleKey[event.kind]);
        const by =
          event.actorKind === "citizen"
            ? t("dossier.by.citizen", { name: event.actorName ?? "" })
            : t(`dossier.by.${event.actorKind}`);
        return (
          <li key={event.id} className="mb-5 ml-5">
            <span className="absolute -left-[13px] flex h-6 w-6 items-center justify-center rounded-full bg-white text-stone-700 ring-2 ring-stone-300">
              <StatusIcon status={status.success ? status.data : "prepared"} className="h-4 w-4" />
            </span>
            <p className="font-semibold">{title}</p>
            <p className="text-sm text-stone-700">
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time> · {by}
            </p>
            {event.note && <p className="text-sm">{event.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
