import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { auditChange } from "~/server/audit.server";
import { getDb } from "~/server/db.server";
import { destroySession, getViewer } from "~/server/session.server";

export async function action({ request }: Route.ActionArgs) {
  const viewer = await getViewer(request);
  if (viewer) auditChange(getDb(), viewer, { action: "session.sign_out" });
  throw redirect("/login", { headers: { "Set-Cookie": await destroySession(request) } });
}

/** Signing out is a POST (a link could be followed by a prefetcher); a GET just goes home. */
export function loader() {
  throw redirect("/");
}
