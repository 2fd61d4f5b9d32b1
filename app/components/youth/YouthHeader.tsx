import { Link } from "react-router";
import { CsecStatusText } from "~/components/CsecStatusText";
import { formatDate, formatDateTime } from "~/domain/dates";
import type { YouthSectionProps } from "./types";

/** Who the youth is, where they live, who is assigned, their CSEC status as the viewer may see it; a banner when they are missing now. */
export function YouthHeader({ page, timeZone, base, canWrite }: YouthSectionProps) {
  const { overview, csec } = page;
  return (
    <>
      {overview.missing ? (
        <section className="missing-banner" role="alert" aria-labelledby="missing-heading">
          <h2 id="missing-heading">{overview.missing.words}</h2>
          <p>
            {overview.name} left {overview.missing.leftFrom ? `${overview.missing.leftFrom} ` : ""}on{" "}
            {formatDateTime(overview.missing.leftAt, timeZone)}.
          </p>
          <ul className="clock-list">
            {overview.missing.clocks.map((c) => (
              <li key={c.words} className={c.state === "overdue" ? "clock-overdue" : c.state === "due" ? "clock-due" : undefined}>
                {c.state === "overdue" ? <strong>{c.words}</strong> : c.words}
              </li>
            ))}
          </ul>
          <p>
            <Link className="button" to={`${base}/episodes/${overview.missing.id}`}>
              {canWrite ? "Open the missing checklist" : "See the missing checklist"}
            </Link>
          </p>
        </section>
      ) : null}

      <header className="youth-head">
        <h1 id="youth-name">{overview.name}</h1>
        <dl className="facts">
          <div>
            <dt>Age</dt>
            <dd>
              {overview.age} <span className="muted">(born {formatDate(overview.dateOfBirth, timeZone)})</span>
            </dd>
          </div>
          <div>
            <dt>Case number</dt>
            <dd>{overview.caseNumber}</dd>
          </div>
          <div>
            <dt>Case</dt>
            <dd>{overview.caseStatus === "open" ? "Open" : "Closed"}</dd>
          </div>
          <div>
            <dt>Placement</dt>
            <dd>
              {overview.placement ? (
                <>
                  {overview.placement.label}
                  {overview.placement.description ? `, ${overview.placement.description}` : ""}
                  <span className="cell-sub">since {formatDate(overview.placement.since, timeZone)}</span>
                </>
              ) : (
                <span className="muted">None recorded</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Advocate{overview.advocates.length === 1 ? "" : "s"}</dt>
            <dd>{overview.advocates.map((a) => a.name).join(", ") || <span className="muted">Unassigned</span>}</dd>
          </div>
          <div>
            <dt>Supervisor</dt>
            <dd>{overview.supervisors.map((a) => a.name).join(", ") || <span className="muted">Unassigned</span>}</dd>
          </div>
          <div>
            <dt>CSEC status</dt>
            <dd>
              <CsecStatusText view={csec.view} timeZone={timeZone} />
            </dd>
          </div>
        </dl>
        {page.frequentRunner ? <p className="badge badge-warn">Frequent runner</p> : null}
        {canWrite ? (
          <p className="header-actions main-actions">
            <a className="button button-primary" href="#log-contact-heading">
              Log a contact
            </a>{" "}
            {page.canRequest ? (
              <Link className="button" to={`${base}/requests/new`}>
                Request a resource
              </Link>
            ) : null}{" "}
            {page.csec.canRaise ? (
              <Link className="button" to={`${base}/concern`}>
                Raise a concern
              </Link>
            ) : null}
          </p>
        ) : null}
        {(canWrite && !overview.missing) || page.canAudit || page.canManageCase ? (
          <p className="header-actions">
            {canWrite && !overview.missing ? (
              <Link className="button" to={`${base}/missing`}>
                Report missing
              </Link>
            ) : null}{" "}
            {page.canManageCase ? (
              <Link className="button" to={`${base}/case`}>
                Placement, assignments, close case
              </Link>
            ) : null}{" "}
            {page.canAudit ? <Link to={`/audit?youth=${overview.id}`}>Who has seen this record</Link> : null}
          </p>
        ) : null}
      </header>
    </>
  );
}
