import { Link } from "react-router";
import { ConcernList } from "~/components/ConcernList";
import { CsecStatusText } from "~/components/CsecStatusText";
import { CSEC_BASIS_LABELS, CSEC_STATUS_LABELS } from "~/domain/csec";
import { formatDate, formatDateTime } from "~/domain/dates";
import type { YouthSectionProps } from "./types";

/** Red flags and concerns, as the CSEC rule lets this viewer see them (the server decided what is here). */
export function ConcernsSection({ page, timeZone, base }: YouthSectionProps) {
  const { csec } = page;
  return (
    <section id="concerns" aria-labelledby="concerns-heading" className="panel">
      <div className="panel-head">
        <h2 id="concerns-heading">Red flags and concerns</h2>
        <div className="button-row">
          {csec.canRaise ? (
            <Link className="button" to={`${base}/concern`}>
              Raise a concern
            </Link>
          ) : null}
          {csec.canReview ? (
            <Link className="button" to={`${base}/csec`}>
              {csec.view.kind === "concern" ? "Review the concern" : "Record CSEC status"}
            </Link>
          ) : null}
        </div>
      </div>
      <p>
        CSEC status: <CsecStatusText view={csec.view} timeZone={timeZone} />
        {csec.view.kind === "hidden" ? <span className="muted"> Nothing confirmed to show.</span> : null}
      </p>
      {csec.full ? (
        <>
          <ConcernList concerns={csec.full.concerns} timeZone={timeZone} empty="No concerns have been raised for this youth." />
          {csec.full.history.length ? (
            <details className="history">
              <summary>Status history ({csec.full.history.length})</summary>
              <ol>
                {csec.full.history.map((h, i) => (
                  <li key={i}>
                    {formatDateTime(h.at, timeZone)}: {CSEC_STATUS_LABELS[h.fromStatus]} → {CSEC_STATUS_LABELS[h.toStatus]}
                    {h.basis ? ` (${CSEC_BASIS_LABELS[h.basis]}, ${formatDate(h.basisOn!, timeZone)})` : ""} by {h.actor}
                    {h.note ? <span className="cell-sub">{h.note}</span> : null}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      ) : csec.ownSubmissions.length ? (
        <>
          <h3>What you raised</h3>
          <ConcernList concerns={csec.ownSubmissions} timeZone={timeZone} empty="" />
        </>
      ) : (
        <p className="muted">If you notice red flags, raise a concern: it goes to the youth's supervisor, who reviews it.</p>
      )}
    </section>
  );
}
