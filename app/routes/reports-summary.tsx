import { data, Link } from "react-router";
import type { Route } from "./+types/reports-summary";
import { PrintButton } from "~/components/PrintButton";
import { PeriodFields, periodInWords } from "~/components/reports/PeriodFields";
import { formatDate, formatDateTime } from "~/domain/dates";
import { isSuppressed } from "~/domain/reports";
import { formatCents } from "~/domain/requests";
import { scopeInWords } from "~/domain/permissions";
import {
  getReportSummary,
  parseReportParams,
  reportSearch,
  requireReports,
  type ReportCell,
  type SummaryFigure,
} from "~/server/reports.server";
import { requireViewer } from "~/server/session.server";
import { Form } from "react-router";

export const meta: Route.MetaFunction = () => [{ title: "Report summary · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireReports(viewer);
  const parsed = parseReportParams(viewer, new URL(request.url).searchParams);
  const common = { values: parsed.values, program: viewer.programName, scope: scopeInWords(viewer.role), timeZone: viewer.timeZone };
  if (!parsed.ok) return data({ ...common, errors: parsed.errors, summary: null, search: "" }, { status: 400 });
  return { ...common, errors: {}, summary: getReportSummary(viewer, parsed.query), search: reportSearch(parsed.values) };
}

function valueText(kind: SummaryFigure["kind"], v: ReportCell): string {
  if (v === null) return "—";
  if (typeof v === "string") return v;
  if (kind === "money") return formatCents(v);
  return v.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** "up 3", "down $120.00", "same": only when both values are shown. */
function change(kind: SummaryFigure["kind"], current: ReportCell, previous: ReportCell): string {
  if (typeof current !== "number" || typeof previous !== "number" || isSuppressed(current) || isSuppressed(previous)) return "";
  const d = current - previous;
  if (d === 0) return "same";
  const amount = kind === "money" ? formatCents(Math.abs(d)) : Math.abs(d).toLocaleString("en-US", { maximumFractionDigits: 1 });
  return `${d > 0 ? "up" : "down"} ${amount}`;
}

export default function ReportSummaryPage({ loaderData }: Route.ComponentProps) {
  const { summary, values, errors, program, scope, search, timeZone } = loaderData;
  return (
    <section aria-labelledby="summary-heading" className="report-summary">
      <p className="no-print">
        <Link to={`/reports${search ? `?${search}` : ""}`}>← Back to the reports</Link>
      </p>
      <Form method="get" className="filters no-print" aria-label="Summary period">
        <PeriodFields values={values} errors={errors} />
        {(["type", "supervisor", "supervisorName", "advocate", "advocateName"] as const).map((k) =>
          values[k] ? <input key={k} type="hidden" name={k} value={values[k]} /> : null,
        )}
        <div className="filter-actions">
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </Form>
      {summary ? (
        <>
          <div className="page-head">
            <h1 id="summary-heading">Summary for {program}</h1>
            <p className="report-period">
              <strong>{periodInWords(summary.period)}</strong>
            </p>
            <p className="muted">
              The youth {scope}, beside the previous period ({formatDate(summary.previous.from, "UTC")} –{" "}
              {formatDate(summary.previous.to, "UTC")}). Open cases today: {valueText("count", summary.openCases)}. Prepared{" "}
              {formatDateTime(summary.generatedAt, timeZone)}.
            </p>
            <div className="no-print">
              <PrintButton label="Print this summary" />
            </div>
          </div>
          <table className="report-table summary-table">
            <caption className="sr-only">Key figures, this period and the previous one</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col" className="num">
                  This period
                </th>
                <th scope="col" className="num">
                  Previous period
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.figures.map((f) => (
                <tr key={f.key}>
                  <th scope="row">{f.label}</th>
                  <td className="num">{valueText(f.kind, f.current)}</td>
                  <td className="num">{valueText(f.kind, f.previous)}</td>
                  <td className="num">{change(f.kind, f.current, f.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small-print">
            Counts from 1 to 4 are shown as “fewer than 5” so that no youth can be singled out. This summary is meant to leave the program:
            it carries confirmed CSEC figures only, never a concern under review. Funds are in US dollars.
          </p>
        </>
      ) : (
        <div className="empty-state">
          <h1 id="summary-heading">Report summary</h1>
          <p>Correct the period above to see the summary.</p>
        </div>
      )}
    </section>
  );
}
