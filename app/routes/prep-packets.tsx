import { Link } from "react-router";
import type { Route } from "./+types/prep-packets";
import { PrintedBy } from "~/components/PrintedBy";
import { PrepPacketView } from "~/components/PrepPacketView";
import { PrintButton } from "~/components/PrintButton";
import { getUpcomingPrepPackets, printedBy } from "~/server/packets.server";
import { pageOf } from "~/server/forms.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Prep packets for the next 7 days · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  return {
    ...getUpcomingPrepPackets(viewer, 7, pageOf(request.url)),
    timeZone: viewer.timeZone,
    printed: printedBy(viewer),
  };
}

export default function PrepPackets({ loaderData }: Route.ComponentProps) {
  const { packets, totalYouth, page, size, timeZone, printed } = loaderData;
  const pages = Math.max(1, Math.ceil(totalYouth / size));
  const first = (page - 1) * size + 1;
  return (
    <section aria-labelledby="prep-heading" className="print-page">
      <div className="no-print page-head">
        <h1 id="prep-heading">Prep packets: meetings in the next 7 days</h1>
        <p className="muted">One page per youth with an MDT meeting in the next 7 days. Print them, or read them here.</p>
        {pages > 1 ? (
          <p className="alert alert-info">
            Youth {first}–{first + packets.length - 1} of {totalYouth} with meetings coming up (page {page} of {pages}, youth missing now
            first). Print each page in turn.
          </p>
        ) : null}
        {packets.length ? <PrintButton /> : null}
      </div>
      {packets.length ? <PrintedBy printed={printed} timeZone={timeZone} /> : null}
      {packets.length ? (
        packets.map((p) => <PrepPacketView key={p.overview.id} packet={p} timeZone={timeZone} />)
      ) : (
        <p className="empty-state">No meetings in the next 7 days for the youth in your scope.</p>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages of prep packets" className="dt-pager no-print">
          {page > 1 ? <Link to={`/prep?page=${page - 1}`}>Previous {size} packets</Link> : null}{" "}
          {page < pages ? <Link to={`/prep?page=${page + 1}`}>Next packets</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
