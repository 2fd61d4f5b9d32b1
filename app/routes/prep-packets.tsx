import type { Route } from "./+types/prep-packets";
import { PrintedBy } from "~/components/PrintedBy";
import { PrepPacketView } from "~/components/PrepPacketView";
import { PrintButton } from "~/components/PrintButton";
import { getUpcomingPrepPackets, printedBy } from "~/server/packets.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Prep packets for the next 7 days · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  return {
    ...getUpcomingPrepPackets(viewer, 7),
    timeZone: viewer.timeZone,
    printed: printedBy(viewer),
  };
}

export default function PrepPackets({ loaderData }: Route.ComponentProps) {
  const { packets, totalYouth, timeZone, printed } = loaderData;
  return (
    <section aria-labelledby="prep-heading" className="print-page">
      <div className="no-print page-head">
        <h1 id="prep-heading">Prep packets: meetings in the next 7 days</h1>
        <p className="muted">One page per youth with an MDT meeting in the next 7 days. Print them, or read them here.</p>
        {totalYouth > packets.length ? (
          <p className="alert alert-info">
            Showing the first {packets.length} of {totalYouth} youth with meetings coming up. Open the others from the meetings list.
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
    </section>
  );
}
