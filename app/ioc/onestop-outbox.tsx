import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import { formatNumber } from "@/lib/kpi/format";
import type { OneStopOutboxHealth } from "@/lib/onestop/outbox";

/** Submissions on their way to the One-Stop system, in counts only; loud when it is not connected at all. */
export async function OneStopOutbox({ health, connected, locale }: { health: OneStopOutboxHealth; connected: boolean; locale: string }) {
  const t = await getTranslations("ioc.onestop");
  const trouble = !connected || health.failed > 0;
  return (
    <section aria-labelledby="onestop-heading" className="mt-8" data-testid="onestop-outbox" data-connected={connected}>
      <h2 id="onestop-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      {!connected && (
        <p role="alert" className="mt-3 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>
          {t("notConnected")}
        </p>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <dt className="text-sm font-semibold text-stone-700">{t("waiting")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="onestop-waiting">{formatNumber(health.waiting, locale)}</dd>
        </div>
        <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <dt className="text-sm font-semibold text-stone-700">{t("failed")}</dt>
          <dd className={`text-2xl font-bold tabular-nums ${health.failed > 0 ? "text-red-800" : ""}`}>{formatNumber(health.failed, locale)}</dd>
        </div>
        <div className="col-span-2 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:col-span-1">
          <dt className="text-sm font-semibold text-stone-700">{t("since")}</dt>
          <dd className="text-lg font-bold tabular-nums" data-testid="onestop-since">{health.waitingSince ? formatDateTime(health.waitingSince) : "—"}</dd>
        </div>
      </dl>
      <p className={`mt-3 font-semibold ${trouble ? "text-red-800" : "text-emerald-800"}`}>
        <span aria-hidden="true">{trouble ? "⚠ " : "✓ "}</span>
        {!connected
          ? t("waitingUnconnected", { count: health.waiting })
          : health.failed > 0
            ? t("unhealthy", { count: health.failed })
            : t("healthy")}
      </p>
    </section>
  );
}
