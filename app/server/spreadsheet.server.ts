/**
 * What every file a spreadsheet may open (CSV, Excel) needs, in one place: text that a
 * spreadsheet would read as a formula is neutralised (OWASP's advice on CSV injection: a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text), and a file name that is safe in a Content-Disposition header.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must show it: never evaluated as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Headers for a download: its type and an attachment name of plain ASCII letters, digits, dots and dashes. */
export function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${safe}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";
