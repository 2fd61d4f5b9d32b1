import { Link } from "react-router";
import { formatDate, plural } from "~/domain/dates";
import { HOTLINES } from "~/domain/hotlines";
import { ShowMore } from "./ShowMore";
import type { YouthSectionProps } from "./types";

/** The current safety plan (support people, hotlines known by heart) and its earlier versions. */
export function SafetyPlanSection({ page, timeZone, base, canWrite, moreHref }: YouthSectionProps) {
  const { safetyPlan } = page;
  return (
    <section id="safety-plan" aria-labelledby="safety-heading" className="panel">
      <div className="panel-head">
        <h2 id="safety-heading">Safety plan</h2>
        {canWrite ? (
          <Link className="button" to={`${base}/safety-plan`}>
            {safetyPlan.current ? "Review the safety plan" : "Make a safety plan"}
          </Link>
        ) : null}
      </div>
      {safetyPlan.current ? (
        <>
          <p className="muted">
            Version {safetyPlan.current.version}, reviewed {formatDate(safetyPlan.current.reviewedOn, timeZone)} by{" "}
            {safetyPlan.current.reviewedBy}.
          </p>
          <h3>Top support people</h3>
          {safetyPlan.current.supportPeople.length ? (
            <ol>
              {safetyPlan.current.supportPeople.map((p, i) => (
                <li key={i}>
                  {p.name}
                  {p.relation ? ` (${p.relation})` : ""}
                  {p.phone ? (
                    <>
                      {" "}
                      — <a href={`tel:${p.phone}`}>{p.phone}</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">No support people named yet.</p>
          )}
          <h3>Hotlines the youth knows by heart</h3>
          <ul className="hotlines">
            {HOTLINES.map((h) => {
              const known = safetyPlan.current!.hotlines.includes(h.key);
              return (
                <li key={h.key}>
                  <span aria-hidden="true">{known ? "✓" : "○"}</span> {h.name}, {h.number}
                  <span className="sr-only">{known ? ": memorised" : ": not yet"}</span>
                </li>
              );
            })}
          </ul>
          {safetyPlan.current.notes ? <p className="notes">{safetyPlan.current.notes}</p> : null}
          {safetyPlan.history.length ? (
            <details className="history">
              <summary>Earlier versions ({safetyPlan.historyTotal})</summary>
              <ul>
                {safetyPlan.history.map((p) => (
                  <li key={p.version}>
                    Version {p.version}, reviewed {formatDate(p.reviewedOn, timeZone)} by {p.reviewedBy}:{" "}
                    {p.supportPeople.map((s) => s.name).join(", ") || "no support people"}; {plural(p.hotlines.length, "hotline")} memorised
                  </li>
                ))}
              </ul>
              <ShowMore
                shown={safetyPlan.history.length}
                total={safetyPlan.historyTotal}
                href={moreHref("plans", safetyPlan.history.length, "safety-plan")}
                what="earlier versions"
              />
            </details>
          ) : null}
        </>
      ) : (
        <p className="empty-state">
          No safety plan yet. Work one out with the youth: their top three people to call, and the hotlines to know by heart.
        </p>
      )}
    </section>
  );
}
