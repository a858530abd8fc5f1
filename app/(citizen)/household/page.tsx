import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import * as clock from "@/lib/clock";
import { formatDate } from "@/lib/dates";
import { pick } from "@/lib/i18n/localized";
import { householdUpcoming } from "@/lib/household/upcoming";
import { REMIND_DAYS_BEFORE } from "@/lib/household/reminders";
import { setReminder } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("household");
  return { title: t("title") };
}

export default async function HouseholdPage() {
  const citizenId = await requireCitizen("/household");
  const [t, locale] = await Promise.all([getTranslations("household"), getLocale()]);
  const items = await householdUpcoming(await getDb(), citizenId, clock.today());
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      {items.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {items.map((item) => (
            <li key={`${item.service.code}|${item.subjectKey}|${item.triggerPeriod}`} className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
              <h2 className="font-semibold">{pick(item.service.shortName, locale)}</h2>
              <dl className="mt-1 grid grid-cols-[8rem_1fr] gap-x-2 text-sm">
                <dt className="text-stone-600">{t("person")}</dt>
                <dd>{item.personName}</dd>
                <dt className="text-stone-600">{t("due")}</dt>
                <dd>{formatDate(item.dueOn)}</dd>
                <dt className="text-stone-600">{t("prepareOn")}</dt>
                <dd className="font-semibold">{formatDate(item.prepareOn)}</dd>
              </dl>
              {item.reminder?.sentAt ? (
                <p className="mt-2 text-sm text-green-800">{t("reminderSent", { date: formatDate(item.reminder.sentAt) })}</p>
              ) : (
                <form action={setReminder} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
                  <input type="hidden" name="serviceCode" value={item.service.code} />
                  <input type="hidden" name="subjectKey" value={item.subjectKey} />
                  <input type="hidden" name="triggerPeriod" value={item.triggerPeriod} />
                  <input type="hidden" name="on" value={item.reminder ? "0" : "1"} />
                  <button className="min-h-11 rounded-lg border border-stone-500 px-3 font-semibold focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-300">
                    {item.reminder ? t("reminderOff") : t("reminderOn", { days: REMIND_DAYS_BEFORE })}
                  </button>
                  {item.reminder && <span className="text-sm text-green-800">{t("reminderSet", { date: formatDate(item.reminder.remindOn) })}</span>}
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm text-stone-600">{t("privacy")}</p>
    </>
  );
}
