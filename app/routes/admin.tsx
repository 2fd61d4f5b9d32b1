import { redirect } from "react-router";
import type { Route } from "./+types/admin";
import { requireViewer } from "~/server/session.server";
import { requireUserAdmin } from "~/server/users.server";

/** Administration is the people page; `/admin` (bookmarks, older links) goes there, for whoever may see it. */
export async function loader({ request }: Route.LoaderArgs) {
  requireUserAdmin(await requireViewer(request));
  throw redirect("/admin/users");
}
