import { Link } from "react-router";
import { calendarDateIn, describeDay, formatDate } from "~/domain/dates";
import type { YouthSectionProps } from "./types";
import { TableScroll } from "~/components/TableScroll";

/** The youth's team now (how to reach each, when last contacted) and who held each role before. */
export function TeamSection({ page, timeZone, today, base, canWrite }: YouthSectionProps) {
  const { parties } = page;
  return (
    <section id="team" aria-labelledby="team-heading" className="panel">
      <div className="panel-head">
        <h2 id="team-heading">Team</h2>
        {canWrite ? (
          <Link className="button" to={`${base}/parties/new`}>
            Add a team member
          </Link>
        ) : null}
      </div>
      {parties.current.length === 0 ? (
        <p className="empty-state">No one is on this youth's team yet. Add the CSW, attorney and CLC case manager first.</p>
      ) : (
        <TableScroll label="The team">
          <table className="simple-table">
            <caption className="sr-only">Current team</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Name</th>
                <th scope="col">How to reach</th>
                <th scope="col">Last contacted</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {parties.current.map((p) => (
                <tr key={p.id}>
                  <td>{p.roleLabel}</td>
                  <th scope="row">
                    {p.name}
                    {p.organization ? <span className="cell-sub">{p.organization}</span> : null}
                  </th>
                  <td>
                    {p.phone ? <a href={`tel:${p.phone}`}>{p.phone}</a> : null}
                    {p.phone && p.email ? <br /> : null}
                    {p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null}
                    {!p.phone && !p.email ? <span className="muted">No details</span> : null}
                  </td>
                  <td>
                    {p.lastContactAt ? (
                      describeDay(calendarDateIn(new Date(p.lastContactAt), timeZone), today)
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  {canWrite ? (
                    <td className="row-actions">
                      <Link to={`${base}/parties/${p.id}/edit`}>
                        Edit<span className="sr-only"> {p.name}</span>
                      </Link>
                      <Link to={`${base}/parties/${p.id}/replace`}>
                        Replace
                        <span className="sr-only">
                          {" "}
                          {p.name} as {p.roleLabel}
                        </span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {parties.history.length > 0 ? (
        <details className="history">
          <summary>Earlier team members ({parties.history.length})</summary>
          <ul>
            {parties.history.map((p) => (
              <li key={p.id}>
                {p.roleLabel}: {p.name}
                {p.organization ? `, ${p.organization}` : ""} — {formatDate(p.startedOn, timeZone)} to {formatDate(p.endedOn!, timeZone)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
