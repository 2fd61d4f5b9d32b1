/** `/inbox/:id`: marks the viewer's notification read and goes to what it is about (404 for anyone else's). */
import { redirect } from "react-router";
import type { Route } from "./+types/inbox-open";
import { openNotification } from "~/server/notifications.server";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  throw redirect(openNotification(viewer, idParam(params.notificationId, "Notification")));
}
