import { data, Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/reports";
import { requestTypeOptions } from "~/server/program-settings.server";
import { AdvocateFilters, FilterActions, RequestTypeFilter, SupervisorFilter } from "~/components/ListFilters";
import { ReportChart } from "~/components/reports/ReportChart";
import { ReportFigure } from "~/components/reports/ReportFigure";
import { PeriodFields, periodInWords } from "~/components/reports/PeriodFields";
import { scopeInWords } from "~/domain/permissions";
import { getReports, parseReportParams, reportCapabilities, reportSearch, requireReports } from "~/server/reports.server";
import { getDb } from "~/server/db.server";
import { requireViewer } from "~/server/session.server";
import { advocateFilterOptions, supervisorFilterOptions } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Reports · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireReports(viewer);
  const db = getDb();
  const parsed = parseReportParams(viewer, new URL(request.url).searchParams);
  const capabilities = reportCapabilities(viewer);
  const common = {
    values: parsed.values,
    scope: scopeInWords(viewer.role),
    capabilities,
    options: {
      ...advocateFilterOptions(viewer, db),
      ...supervisorFilterOptions(viewer, db, parsed.values.supervisor ? Number(parsed.values.supervisor) : undefined),
      types: requestTypeOptions(viewer.programId, db),
    },
  };
  if (!parsed.ok) {
    return data({ ...common, errors: parsed.errors, reports: null, search: "" }, { status: 400 });
  }
  return { ...common, errors: {}, reports: getReports(viewer, parsed.query, db), search: reportSearch(parsed.values) };
}

export default function ReportsPage({ loaderData }: Route.ComponentProps) {
  const { values, errors, reports, search, options, capabilities, scope } = loaderData;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/reports";
  const filtered = Boolean(
    values.period !== "this_month" || values.type || values.supervisor || values.supervisorName || values.advocate || values.advocateName,
  );
  return (
    <section aria-labelledby="reports-heading" aria-busy={loading}>
      <div className="page-head">
        <h1 id="reports-heading">Reports</h1>
        <p className="muted">
          Requests, caseload health, runaway episodes and CSEC figures for the youth {scope}. Counts from 1 to 4 show as “fewer than 5”,
          with a second count hidden where a total would give one away.
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Report period and filters">
        <PeriodFields values={values} errors={errors} />
        <RequestTypeFilter label="Request type" value={values.type} options={options.types} />
        {capabilities.bySupervisor ? (
          <SupervisorFilter options={options} supervisor={values.supervisor} supervisorName={values.supervisorName} />
        ) : null}
        <AdvocateFilters options={options} advocate={values.advocate} advocateName={values.advocateName} />
        <FilterActions filtered={filtered} clearHref="/reports" />
        {loading ? (
          <p className="muted" role="status">
            Updating the report…
          </p>
        ) : null}
      </Form>

      {reports ? (
        <>
          <div className="report-head">
            <h2 className="report-period">{periodInWords(reports.period)}</h2>
            <ul className="report-links no-print">
              <li>
                <Link to={`/reports/summary${search ? `?${search}` : ""}`}>One-page summary to print</Link>
              </li>
              <li>
                <a href={`/reports/tables/all.xlsx${search ? `?${search}` : ""}`}>Every table in one Excel workbook</a>
              </li>
              {capabilities.exportProgram ? (
                <li>
                  <a href="/reports/export">Export all of the program’s records (Excel)</a>
                </li>
              ) : null}
            </ul>
          </div>
          <nav aria-label="Report sections" className="page-sections no-print">
            <ul>
              {reports.sections.map((s) => (
                <li key={s.key}>
                  <a href={`#section-${s.key}`}>{s.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {reports.sections.map((s) => (
            <section key={s.key} id={`section-${s.key}`} aria-labelledby={`section-${s.key}-title`} className="report-section">
              <h2 id={`section-${s.key}-title`}>{s.title}</h2>
              {s.tables.map((t) => (
                <ReportFigure key={t.key} table={t} search={search} chart={t.chart ? <ReportChart table={t} /> : undefined} />
              ))}
            </section>
          ))}
        </>
      ) : (
        <div className="empty-state">
          <p>Correct the period above to see the report.</p>
        </div>
      )}
    </section>
  );
}
