/**
 * A report table as a file: `/reports/tables/<table>.csv` or `.xlsx`, or every table of the
 * report in one workbook (`all.xlsx`), for the period and filters in the query. The same numbers
 * as the page (suppressed on the server). Each download is audited.
 */
import type { Route } from "./+types/reports-file";
import { auditChange } from "~/server/audit.server";
import { getDb } from "~/server/db.server";
import { reportTableCsv, reportWorkbook } from "~/server/report-files.server";
import { findReportTable, getReports, parseReportParams, reportSearch, requireReports } from "~/server/reports.server";
import { notFound } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { CSV_TYPE, downloadHeaders, XLSX_TYPE } from "~/server/spreadsheet.server";
import { data } from "react-router";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireReports(viewer);
  const m = /^([a-z0-9-]{1,60})\.(csv|xlsx)$/.exec(params.file ?? "");
  if (!m) notFound("Report");
  const [, key, format] = m as unknown as [string, string, "csv" | "xlsx"];
  const parsed = parseReportParams(viewer, new URL(request.url).searchParams);
  if (!parsed.ok) throw data({ message: Object.values(parsed.errors).join(" ") }, { status: 400 });
  const db = getDb();
  const reports = getReports(viewer, parsed.query, db);
  const tables = key === "all" && format === "xlsx" ? reports.sections.flatMap((s) => s.tables) : [findReportTable(reports, key)];
  if (tables.some((t) => t === undefined)) notFound("Report");
  const found = tables.filter((t) => t !== undefined);
  auditChange(db, viewer, {
    action: "report.download",
    entityType: "report",
    entityId: key,
    details: { format, period: parsed.query.period, filters: reportSearch(parsed.values) },
  });
  const name = `${key}-${parsed.query.period.from}-to-${parsed.query.period.to}.${format}`;
  if (format === "csv") return new Response(reportTableCsv(found[0]!), { headers: downloadHeaders(name, CSV_TYPE) });
  const filters = reportSearch({ ...parsed.values, period: "", from: "", to: "" });
  const body = await reportWorkbook(found, reports, { program: viewer.programName, filters });
  return new Response(new Uint8Array(body), { headers: downloadHeaders(name, XLSX_TYPE) });
}
