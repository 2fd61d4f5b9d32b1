import type { Route } from "./+types/reports-export";
import { exportProgram } from "~/server/program-export.server";
import { requireCaseAccess, requirePermission } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { XLSX_TYPE } from "~/server/spreadsheet.server";

/** The whole program's records as one .xlsx, streamed (program leads; 403 for everyone else). */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  if (request.method === "HEAD") {
    // A HEAD (a link checker, a download manager probing) neither reads the program nor is audited.
    requireCaseAccess(viewer);
    requirePermission(viewer, "export:program", "Only program leads can export the program's records.");
    return new Response(null, { headers: { "Content-Type": XLSX_TYPE, "Cache-Control": "private, no-store" } });
  }
  return exportProgram(viewer, { signal: request.signal }).response;
}
