/**
 * The audit log a year of use would leave behind the large data set: the biggest table of a real
 * installation, which the audit viewer must page and filter fast. Derived in SQL from the records
 * the run wrote (set-based: a few million rows in seconds), with the actions the app writes:
 * - `contact.log` for each contact, by its author, shortly after it happened;
 * - `youth.view` twice per contact (preparing for it and writing it up);
 * - `request.create` and `request.<step>` for each request status event, by its actor;
 * - `meeting.schedule` and `prep_packet.view` for each meeting;
 * - `session.sign_in` for each generated user, about once a week for a year.
 */
import type BetterSqlite3 from "better-sqlite3";

/** What earlier runs left: records with ids above these are this run's. */
export type AuditWatermark = { youthId: number; userId: number };

export function auditWatermark(client: BetterSqlite3.Database): AuditWatermark {
  const max = (table: string) => (client.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
  return { youthId: max("youth"), userId: max("users") };
}

/** ISO instant `minutes` after `at`, in SQL (the app's own format, with milliseconds and Z). */
const plus = (at: string, minutes: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${at}, (${minutes}) || ' minutes')`;

export function writeAuditHistory(client: BetterSqlite3.Database, since: AuditWatermark, anchorIso: string): number {
  const before = (client.prepare("SELECT count(*) AS n FROM audit_events").get() as { n: number }).n;
  const insert = (select: string, ...params: unknown[]) =>
    client
      .prepare(`INSERT INTO audit_events (at, program_id, actor_user_id, action, entity_type, entity_id, youth_id, details) ${select}`)
      .run(...params);

  insert(
    `SELECT ${plus("c.occurred_at", "30 + c.id % 90")}, c.program_id, c.logged_by_user_id, 'contact.log', 'contact', c.id, c.youth_id, NULL
     FROM contacts c WHERE c.youth_id > ?`,
    since.youthId,
  );
  insert(
    `SELECT ${plus("c.occurred_at", "-(60 * 24 * (1 + c.id % 3)) - c.id % 600")}, c.program_id, c.logged_by_user_id, 'youth.view', 'youth', c.youth_id, c.youth_id, NULL
     FROM contacts c WHERE c.youth_id > ?
     UNION ALL
     SELECT ${plus("c.occurred_at", "20 + c.id % 40")}, c.program_id, c.logged_by_user_id, 'youth.view', 'youth', c.youth_id, c.youth_id, NULL
     FROM contacts c WHERE c.youth_id > ?`,
    since.youthId,
    since.youthId,
  );
  insert(
    `SELECT e.at, e.program_id, e.actor_user_id,
       CASE WHEN e.from_status IS NULL THEN 'request.create'
            WHEN e.to_status = 'submitted' THEN 'request.submit'
            WHEN e.to_status = 'approved' THEN 'request.approve'
            WHEN e.to_status = 'denied' THEN 'request.deny'
            WHEN e.to_status = 'fulfilled' THEN 'request.fulfil'
            WHEN e.to_status = 'withdrawn' THEN 'request.withdraw'
            ELSE 'request.' || e.to_status END,
       'resource_request', e.request_id, r.youth_id, NULL
     FROM request_status_events e JOIN resource_requests r ON r.id = e.request_id WHERE r.youth_id > ?`,
    since.youthId,
  );
  insert(
    `SELECT m.created_at, m.program_id, m.created_by_user_id, 'meeting.schedule', 'mdt_meeting', m.id, m.youth_id, NULL
     FROM mdt_meetings m WHERE m.youth_id > ?
     UNION ALL
     SELECT ${plus("m.scheduled_at", "-(60 * 20) - m.id % 300")}, m.program_id, m.created_by_user_id, 'prep_packet.view', 'youth', m.youth_id, m.youth_id, NULL
     FROM mdt_meetings m WHERE m.youth_id > ?`,
    since.youthId,
    since.youthId,
  );
  // About one sign-in a week per generated user, over the year before the anchor.
  insert(
    `WITH RECURSIVE weeks(w) AS (SELECT 0 UNION ALL SELECT w + 1 FROM weeks WHERE w < 51)
     SELECT ${plus("?", "-(weeks.w * 7 * 24 * 60) - (u.id * 37 + weeks.w * 101) % (5 * 24 * 60)")}, m.program_id, u.id, 'session.sign_in', NULL, NULL, NULL, NULL
     FROM users u JOIN memberships m ON m.user_id = u.id CROSS JOIN weeks WHERE u.id > ?`,
    anchorIso,
    since.userId,
  );
  return (client.prepare("SELECT count(*) AS n FROM audit_events").get() as { n: number }).n - before;
}
