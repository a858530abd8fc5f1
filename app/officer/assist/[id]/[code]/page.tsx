import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireWardOfficer } from "@/lib/auth/ward-officer";
import { getDb } from "@/lib/db/client";
import { assistedDossier } from "@/lib/dossiers/assist";
import { dossierCodeSchema } from "@/lib/dossiers/code";
import { isAwaitingCitizen } from "@/lib/dossiers/status";
import { initialValues } from "@/lib/services/citizen-input";
import { pick } from "@/lib/i18n/localized";
import { FIELD_PREFIX } from "@/components/dossier/form-state";
import { fieldViews } from "@/components/dossier/field-views";
import { PrefilledSummary } from "@/components/dossier/prefilled-summary";
import { StatusBadge } from "@/components/ui/status-badge";
import { saveAssisted } from "./actions";

export const dynamic = "force-dynamic";

const query = z.object({
  result: z.enum(["submitted", "saved", "invalid", "conflict", "notEditable", "correctionPending"]).optional().catch(undefined),
  fields: z.string().max(500).optional().catch(undefined),
});

type Props = { params: Promise<{ id: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One of the citizen's dossiers at the counter: the pre-filled data to read back, and their part to fill. */
export default async function AssistedDossierPage(props: Props) {
  const { id, code: rawCode } = await props.params;
  const code = dossierCodeSchema.safeParse(rawCode);
  if (!code.success) notFound();
  const back = `/officer/assist/${encodeURIComponent(id)}`;
  const officer = await requireWardOfficer(`${back}/${code.data}`);
  const db = await getDb();
  const found = await assistedDossier(db, officer, id, code.data);
  if (!found.ok && found.error === "expired") redirect(`${back}?code=expired`);
  if (!found.ok) notFound();
  const { dossier, service, citizen } = found;

  const [t, tAll, locale, search] = await Promise.all([getTranslations("help.assist"), getTranslations(), getLocale(), props.searchParams]);
  const q = query.parse(search);
  const fields = fieldViews(service, dossier.prefilled, locale, tAll);
  const values = initialValues(service, dossier.prefilled, dossier.citizenData);
  const bad = new Set((q.fields ?? "").split(",").filter(Boolean));
  const awaiting = isAwaitingCitizen(dossier.status);
  const notices = {
    submitted: t("submitted", { code: dossier.code }),
    saved: t("saved"),
    invalid: bad.has("consent") && bad.size === 1 ? t("consentRequired") : t("fieldErrors", { fields: fields.filter((f) => bad.has(f.key)).map((f) => f.label).join(", ") || "—" }),
    conflict: t("conflict"),
    notEditable: t("notEditable"),
    correctionPending: tAll("corrections.blockedTitle"),
  };
  const ok = q.result === "submitted" || q.result === "saved";

  return (
    <article className="space-y-5">
      <Link href={back} className="inline-flex min-h-11 items-center text-blue-800 underline">← {t("back")}</Link>
      <header>
        <p className="font-mono text-sm text-stone-600">{dossier.code}</p>
        <h1 className="text-2xl font-bold">{pick(service.shortName, locale)}</h1>
        <p className="text-stone-700">{citizen.fullName}</p>
        <div className="mt-2"><StatusBadge status={dossier.status} /></div>
      </header>
      {q.result && (
        <p role={ok ? "status" : "alert"} className={ok ? "rounded-lg bg-emerald-700 p-4 font-semibold text-white" : "font-semibold text-red-700"}>
          {notices[q.result]}
        </p>
      )}
      <PrefilledSummary service={service} prefilled={dossier.prefilled} locale={locale} />
      {awaiting && (
        <form action={saveAssisted} className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <h2 className="text-lg font-bold">{t("answersTitle")}</h2>
          <input type="hidden" name="assistId" value={id} />
          <input type="hidden" name="dossierCode" value={dossier.code} />
          <input type="hidden" name="version" value={dossier.version} />
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          {fields.map((f) =>
            f.options ? (
              <fieldset key={f.key}>
                <legend className="font-semibold">{f.label}</legend>
                <div className="mt-1 grid gap-2">
                  {f.options.map((o) => (
                    <label key={o.value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 ring-1 ring-stone-300">
                      <input type="radio" name={`${FIELD_PREFIX}${f.key}`} value={o.value} defaultChecked={values[f.key] === o.value} className="h-4 w-4" />
                      <span>{o.label}{o.detail && <span className="block text-sm text-stone-600">{o.detail}</span>}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <div key={f.key}>
                <label htmlFor={`f-${f.key}`} className="block font-semibold">{f.label}</label>
                {f.hint && <p className="text-sm text-stone-600">{f.hint}</p>}
                <input
                  id={`f-${f.key}`}
                  name={`${FIELD_PREFIX}${f.key}`}
                  defaultValue={values[f.key] ?? ""}
                  inputMode={f.inputMode ?? (f.kind === "number" ? "numeric" : undefined)}
                  className="mt-1 block min-h-11 w-full rounded-lg border-2 border-stone-400 px-3"
                />
              </div>
            ),
          )}
          <label className="flex min-h-11 items-start gap-2">
            <input type="checkbox" name="consent" value="yes" className="mt-1 h-5 w-5" />
            <span>{t("consent")}</span>
          </label>
          <div className="grid gap-2 sm:grid-cols-2">
            <button type="submit" name="intent" value="confirm" className="min-h-11 rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("confirm")}</button>
            <button type="submit" name="intent" value="amend" className="min-h-11 rounded-lg px-4 font-semibold ring-2 ring-slate-700">{t("save")}</button>
          </div>
        </form>
      )}
    </article>
  );
}
