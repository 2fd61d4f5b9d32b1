import { CsecStatusText } from "~/components/CsecStatusText";
import { formatDate, formatDateTime } from "~/domain/dates";
import type { YouthSectionProps } from "./types";

/** Who the youth is, where they live, who is assigned, their CSEC status as the viewer may see it; a banner when they are missing now. */
export function YouthHeader({ page, timeZone }: YouthSectionProps) {
  const { overview, csec } = page;
  return (
    <>
      {overview.missing ? (
        <section className="missing-banner" role="alert" aria-labelledby="missing-heading">
          <h2 id="missing-heading">Missing now</h2>
          <p>
            {overview.name} left {overview.missing.leftFrom ? `${overview.missing.leftFrom} ` : ""}on{" "}
            {formatDateTime(overview.missing.leftAt, timeZone)}.{" "}
            {overview.missing.reportedToLawEnforcementAt
              ? `Reported to law enforcement ${formatDateTime(overview.missing.reportedToLawEnforcementAt, timeZone)}.`
              : "Not yet reported to law enforcement."}{" "}
            {overview.missing.reportedToNcmecAt
              ? `Reported to NCMEC ${formatDateTime(overview.missing.reportedToNcmecAt, timeZone)}.`
              : "Not yet reported to NCMEC (1-800-THE-LOST): both reports are due at once, within 24 hours at the latest."}
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
      </header>
    </>
  );
}
