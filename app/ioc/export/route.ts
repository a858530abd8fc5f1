import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { kpiFilters } from "@/lib/kpi/filters";
import { iocReport } from "@/lib/kpi/ioc-report";
import { exportTables, toCsv, toXlsx, type ExportTable } from "@/lib/kpi/export";
import { catalogue } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { centreName } from "@/lib/kpi/centres";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

const format = z.enum(["csv", "xlsx"]).catch("csv");

/** The dashboard's figures, with its filters, as CSV or .xlsx for the city's reports. IOC staff only. */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (staff?.role !== "ioc") return new Response("Not found", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = kpiFilters.parse(params);
  const today = clock.today();
  const [report, t, locale] = await Promise.all([iocReport(await getDb(), { today, ...filters }), getTranslations("ioc.export"), getLocale()]);
  const service = (code: string) => pick(catalogue.find((s) => s.code === code)?.shortName ?? { vi: code, en: code }, locale);
  const tables = exportTables(report, { service, centre: (c) => centreName(c, locale) });
  const header = (table: ExportTable["sheet"] | null, column: string) =>
    column === "sheet" && table ? t(`sheets.${table}`) : t(`columns.${column}` as "columns.key");
  const name = `chu-dong-ioc-${today}`;
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format.parse(params.format) === "xlsx") {
    return new Response(await toXlsx(tables, header), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      },
    });
  }
  return new Response(toCsv(tables, header), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
  });
}
