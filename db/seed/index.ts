/**
 * Demo and benchmark data (the CLI is cli.ts).
 *
 * - `seedDemo(db)`: two programs with sign-in-able demo users (password `DEMO_PASSWORD`) and
 *   case data that covers every state the app has to handle (see `DEMO_YOUTH`).
 * - `seedLarge(db, { youth: N })`: N more youth (and proportional data, generated users) spread
 *   over a network of programs (program one and four generated ones, see `NETWORK` in
 *   large.ts), for performance work.
 *
 * Deterministic: a fixed-seed PRNG, no Math.random, and every date an offset from the anchor day
 * (default: today, UTC), so "overdue", "upcoming" and "missing now" stay true whenever it is
 * seeded. Seeding twice with the same anchor gives the same rows (password hashes aside: they are
 * salted). Everything is written with prepared statements inside one transaction.
 */
import type { Db } from "../../app/server/db.server";
import { hashPassword } from "../../app/server/password.server";
import { auditWatermark, writeAuditHistory } from "./audit";
import { Clock, todayUtc } from "./clock";
import { DEMO_PASSWORD, DEMO_PROGRAMS, writeDemo } from "./demo";
import { writeLarge } from "./large";
import { seedDemoNotifications } from "./notifications";
import { dropRollupTriggers, recountRollups } from "../report-rollups";
import { dropSortKeyTriggers, recountSortKeys } from "../youth-sort-keys";
import { makeWriter } from "./writer";

export { todayUtc } from "./clock";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROGRAMS, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "./demo";

/** True when the database holds no program at all. */
export function isEmpty(db: Db): boolean {
  const row = db.$client.prepare("SELECT count(*) AS n FROM programs").get() as { n: number };
  return row.n === 0;
}

/** The demo data set: two programs, their users, ~36 youth with everything around them. */
export async function seedDemo(db: Db, opts: { anchor?: string } = {}): Promise<void> {
  const clock = new Clock(opts.anchor ?? todayUtc());
  const client = db.$client;
  const existing = client.prepare("SELECT slug FROM programs WHERE slug IN (?, ?)").all(DEMO_PROGRAMS.one.slug, DEMO_PROGRAMS.two.slug) as {
    slug: string;
  }[];
  if (existing.length > 0) {
    throw new Error(`seedDemo: the database already has program "${existing[0]!.slug}"; seed an empty database`);
  }
  // One hash for every demo user: they share a public password anyway, and scrypt is slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  client.transaction(() => {
    writeDemo(makeWriter(client), clock, passwordHash);
    summariseContacts(client);
    storeFulfilDays(client);
    storeDoneOn(client);
    seedDemoNotifications(db);
  })();
}

/**
 * Fills the derived "last contacted" columns (youth.last_youth_contact_at, case_parties.last_contact_at)
 * from the contacts just written, as migration 0007 does for existing data and logging a contact
 * does from then on: a party's last contact is the latest made contact filed under them or in
 * which they were someone else who took part (`contact_parties`).
 */
function summariseContacts(client: Db["$client"]): void {
  // As `contactKeepsFresh`: made, and not a contact the CSEC advocate took part in.
  const plain = (c: string) => `${c}.outcome = 'made'
    AND NOT EXISTS (SELECT 1 FROM case_parties s WHERE s.id = ${c}.party_id AND s.role = 'csec_advocate')
    AND NOT EXISTS (SELECT 1 FROM contact_parties sp JOIN case_parties s ON s.id = sp.party_id
      WHERE sp.contact_id = ${c}.id AND s.role = 'csec_advocate')`;
  client.exec(`
    UPDATE youth SET last_youth_contact_at =
      (SELECT max(occurred_at) FROM contacts WHERE contacts.youth_id = youth.id AND contacts.party_id IS NULL AND ${plain("contacts")});
    UPDATE case_parties SET last_contact_at = nullif(max(
      coalesce((SELECT max(occurred_at) FROM contacts WHERE contacts.party_id = case_parties.id AND ${plain("contacts")}), ''),
      coalesce((SELECT max(c.occurred_at) FROM contact_parties cp JOIN contacts c ON c.id = cp.contact_id
        WHERE cp.party_id = case_parties.id AND ${plain("c")}), '')), '');`);
}

/**
 * Fills `resource_requests.fulfil_days` of the fulfilled requests just written, as fulfilling a
 * request does from the app: days from the day submitted to the day provided, in the program's
 * calendar (at the program's present UTC offset, as reports worked it out before the column).
 */
function storeFulfilDays(client: Db["$client"]): void {
  const programs = client.prepare("SELECT id, time_zone AS tz FROM programs").all() as Array<{ id: number; tz: string }>;
  const update = client.prepare(`UPDATE resource_requests
    SET fulfil_days = max(0, cast(julianday(fulfilled_on) - julianday(date(coalesce(submitted_at, requested_at), ?)) as integer))
    WHERE program_id = ? AND status = 'fulfilled' AND fulfilled_on IS NOT NULL AND fulfil_days IS NULL`);
  for (const p of programs) update.run(`${utcOffsetMinutes(p.tz)} minutes`, p.id);
}

/** The program's calendar day each closed action item was closed on, as the app stores it when closing one. */
function storeDoneOn(client: Db["$client"]): void {
  const programs = client.prepare("SELECT id, time_zone AS tz FROM programs").all() as Array<{ id: number; tz: string }>;
  const update = client.prepare(`UPDATE action_items SET done_on = date(done_at, ?)
    WHERE program_id = ? AND done_at IS NOT NULL AND done_on IS NULL`);
  for (const p of programs) update.run(`${utcOffsetMinutes(p.tz)} minutes`, p.id);
}

/** Minutes from UTC to the wall clock of `timeZone` now. */
function utcOffsetMinutes(timeZone: string, now = new Date()): number {
  const local = now.toLocaleString("sv-SE", { timeZone }).replace(" ", "T");
  return Math.round((Date.parse(`${local}Z`) - Math.floor(now.getTime() / 1000) * 1000) / 60_000);
}

/**
 * Adds `youth` more youth (with placements, parties, contacts, requests, meetings, action items,
 * assignments, ~15% concern/confirmed) over the network's programs: 60% to program one, the
 * rest to four generated programs in other time zones (`NETWORK`; `programs` uses only the first
 * few), plus for each program generated advocates (~3 youth each) and supervisors (~12 advocates
 * each) and, for a generated program, its lead, who all sign in with `DEMO_PASSWORD`. Seeds the
 * demo first when the database is empty. Can be called again to add more.
 */
export async function seedLarge(db: Db, opts: { youth: number; anchor?: string; programs?: number }): Promise<void> {
  const n = Math.floor(opts.youth);
  if (!(n >= 0)) throw new Error("seedLarge: youth must be a non-negative number");
  if (isEmpty(db)) await seedDemo(db, opts.anchor === undefined ? {} : { anchor: opts.anchor });
  if (n === 0) return;
  const clock = new Clock(opts.anchor ?? todayUtc());
  const client = db.$client;
  // Millions of rows in one transaction: with SQLite's default 2 MB page cache, dirty pages spill
  // to the WAL again and again. Keep them in memory (up to 2 GB) until the commit.
  const cacheSize = client.pragma("cache_size", { simple: true }) as number;
  client.pragma("cache_size = -2000000");
  client.transaction(() => {
    const since = auditWatermark(client);
    // Inserting millions of rows into a dozen B-trees each, row by row, is most of the time:
    // without the secondary indexes, and building each once afterwards (one sort), it is not.
    const restoreIndexes = dropSecondaryIndexes(client, (table) => table !== "audit_events");
    // The report counts, likewise: counted once from the rows at the end, not row by row.
    const restoreRollupTriggers = dropRollupTriggers(client);
    // The youth list's sort keys too: worked out once per youth, not once per assignment.
    const restoreSortKeyTriggers = dropSortKeyTriggers(client);
    writeLarge(client, makeWriter(client), clock, n, opts.programs);
    restoreIndexes();
    // Before the keys are worked out: the core-contact keys read the parties' last contacts.
    summariseContacts(client);
    recountSortKeys(client);
    restoreSortKeyTriggers();
    storeFulfilDays(client);
    storeDoneOn(client);
    recountRollups(client);
    restoreRollupTriggers();
    const restoreAuditIndexes = dropSecondaryIndexes(client, (table) => table === "audit_events");
    writeAuditHistory(client, since, `${clock.anchor}T17:00:00.000Z`);
    restoreAuditIndexes();
  })();
  client.pragma(`cache_size = ${cacheSize}`);
}

/**
 * Drops the non-unique indexes of the tables `which` picks (unique ones stay: they enforce), and
 * returns what creates them again with the very statements the migrations used.
 */
function dropSecondaryIndexes(client: Db["$client"], which: (table: string) => boolean): () => void {
  const indexes = (
    client.prepare("SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
      name: string;
      tableName: string;
      sql: string;
    }[]
  ).filter((i) => which(i.tableName) && !/^\s*CREATE\s+UNIQUE\s/i.test(i.sql));
  for (const i of indexes) client.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of indexes) client.exec(i.sql);
  };
}
