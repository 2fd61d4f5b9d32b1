import { formatDate, formatDateTime } from "~/domain/dates";
import type { ConcernView } from "~/server/csec.server";

/** Concerns with their red flags and review outcome. */
export function ConcernList({ concerns, timeZone, empty }: { concerns: ConcernView[]; timeZone: string; empty: string }) {
  if (concerns.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ol className="concern-list">
      {concerns.map((c) => (
        <li key={c.id}>
          <p>
            <strong>{c.raisedByViewer ? "You" : c.raisedBy}</strong> raised a concern on {formatDateTime(c.raisedAt, timeZone)}.{" "}
            <ReviewStatus concern={c} timeZone={timeZone} />
          </p>
          {c.redFlags.length ? (
            <ul className="red-flags">
              {c.redFlags.map((f, i) => (
                <li key={i}>
                  {f.label} <span className="muted">(observed {formatDate(f.observedOn, timeZone)})</span>
                </li>
              ))}
            </ul>
          ) : null}
          {c.note ? <p className="notes">{c.note}</p> : null}
          {c.reviewNote ? <p className="cell-sub">Review note: {c.reviewNote}</p> : null}
          {c.reviewStatus === "monitoring" && c.guidance ? (
            <p className="notes">
              <strong>{c.raisedByViewer ? "What to keep doing" : "What the advocate was asked to keep doing"}:</strong> {c.guidance}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function ReviewStatus({ concern, timeZone }: { concern: ConcernView; timeZone: string }) {
  const when = concern.reviewedAt ? ` on ${formatDate(concern.reviewedAt, timeZone)}` : "";
  const by = concern.reviewedBy ? ` by ${concern.reviewedBy}` : "";
  switch (concern.reviewStatus) {
    case "under_review":
      return <span className="badge badge-warn">Under review</span>;
    case "monitoring":
      return (
        <span>
          Reviewed{when}
          {by}
          {concern.nextReviewOn ? (
            <>
              : keep monitoring, next review {formatDate(concern.nextReviewOn, timeZone)}
              {concern.referral ? `; referred to ${concern.referral}` : ""}.
            </>
          ) : (
            "."
          )}
        </span>
      );
    case "confirmed":
      return (
        <span>
          Reviewed{when}
          {by}: confirmed.
        </span>
      );
    case "cleared":
      return (
        <span>
          Reviewed{when}
          {by}: not confirmed.
        </span>
      );
  }
}
