import { getTranslations } from "next-intl/server";
import { OUTBOX_STATUSES, type OutboxStatus } from "@/lib/sms/dispatcher";
import { formatNumber } from "@/lib/kpi/format";

export async function OutboxHealth({ outbox, locale }: { outbox: Record<OutboxStatus, number>; locale: string }) {
  const t = await getTranslations("ioc.sms");
  return (
    <section aria-labelledby="sms-heading" className="mt-8">
      <h2 id="sms-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {OUTBOX_STATUSES.map((status) => (
          <div key={status} data-status={status} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
            <dt className="text-sm font-semibold text-stone-700">{t(status)}</dt>
            <dd className={`text-2xl font-bold tabular-nums ${status === "failed" && outbox.failed > 0 ? "text-red-800" : ""}`}>
              {formatNumber(outbox[status], locale)}
            </dd>
          </div>
        ))}
      </dl>
      <p className={`mt-3 font-semibold ${outbox.failed > 0 ? "text-red-800" : "text-emerald-800"}`}>
        <span aria-hidden="true">{outbox.failed > 0 ? "⚠ " : "✓ "}</span>
        {outbox.failed > 0 ? t("unhealthy", { count: outbox.failed }) : t("healthy")}
      </p>
    </section>
  );
}
