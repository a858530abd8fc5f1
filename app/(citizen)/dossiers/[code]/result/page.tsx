import { notFound } from "next/navigation";
import { z } from "zod";
import { dossierCodeSchema } from "@/lib/dossiers/code";
import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findCitizen, findDossierFor } from "@/lib/db/dossier-queries";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/dates";
import { qrSvg } from "@/lib/privacy/qr";
import { ResultFields } from "@/components/dossier/result-fields";
import { ResultActions } from "@/components/dossier/result-actions";
import { agencyName } from "@/lib/services/agency";
import { communeInSentence, communeOf } from "@/lib/places/commune";
import { collectCentre } from "@/lib/delivery/collect";

export const dynamic = "force-dynamic";

const params = z.object({ code: dossierCodeSchema });

/** The printable digital result: what was issued, to whom, and a QR code anyone can scan to verify it. */
export default async function ResultDocumentPage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const citizenId = await requireCitizen(`/dossiers/${parsed.data.code}/result`);
  const db = await getDb();
  const dossier = await findDossierFor(db, citizenId, parsed.data.code);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  if (!dossier?.result || !dossier.verifyCode || !service) notFound();
  const [owner, t, tc, locale] = await Promise.all([findCitizen(db, dossier.ownerId), getTranslations("result"), getTranslations("collect"), getLocale()]);
  const centre = collectCentre(dossier, communeOf(dossier.prefilled));
  const verifyUrl = `${env().APP_ORIGIN}/verify/${dossier.verifyCode}`;
  const qr = await qrSvg(verifyUrl);
  return (
    <article className="rounded-xl bg-white p-5 ring-1 ring-stone-300 print:ring-0">
      <p className="text-center text-sm font-semibold uppercase tracking-wide">{t("republic")}</p>
      <p className="text-center text-sm">{t("motto")}</p>
      <h1 className="mt-4 text-center text-xl font-bold">{pick(service.result, locale)}</h1>
      <p className="mt-1 text-center text-sm text-stone-700">{agencyName(service, communeOf(dossier.prefilled), locale)}</p>
      <dl className="mt-5 space-y-3">
        <div>
          <dt className="text-sm text-stone-600">{t("holder")}</dt>
          {/* A birth certificate is the child's; everything else is issued to the dossier's owner. */}
          <dd className="font-semibold">{service.issues === "birth-package" ? String(dossier.citizenData.childName ?? "") : owner?.fullName}</dd>
        </div>
        <ResultFields result={dossier.result} />
        {centre && (
          <div>
            <dt className="text-sm text-stone-600">{tc("officer")}</dt>
            <dd className="font-semibold">{tc("centreOf", { commune: communeInSentence(centre, locale) })}</dd>
          </div>
        )}
        <div>
          <dt className="text-sm text-stone-600">{t("issuedOn")}</dt>
          <dd className="font-semibold">{dossier.resultAt ? formatDate(dossier.resultAt) : "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("dossier")}</dt>
          <dd className="font-mono">{dossier.code}</dd>
        </div>
      </dl>
      <figure className="mx-auto mt-6 w-48">
        <div role="img" aria-label={t("qrLabel")} className="w-48" dangerouslySetInnerHTML={{ __html: qr }} />
        <figcaption className="mt-2 break-all text-center text-sm text-stone-700">
          {t("verifyAt")} <span className="font-mono">{verifyUrl}</span>
        </figcaption>
      </figure>
      <div className="mt-6">
        <ResultActions code={dossier.code} onResultPage autoPrint={(await searchParams).print === "1"} />
      </div>
      <p className="mt-3 text-center text-sm text-stone-600 print:hidden">{t("printHint")}</p>
    </article>
  );
}
