import { Link } from "react-router";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { describeDue, formatDate } from "~/domain/dates";
import { formatCents } from "~/domain/requests";
import type { YouthSectionProps } from "./types";
import { TableScroll } from "~/components/TableScroll";

/** The youth's resource requests, with their status, who decides them and whether they are overdue. */
export function RequestsSection({ page, timeZone, today, base }: YouthSectionProps) {
  const { overview } = page;
  return (
    <section id="requests" aria-labelledby="requests-heading" className="panel">
      <div className="panel-head">
        <h2 id="requests-heading">Requests</h2>
        {page.canRequest ? (
          <Link className="button" to={`${base}/requests/new`}>
            New request
          </Link>
        ) : null}
      </div>
      {page.requests.length === 0 ? (
        <p className="empty-state">No resource requests yet. A request for therapy, documents or funds starts here.</p>
      ) : (
        <TableScroll label="Resource requests">
          <table className="simple-table">
            <caption className="sr-only">Resource requests for {overview.name}</caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Addressed to</th>
                <th scope="col">Requested</th>
                <th scope="col">Due</th>
                <th scope="col" className="num">
                  Days open
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {page.requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/requests/${r.id}`}>{r.typeLabel}</Link>
                  </th>
                  <td>
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td>{r.addressedTo}</td>
                  <td>
                    {formatDate(r.requestedAt, timeZone)}
                    <span className="cell-sub">by {r.requestedBy}</span>
                  </td>
                  <td>
                    {r.dueOn ? formatDate(r.dueOn, timeZone) : <span className="muted">—</span>}
                    {r.overdue && r.dueOn ? <span className="badge badge-alert badge-block">{describeDue(r.dueOn, today)}</span> : null}
                  </td>
                  <td className="num">{r.daysOpen}</td>
                  <td className="num">{r.amountCents ? formatCents(r.amountCents) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
