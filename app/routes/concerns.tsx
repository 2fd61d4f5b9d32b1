import { data, Link } from "react-router";
import type { Route } from "./+types/concerns";
import { SimplePager } from "~/components/SimplePager";
import { TableScroll } from "~/components/TableScroll";
import { calendarDateIn, daysBetween, describeDay, describeDue, formatDate, formatDateTime, plural } from "~/domain/dates";
import { can } from "~/domain/permissions";
import { pageOf } from "~/server/forms.server";
import { concernsAwaitingReview, concernsMonitored } from "~/server/csec.server";
import { requireCaseAccess } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Concerns awaiting review · CASA MDT" }];

const PAGE_SIZE = 50;

/** The review queue (supervisors and program leads): every concern awaiting review, paged. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  if (!can(viewer.role, "review:csec")) throw data({ message: "Concerns are reviewed by supervisors and program leads." }, { status: 403 });
  const page = pageOf(request.url);
  const queue = concernsAwaitingReview(viewer, PAGE_SIZE, undefined, (page - 1) * PAGE_SIZE)!;
  const monitored = concernsMonitored(viewer, 100)!;
  return { queue, monitored, page, size: PAGE_SIZE, timeZone: viewer.timeZone, today: calendarDateIn(new Date(), viewer.timeZone) };
}

export default function Concerns({ loaderData }: Route.ComponentProps) {
  const { queue, monitored, page, size, timeZone, today } = loaderData;
  return (
    <section aria-labelledby="concerns-heading">
      <div className="page-head">
        <h1 id="concerns-heading">Concerns awaiting review</h1>
        <p className="muted">
          Concerns raised on the youth you supervise, those new since your last review first, then the longest waiting, with those kept
          under watch once their next review date comes. Open one to confirm, clear or keep monitoring it.
        </p>
      </div>
      {queue.rows.length === 0 ? (
        <div className="empty-state">
          <p>No concern is waiting for review. When someone raises one on a youth in your caseload, it appears here.</p>
        </div>
      ) : (
        <SimplePager path="/concerns" params={{}} total={queue.total} page={page} size={size} noun={["concern", "concerns"]}>
          <TableScroll label="Concerns awaiting review">
            <table className="simple-table">
              <thead>
                <tr>
                  <th scope="col">Youth</th>
                  <th scope="col">Raised by</th>
                  <th scope="col">Raised</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {queue.rows.map((c) => (
                  <tr key={c.concernId}>
                    <td>
                      <Link to={`/youth/${c.youthId}/csec`}>{c.youthName}</Link>
                      {c.isNew ? <span className="badge badge-alert">New since your last review</span> : null}
                      {c.reviewDueOn ? (
                        <span className="badge badge-warn">Monitored: review {describeDue(c.reviewDueOn, today)}</span>
                      ) : null}
                    </td>
                    <td>{c.raisedBy}</td>
                    <td>{formatDateTime(c.raisedAt, timeZone)}</td>
                    <td>{plural(Math.max(0, daysBetween(calendarDateIn(new Date(c.raisedAt), timeZone), today)), "day")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </SimplePager>
      )}
      <section aria-labelledby="monitored-heading" className="panel">
        <h2 id="monitored-heading">Kept under watch</h2>
        {monitored.rows.length === 0 ? (
          <p className="muted">
            No concern is being monitored. When a review keeps one under watch, it is listed here until its next review.
          </p>
        ) : (
          <>
            <p className="muted">
              {plural(monitored.total, "concern")} reviewed and kept under watch; each returns to the queue above on its next review date.
            </p>
            <ul>
              {monitored.rows.map((m) => (
                <li key={m.concernId}>
                  <Link to={`/youth/${m.youthId}/csec`}>{m.youthName}</Link>: next review {formatDate(m.nextReviewOn, timeZone)} (
                  {describeDay(m.nextReviewOn, today)}){m.referral ? `; referred to ${m.referral}` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}
