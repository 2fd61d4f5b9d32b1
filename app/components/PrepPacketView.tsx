import { CsecStatusText } from "~/components/CsecStatusText";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { calendarDateIn, describeDay, describeDue, formatDate, formatDateTime, plural } from "~/domain/dates";
import { HOTLINES } from "~/domain/hotlines";
import type { PrepPacket } from "~/server/packets.server";
import { TableScroll } from "~/components/TableScroll";

/** One printable page per youth: what an advocate needs in hand at the MDT table. */
export function PrepPacketView({ packet: p, timeZone }: { packet: PrepPacket; timeZone: string }) {
  const today = calendarDateIn(new Date(), timeZone);
  const s = p.sinceLastMeeting;
  return (
    <article className="packet" aria-labelledby={`packet-${p.overview.id}`}>
      <header className="packet-head">
        <h2 id={`packet-${p.overview.id}`}>{p.overview.name}</h2>
        <p>
          Age {p.overview.age} · Case {p.overview.caseNumber} ·{" "}
          {p.overview.placement
            ? `${p.overview.placement.label} since ${formatDate(p.overview.placement.since, timeZone)}`
            : "No placement recorded"}
        </p>
        <p>
          {p.nextMeeting
            ? `Next meeting: ${p.nextMeeting.typeLabel}, ${formatDateTime(p.nextMeeting.scheduledAt, timeZone)}${p.nextMeeting.location ? `, ${p.nextMeeting.location}` : ""}`
            : "No meeting scheduled."}
        </p>
        {p.overview.missing ? (
          <p className="missing-banner">
            <strong>Missing now</strong> since {formatDateTime(p.overview.missing.leftAt, timeZone)}
          </p>
        ) : null}
        {p.csec.kind !== "hidden" ? (
          <p>
            CSEC status: <CsecStatusText view={p.csec} timeZone={timeZone} />
          </p>
        ) : null}
      </header>

      <section>
        <h3>Team and how to reach them</h3>
        <TableScroll label="Team and how to reach them">
          <table className="simple-table compact">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Name</th>
                <th scope="col">Phone / email</th>
                <th scope="col">Last contact</th>
              </tr>
            </thead>
            <tbody>
              {p.team.map((t) => (
                <tr key={t.id}>
                  <td>{t.roleLabel}</td>
                  <td>
                    {t.name}
                    {t.organization ? <span className="cell-sub">{t.organization}</span> : null}
                  </td>
                  <td>
                    {t.phone ?? ""}
                    {t.phone && t.email ? <br /> : null}
                    {t.email ?? ""}
                  </td>
                  <td>{t.lastContactAt ? describeDay(calendarDateIn(new Date(t.lastContactAt), timeZone), today) : "never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section>
        <h3>Open action items</h3>
        {p.openActions.length ? (
          <ul>
            {p.openActions.map((a) => (
              <li key={a.id}>
                {a.description} — {a.owner}
                {a.dueOn ? (
                  <>
                    , {formatDate(a.dueOn, timeZone)}{" "}
                    {(a.daysOverdue ?? 0) > 0 ? <strong>({describeDue(a.dueOn, today)})</strong> : `(${describeDue(a.dueOn, today)})`}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>None open.</p>
        )}
      </section>

      <section>
        <h3>Pending requests</h3>
        {p.pendingRequests.length ? (
          <ul>
            {p.pendingRequests.map((r) => (
              <li key={r.id}>
                {r.typeLabel} <RequestStatusBadge status={r.status} /> — to {r.addressedTo}, open {r.daysOpen} days
              </li>
            ))}
          </ul>
        ) : (
          <p>None pending.</p>
        )}
      </section>

      <section>
        <h3>Since the last meeting{s.since ? ` (${formatDate(s.since, timeZone)})` : ""}</h3>
        <ul>
          <li>{plural(s.contacts.length, "contact")} logged</li>
          {s.placementChanges.map((c, i) => (
            <li key={`p${i}`}>
              {formatDate(c.on, timeZone)}: {c.text}
            </li>
          ))}
          {s.episodes.map((e, i) => (
            <li key={`e${i}`}>
              Missing from {formatDateTime(e.leftAt, timeZone)}
              {e.returnedAt ? ` to ${formatDateTime(e.returnedAt, timeZone)}` : " — still missing"}
            </li>
          ))}
          {s.redFlags?.map((f, i) => (
            <li key={`f${i}`}>
              Red flag: {f.label} ({formatDate(f.observedOn, timeZone)})
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h3>Recent contacts</h3>
        {p.recentContacts.length ? (
          <ul>
            {p.recentContacts.map((c) => (
              <li key={c.id}>
                {formatDate(c.occurredAt, timeZone)}, {c.withLabel}, {c.methodLabel.toLowerCase()}: {c.summary}
              </li>
            ))}
          </ul>
        ) : (
          <p>No contacts logged.</p>
        )}
      </section>

      <section>
        <h3>Safety plan</h3>
        {p.safetyPlan ? (
          <>
            <p>Reviewed {formatDate(p.safetyPlan.reviewedOn, timeZone)}.</p>
            <ol>
              {p.safetyPlan.supportPeople.map((sp, i) => (
                <li key={i}>
                  {sp.name}
                  {sp.relation ? ` (${sp.relation})` : ""}
                  {sp.phone ? ` — ${sp.phone}` : ""}
                </li>
              ))}
            </ol>
            <p>
              Hotlines known:{" "}
              {HOTLINES.filter((h) => p.safetyPlan!.hotlines.includes(h.key))
                .map((h) => h.name)
                .join(", ") || "none yet"}
            </p>
          </>
        ) : (
          <p>No safety plan yet.</p>
        )}
      </section>

      <section className="notes-space">
        <h3>Notes</h3>
        <div className="lines" aria-hidden="true" />
      </section>
    </article>
  );
}
