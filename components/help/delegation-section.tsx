import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { CitizenDossier } from "@/lib/db/dossier-queries";
import type { GrantView } from "@/lib/db/delegation-queries";
import { DELEGATION_PERIODS } from "@/lib/dossiers/delegation";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { addDays, formatDate } from "@/lib/dates";

const notices = ["granted", "revoked"] as const;
const errors = ["self", "unknownPerson", "personalId", "pastDate", "tooFar", "notYours", "alreadyGranted", "rateLimited", "invalid", "revokeFailed"] as const;
const outcome = z.enum([...notices, ...errors]).optional().catch(undefined);

/** The account page's "Ủy quyền cho người thân": who may act for the citizen, a form to add one, revoke at once. */
export async function DelegationSection(props: {
  dossiers: CitizenDossier[];
  grants: GrantView[];
  today: string;
  outcome: unknown;
  grant: (form: FormData) => Promise<void>;
  revoke: (form: FormData) => Promise<void>;
}) {
  const [t, locale] = await Promise.all([getTranslations("help.delegation"), getLocale()]);
  const shown = outcome.parse(props.outcome);
  const serviceName = (code: string) => {
    const service = findService(code);
    return service ? pick(service.shortName, locale) : code;
  };
  const services = [...new Set(props.dossiers.map((d) => d.serviceCode))];
  const failed = shown && (errors as readonly string[]).includes(shown);
  return (
    <section id="uy-quyen" aria-labelledby="delegation" className="mt-6 scroll-mt-4 space-y-4 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <h2 id="delegation" className="font-bold">{t("title")}</h2>
      <p className="text-sm text-stone-700">{t("lead")}</p>
      {shown && (
        <p role={failed ? "alert" : "status"} className={failed ? "font-semibold text-red-700" : "font-semibold text-emerald-800"}>
          {shown === "granted" || shown === "revoked" || shown === "revokeFailed" ? t(shown) : t(`errors.${shown}`)}
        </p>
      )}

      <h3 className="font-semibold">{t("active")}</h3>
      {props.grants.length === 0 ? (
        <p className="text-sm">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg ring-1 ring-stone-200" aria-label={t("active")}>
          {props.grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-grant={g.otherName}>
              <span>
                <span className="block font-semibold">{g.otherName}</span>
                <span className="block text-sm">
                  {g.dossierCode ? t("grantDossier", { code: g.dossierCode, service: serviceName(g.serviceCode) }) : t("grantService", { service: serviceName(g.serviceCode) })}
                </span>
                <span className="block text-sm text-stone-600">{t("grantUntil", { date: formatDate(g.endsAt) })}</span>
              </span>
              <form action={props.revoke}>
                <input type="hidden" name="grantId" value={g.id} />
                <button type="submit" className="min-h-11 rounded-lg px-4 font-semibold text-red-800 ring-2 ring-red-700">
                  {t("revoke")}
                  <span className="sr-only"> ({g.otherName})</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      {props.dossiers.length === 0 ? (
        <p className="text-sm">{t("noDossiers")}</p>
      ) : (
        <form action={props.grant} className="space-y-3">
          <div>
            <label htmlFor="delegateId" className="block font-semibold">{t("delegateId")}</label>
            <p id="delegateId-hint" className="text-sm text-stone-600">{t("delegateIdHint")}</p>
            <input
              id="delegateId"
              name="delegateId"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              required
              aria-describedby="delegateId-hint"
              className="mt-1 block min-h-11 w-full rounded-lg border-2 border-stone-400 px-3 font-mono"
            />
          </div>
          <div>
            <label htmlFor="scope" className="block font-semibold">{t("scope")}</label>
            <select id="scope" name="scope" required className="mt-1 block min-h-11 w-full rounded-lg border-2 border-stone-400 px-2">
              {props.dossiers.map((d) => (
                <option key={d.code} value={`dossier:${d.code}`}>{t("scopeDossier", { code: d.code, service: serviceName(d.serviceCode) })}</option>
              ))}
              {services.map((code) => (
                <option key={code} value={`service:${code}`}>{t("scopeService", { service: serviceName(code) })}</option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="font-semibold">{t("period")}</legend>
            <div className="mt-1 grid gap-2">
              {DELEGATION_PERIODS.map((days) => (
                <label key={days} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-brand">
                  <input type="radio" name="days" value={days} defaultChecked={days === 30} className="h-4 w-4 accent-brand" />
                  {t("days", { days, date: formatDate(addDays(props.today, days)) })}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="min-h-12 w-full rounded-lg bg-brand font-semibold text-white">{t("submit")}</button>
        </form>
      )}
    </section>
  );
}
