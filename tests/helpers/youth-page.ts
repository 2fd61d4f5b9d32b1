/**
 * Helpers for the youth page's integration tests: form POSTs as a signed-in user, what a loader
 * or action settled to, table snapshots to prove that nothing changed, and small fixtures (a youth
 * with a chosen advocate, supervisor, team and CSEC concern) built on the demo users.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../app/server/db.server";
import { caseParties, contacts, csecConcerns, csecStatusEvents, redFlags, youthCsecStatus } from "../../db/schema";
import { cookieFor, settle } from "./auth";
import { createYouth } from "./factories";

export type Fields = Record<string, string | readonly string[]>;
export type Settled = Awaited<ReturnType<typeof settle>>;

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

type RouteFn = (args: never) => unknown;

/** Calls a route module's loader or action with a real request and returns what it settled to. */
export function callRoute(fn: RouteFn, request: Request, params: Record<string, string>): Promise<Settled> {
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

/** The payload of a `data()` result (a 400's `{ errors, values }`, a 403/404's `{ message }`). */
export function payloadOf<T = Record<string, unknown>>(result: Settled): T {
  if (result && typeof result === "object" && !(result instanceof Response) && "data" in result) return result.data as T;
  throw new Error(`Not a data() result: ${describeResult(result)}`);
}

export function describeResult(result: Settled): string {
  if (result instanceof Response) return `Response ${result.status} ${result.headers.get("Location") ?? ""}`;
  try {
    return JSON.stringify(result).slice(0, 500);
  } catch {
    return String(result);
  }
}

/** The Location of a redirect Response (asserting it is one). */
export function redirectLocation(result: Settled): string {
  if (!(result instanceof Response) || result.status < 300 || result.status >= 400) {
    throw new Error(`Expected a redirect, got ${describeResult(result)}`);
  }
  return result.headers.get("Location") ?? "";
}

/** Every table a youth-page action may write to (sessions are left out: signing in writes them). */
export const CASE_TABLES = [
  "youth",
  "youth_assignments",
  "placements",
  "case_parties",
  "contacts",
  "safety_plans",
  "csec_concerns",
  "red_flags",
  "youth_csec_status",
  "csec_status_events",
  "audit_events",
] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

/** Full contents of the case tables, for "nothing changed" comparisons. */
export function snapshot(db: Db, tables: readonly CaseTable[] = CASE_TABLES): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = db.$client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
  return out;
}

export function rowCounts(db: Db, tables: readonly CaseTable[] = CASE_TABLES): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (db.$client.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
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

export function maxId(db: Db, table: CaseTable): number {
  return (db.$client.prepare(`SELECT coalesce(max(id), 0) AS n FROM "${table}"`).get() as { n: number }).n;
}

export function auditRowsAfter(db: Db, id: number): AuditRow[] {
  return db.$client.prepare(`SELECT * FROM audit_events WHERE id > ? ORDER BY id`).all(id) as AuditRow[];
}

export function userIdOf(db: Db, email: string): number {
  const row = db.get<{ id: number }>(sql`select id from users where email = ${email}`);
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

export function programIdOf(db: Db, slug: string): number {
  const row = db.get<{ id: number }>(sql`select id from programs where slug = ${slug}`);
  if (!row) throw new Error(`No program ${slug}`);
  return row.id;
}

/** The id of a demo youth (`DEMO_YOUTH.x`). */
export function youthIdOf(db: Db, ref: { caseNumber: string; program: string }): number {
  const row = db.get<{ id: number }>(
    sql`select y.id from youth y join programs p on p.id = y.program_id where y.case_number = ${ref.caseNumber} and p.slug = ${ref.program}`,
  );
  if (!row) throw new Error(`No youth ${ref.caseNumber}`);
  return row.id;
}

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

/** `YYYY-MM-DDTHH:mm` (what a datetime-local input sends) for now + `offsetMs` in a time zone. */
export function localDateTime(timeZone: string, offsetMs = 0): string {
  const p = parts(new Date(Date.now() + offsetMs), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The calendar date `n` days before today in the time zone. */
export function daysAgo(timeZone: string, n: number): string {
  const today = localDate(new Date(), timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A UTC instant on the calendar day `n` days ago in a US time zone (20:00 UTC is noon or 1 pm on
 * the US west coast, and the same calendar day in every US zone).
 */
export function instantDaysAgo(timeZone: string, n: number): string {
  return `${daysAgo(timeZone, n)}T20:00:00.000Z`;
}

export const PROGRAM_ONE_TZ = "America/Los_Angeles";

// ------------------------------------------------------------------------------------------
// Fixtures

export type YouthCase = {
  youthId: number;
  programId: number;
  /** Current holders of the core roles, when created. */
  cswId: number | null;
  attorneyId: number | null;
  clcId: number | null;
  /** The open concern, when one was created. */
  concernId: number | null;
};

/**
 * A youth in program one with the given current advocate and supervisor (demo users), a team
 * (CSW, attorney, CLC case manager unless left out), and optionally an open concern (status
 * `concern`, one red flag) raised by `concernBy`. `formerAdvocate` gets an ended assignment.
 */
export function makeYouth(
  db: Db,
  opts: {
    advocate: string;
    supervisor: string;
    formerAdvocate?: string;
    concernBy?: string;
    team?: ReadonlyArray<"csw" | "attorney" | "clc_case_manager">;
  },
): YouthCase {
  const programId = programIdOf(db, "example-county");
  const y = createYouth(db, {
    programId,
    advocateId: userIdOf(db, opts.advocate),
    supervisorId: userIdOf(db, opts.supervisor),
  });
  if (opts.formerAdvocate) {
    db.$client
      .prepare(
        `INSERT INTO youth_assignments (program_id, youth_id, user_id, kind, started_on, ended_on) VALUES (?, ?, ?, 'advocate', '2024-01-01', '2024-12-31')`,
      )
      .run(programId, y.id, userIdOf(db, opts.formerAdvocate));
  }
  const team = opts.team ?? ["csw", "attorney", "clc_case_manager"];
  const party = (role: string, name: string) =>
    team.includes(role as never)
      ? db
          .insert(caseParties)
          .values({
            programId,
            youthId: y.id,
            role,
            name,
            organization: "Example County DCFS",
            phone: "(555) 555-0100",
            email: `${role}.${y.id}@dcfs.example.org`,
            startedOn: "2025-01-01",
          })
          .returning({ id: caseParties.id })
          .get().id
      : null;
  const cswId = party("csw", `Casey Worker ${y.id}`);
  const attorneyId = party("attorney", `Alex Counsel ${y.id}`);
  const clcId = party("clc_case_manager", `Chris Manager ${y.id}`);

  let concernId: number | null = null;
  if (opts.concernBy) {
    const by = userIdOf(db, opts.concernBy);
    const at = new Date(Date.now() - 3 * DAY_MS).toISOString();
    concernId = db
      .insert(csecConcerns)
      .values({ programId, youthId: y.id, raisedByUserId: by, raisedAt: at, note: `Fixture concern note ${y.id}` })
      .returning({ id: csecConcerns.id })
      .get().id;
    db.insert(redFlags)
      .values({
        programId,
        youthId: y.id,
        concernId,
        indicator: "running_away",
        observedByUserId: by,
        observedOn: at.slice(0, 10),
        note: `Fixture flag note ${y.id}`,
      })
      .run();
    db.insert(youthCsecStatus)
      .values({ youthId: y.id, programId, status: "concern", changedAt: at, changedByUserId: by })
      .run();
    db.insert(csecStatusEvents)
      .values({ programId, youthId: y.id, fromStatus: "none", toStatus: "concern", concernId, actorUserId: by, at })
      .run();
  }
  return { youthId: y.id, programId, cswId, attorneyId, clcId, concernId };
}

/** A contact row written directly (not through the app), for staleness fixtures. */
export function insertContact(
  db: Db,
  c: { programId: number; youthId: number; partyId: number | null; occurredAt: string; loggedBy: number; summary?: string },
): number {
  return db
    .insert(contacts)
    .values({
      programId: c.programId,
      youthId: c.youthId,
      partyId: c.partyId,
      occurredAt: c.occurredAt,
      method: "phone",
      summary: c.summary ?? "Fixture contact",
      loggedByUserId: c.loggedBy,
    })
    .returning({ id: contacts.id })
    .get().id;
}

/**
 * Makes every insert into audit_events fail (a TEMP trigger on this connection) while `fn` runs,
 * to prove that a change and its audit row commit or roll back together.
 */
export async function withAuditFailing<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.$client.exec(
    `CREATE TEMP TRIGGER test_audit_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit log unavailable (test)'); END;`,
  );
  try {
    return await fn();
  } finally {
    db.$client.exec(`DROP TRIGGER IF EXISTS temp.test_audit_down`);
  }
}
