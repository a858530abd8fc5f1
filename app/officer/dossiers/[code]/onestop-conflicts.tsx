import { getTranslations } from "next-intl/server";
import { statusSchema } from "@/lib/dossiers/status";
import { formatDateTime } from "@/lib/dates";
import type { openConflicts } from "@/lib/onestop/inbound";
import { resolveOneStopConflict } from "./actions";

/** The One-Stop system reported a status that disagrees with ours: nothing was applied, the officer decides. */
export async function OneStopConflicts({ code, conflicts }: { code: string; conflicts: Awaited<ReturnType<typeof openConflicts>> }) {
  if (conflicts.length === 0) return null;
  const [t, ts] = await Promise.all([getTranslations("officer.onestop"), getTranslations("status")]);
  const statusName = (s: string) => {
    const parsed = statusSchema.safeParse(s);
    return parsed.success ? ts(parsed.data) : s;
  };
  return (
    <section aria-labelledby="onestop-conflicts" role="alert" className="rounded-xl border-2 border-orange-700 bg-orange-50 p-4">
      <h2 id="onestop-conflicts" className="text-lg font-bold">⚠ {t("heading")}</h2>
      <p className="mt-1 text-sm">{t("lead")}</p>
      <ul className="mt-3 space-y-2">
        {conflicts.map((c) => (
          <li key={c.eventId} className="rounded-lg bg-white p-3 ring-1 ring-orange-200" data-onestop-conflict={c.status}>
            <p>{t("says", { status: statusName(c.status), at: formatDateTime(c.receivedAt) })}</p>
            <form action={resolveOneStopConflict} className="mt-2">
              <input type="hidden" name="dossierCode" value={code} />
              <input type="hidden" name="eventId" value={c.eventId} />
              <button type="submit" className="min-h-11 rounded-lg bg-white px-4 font-semibold ring-2 ring-stone-500">{t("resolve")}</button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
