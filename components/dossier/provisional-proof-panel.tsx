import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/dates";
import { qrSvg } from "@/lib/privacy/qr";
import type { ProvisionalProof } from "@/lib/dossiers/provisional-proof";

/** Shown while a renewal confirmed in time waits for a decision that comes after the old licence expired. */
export async function ProvisionalProofPanel({ proof }: { proof: ProvisionalProof }) {
  const t = await getTranslations("provisional");
  const url = `${env().APP_ORIGIN}/verify/${proof.code}`;
  const qr = await qrSvg(url);
  return (
    <section aria-labelledby="provisional-title" className="rounded-xl border-2 border-sky-800 bg-sky-50 p-5">
      <h2 id="provisional-title" className="text-xl font-bold">{t("title")}</h2>
      <p className="mt-2">
        {t("body", { licence: String(proof.licenceNumber ?? ""), expiredOn: formatDate(proof.expiredOn), dossier: proof.dossierCode })}
      </p>
      <figure className="mx-auto mt-4 w-48">
        <div role="img" aria-label={t("qrLabel")} className="w-48" dangerouslySetInnerHTML={{ __html: qr }} />
        <figcaption className="mt-2 text-center text-sm text-stone-700">{t("show")}</figcaption>
      </figure>
    </section>
  );
}
