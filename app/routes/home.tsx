import { Link, redirect } from "react-router";
import type { Route } from "./+types/home";
import { CaseloadTable, PeopleCaseloadTable } from "~/components/CaseloadTable";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { parseTableParams } from "~/components/table/url-state";
import { calendarDateIn, describeDue, formatDateTime } from "~/domain/dates";
import { can, seesCaseContent, seesThroughAssignment, youthScopeOf } from "~/domain/permissions";
import { caseloadSortable } from "~/server/caseload.server";
import { getHome } from "~/server/home.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Today · CASA MDT" }];

/** Case roles land on "who needs me today?"; administrators, who see no case content, on administration. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  if (!seesCaseContent(viewer.role)) throw redirect("/admin/users");
  // The page's one table (the caseload, or a program lead's supervisors) owns `sort` and `page`.
  const programWide = youthScopeOf(viewer.role).kind === "program";
  const table = parseTableParams(new URL(request.url).searchParams, {
    sortable: programWide ? ["name"] : caseloadSortable(viewer),
    defaultSort: { id: "name", desc: false },
  });
  return {
    home: getHome(viewer, table),
    sort: table.sort,
    supervises: seesThroughAssignment(viewer.role, "supervisor"),
    reports: can(viewer.role, "read:reports"),
    timeZone: viewer.timeZone,
    today: calendarDateIn(new Date(), viewer.timeZone),
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { home, timeZone, today, sort, reports } = loaderData;
  return (
    <section aria-labelledby="home-heading" className="home">
      <h1 id="home-heading">Today</h1>

      <section aria-labelledby="missing-now-heading" className={home.missing.length ? "missing-banner" : "panel"}>
        <h2 id="missing-now-heading">Missing now</h2>
        {home.missing.length ? (
          <ul className="clock-list">
            {home.missing.map((y) => (
              <li key={y.id}>
                <Link to={`/youth/${y.id}`}>
                  <strong>{y.name}</strong>
                </Link>
                : {y.missing?.words ?? "missing"}
                {y.missing?.unreported.length ? (
                  <ul>
                    {y.missing.unreported.map((u) => (
                      <li key={u.words} className={u.state === "overdue" ? "clock-overdue" : "clock-due"}>
                        {u.state === "overdue" ? <strong>{u.words}</strong> : u.words}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="cell-sub">Both reports recorded.</span>
                )}
                {y.missing ? (
                  <Link className="button" to={`/youth/${y.id}/episodes/${y.missing.episodeId}`}>
                    {home.canRecord && y.missing.unreported.length ? "Record the reports" : "Open the checklist"}
                    <span className="sr-only"> for {y.name}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>No one is missing. If a youth goes missing, record it from their page: the reports are due within 24 hours.</p>
        )}
      </section>

      <section aria-labelledby="figures-heading" className="panel">
        <h2 id="figures-heading">Needs attention</h2>
        <ul className="home-figures">
          {home.figures.map((f) => (
            <li key={f.key} className={f.urgent ? "urgent" : undefined}>
              <Link to={f.href}>
                <span className="figure">{f.count}</span> {f.label}
              </Link>
            </li>
          ))}
        </ul>
        {reports ? (
          <p className="home-reports">
            <Link to="/reports">Reports</Link>: requests and what youth received, caseload health, runaway episodes and CSEC figures over a
            period, with CSV and Excel downloads and a one-page summary to print.
          </p>
        ) : null}
      </section>

      {home.concernQueue ? (
        <section aria-labelledby="concern-queue-heading" className="panel">
          <h2 id="concern-queue-heading">Concerns awaiting review</h2>
          {home.concernQueue.rows.length ? (
            <>
              <ul>
                {home.concernQueue.rows.map((c) => (
                  <li key={c.concernId}>
                    {c.isNew ? <span className="badge badge-alert">New since your last review</span> : null}{" "}
                    <Link to={`/youth/${c.youthId}/csec`}>{c.youthName}</Link>: raised by {c.raisedBy},{" "}
                    {formatDateTime(c.raisedAt, timeZone)}
                  </li>
                ))}
              </ul>
              {home.concernQueue.total > home.concernQueue.rows.length ? (
                <p>
                  <Link to="/concerns">All {home.concernQueue.total} awaiting review</Link>
                </p>
              ) : null}
            </>
          ) : (
            <p className="muted">No concern is waiting for you. When an advocate raises one, it appears here first.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="my-actions-heading" className="panel">
        <h2 id="my-actions-heading">Your open action items</h2>
        {home.myActions.length ? (
          <ul>
            {home.myActions.map((a) => (
              <li key={a.id}>
                <Link to={`/youth/${a.youthId}#actions`}>{a.youthName}</Link>: {a.description}
                {a.dueOn ? (
                  <span className={`cell-sub${(a.daysOverdue ?? 0) > 0 ? " clock-overdue" : ""}`}>{describeDue(a.dueOn, today)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing open. Action items from MDT meetings you own show here.</p>
        )}
        <p>
          <Link to="/actions">All your action items</Link>
        </p>
      </section>

      <section aria-labelledby="meetings-heading" className="panel">
        <h2 id="meetings-heading">MDT meetings in the next 14 days</h2>
        {home.meetings.length ? (
          <ul>
            {home.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>
                  {formatDateTime(m.scheduledAt, timeZone)}: {m.typeLabel} for {m.youthName}
                </Link>{" "}
                <Link to={`/youth/${m.youthId}/prep`}>
                  Prep packet<span className="sr-only"> for {m.youthName}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No meetings in the next two weeks. Schedule one from a youth's page.</p>
        )}
        {home.meetingTotal > home.meetings.length ? (
          <p>
            <Link to="/meetings">All upcoming meetings</Link> ({home.meetingTotal} in the next 14 days)
          </p>
        ) : null}
      </section>

      {home.myRequests ? (
        <section aria-labelledby="my-requests-heading" className="panel">
          <h2 id="my-requests-heading">Requests you made</h2>
          {home.myRequests.rows.length ? (
            <ul>
              {home.myRequests.rows.map((r) => (
                <li key={r.id}>
                  <Link to={`/requests/${r.id}`}>
                    {r.typeLabel} for {r.youthName}
                  </Link>{" "}
                  <RequestStatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None yet. Request a resource from a youth's page.</p>
          )}
          {home.myRequests.total > home.myRequests.rows.length ? (
            <p>
              <Link to="/requests?mine=1">All {home.myRequests.total} requests you made</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {home.caseload ? (
        <section aria-labelledby="caseload-heading" className="panel">
          <h2 id="caseload-heading">{loaderData.supervises ? "Your caseload" : "Your youth"}</h2>
          <CaseloadTable
            caseload={home.caseload}
            sort={sort}
            timeZone={timeZone}
            caption={loaderData.supervises ? "Your caseload, youth by youth" : "Your youth"}
            emptyState={<p className="empty-state">No open cases are assigned to you yet. Your supervisor or program lead assigns them.</p>}
          />
        </section>
      ) : null}

      {home.people ? (
        <section aria-labelledby="people-heading" className="panel">
          <h2 id="people-heading">{home.people.kind === "advocate" ? "By advocate" : "Caseloads by supervisor"}</h2>
          <PeopleCaseloadTable
            people={home.people}
            kind={home.people.kind}
            caption={home.people.kind === "advocate" ? "Your caseload by advocate" : "Caseloads by supervisor"}
            paged={home.people.kind === "supervisor"}
          />
        </section>
      ) : null}

      {home.ownConcerns.length ? (
        <section aria-labelledby="own-concerns-heading" className="panel">
          <h2 id="own-concerns-heading">Concerns you raised, under review</h2>
          <ul>
            {home.ownConcerns.map((c) => (
              <li key={`${c.youthId}-${c.raisedAt}`}>
                <Link to={`/youth/${c.youthId}#concerns`}>{c.youthName}</Link>: raised {formatDateTime(c.raisedAt, timeZone)}; your
                supervisor is reviewing it.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
