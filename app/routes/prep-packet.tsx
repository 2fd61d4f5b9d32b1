import { Link } from "react-router";
import { initialsOf } from "~/domain/youth";
import type { Route } from "./+types/prep-packet";
import { PrepPacketView } from "~/components/PrepPacketView";
import { PrintButton } from "~/components/PrintButton";
import { PrintedBy } from "~/components/PrintedBy";
import { getPrepPacket, printedBy } from "~/server/packets.server";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Prep packet: ${initialsOf(data.packet.overview.name)} · CASA MDT` : "Prep packet" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const packet = getPrepPacket(viewer, idParam(params.youthId, "Youth"));
  return { packet, timeZone: viewer.timeZone, printed: printedBy(viewer) };
}

export default function PrepPacket({ loaderData }: Route.ComponentProps) {
  const { packet, timeZone, printed } = loaderData;
  return (
    <section aria-labelledby="prep-heading" className="print-page">
      <div className="no-print page-head">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span>{" "}
          <Link to={`/youth/${packet.overview.id}`}>{packet.overview.name}</Link> <span aria-hidden="true">›</span>{" "}
          <span aria-current="page">Prep packet</span>
        </nav>
        <h1 id="prep-heading">MDT prep packet</h1>
        <PrintButton />
      </div>
      <PrintedBy printed={printed} timeZone={timeZone} />
      <PrepPacketView packet={packet} timeZone={timeZone} />
    </section>
  );
}
