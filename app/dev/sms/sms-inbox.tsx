import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import type { InboundMessage, OutboxMessage } from "@/lib/sms/outbox-queries";
import { MessageText } from "./message-text";

// Status is told by word and icon, never by colour alone.
const statusIcon: Record<OutboxMessage["status"], string> = {
  pending: "M10 5v5l3 2M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  sending: "M3 10h10m0 0-4-4m4 4-4 4M16 4v12",
  sent: "M6 10.5l2.5 2.5L14 7.5M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  failed: "M7 7l6 6m0-6-6 6M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
};

const statusTone: Record<OutboxMessage["status"], string> = {
  pending: "text-amber-900",
  sending: "text-sky-900",
  sent: "text-emerald-900",
  failed: "text-red-800",
};

type Entry = { out: OutboxMessage; at: Date } | { in: InboundMessage; at: Date };

/** One phone's conversation, newest first, laid out like a phone's SMS inbox: our texts and its replies. */
export async function SmsInbox({ phone, messages, replies }: { phone: string; messages: OutboxMessage[]; replies: InboundMessage[] }) {
  const t = await getTranslations("sms");
  const entries: Entry[] = [
    ...messages.map((m) => ({ out: m, at: m.sentAt ?? m.createdAt })),
    ...replies.map((r) => ({ in: r, at: r.receivedAt })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <section aria-labelledby="inbox-heading" className="mt-8">
      <h2 id="inbox-heading" className="text-lg font-bold">
        {t("inbox.heading", { phone })}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("inbox.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {entries.map((entry) => {
            if ("in" in entry) {
              const r = entry.in;
              return (
                <li key={`in-${r.id}`} data-direction="in" className="ml-10 rounded-2xl rounded-tr-sm bg-blue-50 p-4 shadow-sm ring-1 ring-blue-200">
                  <article aria-label={t("inbox.you")}>
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <p className="font-bold">{t("inbox.you")}</p>
                      <p className="text-sm text-stone-700">
                        <span className="sr-only">{t("inbox.sentAt")}: </span>
                        <time dateTime={r.receivedAt.toISOString()}>{formatDateTime(r.receivedAt)}</time>
                      </p>
                    </div>
                    <p lang="vi" className="mt-2 whitespace-pre-line break-words leading-relaxed">
                      {r.body}
                    </p>
                  </article>
                </li>
              );
            }
            const m = entry.out;
            const at = entry.at;
            return (
              <li key={m.id} data-status={m.status} data-direction="out" className="rounded-2xl rounded-tl-sm bg-white p-4 shadow-sm ring-1 ring-stone-200">
                <article aria-label={t("inbox.sender")}>
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <p className="font-bold">
                      <span className="sr-only">{t("inbox.from")}: </span>
                      {t("inbox.sender")}
                    </p>
                    <p className="text-sm text-stone-700">
                      <span className="sr-only">{t("inbox.received")}: </span>
                      <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>
                    </p>
                  </div>
                  <MessageText body={m.body} />
                  <p className={`mt-1 inline-flex items-center gap-1.5 text-sm font-semibold ${statusTone[m.status]}`}>
                    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="h-4 w-4" aria-hidden="true">
                      <path d={statusIcon[m.status]} />
                    </svg>
                    <span className="sr-only">{t("status.label")}: </span>
                    {t(`status.${m.status}`)}
                  </p>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
