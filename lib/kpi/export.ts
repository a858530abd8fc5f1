import ExcelJS from "exceljs";
import type { IocReport } from "./ioc-report";
import { kpiRates } from "./rates";
import { declineReasons } from "../dossiers/decline";
import type { Centre } from "./centres";

type Cell = string | number | null;

export interface ExportTable {
  /** A key of messages ioc.export.sheets; also the xlsx sheet's name once translated. */
  sheet: "services" | "communes" | "forecast" | "centres" | "trends" | "ranking" | "declines";
  /** Keys of messages ioc.export.columns. */
  columns: string[];
  rows: Cell[][];
}

/** Rates stay fractions (0–1) with 4 decimals: a spreadsheet formats them, a CSV reader divides nothing. */
const rate = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/**
 * The dashboard's figures as flat tables for the city's reports. Built from the IOC report only, so an
 * export can hold no more than the screen: counts and rates, never a person.
 */
export function exportTables(report: IocReport, label: { service: (code: string) => string; centre: (c: Centre) => string }): ExportTable[] {
  const counts = (key: string, name: string, c: IocReport["totals"]): Cell[] => {
    const r = kpiRates(c);
    return [key, name, c.prepared, c.confirmed, c.declined, c.results, rate(r.onTime), rate(r.fullyOnline), c.overdue, c.medianDaysToResult];
  };
  const countColumns = ["key", "name", "prepared", "confirmed", "declined", "results", "onTimeRate", "fullyOnlineRate", "overdue", "medianDays"];
  return [
    { sheet: "services", columns: countColumns, rows: report.byService.map((s) => counts(s.service, label.service(s.service), s)) },
    { sheet: "communes", columns: countColumns, rows: report.byCommune.map((c) => counts(c.commune, c.commune, c)) },
    {
      sheet: "forecast",
      columns: ["service", "commune", "method", "next30", "next90"],
      rows: report.forecast.map((f) => [label.service(f.service), f.commune, f.method, f.next30, f.next90]),
    },
    {
      sheet: "centres",
      columns: ["centre", "commune", "queue", "throughputPerDay", "overdue", "atRisk"],
      rows: report.centres.map((c) => [label.centre(c), c.commune, c.queue, Math.round(c.throughputPerDay * 100) / 100, c.overdue, c.atRisk]),
    },
    {
      sheet: "trends",
      columns: ["centre", "commune", "day", "received", "resolved", "backlog", "onTime"],
      rows: report.trends.flatMap((c) => c.days.map((d) => [label.centre(c), c.commune, d.day, d.received, d.resolved, d.backlog, d.onTime])),
    },
    {
      sheet: "ranking",
      columns: ["kind", "rank", "name", "results", "onTimeRate", "fullyOnlineRate"],
      rows: [
        ...report.ranking.communes.map((r, i): Cell[] => ["commune", i + 1, r.key, r.results, rate(r.onTime), rate(r.fullyOnline)]),
        ...report.ranking.services.map((r, i): Cell[] => ["service", i + 1, label.service(r.key), r.results, rate(r.onTime), rate(r.fullyOnline)]),
      ],
    },
    {
      sheet: "declines",
      columns: ["service", "prepared", "declined", "declineRate", ...declineReasons, "unstated"],
      rows: report.declines.map((d) => [
        label.service(d.service),
        d.prepared,
        d.declined,
        rate(d.rate),
        ...declineReasons.map((r) => d.reasons[r]),
        d.reasons.unstated,
      ]),
    },
  ];
}

function csvCell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV (UTF-8 with a BOM, for Excel) with a `table` column naming each row's table. */
export function toCsv(tables: ExportTable[], header: (table: ExportTable["sheet"] | null, column: string) => string): string {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push([header(null, "table"), ...table.columns.map((c) => header(table.sheet, c))].map(csvCell).join(","));
    for (const row of table.rows) lines.push([header(table.sheet, "sheet"), ...row].map(csvCell).join(","));
    lines.push("");
  }
  return `\uFEFF${lines.join("\r\n")}`;
}

/** One sheet per table. */
export async function toXlsx(tables: ExportTable[], header: (table: ExportTable["sheet"] | null, column: string) => string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(header(table.sheet, "sheet").slice(0, 31));
    sheet.addRow(table.columns.map((c) => header(table.sheet, c))).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column) => (column.width = 18));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
