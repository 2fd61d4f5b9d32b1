import { redirect } from "react-router";
import type { Route } from "./+types/home";
import { seesCaseContent } from "~/domain/permissions";
import { requireViewer } from "~/server/session.server";

/** Everyone lands where their work is: case content for case roles, administration for admins. */
export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  throw redirect(seesCaseContent(viewer.role) ? "/youth" : "/admin");
}
