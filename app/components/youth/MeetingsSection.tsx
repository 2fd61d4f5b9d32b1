import { Link } from "react-router";
import { formatDateTime } from "~/domain/dates";
import type { YouthSectionProps } from "./types";

/** The youth's MDT meetings, and the way to schedule one, the prep packet and the court draft. */
export function MeetingsSection({ page, timeZone, base, canWrite }: YouthSectionProps) {
  return (
    <section id="meetings" aria-labelledby="meetings-heading" className="panel">
      <div className="panel-head">
        <h2 id="meetings-heading">MDT meetings</h2>
        <div className="button-row">
          {canWrite ? (
            <Link className="button" to={`${base}/meetings/new`}>
              Schedule a meeting
            </Link>
          ) : null}
          <Link className="button" to={`${base}/prep`}>
            Prep packet
          </Link>
          <Link className="button" to={`${base}/court-draft`}>
            Court report draft
          </Link>
        </div>
      </div>
      {page.meetings.length ? (
        <ul className="meeting-list">
          {page.meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`}>
                {formatDateTime(m.scheduledAt, timeZone)}: {m.typeLabel}
              </Link>{" "}
              <span className="muted">({m.status === "held" ? "held" : m.status === "cancelled" ? "cancelled" : "scheduled"})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No MDT meetings yet.</p>
      )}
    </section>
  );
}
