import { Link } from "react-router";
import type { Route } from "./+types/meetings-list";
import { formatDateTime } from "~/domain/dates";
import { listMeetings, type MeetingPage, type MeetingRow } from "~/server/meetings.server";
import { pageOf } from "~/server/forms.server";
import { requireViewer } from "~/server/session.server";
import { SimplePager } from "~/components/SimplePager";
import { TableScroll } from "~/components/TableScroll";

export const meta: Route.MetaFunction = () => [{ title: "MDT meetings · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const pages = { upcoming: pageOf(request.url, "upcoming"), recent: pageOf(request.url, "recent") };
  return { ...listMeetings(viewer, pages), timeZone: viewer.timeZone };
}

/** One list's pager: its own page in the URL, the other list's kept. */
function MeetingList({
  list,
  caption,
  pageParam,
  other,
  timeZone,
}: {
  list: MeetingPage;
  caption: string;
  pageParam: "upcoming" | "recent";
  other: { param: "upcoming" | "recent"; page: number };
  timeZone: string;
}) {
  return (
    <SimplePager
      path="/meetings"
      params={other.page > 1 ? { [other.param]: String(other.page) } : {}}
      page={list.page}
      total={list.total}
      size={list.size}
      noun={["meeting", "meetings"]}
      pageParam={pageParam}
      label={`Pages of ${caption.toLowerCase()}`}
      previous={pageParam === "upcoming" ? "Sooner meetings" : "Newer meetings"}
      next={pageParam === "upcoming" ? "Later meetings" : "Older meetings"}
    >
      <MeetingTable rows={list.rows} caption={caption} timeZone={timeZone} />
    </SimplePager>
  );
}

function MeetingTable({ rows, caption, timeZone }: { rows: MeetingRow[]; caption: string; timeZone: string }) {
  return (
    <TableScroll label={caption}>
      <table className="simple-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Youth</th>
            <th scope="col">Meeting</th>
            <th scope="col">Where</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/meetings/${m.id}`}>{formatDateTime(m.scheduledAt, timeZone)}</Link>
              </th>
              <td>
                <Link to={`/youth/${m.youthId}`}>{m.youthName}</Link>
              </td>
              <td>{m.typeLabel}</td>
              <td>{m.location ?? (m.videoLink ? "Video call" : "—")}</td>
              <td>{m.status === "held" ? "Held" : m.status === "cancelled" ? "Cancelled" : "Scheduled"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function MeetingsList({ loaderData }: Route.ComponentProps) {
  const { upcoming, recent, timeZone } = loaderData;
  return (
    <section aria-labelledby="meetings-heading">
      <div className="page-head">
        <h1 id="meetings-heading">MDT meetings</h1>
        <p className="muted">
          Upcoming and recent meetings for the youth in your scope. <Link to="/prep">Prep packets for the next 7 days</Link>
        </p>
      </div>
      <section aria-labelledby="upcoming-heading" className="panel">
        <h2 id="upcoming-heading">Upcoming</h2>
        {upcoming.total ? (
          <MeetingList
            list={upcoming}
            caption="Upcoming meetings"
            pageParam="upcoming"
            other={{ param: "recent", page: recent.page }}
            timeZone={timeZone}
          />
        ) : (
          <p className="empty-state">No meetings scheduled. Schedule one from a youth's page.</p>
        )}
      </section>
      <section aria-labelledby="recent-heading" className="panel">
        <h2 id="recent-heading">Recent (last 90 days)</h2>
        {recent.total ? (
          <MeetingList
            list={recent}
            caption="Recent meetings"
            pageParam="recent"
            other={{ param: "upcoming", page: upcoming.page }}
            timeZone={timeZone}
          />
        ) : (
          <p className="muted">No meetings in the last 90 days.</p>
        )}
      </section>
    </section>
  );
}
