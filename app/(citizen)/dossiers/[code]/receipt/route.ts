import { NextResponse } from "next/server";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findCitizen, findDossierFor } from "@/lib/db/dossier-queries";
import { dossierCodeSchema } from "@/lib/dossiers/code";
import { findService } from "@/lib/services/catalogue";
import { paidPaymentOf } from "@/lib/payments/orders";
import { pick } from "@/lib/i18n/localized";
import { formatVnd } from "@/lib/money";
import { formatDateTime } from "@/lib/dates";
import { receiptHtml } from "@/lib/payments/receipt-html";
import { agencyName } from "@/lib/services/agency";
import { communeOf } from "@/lib/places/commune";

export const dynamic = "force-dynamic";

const params = z.object({ code: dossierCodeSchema });

/** The electronic fee receipt as a file the citizen keeps; only a party to the dossier gets it. */
export async function GET(_request: Request, context: { params: Promise<{ code: string }> }) {
  const parsed = params.safeParse(await context.params);
  const citizenId = await currentCitizenId();
  if (!parsed.success || !citizenId) return new NextResponse(null, { status: 404 });
  const db = await getDb();
  const dossier = await findDossierFor(db, citizenId, parsed.data.code);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  const payment = dossier && (await paidPaymentOf(db, dossier.id));
  if (!dossier || !service || !payment?.receiptNo || !payment.paidAt) return new NextResponse(null, { status: 404 });
  const [payer, t, locale] = await Promise.all([findCitizen(db, payment.citizenId), getTranslations("payment.receipt"), getLocale()]);
  const html = receiptHtml({
    lang: locale,
    title: t("fileTitle", { receiptNo: payment.receiptNo }),
    header: [t("republic"), t("motto"), t("heading")],
    rows: [
      [t("receiptNo"), payment.receiptNo],
      [t("payer"), payer?.fullName ?? ""],
      [t("service"), pick(service.name, locale)],
      [t("dossier"), dossier.code],
      [t("agency"), agencyName(service, communeOf(dossier.prefilled), locale)],
      [t("amount"), formatVnd(payment.amountVnd, locale)],
      [t("paidAt"), formatDateTime(payment.paidAt)],
      [t("gatewayTxn"), payment.gatewayTxnNo ?? ""],
    ],
    note: t("note"),
  });
  return new NextResponse(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-disposition": `attachment; filename="bien-lai-${payment.receiptNo}.html"`,
      "cache-control": "private, no-store",
    },
  });
}
