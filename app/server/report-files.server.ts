/**
 * Report tables as files: CSV (csv-stringify) and Excel (exceljs). The numbers are the page's own
 * (already suppressed on the server: "fewer than 5" is text here too); text is neutralised against
 * formula injection; in the workbook, months and dates are real dates, money is a number in
 * dollars with a currency format, and each column is as wide as its content.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { PERIOD_LABELS, SUPPRESSED } from "../domain/reports";
import type { ReportCell, ReportColumn, ReportTable, Reports } from "./reports.server";
import { neutraliseFormula } from "./spreadsheet.server";

/** A cell's value in a file: numbers stay numbers; text is neutralised. */
function fileValue(column: ReportColumn, value: ReportCell): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === "number") return column.kind === "money" ? value / 100 : value;
  if (value === SUPPRESSED) return value;
  switch (column.kind) {
    case "month": {
      const m = /^(\d{4})-(\d{2})$/.exec(value);
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : neutraliseFormula(value);
    }
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : neutraliseFormula(value);
    }
    case "link":
      // "/requests/12" -> the request's number.
      return /^\/requests\/(\d+)$/.test(value) ? Number(value.split("/").pop()) : neutraliseFormula(value);
    default:
      return neutraliseFormula(value);
  }
}

function rowsOf(table: ReportTable): ReportCell[][] {
  return table.totalRow ? [...table.rows, table.totalRow] : table.rows;
}

export function reportTableCsv(table: ReportTable): string {
  const csvValue = (column: ReportColumn, cell: ReportCell) => {
    const v = fileValue(column, cell);
    if (v instanceof Date) return v.toISOString().slice(0, column.kind === "month" ? 7 : 10);
    if (typeof v === "number" && column.kind === "money") return v.toFixed(2);
    return v;
  };
  const header = table.columns.map((c) => neutraliseFormula(c.kind === "money" ? `${c.header} (USD)` : c.header));
  const body = rowsOf(table).map((row) => table.columns.map((c, i) => csvValue(c, row[i] ?? null)));
  // A byte order mark so that Excel opens the UTF-8 file with its accents and dashes intact.
  return `\uFEFF${stringify([header, ...body])}`;
}

const NUMBER_FORMATS: Partial<Record<ReportColumn["kind"], string>> = {
  money: '"$"#,##0.00',
  month: "mmm yyyy",
  date: "yyyy-mm-dd",
  number: "0.0",
};

function sheetName(title: string, used: Set<string>): string {
  const base = title
    .replace(/[[\]:*?/\\]/g, " ")
    .slice(0, 28)
    .trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, used: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(table.title, used));
  sheet.addRow(table.columns.map((c) => neutraliseFormula(c.kind === "money" ? `${c.header} (USD)` : c.header))).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c, i) => fileValue(c, row[i] ?? null)));
  if (table.totalRow) sheet.addRow(table.columns.map((c, i) => fileValue(c, table.totalRow![i] ?? null))).font = { bold: true };
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const format = NUMBER_FORMATS[c.kind];
    if (format) column.numFmt = format;
    // As wide as the longest thing shown in it (dates and money by their formatted length).
    let width = c.header.length + (c.kind === "money" ? 6 : 0);
    for (const row of rowsOf(table)) {
      const v = row[i];
      const shown =
        c.kind === "money" && typeof v === "number" ? (v / 100).toFixed(2).length + 4 : c.kind === "month" ? 8 : String(v ?? "").length;
      width = Math.max(width, shown);
    }
    column.width = Math.min(60, width + 2);
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** A workbook of one or more report tables, and a last sheet that says what it is. */
export async function reportWorkbook(
  tables: ReportTable[],
  reports: Reports,
  about: { program: string; filters: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CASA MDT";
  workbook.created = new Date(reports.generatedAt);
  const used = new Set<string>();
  for (const t of tables) addTableSheet(workbook, t, used);
  const info = workbook.addWorksheet(sheetName("About", used));
  info.addRows([
    ["Program", neutraliseFormula(about.program)],
    ["Period", `${PERIOD_LABELS[reports.period.kind]}: ${reports.period.from} to ${reports.period.to}`],
    ["Filters", neutraliseFormula(about.filters || "none")],
    ["Generated", new Date(reports.generatedAt)],
    ["Small counts", 'Counts from 1 to 4 are shown as "fewer than 5"; where a total would give one away, a second count is hidden too.'],
  ]);
  info.getColumn(1).font = { bold: true };
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 90;
  info.getCell("B4").numFmt = "yyyy-mm-dd hh:mm";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
