import { data, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/concerns";
import { SimplePager } from "~/components/SimplePager";
import { TableScroll } from "~/components/TableScroll";
import { calendarDateIn, daysBetween, formatDateTime, plural } from "~/domain/dates";
import { can } from "~/domain/permissions";
import { concernsAwaitingReview } from "~/server/csec.server";
import { requireCaseAccess } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Concerns awaiting review · CASA MDT" }];

const PAGE_SIZE = 50;

/** The review queue (supervisors and program leads): every concern awaiting review, paged. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  if (!can(viewer.role, "review:csec")) throw data({ message: "Concerns are reviewed by supervisors and program leads." }, { status: 403 });
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(new URL(request.url).searchParams.get("page") ?? 1);
  const queue = concernsAwaitingReview(viewer, PAGE_SIZE, undefined, (page - 1) * PAGE_SIZE)!;
  return { queue, page, size: PAGE_SIZE, timeZone: viewer.timeZone, today: calendarDateIn(new Date(), viewer.timeZone) };
}

export default function Concerns({ loaderData }: Route.ComponentProps) {
  const { queue, page, size, timeZone, today } = loaderData;
  return (
    <section aria-labelledby="concerns-heading">
      <div className="page-head">
        <h1 id="concerns-heading">Concerns awaiting review</h1>
        <p className="muted">
          Concerns raised on the youth you supervise, those new since your last review first, then the longest waiting. Open one to confirm,
          clear or keep reviewing it.
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
    </section>
  );
}
