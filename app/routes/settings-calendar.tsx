import { data, redirect } from "react-router";
import type { Route } from "./+types/settings-calendar";
import { formValues } from "~/domain/forms";
import { savedUrl, type SavedNoticeKey } from "~/domain/notices";
import { createOrRegenerateCalendarToken, revokeCalendarToken, setCalendarActions } from "~/server/calendar.server";
import { requireCaseAccess } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { readForm } from "~/server/forms.server";

/** The calendar section lives on /settings; this route only takes its forms. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireViewer(request);
  throw redirect("/settings#calendar");
}

/**
 * The calendar section's forms (`intent`: regenerate, revoke, actions), back to /settings with
 * a notice. Administrators have no meetings and get a 403 (the section is not offered to them).
 */
export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  const values = formValues(await readForm(request));
  const back = (saved: SavedNoticeKey) => redirect(savedUrl("/settings", saved, "calendar"));
  switch (values.intent) {
    case "regenerate":
      throw back(createOrRegenerateCalendarToken(viewer).replaced ? "calendar-regenerated" : "calendar-created");
    case "revoke":
      revokeCalendarToken(viewer);
      throw back("calendar-revoked");
    case "actions":
      setCalendarActions(viewer, values.includeActions === "1");
      throw back("calendar-actions");
    default:
      throw data({ message: "That action is not available here." }, { status: 400 });
  }
}
