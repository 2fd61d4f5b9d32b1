import { data, redirect } from "react-router";
import type { Route } from "./+types/switch-program";
import { auditChange } from "~/server/audit.server";
import { getDb } from "~/server/db.server";
import { requireViewer, switchProgram } from "~/server/session.server";
import { readForm } from "~/server/forms.server";

/**
 * Work in another of one's programs (POST, from the account menu): the membership is re-checked
 * and the session is replaced by one for that program, so every page shows only its records.
 */
export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const value = (await readForm(request)).get("programId");
  const programId = typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : 0;
  const switched = await switchProgram(request, viewer, programId);
  if (!switched) throw data({ message: "You are not a member of that program." }, { status: 404 });
  auditChange(getDb(), { userId: viewer.userId, programId }, { action: "session.switch_program", details: { from: viewer.programId } });
  throw redirect("/", { headers: { "Set-Cookie": switched.setCookie } });
}

/** Switching is a POST; a GET just goes home. */
export function loader() {
  throw redirect("/");
}
