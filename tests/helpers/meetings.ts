/**
 * Helpers for the MDT-meeting tests (issue 5): the meeting tables for "nothing changed"
 * snapshots, plain SQL reads of meetings and action items, and fixtures built on the demo users.
 * Requests, route calls and their results are in ./routes, ids of demo rows, snapshots and the
 * audit log in ./db, dates in ./dates, `.data` bodies in ./wire.
 */
import type { Db } from "../../app/server/db.server";
import { DAY_MS } from "./dates";
import type { Sqlite } from "./db";
import { makeYouth, type YouthCase } from "./factories";

/** The meeting tables (and the audit log), for "nothing changed" comparisons. */
export const MEETING_TABLES = [
  "mdt_meetings",
  "meeting_attendees",
  "meeting_agenda_items",
  "action_items",
  "audit_events",
  "youth_csec_status",
] as const;

export type ActionItemDb = {
  id: number;
  program_id: number;
  youth_id: number;
  meeting_id: number | null;
  description: string;
  owner_party_role: string | null;
  owner_user_id: number | null;
  due_on: string | null;
  status: string;
  done_at: string | null;
  drop_reason: string | null;
  csec_sensitive: number;
  created_by_user_id: number;
  created_at: string;
  updated_at: string | null;
};

export function actionItem(c: Sqlite, id: number): ActionItemDb | undefined {
  return c.prepare("select * from action_items where id = ?").get(id) as ActionItemDb | undefined;
}

export type MeetingDb = {
  id: number;
  program_id: number;
  youth_id: number;
  type: string;
  scheduled_at: string;
  location: string | null;
  video_link: string | null;
  status: string;
  notes: string | null;
  decisions: string | null;
  created_by_user_id: number;
};

export function meetingRow(c: Sqlite, id: number): MeetingDb | undefined {
  return c.prepare("select * from mdt_meetings where id = ?").get(id) as MeetingDb | undefined;
}

/**
 * The SQL (on `action_items a`) for "this item would reveal CSEC involvement", written here on its
 * own. Never NULL (`is`, not `=`, on the nullable owner role), so `not (...)` is safe.
 */
export const SENSITIVE_ACTION_SQL = `(a.csec_sensitive = 1 or a.owner_party_role is 'csec_advocate'
  or exists (select 1 from mdt_meetings m where m.id = a.meeting_id and m.type = 'csec_mdt'))`;

/**
 * `makeYouth` as the meeting tests use it: a CSW and an attorney on the team (no CLC case
 * manager), and the concern's and flag's notes marked "Meeting fixture ...".
 */
export function makeMeetingYouth(db: Db, opts: { advocate: string; supervisor: string; concernBy?: string }): YouthCase {
  return makeYouth(db, { ...opts, team: ["csw", "attorney"], notePrefix: "Meeting fixture" });
}

/** An action item written directly (not through the app), for "my actions" fixtures. */
export function insertActionItem(
  c: Sqlite,
  a: {
    programId: number;
    youthId: number;
    description: string;
    meetingId?: number | null;
    ownerUserId?: number | null;
    ownerPartyRole?: string | null;
    dueOn?: string | null;
    status?: "open" | "done" | "dropped";
    csecSensitive?: boolean;
    createdBy: number;
  },
): number {
  const status = a.status ?? "open";
  const now = new Date().toISOString();
  return Number(
    c
      .prepare(
        `insert into action_items (program_id, youth_id, meeting_id, description, owner_party_role, owner_user_id, due_on,
           status, done_at, drop_reason, csec_sensitive, created_by_user_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.programId,
        a.youthId,
        a.meetingId ?? null,
        a.description,
        a.ownerPartyRole ?? null,
        a.ownerUserId ?? null,
        a.dueOn ?? null,
        status,
        status === "open" ? null : now,
        status === "dropped" ? "Fixture drop reason" : null,
        a.csecSensitive ? 1 : 0,
        a.createdBy,
        new Date(Date.now() - 2 * DAY_MS).toISOString(),
      ).lastInsertRowid,
  );
}
