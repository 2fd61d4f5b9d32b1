/**
 * The demo's inbox: each demo user finds some notifications as they would have arrived, written
 * by the app's own event functions (so the wording, the recipients and the CSEC rule are the
 * app's), then dated when the event happened. The supervisor: a concern an advocate raised and a
 * request to decide; the advocate: a decided request and an action item given to them.
 */
import type { Db } from "../../app/server/db.server";
import { actionAssigned, concernRaised, requestDecided, requestSubmitted } from "../../app/server/notify-events.server";
import { CSEC_SENSITIVE_REQUEST_TYPES } from "../../app/domain/requests";

type Row = Record<string, unknown>;

export function seedDemoNotifications(db: Db): void {
  const c = db.$client;
  const one = (q: string, ...args: unknown[]) => c.prepare(q).get(...args) as Row | undefined;
  const user = (email: string) => one("SELECT id, name FROM users WHERE email = ?", email) as { id: number; name: string };
  const { id: program, tz: timeZone } = one("SELECT id, time_zone AS tz FROM programs ORDER BY id LIMIT 1") as { id: number; tz: string };
  const advocate = user("advocate@example.org");
  const supervisor = user("supervisor@example.org");
  const actorOf = (u: { id: number; name: string }) => ({ programId: program, userId: u.id, name: u.name, timeZone });
  // Each event function writes the notification now; date it when the event happened.
  const dateLatest = (at: string, read: boolean) =>
    c.prepare("UPDATE notifications SET created_at = ?, read_at = ? WHERE id > ?").run(at, read ? at : null, mark);
  let mark = 0;
  const next = () => (mark = (one("SELECT coalesce(max(id), 0) AS id FROM notifications") as { id: number }).id);
  const sensitiveTypes = CSEC_SENSITIVE_REQUEST_TYPES.map((t) => `'${t}'`).join(", ");

  // The concern the advocate raised themself, to the supervisor and the lead.
  const concern = one(
    `SELECT youth_id, raised_at FROM csec_concerns WHERE raised_by_user_id = ? AND review_status = 'under_review' ORDER BY raised_at LIMIT 1`,
    advocate.id,
  );
  if (concern) {
    next();
    concernRaised(db, actorOf(advocate), concern.youth_id as number);
    dateLatest(concern.raised_at as string, false);
  }

  // A request the supervisor decides, submitted by an advocate.
  const submitted = one(
    `SELECT r.id, r.submitted_at, u.id AS uid, u.name FROM resource_requests r JOIN users u ON u.id = r.requested_by_user_id
     WHERE r.program_id = ? AND r.status = 'submitted' AND r.requested_by_user_id <> ?
       AND r.youth_id IN (SELECT youth_id FROM youth_assignments WHERE kind = 'supervisor' AND ended_on IS NULL AND user_id = ?)
     ORDER BY r.submitted_at DESC LIMIT 1`,
    program,
    supervisor.id,
    supervisor.id,
  );
  if (submitted) {
    next();
    requestSubmitted(
      db,
      { programId: program, userId: submitted.uid as number, name: submitted.name as string, timeZone },
      submitted.id as number,
    );
    dateLatest((submitted.submitted_at as string | null) ?? new Date().toISOString(), false);
  }

  // Two requests the advocate made, decided: one read, one not.
  const decided = c
    .prepare(
      `SELECT r.id, r.status, e.at FROM resource_requests r
       JOIN request_status_events e ON e.request_id = r.id AND e.to_status = r.status
       WHERE r.requested_by_user_id = ? AND r.status IN ('approved', 'denied', 'fulfilled') AND r.type NOT IN (${sensitiveTypes})
       ORDER BY e.at DESC LIMIT 2`,
    )
    .all(advocate.id) as Row[];
  decided.reverse().forEach((r, i) => {
    next();
    const action = r.status === "approved" ? "approve" : r.status === "denied" ? "deny" : "fulfil";
    requestDecided(db, actorOf(supervisor), r.id as number, action);
    dateLatest(r.at as string, i === 0 && decided.length > 1);
  });

  // An open action item someone else gave the advocate.
  const action = one(
    `SELECT a.id, a.created_at, u.id AS uid, u.name FROM action_items a JOIN users u ON u.id = a.created_by_user_id
     WHERE a.owner_user_id = ? AND a.created_by_user_id <> ? AND a.status = 'open' ORDER BY a.created_at DESC LIMIT 1`,
    advocate.id,
    advocate.id,
  );
  if (action) {
    next();
    actionAssigned(db, { programId: program, userId: action.uid as number, name: action.name as string, timeZone }, action.id as number);
    dateLatest(action.created_at as string, false);
  }
}
