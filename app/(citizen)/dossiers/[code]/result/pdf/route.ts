import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findCitizen, findDossierFor } from "@/lib/db/dossier-queries";
import { dossierCodeSchema } from "@/lib/dossiers/code";
import { findService } from "@/lib/services/catalogue";
import { agencyName } from "@/lib/services/agency";
import { communeOf } from "@/lib/places/commune";
import { pick } from "@/lib/i18n/localized";
import { env } from "@/lib/env";
import { formatDate, formatIfDate } from "@/lib/dates";
import { renderResultPdf } from "@/lib/documents/result-pdf";

export const dynamic = "force-dynamic";

const params = z.object({ code: dossierCodeSchema });
const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** "Tải PDF": the result rendered on the server, for the dossier's parties only. */
export async function GET(_request: Request, { params: raw }: { params: Promise<{ code: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) return notFound();
  const citizenId = await currentCitizenId();
  if (!citizenId) return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(`/dossiers/${parsed.data.code}/result`)}` } });
  const db = await getDb();
  const dossier = await findDossierFor(db, citizenId, parsed.data.code);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  if (!dossier?.result || !dossier.verifyCode || !service) return notFound();
  const [owner, t, labels, locale] = await Promise.all([findCitizen(db, dossier.ownerId), getTranslations("result"), getTranslations("officer.result"), getLocale()]);
  const holder = service.issues === "birth-package" ? String(dossier.citizenData.childName ?? "") : (owner?.fullName ?? "");
  const pdf = await renderResultPdf({
    republic: t("republic"),
    motto: t("motto"),
    title: pick(service.result, locale),
    agency: agencyName(service, communeOf(dossier.prefilled), locale),
    rows: [
      { label: t("holder"), value: holder },
      ...Object.entries(dossier.result).map(([key, value]) => ({ label: labels(key as "school"), value: formatIfDate(value) })),
      { label: t("issuedOn"), value: dossier.resultAt ? formatDate(dossier.resultAt) : "—" },
      { label: t("dossier"), value: dossier.code },
    ],
    verifyLabel: t("verifyAt"),
    verifyUrl: `${env().APP_ORIGIN}/verify/${dossier.verifyCode}`,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="ket-qua-${dossier.code}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
