import { Form, Link } from "react-router";
import { z } from "zod";
import { initialsOf } from "~/domain/youth";
import type { Route } from "./+types/court-draft";
import { PrintButton } from "~/components/PrintButton";
import { PrintedBy } from "~/components/PrintedBy";
import { CSEC_BASIS_LABELS } from "~/domain/csec";
import { formatDate, formatDateTime, isCalendarDate } from "~/domain/dates";
import { REQUEST_STATUS_LABELS } from "~/domain/requests";
import { defaultCourtPeriod, getCourtDraft, printedBy } from "~/server/packets.server";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { TableScroll } from "~/components/TableScroll";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Court report draft: ${initialsOf(data.draft.overview.name)} · CASA MDT` : "Court report draft" },
];

const day = z.string().refine(isCalendarDate);

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  const fallback = defaultCourtPeriod(viewer);
  const from = day.safeParse(url.searchParams.get("from")).data ?? fallback.from;
  const to = day.safeParse(url.searchParams.get("to")).data ?? fallback.to;
  const period = from <= to ? { from, to } : fallback;
  const youthId = idParam(params.youthId, "Youth");
  const draft = getCourtDraft(viewer, youthId, period);
  return { draft, timeZone: viewer.timeZone, printed: printedBy(viewer) };
}

export default function CourtDraft({ loaderData }: Route.ComponentProps) {
  const { draft: d, timeZone } = loaderData;
  const o = d.overview;
  return (
    <section aria-labelledby="court-heading" className="print-page court-draft">
      <div className="no-print">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${o.id}`}>{o.name}</Link>{" "}
          <span aria-hidden="true">›</span> <span aria-current="page">Court report draft</span>
        </nav>
        <p className="alert alert-info" role="note">
          Only confirmed CSEC status is included. Concerns, red flags and anything that would reveal an unconfirmed concern are left out of
          this draft, whoever prints it.
        </p>
        <Form method="get" className="inline-filter">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={d.period.from} />
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={d.period.to} />
          <button type="submit" className="button">
            Change period
          </button>
          <PrintButton />
        </Form>
      </div>

      <article className="packet">
        <PrintedBy printed={loaderData.printed} timeZone={timeZone} />
        <header className="packet-head">
          <p className="draft-mark">DRAFT — for review before filing</p>
          <h1 id="court-heading">CASA court report: {o.name}</h1>
          <p>
            Case {o.caseNumber} · born {formatDate(o.dateOfBirth, timeZone)} (age {o.age}) · period {formatDate(d.period.from, timeZone)} to{" "}
            {formatDate(d.period.to, timeZone)}
          </p>
          {d.csec.kind === "confirmed" ? (
            <p>
              CSEC status: confirmed ({CSEC_BASIS_LABELS[d.csec.basis]}, {formatDate(d.csec.basisOn, timeZone)}).
            </p>
          ) : null}
        </header>

        <section>
          <h2>Placement</h2>
          <p>
            {o.placement
              ? `Currently placed in: ${o.placement.label}${o.placement.description ? `, ${o.placement.description}` : ""}, since ${formatDate(o.placement.since, timeZone)}.`
              : "No current placement recorded."}
          </p>
          {o.placementHistory.length > 1 ? (
            <ol>
              {o.placementHistory.map((p, i) => (
                <li key={i}>
                  {p.label}
                  {p.description ? `, ${p.description}` : ""}: {formatDate(p.startedOn, timeZone)} –{" "}
                  {p.endedOn ? formatDate(p.endedOn, timeZone) : "present"}
                  {p.endReason ? ` (${p.endReason})` : ""}
                </li>
              ))}
            </ol>
          ) : null}
        </section>

        <section>
          <h2>Runaway episodes</h2>
          {d.episodes.length ? (
            <ul>
              {d.episodes.map((e) => (
                <li key={e.leftAt}>
                  Left {formatDateTime(e.leftAt, timeZone)};{" "}
                  {e.returnedAt ? `returned ${formatDateTime(e.returnedAt, timeZone)}` : "not yet returned"}.
                </li>
              ))}
            </ul>
          ) : (
            <p>No runaway episodes in the period.</p>
          )}
        </section>

        <section>
          <h2>The team</h2>
          <ul>
            {d.team.map((t, i) => (
              <li key={i}>
                {t.role}: {t.name}
                {t.organization ? `, ${t.organization}` : ""}
              </li>
            ))}
          </ul>
        </section>

        <section>
          <h2>Contacts made in the period</h2>
          {d.contactCounts.length ? (
            <TableScroll label="Contacts made in the period">
              <table className="simple-table compact">
                <thead>
                  <tr>
                    <th scope="col">With</th>
                    <th scope="col" className="num">
                      Contacts
                    </th>
                    <th scope="col">Most recent</th>
                  </tr>
                </thead>
                <tbody>
                  {d.contactCounts.map((c) => (
                    <tr key={c.with}>
                      <td>{c.with}</td>
                      <td className="num">{c.count}</td>
                      <td>{formatDate(c.last, timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p>No contacts logged in the period.</p>
          )}
        </section>

        <section>
          <h2>Services requested and received</h2>
          {d.requests.length ? (
            <ul>
              {d.requests.map((r) => (
                <li key={r.id}>
                  {r.label}: requested {formatDate(r.requestedAt, timeZone)}, {REQUEST_STATUS_LABELS[r.status].toLowerCase()}
                  {r.closedAt ? ` ${formatDate(r.closedAt, timeZone)}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p>No services requested.</p>
          )}
        </section>

        <section>
          <h2>MDT meetings: decisions and outcomes</h2>
          {d.meetings.length ? (
            <ol>
              {d.meetings.map((m) => (
                <li key={m.id}>
                  {formatDate(m.scheduledAt, timeZone)}, {m.typeLabel}: {m.decisions ?? "no decisions recorded"}
                </li>
              ))}
            </ol>
          ) : (
            <p>No MDT meetings held in the period.</p>
          )}
          {d.actions.length ? (
            <>
              <h3>Action items</h3>
              <ul>
                {d.actions.map((a) => (
                  <li key={a.id}>
                    {a.description}:{" "}
                    {a.status === "done"
                      ? `done${a.doneAt ? ` ${formatDate(a.doneAt, timeZone)}` : ""}`
                      : a.status === "dropped"
                        ? `dropped${a.dropReason ? ` (${a.dropReason})` : ""}`
                        : `open${a.dueOn ? `, due ${formatDate(a.dueOn, timeZone)}` : ""}`}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </article>
    </section>
  );
}
