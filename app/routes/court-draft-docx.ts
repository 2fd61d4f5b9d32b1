/**
 * `/youth/:id/court-draft.docx`: the court report draft as a Word document, for the period in
 * the query. While passages name CSEC words that nobody has confirmed, it sends nothing and
 * goes back to the draft, where the passages are shown. Each download is audited.
 */
import { redirect } from "react-router";
import type { Route } from "./+types/court-draft-docx";
import { courtQuery } from "~/domain/court-sections";
import { initialsOf } from "~/domain/youth";
import { courtReportDocx } from "~/server/court-docx.server";
import { courtPeriodOf, downloadCourtReport } from "~/server/court-report.server";
import { printedBy } from "~/server/packets.server";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { downloadHeaders } from "~/server/spreadsheet.server";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const period = courtPeriodOf(new URL(request.url), viewer);
  const result = downloadCourtReport(viewer, youthId, period);
  if (!result.ok) throw redirect(`/youth/${youthId}/court-draft${courtQuery(period)}#check`);
  const body = await courtReportDocx(result.report, printedBy(viewer), viewer.timeZone);
  // Initials only: a file name lands in download lists and recent-files menus.
  const name = `court-report-draft-${initialsOf(result.report.draft.overview.name).replace(/[^A-Za-z]/gu, "")}-${period.to}.docx`;
  return new Response(new Uint8Array(body), { headers: downloadHeaders(name, DOCX_TYPE) });
}
