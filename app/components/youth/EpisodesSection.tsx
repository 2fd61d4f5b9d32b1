import { Link } from "react-router";
import { formatDateTime } from "~/domain/dates";
import { FREQUENT_RUNNER } from "~/domain/episodes";
import type { YouthSectionProps } from "./types";

/** Every runaway episode, newest first, each opening its checklist; a frequent runner is said so. */
export function EpisodesSection({ page, timeZone, base, canWrite }: YouthSectionProps) {
  const { episodes, frequentRunner, overview } = page;
  return (
    <section id="episodes" aria-labelledby="episodes-heading" className="panel">
      <div className="panel-head">
        <h2 id="episodes-heading">Runaway episodes</h2>
        {canWrite && !overview.missing ? (
          <Link className="button" to={`${base}/missing`}>
            Report missing
          </Link>
        ) : null}
      </div>
      {frequentRunner ? (
        <p className="badge badge-warn">
          Frequent runner: {FREQUENT_RUNNER.episodes} or more episodes in {FREQUENT_RUNNER.days} days
        </p>
      ) : null}
      {episodes.length ? (
        <ol className="placement-list">
          {episodes.map((e) => (
            <li key={e.id}>
              <Link to={`${base}/episodes/${e.id}`}>
                Left {formatDateTime(e.leftAt, timeZone)}
                {e.leftFrom ? ` from ${e.leftFrom}` : ""}
              </Link>
              <span className="cell-sub">
                {e.returnedAt ? `Back ${formatDateTime(e.returnedAt, timeZone)}. ${e.words}.` : `${e.words}: not back yet.`}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          No runaway episodes. If the youth goes missing, record it here at once: the reports are due within 24 hours.
        </p>
      )}
    </section>
  );
}
