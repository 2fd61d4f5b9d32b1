/**
 * Helpers for the MDT-meeting tests (issue 5): form POSTs as a signed-in user, what a route
 * settled to, plain SQL reads and "nothing changed" snapshots of the meeting tables, fixtures
 * built on the demo users, and dates computed here, independently of app/domain/dates.ts.
 */
import type Database from "better-sqlite3";
import { UNSAFE_decodeViaTurboStream } from "react-router";
import type { Db } from "../../app/server/db.server";
import { cookieFor, settle } from "./auth";
import { createYouth } from "./factories";

export type Fields = Record<string, string | readonly string[]>;
export type Settled = Awaited<ReturnType<typeof settle>>;
type Sqlite = Database.Database;

// ------------------------------------------------------------------------------------------
// Requests and what routes settle to

/** A form POST (application/x-www-form-urlencoded) as a signed-in user; arrays repeat the field. */
export async function postAs(db: Db, email: string, url: string, fields: Fields): Promise<Request> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") body.append(key, value);
    else for (const v of value) body.append(key, v);
  }
  return new Request(new URL(url, "http://localhost"), {
    method: "POST",
    body,
    headers: { Cookie: await cookieFor(db, email), "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/** A GET as a signed-in user. */
export async function getAs(db: Db, email: string, url: string): Promise<Request> {
  return new Request(new URL(url, "http://localhost"), { headers: { Cookie: await cookieFor(db, email) } });
}

type RouteFn = (args: never) => unknown;

/** Calls a route module's loader or action with a real request; returns what it returned or threw. */
export function callRoute(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<Settled> {
  return settle(() => (fn as (args: unknown) => Promise<unknown>)({ request, params, context: {} }) as Promise<unknown>);
}

/** The HTTP status a settled loader/action result stands for (200 for plain returned data). */
export function statusOf(result: Settled): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    return (result.init as ResponseInit | null)?.status ?? 200;
  }
  return 200;
}

export type FormReply = { errors: Record<string, string>; values: Record<string, unknown>; intent?: string; message?: string };

/** The payload of a `data()` result (a 400's `{ errors, values }`, a 403/404's `{ message }`). */
export function payloadOf<T = FormReply>(result: Settled): T {
  if (result && typeof result === "object" && !(result instanceof Response) && "data" in result) return result.data as T;
  throw new Error(`Not a data() result: ${describeResult(result)}`);
}

export function describeResult(result: Settled): string {
  if (result instanceof Response) return `Response ${result.status} ${result.headers.get("Location") ?? ""}`;
  try {
    return JSON.stringify(result).slice(0, 600);
  } catch {
    return String(result);
  }
}

/** The Location of a redirect (asserting it is one). */
export function redirectTo(result: Settled): string {
  if (!(result instanceof Response) || result.status < 300 || result.status >= 400) {
    throw new Error(`Expected a redirect, got ${describeResult(result)}`);
  }
  return result.headers.get("Location") ?? "";
}

// ------------------------------------------------------------------------------------------
// Plain SQL (better-sqlite3 handles: `db.$client` in integration tests, read-only in wire tests)

export const MEETING_TABLES = [
  "mdt_meetings",
  "meeting_attendees",
  "meeting_agenda_items",
  "action_items",
  "audit_events",
  "youth_csec_status",
] as const;

/** Full contents of the meeting tables (and the audit log), for "nothing changed" comparisons. */
export function snapshot(c: Sqlite): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of MEETING_TABLES) out[t] = c.prepare(`select * from "${t}" order by rowid`).all();
  return out;
}

export type AuditRow = {
  id: number;
  at: string;
  program_id: number | null;
  actor_user_id: number | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  youth_id: number | null;
  details: string | null;
};

export function maxAuditId(c: Sqlite): number {
  return (c.prepare("select coalesce(max(id), 0) as n from audit_events").get() as { n: number }).n;
}

export function auditRowsAfter(c: Sqlite, id: number): AuditRow[] {
  return c.prepare("select * from audit_events where id > ? order by id").all(id) as AuditRow[];
}

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

export function userId(c: Sqlite, email: string): number {
  const row = c.prepare("select id from users where email = ?").get(email) as { id: number } | undefined;
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

export function userName(c: Sqlite, email: string): string {
  const row = c.prepare("select name from users where email = ?").get(email) as { name: string } | undefined;
  if (!row) throw new Error(`No user ${email}`);
  return row.name;
}

export function programId(c: Sqlite, slug: string): number {
  const row = c.prepare("select id from programs where slug = ?").get(slug) as { id: number } | undefined;
  if (!row) throw new Error(`No program ${slug}`);
  return row.id;
}

/** The id of a demo youth (`DEMO_YOUTH.x`), by case number and program slug. */
export function demoYouthId(c: Sqlite, ref: { caseNumber: string; program: string }): number {
  const row = c
    .prepare("select y.id from youth y join programs p on p.id = y.program_id where y.case_number = ? and p.slug = ?")
    .get(ref.caseNumber, ref.program) as { id: number } | undefined;
  if (!row) throw new Error(`No youth ${ref.caseNumber}`);
  return row.id;
}

/**
 * The SQL (on `action_items a`) for "this item would reveal CSEC involvement", written here on its
 * own. Never NULL (`is`, not `=`, on the nullable owner role), so `not (...)` is safe.
 */
export const SENSITIVE_ACTION_SQL = `(a.csec_sensitive = 1 or a.owner_party_role is 'csec_advocate'
  or exists (select 1 from mdt_meetings m where m.id = a.meeting_id and m.type = 'csec_mdt'))`;

// ------------------------------------------------------------------------------------------
// Dates, computed here independently of app/domain/dates.ts

const DAY_MS = 86_400_000;

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant)) {
    out[p.type] = p.value;
  }
  return out;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The calendar date `n` days from today (negative: before) in the time zone. */
export function dayFromToday(timeZone: string, n: number): string {
  const today = localDate(new Date(), timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from calendar date `from` to `to`. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * An instant `offsetMs` from now, on a whole minute, both as what a datetime-local input sends
 * in the time zone (`local`) and as the UTC ISO string the app should store (`utc`).
 */
export function meetingTime(timeZone: string, offsetMs: number): { local: string; utc: string } {
  const instant = new Date(Math.floor((Date.now() + offsetMs) / 60_000) * 60_000);
  const p = parts(instant, timeZone);
  return { local: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, utc: instant.toISOString() };
}

export const PROGRAM_ONE_TZ = "America/Los_Angeles";
export const DAY = DAY_MS;

// ------------------------------------------------------------------------------------------
// Fixtures

/**
 * A youth in program one with the given current advocate and supervisor (demo users), a CSW and
 * an attorney on the team, and optionally an open concern (status `concern`, one red flag
 * "running_away" observed 3 days ago) raised by `concernBy`.
 */
export function makeYouth(
  db: Db,
  opts: { advocate: string; supervisor: string; concernBy?: string },
): { youthId: number; programId: number; cswPartyId: number; attorneyPartyId: number } {
  const c = db.$client;
  const pid = programId(c, "example-county");
  const y = createYouth(db, { programId: pid, advocateId: userId(c, opts.advocate), supervisorId: userId(c, opts.supervisor) });
  const party = (role: string, name: string) =>
    Number(
      c
        .prepare(
          `insert into case_parties (program_id, youth_id, role, name, organization, phone, email, started_on)
           values (?, ?, ?, ?, 'Example County DCFS', '(555) 555-0100', ?, '2025-01-01')`,
        )
        .run(pid, y.id, role, name, `${role}.${y.id}@dcfs.example.org`).lastInsertRowid,
    );
  const cswPartyId = party("csw", `Casey Worker ${y.id}`);
  const attorneyPartyId = party("attorney", `Alex Counsel ${y.id}`);
  if (opts.concernBy) {
    const by = userId(c, opts.concernBy);
    const at = new Date(Date.now() - 3 * DAY_MS).toISOString();
    const concernId = Number(
      c
        .prepare(`insert into csec_concerns (program_id, youth_id, raised_by_user_id, raised_at, note) values (?, ?, ?, ?, ?)`)
        .run(pid, y.id, by, at, `Meeting fixture concern note ${y.id}`).lastInsertRowid,
    );
    c.prepare(
      `insert into red_flags (program_id, youth_id, concern_id, indicator, observed_by_user_id, observed_on, note)
       values (?, ?, ?, 'running_away', ?, ?, ?)`,
    ).run(pid, y.id, concernId, by, at.slice(0, 10), `Meeting fixture flag note ${y.id}`);
    c.prepare(`insert into youth_csec_status (youth_id, program_id, status, changed_at, changed_by_user_id) values (?, ?, 'concern', ?, ?)`).run(
      y.id,
      pid,
      at,
      by,
    );
    c.prepare(
      `insert into csec_status_events (program_id, youth_id, from_status, to_status, concern_id, actor_user_id, at)
       values (?, ?, 'none', 'concern', ?, ?, ?)`,
    ).run(pid, y.id, concernId, by, at);
  }
  return { youthId: y.id, programId: pid, cswPartyId, attorneyPartyId };
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

// ------------------------------------------------------------------------------------------
// `.data` bodies

/** Decodes a `.data` (turbo-stream) body into the plain value React Router's client would get. */
export async function decodeData(text: string): Promise<unknown> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  const decoded = await UNSAFE_decodeViaTurboStream(stream, globalThis as never);
  await decoded.done;
  return decoded.value;
}

/** The loader data of one route (`routes/meetings-list` ...) inside a decoded `.data` body. */
export function routeData<T = Record<string, unknown>>(decoded: unknown, routeId: string): T | undefined {
  const entry = (decoded as Record<string, { data?: unknown } | undefined>)?.[routeId];
  return entry?.data as T | undefined;
}

/** React separates adjacent text nodes with `<!-- -->` in server-rendered HTML. */
export const textOf = (html: string) => html.replace(/<!-- -->/g, "");

/**
 * Makes every insert into audit_events fail (a TEMP trigger on this connection) while `fn` runs,
 * to prove that a change and its audit row commit or roll back together.
 */
export async function withAuditFailing<T>(c: Sqlite, fn: () => Promise<T>): Promise<T> {
  c.exec(
    `CREATE TEMP TRIGGER test_meetings_audit_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit log unavailable (test)'); END;`,
  );
  try {
    return await fn();
  } finally {
    c.exec(`DROP TRIGGER IF EXISTS temp.test_meetings_audit_down`);
  }
}
