import type { Route } from "./+types/calendar-feed";
import { buildCalendarFeed } from "~/server/calendar-feed.server";
import { calendarOwnerByToken } from "~/server/calendar.server";

/**
 * A person's private calendar feed, read by calendar services: no session, the token in the URL
 * is the key. Anything else (a malformed, unknown or revoked token, a deactivated account) is the
 * same bare 404.
 */
export function loader({ params }: Route.LoaderArgs) {
  const match = /^(.+)\.ics$/u.exec(params.file);
  const owner = match ? calendarOwnerByToken(match[1]!) : null;
  if (!owner) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(buildCalendarFeed(owner), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
