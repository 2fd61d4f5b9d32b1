import { formatDate } from "~/domain/dates";
import type { YouthSectionProps } from "./types";

/** Where the youth has lived, newest first. */
export function PlacementsSection({ page, timeZone }: YouthSectionProps) {
  const { overview } = page;
  return (
    <section id="placements" aria-labelledby="placements-heading" className="panel">
      <h2 id="placements-heading">Placements</h2>
      {overview.placementHistory.length ? (
        <ol className="placement-list">
          {overview.placementHistory.map((p, i) => (
            <li key={i}>
              <strong>{p.label}</strong>
              {p.description ? `, ${p.description}` : ""}: {formatDate(p.startedOn, timeZone)} –{" "}
              {p.endedOn ? formatDate(p.endedOn, timeZone) : "now"}
              {p.endReason ? <span className="cell-sub">{p.endReason}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No placements recorded.</p>
      )}
    </section>
  );
}
