/**
 * Plain SQL on a better-sqlite3 handle (`db.$client` in integration tests, a read-only handle in
 * wire and end-to-end tests): ids of demo rows, "nothing changed" snapshots, the audit log, and
 * making audit writes fail. Written here on purpose, independently of the app's queries.
 */
import type Database from "better-sqlite3";

export type Sqlite = Database.Database;

// ------------------------------------------------------------------------------------------
// Rows

type Row = Record<string, unknown>;

/** `one(sql, ...args)` (the first row or undefined) and `all(sql, ...args)` on a handle. */
export function queries(c: Sqlite): {
  one: (query: string, ...args: unknown[]) => Row | undefined;
  all: (query: string, ...args: unknown[]) => Row[];
} {
  return {
    one: (query, ...args) => c.prepare(query).get(...args) as Row | undefined,
    all: (query, ...args) => c.prepare(query).all(...args) as Row[],
  };
}

export function count(c: Sqlite, table: string): number {
  return (c.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

/** Full contents of the given tables, for "nothing changed" comparisons. */
export function snapshot(c: Sqlite, tables: readonly string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = c.prepare(`select * from "${t}" order by rowid`).all();
  return out;
}

/** The largest id in a table (0 when empty): rows written later have larger ids. */
export function maxId(c: Sqlite, table: string): number {
  return (c.prepare(`select coalesce(max(id), 0) as n from "${table}"`).get() as { n: number }).n;
}

// ------------------------------------------------------------------------------------------
// Demo users, programs and youth

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

export function programOfYouth(c: Sqlite, youthId: number): number {
  return (c.prepare("select program_id as p from youth where id = ?").get(youthId) as { p: number }).p;
}

// ------------------------------------------------------------------------------------------
// The audit log

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

export function auditRowsAfter(c: Sqlite, id: number): AuditRow[] {
  return c.prepare("select * from audit_events where id > ? order by id").all(id) as AuditRow[];
}

/**
 * Makes every insert into audit_events fail (a TEMP trigger on this connection) while `fn` runs,
 * to prove that a change and its audit row commit or roll back together.
 */
export async function withAuditFailing<T>(c: Sqlite, fn: () => Promise<T>): Promise<T> {
  c.exec(
    `CREATE TEMP TRIGGER test_audit_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit log unavailable (test)'); END;`,
  );
  try {
    return await fn();
  } finally {
    c.exec(`DROP TRIGGER IF EXISTS temp.test_audit_down`);
  }
}

// ------------------------------------------------------------------------------------------
// The versions an edit form is based on (optimistic concurrency), as the form would carry them

export function partyVersion(c: Sqlite, partyId: number): string {
  return String((c.prepare("select version as v from case_parties where id = ?").get(partyId) as { v: number }).v);
}

export function safetyPlanVersion(c: Sqlite, youthId: number): string {
  return String((c.prepare("select coalesce(max(version), 0) as v from safety_plans where youth_id = ?").get(youthId) as { v: number }).v);
}

export function meetingVersion(c: Sqlite, meetingId: number): string {
  return String((c.prepare("select version as v from mdt_meetings where id = ?").get(meetingId) as { v: number }).v);
}
