import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { findByProvisionalCode, findByVerifyCode } from "@/lib/db/dossier-queries";
import { provisionalProof } from "@/lib/dossiers/provisional-proof";
import * as clock from "@/lib/clock";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { agencyName } from "@/lib/services/agency";
import { documentNumberKey } from "@/lib/dossiers/results";
import { GovHeader } from "@/components/gov-header";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("verify");
  return { title: t("title"), robots: { index: false } };
}

const code = z.string().regex(/^[A-Za-z0-9_-]{10,40}$/);

/** Public check of a result's QR code: says whether it is genuine, never who it belongs to. */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const parsed = code.safeParse((await params).code);
  const db = await getDb();
  const found = parsed.success ? await findByVerifyCode(db, parsed.data) : undefined;
  const service = found && findService(found.serviceCode);
  const valid = Boolean(found && service && (found.status === "approved" || found.status === "delivered"));
  const renewal = !found && parsed.success ? await findByProvisionalCode(db, parsed.data) : undefined;
  const proof = renewal && provisionalProof(renewal, clock.today());
  const renewalService = renewal && findService(renewal.serviceCode);
  const documentNumber = valid && found && service ? found.result?.[documentNumberKey[service.issues]] : undefined;
  const [t, tp, locale] = await Promise.all([getTranslations("verify"), getTranslations("provisional"), getLocale()]);
  return (
    <main id="main" className="mx-auto max-w-md px-5 py-10">
      <GovHeader />
      <h1 className="mt-6 text-2xl font-bold">{t("title")}</h1>
      {proof && renewalService ? (
        <section className="mt-6 rounded-xl border-2 border-emerald-700 bg-emerald-50 p-5" aria-labelledby="verdict">
          <h2 id="verdict" className="flex items-center gap-2 text-xl font-bold text-emerald-900">
            <span aria-hidden="true">✓</span> {tp("valid")}
          </h2>
          <p className="mt-3">
            {tp("verifyBody", {
              document: pick(renewalService.shortName, locale),
              licence: String(proof.licenceNumber ?? ""),
              expiredOn: formatDate(proof.expiredOn),
              issuer: pick(renewalService.agency.name, locale),
            })}
          </p>
          <p className="mt-3 text-sm text-stone-700">{t("privacy")}</p>
        </section>
      ) : valid && found && service ? (
        <section className="mt-6 rounded-xl border-2 border-emerald-700 bg-emerald-50 p-5" aria-labelledby="verdict">
          <h2 id="verdict" className="flex items-center gap-2 text-xl font-bold text-emerald-900">
            <span aria-hidden="true">✓</span> {t("valid")}
          </h2>
          <dl className="mt-3 space-y-2">
            <div><dt className="text-sm text-stone-700">{t("document")}</dt><dd className="font-semibold">{pick(service.result, locale)}</dd></div>
            {documentNumber && (
              <div><dt className="text-sm text-stone-700">{t("documentNo")}</dt><dd className="font-mono font-semibold" data-verify="number">{documentNumber}</dd></div>
            )}
            <div><dt className="text-sm text-stone-700">{t("issuer")}</dt><dd className="font-semibold">{agencyName(service, found.commune ?? undefined, locale)}</dd></div>
            <div><dt className="text-sm text-stone-700">{t("issuedOn")}</dt><dd className="font-semibold">{found.resultAt ? formatDate(found.resultAt) : "—"}</dd></div>
          </dl>
          <p className="mt-3 text-sm text-stone-700">{t("privacy")}</p>
        </section>
      ) : (
        <section className="mt-6 rounded-xl border-2 border-red-700 bg-red-50 p-5" aria-labelledby="verdict">
          <h2 id="verdict" className="flex items-center gap-2 text-xl font-bold text-red-900">
            <span aria-hidden="true">✕</span> {t("invalid")}
          </h2>
          <p className="mt-2">{t("invalidBody")}</p>
        </section>
      )}
    </main>
  );
}
