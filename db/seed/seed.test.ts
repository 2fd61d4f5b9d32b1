import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../app/server/db.server";
import { verifyPassword } from "../../app/server/password.server";
import { HOTLINE_KEYS } from "../../app/domain/hotlines";
import { MEETING_TYPE_KEYS } from "../../app/domain/meetings";
import { RED_FLAG_KEYS } from "../../app/domain/red-flags";
import { REQUEST_STATUSES, REQUEST_TYPE_KEYS } from "../../app/domain/requests";
import { PARTY_ROLES, PLACEMENT_TYPES } from "../../app/domain/youth";
import { CONTACT_METHODS } from "../../app/domain/contacts";
import { SORT_KEYS } from "../youth-sort-keys";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SECRET_MARKERS, DEMO_YOUTH, isEmpty, seedDemo, seedLarge } from "./index";
import { GENERATED_PROGRAMS, NETWORK, networkShares } from "./large";
import * as D from "./data";

const ANCHOR = "2026-03-02";
/** Generated youth in the seedLarge test; raise it (SEED_TEST_LARGE_YOUTH=5000) to hunt rare cases. */
const LARGE_N = Number(process.env.SEED_TEST_LARGE_YOUTH ?? 300);

const SEEDED_TABLES = [
  "programs",
  "users",
  "memberships",
  "youth",
  "placements",
  "youth_assignments",
  "case_parties",
  "contacts",
  "contact_parties",
  "resource_requests",
  "request_status_events",
  "mdt_meetings",
  "meeting_attendees",
  "meeting_agenda_items",
  "action_items",
  "runaway_episodes",
  "safety_plans",
  "youth_csec_status",
  "csec_status_events",
  "csec_concerns",
  "red_flags",
] as const;

type Row = Record<string, unknown>;

function all<T = Row>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}
function one<T = Row>(db: Db, sql: string, ...params: unknown[]): T {
  return db.$client.prepare(sql).get(...params) as T;
}

function dump(db: Db): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const table of SEEDED_TABLES) {
    out[table] = all(db, `SELECT * FROM ${table} ORDER BY rowid`).map((r) => {
      const { password_hash: _hash, ...rest } = r;
      return rest;
    });
  }
  return out;
}

async function demoDb(anchor?: string): Promise<Db> {
  const db = openDatabase(":memory:");
  await seedDemo(db, anchor === undefined ? {} : { anchor });
  return db;
}

function programId(db: Db, slug: string): number {
  return one<{ id: number }>(db, "SELECT id FROM programs WHERE slug = ?", slug).id;
}
function userId(db: Db, email: string): number {
  return one<{ id: number }>(db, "SELECT id FROM users WHERE email = ?", email).id;
}
function youthId(db: Db, ref: { firstName: string; lastName: string; program: string }): number {
  const rows = all<{ id: number }>(
    db,
    "SELECT y.id FROM youth y JOIN programs p ON p.id = y.program_id WHERE y.first_name = ? AND y.last_name = ? AND p.slug = ?",
    ref.firstName,
    ref.lastName,
    ref.program,
  );
  expect(rows, `${ref.firstName} ${ref.lastName}`).toHaveLength(1);
  return rows[0]!.id;
}
function csecStatus(db: Db, yid: number): string {
  return one<{ status: string } | undefined>(db, "SELECT status FROM youth_csec_status WHERE youth_id = ?", yid)?.status ?? "none";
}

// Checks that hold for any seeded database (demo, or demo + large).

function expectNothingCrossesPrograms(db: Db): void {
  // every case row carries its youth's program
  for (const table of [
    "placements",
    "youth_assignments",
    "case_parties",
    "contacts",
    "contact_parties",
    "resource_requests",
    "mdt_meetings",
    "action_items",
    "runaway_episodes",
    "safety_plans",
    "youth_csec_status",
    "csec_status_events",
    "csec_concerns",
    "red_flags",
  ]) {
    const bad = all(db, `SELECT t.rowid FROM ${table} t JOIN youth y ON y.id = t.youth_id WHERE t.program_id <> y.program_id`);
    expect(bad, table).toEqual([]);
  }
  // every user referenced on a youth is a member of that youth's program
  const userRefs: Array<[string, string]> = [
    ["youth_assignments", "user_id"],
    ["contacts", "logged_by_user_id"],
    ["resource_requests", "requested_by_user_id"],
    ["mdt_meetings", "created_by_user_id"],
    ["action_items", "owner_user_id"],
    ["action_items", "created_by_user_id"],
    ["runaway_episodes", "created_by_user_id"],
    ["safety_plans", "reviewed_by_user_id"],
    ["youth_csec_status", "changed_by_user_id"],
    ["csec_status_events", "actor_user_id"],
    ["csec_concerns", "raised_by_user_id"],
    ["csec_concerns", "reviewed_by_user_id"],
    ["red_flags", "observed_by_user_id"],
  ];
  for (const [table, col] of userRefs) {
    const bad = all(
      db,
      `SELECT t.rowid FROM ${table} t JOIN youth y ON y.id = t.youth_id
       WHERE t.${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = t.${col} AND m.program_id = y.program_id AND m.role <> 'admin')`,
    );
    expect(bad, `${table}.${col}`).toEqual([]);
  }
  const badEvents = all(
    db,
    "SELECT e.id FROM request_status_events e JOIN resource_requests r ON r.id = e.request_id WHERE e.program_id <> r.program_id OR NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = e.actor_user_id AND m.program_id = r.program_id)",
  );
  expect(badEvents).toEqual([]);
  const badAttendees = all(
    db,
    `SELECT a.id FROM meeting_attendees a JOIN mdt_meetings mt ON mt.id = a.meeting_id
     LEFT JOIN case_parties cp ON cp.id = a.party_id
     WHERE (a.party_id IS NOT NULL AND cp.youth_id <> mt.youth_id)
        OR (a.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = a.user_id AND m.program_id = mt.program_id))`,
  );
  expect(badAttendees).toEqual([]);
  // no youth of program two is assigned to a program-one user
  const cross = all(
    db,
    `SELECT a.id FROM youth_assignments a JOIN youth y ON y.id = a.youth_id JOIN memberships m ON m.user_id = a.user_id
     WHERE m.program_id <> y.program_id`,
  );
  expect(cross).toEqual([]);
}

function expectCsecHistoriesConsistent(db: Db): void {
  for (const y of all<{ id: number }>(db, "SELECT id FROM youth")) {
    const events = all<{ from_status: string; to_status: string; concern_id: number | null; at: string; basis: string | null }>(
      db,
      "SELECT from_status, to_status, concern_id, at, basis FROM csec_status_events WHERE youth_id = ? ORDER BY at, id",
      y.id,
    );
    const row = one<{ status: string; changed_at: string; basis: string | null } | undefined>(
      db,
      "SELECT status, changed_at, basis FROM youth_csec_status WHERE youth_id = ?",
      y.id,
    );
    if (!row) {
      expect(events).toEqual([]);
      continue;
    }
    let prev = "none";
    for (const e of events) {
      expect(e.from_status).toBe(prev);
      expect(e.to_status).not.toBe(e.from_status);
      expect(e.basis !== null).toBe(e.to_status === "confirmed");
      prev = e.to_status;
    }
    expect(prev).toBe(row.status);
    expect(events[events.length - 1]!.at).toBe(row.changed_at);
  }
  // concerns' review status matches the youth's status; red flags belong to concerns of the same youth
  const mismatched = all(
    db,
    `SELECT c.id FROM csec_concerns c LEFT JOIN youth_csec_status s ON s.youth_id = c.youth_id
     WHERE NOT ((c.review_status = 'under_review' AND s.status = 'concern')
             OR (c.review_status = 'confirmed' AND s.status = 'confirmed')
             OR (c.review_status = 'cleared' AND s.status = 'none'))`,
  );
  expect(mismatched).toEqual([]);
  expect(all(db, "SELECT f.id FROM red_flags f JOIN csec_concerns c ON c.id = f.concern_id WHERE c.youth_id <> f.youth_id")).toEqual([]);
  // red flag indicators come from the catalogue
  const indicators = all<{ indicator: string }>(db, "SELECT DISTINCT indicator FROM red_flags").map((r) => r.indicator);
  for (const i of indicators) expect(D.RED_FLAG_INDICATORS).toContain(i);
}

function expectCsecRevealingRecordsOnlyOnCsecYouth(db: Db): void {
  const notCsec = "(SELECT youth_id FROM youth_csec_status WHERE status IN ('concern','confirmed'))";
  expect(all(db, `SELECT id FROM case_parties WHERE role = 'csec_advocate' AND youth_id NOT IN ${notCsec}`)).toEqual([]);
  expect(
    all(db, `SELECT id FROM resource_requests WHERE type IN ('csec_advocate','restoration_funds') AND youth_id NOT IN ${notCsec}`),
  ).toEqual([]);
  expect(all(db, `SELECT id FROM mdt_meetings WHERE type = 'csec_mdt' AND youth_id NOT IN ${notCsec}`)).toEqual([]);
  expect(all(db, `SELECT id FROM action_items WHERE csec_sensitive = 1 AND youth_id NOT IN ${notCsec}`)).toEqual([]);
  // items of a CSEC MDT are tagged
  expect(
    all(
      db,
      "SELECT a.id FROM action_items a JOIN mdt_meetings m ON m.id = a.meeting_id WHERE m.type = 'csec_mdt' AND a.csec_sensitive = 0",
    ),
  ).toEqual([]);
  // on concern (unconfirmed) youth nothing the advocate sees names the CSEC advocate
  const concernYouth = "(SELECT youth_id FROM youth_csec_status WHERE status = 'concern')";
  expect(
    all(
      db,
      `SELECT c.id FROM contacts c JOIN case_parties p ON p.id = c.party_id WHERE p.role = 'csec_advocate' AND c.youth_id IN ${concernYouth}`,
    ),
  ).toEqual([]);
  expect(
    all(
      db,
      `SELECT a.id FROM meeting_attendees a JOIN mdt_meetings m ON m.id = a.meeting_id JOIN case_parties p ON p.id = a.party_id
       WHERE p.role = 'csec_advocate' AND m.type <> 'csec_mdt' AND m.youth_id IN ${concernYouth}`,
    ),
  ).toEqual([]);
}

function expectRequestHistoriesConsistent(db: Db): void {
  const requests = all<{
    id: number;
    status: string;
    version: number;
    closed_at: string | null;
    requested_at: string;
    type: string;
    subtype: string | null;
    amount_cents: number | null;
  }>(db, "SELECT id, status, version, closed_at, requested_at, type, subtype, amount_cents FROM resource_requests");
  const expectedPaths: Record<string, string[][]> = {
    draft: [["draft"]],
    submitted: [["draft", "submitted"]],
    approved: [["draft", "submitted", "approved"]],
    denied: [["draft", "submitted", "denied"]],
    fulfilled: [["draft", "submitted", "approved", "fulfilled"]],
    withdrawn: [
      ["draft", "withdrawn"],
      ["draft", "submitted", "withdrawn"],
    ],
  };
  for (const r of requests) {
    const events = all<{ from_status: string | null; to_status: string; note: string | null; at: string }>(
      db,
      "SELECT from_status, to_status, note, at FROM request_status_events WHERE request_id = ? ORDER BY id",
      r.id,
    );
    expect(expectedPaths[r.status]).toContainEqual(events.map((e) => e.to_status));
    expect(events[0]!.from_status).toBeNull();
    expect(events[0]!.at).toBe(r.requested_at);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.from_status).toBe(events[i - 1]!.to_status);
      expect(events[i]!.at > events[i - 1]!.at).toBe(true);
    }
    expect(r.version).toBe(events.length);
    if (r.status === "denied") expect(events[events.length - 1]!.note).toBeTruthy();
    expect(r.closed_at !== null).toBe(["denied", "fulfilled", "withdrawn"].includes(r.status));
    expect(r.amount_cents !== null).toBe(r.type === "restoration_funds");
    if (r.type === "therapy") expect(["emdr", "intensive_therapeutic_services", "other"]).toContain(r.subtype);
    else expect(r.subtype).toBeNull();
  }
}

function expectPastInThePast(db: Db, nowIso: string): void {
  const today = nowIso.slice(0, 10);
  for (const table of SEEDED_TABLES) {
    const cols = all<{ name: string }>(db, `PRAGMA table_info(${table})`)
      .map((c) => c.name)
      .filter((c) => (c.endsWith("_at") || c === "at") && c !== "scheduled_at");
    for (const col of cols) {
      const bad = all(db, `SELECT rowid FROM ${table} WHERE ${col} IS NOT NULL AND ${col} > ?`, nowIso);
      expect(bad, `${table}.${col}`).toEqual([]);
      const malformed = all(
        db,
        `SELECT rowid FROM ${table} WHERE ${col} IS NOT NULL AND ${col} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'`,
      );
      expect(malformed, `${table}.${col}`).toEqual([]);
    }
    const dateCols = all<{ name: string }>(db, `PRAGMA table_info(${table})`)
      .map((c) => c.name)
      .filter((c) => c.endsWith("_on"));
    for (const col of dateCols) {
      const malformed = all(
        db,
        `SELECT rowid FROM ${table} WHERE ${col} IS NOT NULL AND ${col} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`,
      );
      expect(malformed, `${table}.${col}`).toEqual([]);
      if (col !== "due_on") {
        expect(all(db, `SELECT rowid FROM ${table} WHERE ${col} > ?`, today), `${table}.${col}`).toEqual([]);
      }
    }
  }
  expect(all(db, "PRAGMA foreign_key_check")).toEqual([]);
}

function expectAssignmentShape(db: Db): void {
  const bad = all(
    db,
    `SELECT y.id FROM youth y WHERE y.case_status = 'open' AND (
       (SELECT count(*) FROM youth_assignments a WHERE a.youth_id = y.id AND a.kind = 'advocate' AND a.ended_on IS NULL) NOT IN (1, 2)
       OR (SELECT count(*) FROM youth_assignments a WHERE a.youth_id = y.id AND a.kind = 'supervisor' AND a.ended_on IS NULL) <> 1)`,
  );
  expect(bad).toEqual([]);
  const placements = all(
    db,
    `SELECT y.id FROM youth y WHERE (SELECT count(*) FROM placements p WHERE p.youth_id = y.id AND p.ended_on IS NULL) <> (y.case_status = 'open')`,
  );
  expect(placements).toEqual([]);
}

describe("seedDemo", () => {
  it("gives identical rows when run twice with the same anchor", async () => {
    const a = await demoDb(ANCHOR);
    const b = await demoDb(ANCHOR);
    expect(dump(a)).toEqual(dump(b));
    // and the anchor really moves the dates
    const c = await demoDb("2026-06-01");
    const youthA = dump(a).youth!;
    const youthC = dump(c).youth!;
    expect(youthC).not.toEqual(youthA);
    expect(youthC.map((y) => y.case_number)).toEqual(youthA.map((y) => y.case_number));
    // the same records, only the dates move
    for (const table of SEEDED_TABLES) expect(dump(c)[table]!.length, table).toBe(dump(a)[table]!.length);
  });

  it("refuses to seed a database that already has the demo programs; isEmpty tells", async () => {
    const db = openDatabase(":memory:");
    expect(isEmpty(db)).toBe(true);
    await seedDemo(db, { anchor: ANCHOR });
    expect(isEmpty(db)).toBe(false);
    await expect(seedDemo(db, { anchor: ANCHOR })).rejects.toThrow(/already/);
  });

  describe("invariants (anchor = today)", async () => {
    const db = await demoDb();
    const p1 = programId(db, "example-county");
    const p2 = programId(db, "second-county");
    const advocate = userId(db, "advocate@example.org");
    const nowIso = new Date().toISOString();
    const today = nowIso.slice(0, 10);

    it("has the demo accounts, each a member of its program with its role, sharing the demo password", async () => {
      const required = [
        ["admin@example.org", "admin", "example-county"],
        ["lead@example.org", "program_lead", "example-county"],
        ["supervisor@example.org", "supervisor", "example-county"],
        ["advocate@example.org", "advocate", "example-county"],
        ["lead@second.example.org", "program_lead", "second-county"],
      ];
      for (const [email, role, program] of required) {
        expect(DEMO_ACCOUNTS).toContainEqual(expect.objectContaining({ email, role, program }));
      }
      for (const acct of DEMO_ACCOUNTS) {
        const rows = all<{ role: string; slug: string }>(
          db,
          "SELECT m.role, p.slug FROM users u JOIN memberships m ON m.user_id = u.id JOIN programs p ON p.id = m.program_id WHERE u.email = ?",
          acct.email,
        );
        expect(rows).toEqual([{ role: acct.role, slug: acct.program }]);
      }
      expect(new Set(all(db, "SELECT password_hash FROM users").map((r) => r.password_hash)).size).toBe(1);
      const { password_hash } = one<{ password_hash: string }>(db, "SELECT password_hash FROM users WHERE email = 'advocate@example.org'");
      expect(await verifyPassword(DEMO_PASSWORD, password_hash)).toBe(true);
    });

    it("program one has ~30 youth, a lead, two supervisors, six advocates, an admin", () => {
      const youth = one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE program_id = ?", p1).n;
      expect(youth).toBeGreaterThanOrEqual(25);
      const roles = all<{ role: string; n: number }>(
        db,
        "SELECT role, count(*) AS n FROM memberships WHERE program_id = ? GROUP BY role ORDER BY role",
        p1,
      );
      expect(roles).toEqual([
        { role: "admin", n: 1 },
        { role: "advocate", n: 6 },
        { role: "program_lead", n: 1 },
        { role: "supervisor", n: 2 },
      ]);
      expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE program_id = ?", p2).n).toBeGreaterThanOrEqual(5);
      expect(
        one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE program_id = ? AND case_status = 'closed'", p1).n,
      ).toBeGreaterThanOrEqual(2);
    });

    it("every open youth has current advocate(s) and exactly one current supervisor, who supervises them", () => {
      expectAssignmentShape(db);
      const supervisedBy = new Map(DEMO_ACCOUNTS.filter((a) => a.supervisedBy).map((a) => [a.email, a.supervisedBy!]));
      const youthRows = all<{ id: number; case_status: string }>(db, "SELECT id, case_status FROM youth");
      for (const y of youthRows) {
        const current = all<{ kind: string; email: string }>(
          db,
          "SELECT a.kind, u.email FROM youth_assignments a JOIN users u ON u.id = a.user_id WHERE a.youth_id = ? AND a.ended_on IS NULL",
          y.id,
        );
        const advocates = current.filter((c) => c.kind === "advocate");
        const supervisors = current.filter((c) => c.kind === "supervisor");
        if (y.case_status === "closed") {
          expect(current).toEqual([]);
          continue;
        }
        expect(advocates.length).toBeGreaterThanOrEqual(1);
        expect(advocates.length).toBeLessThanOrEqual(2);
        expect(supervisors).toHaveLength(1);
        for (const a of advocates) expect(supervisedBy.get(a.email)).toBe(supervisors[0]!.email);
      }
      // some youth have 2 advocates, some an ended earlier advocate
      const shared = all(
        db,
        "SELECT youth_id FROM youth_assignments WHERE kind = 'advocate' AND ended_on IS NULL GROUP BY youth_id HAVING count(*) = 2",
      );
      expect(shared.length).toBeGreaterThanOrEqual(2);
      const history = all(
        db,
        "SELECT a.youth_id FROM youth_assignments a JOIN youth y ON y.id = a.youth_id WHERE a.kind = 'advocate' AND a.ended_on IS NOT NULL AND y.case_status = 'open'",
      );
      expect(history.length).toBeGreaterThanOrEqual(2);
      // supervisor@example.org supervises advocate@example.org and two others
      expect(DEMO_ACCOUNTS.filter((a) => a.supervisedBy === "supervisor@example.org").map((a) => a.email)).toContain(
        "advocate@example.org",
      );
      expect(DEMO_ACCOUNTS.filter((a) => a.supervisedBy === "supervisor@example.org")).toHaveLength(3);
    });

    it("nothing crosses programs", () => {
      expectNothingCrossesPrograms(db);
      // names of program two's youth do not occur in program one
      const p1Names = new Set(
        all<{ first_name: string; last_name: string }>(db, "SELECT first_name, last_name FROM youth WHERE program_id = ?", p1).flatMap(
          (y) => [y.first_name, y.last_name],
        ),
      );
      for (const y of all<{ first_name: string; last_name: string }>(
        db,
        "SELECT first_name, last_name FROM youth WHERE program_id = ?",
        p2,
      )) {
        expect(p1Names.has(y.first_name)).toBe(false);
        expect(p1Names.has(y.last_name)).toBe(false);
      }
    });

    it("uses only keys from the app's catalogues", () => {
      for (const key of D.RED_FLAG_INDICATORS) expect(RED_FLAG_KEYS as readonly string[]).toContain(key);
      const stored = (sql: string) => all<{ v: string }>(db, sql).map((r) => r.v);
      for (const v of stored("SELECT DISTINCT indicator AS v FROM red_flags")) expect(RED_FLAG_KEYS as readonly string[]).toContain(v);
      for (const v of stored("SELECT DISTINCT role AS v FROM case_parties")) expect(PARTY_ROLES as readonly string[]).toContain(v);
      for (const v of stored("SELECT DISTINCT type AS v FROM placements")) expect(PLACEMENT_TYPES as readonly string[]).toContain(v);
      for (const v of stored("SELECT DISTINCT owner_party_role AS v FROM action_items WHERE owner_party_role IS NOT NULL")) {
        expect(PARTY_ROLES as readonly string[]).toContain(v);
      }
      for (const v of stored("SELECT DISTINCT j.value AS v FROM safety_plans, json_each(hotlines_memorized) j")) {
        expect(HOTLINE_KEYS as readonly string[]).toContain(v);
      }
    });

    it("name pools are disjoint (youth pools from each other, adults from youth)", () => {
      const p1 = D.P1_YOUTH_NAMES.flat();
      const p2 = D.P2_YOUTH_NAMES.flat();
      const large = [...D.LARGE_FIRST_NAMES, ...D.LARGE_LAST_NAMES];
      const adults = [...D.ADULT_FIRST_NAMES, ...D.ADULT_LAST_NAMES, ...DEMO_ACCOUNTS.flatMap((a) => a.name.split(" "))];
      const overlap = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
      expect(overlap(p1, p2)).toEqual([]);
      expect(overlap(large, [...p1, ...p2])).toEqual([]);
      expect(overlap(adults, [...p1, ...p2, ...large])).toEqual([]);
      expect(new Set(D.P1_YOUTH_NAMES.map((n) => n[0])).size).toBe(D.P1_YOUTH_NAMES.length);
      expect(new Set(D.P1_YOUTH_NAMES.map((n) => n[1])).size).toBe(D.P1_YOUTH_NAMES.length);
    });

    it("advocate@example.org has youth in every CSEC state, incl. a concern raised by someone else", () => {
      const mine = all<{ youth_id: number }>(
        db,
        "SELECT youth_id FROM youth_assignments WHERE user_id = ? AND kind = 'advocate' AND ended_on IS NULL",
        advocate,
      ).map((r) => r.youth_id);
      const idOf = (k: keyof typeof DEMO_YOUTH) => youthId(db, DEMO_YOUTH[k]);
      for (const k of [
        "advocateNone",
        "advocateConcernBySomeoneElse",
        "advocateOwnConcern",
        "advocateConfirmed",
        "missingNow",
        "advocateCleared",
        "sharedConcernByCoAdvocate",
      ] as const) {
        expect(mine, k).toContain(idOf(k));
      }
      expect(one(db, "SELECT * FROM youth_csec_status WHERE youth_id = ?", idOf("advocateNone"))).toBeUndefined();
      expect(csecStatus(db, idOf("missingNow"))).toBe("none");

      const concernOf = (yid: number) =>
        all<{ raised_by: string; review_status: string; note: string }>(
          db,
          "SELECT u.email AS raised_by, c.review_status, c.note FROM csec_concerns c JOIN users u ON u.id = c.raised_by_user_id WHERE c.youth_id = ?",
          yid,
        );
      const other = idOf("advocateConcernBySomeoneElse");
      expect(csecStatus(db, other)).toBe("concern");
      expect(concernOf(other)).toEqual([expect.objectContaining({ raised_by: "supervisor@example.org", review_status: "under_review" })]);
      const flags = all(db, "SELECT * FROM red_flags WHERE youth_id = ? AND concern_id IS NOT NULL", other);
      expect(flags.length).toBeGreaterThanOrEqual(2);
      expect(flags.length).toBeLessThanOrEqual(3);
      expect(all(db, "SELECT * FROM case_parties WHERE youth_id = ? AND role = 'csec_advocate'", other)).toHaveLength(1);
      const sensitiveRequests = all<{ type: string; status: string }>(
        db,
        "SELECT type, status FROM resource_requests WHERE youth_id = ? AND type IN ('restoration_funds','csec_advocate') ORDER BY type",
        other,
      );
      expect(sensitiveRequests).toEqual([
        { type: "csec_advocate", status: "submitted" },
        { type: "restoration_funds", status: "submitted" },
      ]);
      const csecMdt = all<{ id: number }>(db, "SELECT id FROM mdt_meetings WHERE youth_id = ? AND type = 'csec_mdt'", other);
      expect(csecMdt.length).toBeGreaterThanOrEqual(1);
      for (const m of csecMdt) {
        expect(all(db, "SELECT * FROM meeting_attendees WHERE meeting_id = ? AND user_id = ?", m.id, advocate)).toEqual([]);
      }

      const own = idOf("advocateOwnConcern");
      expect(csecStatus(db, own)).toBe("concern");
      expect(concernOf(own)).toEqual([expect.objectContaining({ raised_by: "advocate@example.org", review_status: "under_review" })]);

      const confirmed = idOf("advocateConfirmed");
      expect(one(db, "SELECT status, basis FROM youth_csec_status WHERE youth_id = ?", confirmed)).toEqual({
        status: "confirmed",
        basis: "agency_csec_unit",
      });

      const cleared = idOf("advocateCleared");
      expect(one(db, "SELECT status, basis FROM youth_csec_status WHERE youth_id = ?", cleared)).toEqual({ status: "none", basis: null });
      expect(concernOf(cleared)).toEqual([expect.objectContaining({ review_status: "cleared" })]);

      const shared = idOf("sharedConcernByCoAdvocate");
      expect(concernOf(shared)).toEqual([expect.objectContaining({ raised_by: "advocate2@example.org", review_status: "under_review" })]);

      // Other named youth
      expect(one(db, "SELECT status, basis FROM youth_csec_status WHERE youth_id = ?", idOf("confirmedCourtFinding"))).toEqual({
        status: "confirmed",
        basis: "court_finding",
      });
      expect(one(db, "SELECT status, basis FROM youth_csec_status WHERE youth_id = ?", idOf("confirmedYouthDisclosure"))).toEqual({
        status: "confirmed",
        basis: "youth_disclosure",
      });
      expect(concernOf(idOf("concernByLead"))).toEqual([
        expect.objectContaining({ raised_by: "lead@example.org", review_status: "under_review" }),
      ]);
      expect(one(db, "SELECT case_status FROM youth WHERE id = ?", idOf("closedCase"))).toEqual({ case_status: "closed" });
      expect(csecStatus(db, idOf("secondProgramConcern"))).toBe("concern");
    });

    it("covers every CSEC state and basis, with a history consistent with the current status", () => {
      const statuses = all<{ status: string; basis: string | null }>(
        db,
        "SELECT DISTINCT status, basis FROM youth_csec_status WHERE program_id = ? ORDER BY 1, 2",
        p1,
      );
      expect(statuses).toEqual([
        { status: "concern", basis: null },
        { status: "confirmed", basis: "agency_csec_unit" },
        { status: "confirmed", basis: "court_finding" },
        { status: "confirmed", basis: "youth_disclosure" },
        { status: "none", basis: null },
      ]);
      expectCsecHistoriesConsistent(db);
      const transitions = all<{ t: string }>(
        db,
        "SELECT DISTINCT from_status || '>' || to_status AS t FROM csec_status_events WHERE program_id = ? ORDER BY 1",
        p1,
      ).map((r) => r.t);
      expect(transitions).toEqual(["concern>confirmed", "concern>none", "none>concern", "none>confirmed"]);
    });

    it("keeps CSEC-revealing records on concern/confirmed youth only", () => {
      expectCsecRevealingRecordsOnlyOnCsecYouth(db);
      // some CSEC-sensitive items exist
      expect(
        one<{ n: number }>(db, "SELECT count(*) AS n FROM action_items WHERE csec_sensitive = 1 AND program_id = ?", p1).n,
      ).toBeGreaterThan(0);
    });

    it("the secret markers occur only in concern and red-flag notes the advocate did not write", () => {
      expect(DEMO_SECRET_MARKERS.length).toBeGreaterThanOrEqual(3);
      const textColumns = SEEDED_TABLES.flatMap((table) =>
        all<{ name: string; type: string }>(db, `PRAGMA table_info(${table})`)
          .filter((c) => c.type.toLowerCase() === "text")
          .map((c) => [table, c.name] as const),
      );
      for (const marker of DEMO_SECRET_MARKERS) {
        const hits: string[] = [];
        for (const [table, col] of textColumns) {
          const n = one<{ n: number }>(db, `SELECT count(*) AS n FROM ${table} WHERE instr(${col}, ?) > 0`, marker).n;
          if (n > 0) hits.push(`${table}.${col}`);
        }
        expect(hits.length, marker).toBeGreaterThan(0);
        for (const h of hits) expect(["csec_concerns.note", "red_flags.note"], marker).toContain(h);
        const writers = all<{ by: number }>(
          db,
          `SELECT raised_by_user_id AS by FROM csec_concerns WHERE instr(note, ?) > 0
           UNION ALL SELECT observed_by_user_id FROM red_flags WHERE instr(note, ?) > 0`,
          marker,
          marker,
        );
        for (const w of writers) expect(w.by).not.toBe(advocate);
      }
    });

    it("has two youth missing right now in program one: one reported to police and not to NCMEC, one with both reports in time", () => {
      const missing = all<{
        youth_id: number;
        left_at: string;
        reported_to_law_enforcement_at: string | null;
        reported_to_ncmec_at: string | null;
      }>(
        db,
        "SELECT youth_id, left_at, reported_to_law_enforcement_at, reported_to_ncmec_at FROM runaway_episodes WHERE program_id = ? AND returned_at IS NULL ORDER BY left_at",
        p1,
      );
      expect(missing).toHaveLength(2);
      const m = missing[0]!;
      expect(m.youth_id).toBe(youthId(db, DEMO_YOUTH.missingNow));
      const inTime = missing[1]!;
      expect(inTime.youth_id).toBe(youthId(db, DEMO_YOUTH.missingReportedInTime));
      for (const reported of [inTime.reported_to_law_enforcement_at, inTime.reported_to_ncmec_at]) {
        expect(Date.parse(reported!) - Date.parse(inTime.left_at)).toBeLessThan(2 * 3_600_000);
      }
      expect(m.reported_to_law_enforcement_at).not.toBeNull();
      expect(m.reported_to_ncmec_at).toBeNull();
      const hoursAgo = (Date.now() - Date.parse(m.left_at)) / 3_600_000;
      expect(hoursAgo).toBeGreaterThan(20);
      expect(hoursAgo).toBeLessThan(52);
      const past = all(db, "SELECT id FROM runaway_episodes WHERE program_id = ? AND returned_at IS NOT NULL", p1);
      expect(past.length).toBeGreaterThanOrEqual(4);
      expect(
        all(db, "SELECT id FROM runaway_episodes WHERE program_id = ? AND returned_at IS NOT NULL AND return_conversation_at IS NULL", p1)
          .length,
      ).toBeGreaterThan(0);
      expect(
        all(db, "SELECT id FROM runaway_episodes WHERE program_id = ? AND return_conversation_at IS NOT NULL", p1).length,
      ).toBeGreaterThan(0);
    });

    it("has every request type and status, with histories consistent with the status", () => {
      const types = all<{ type: string }>(db, "SELECT DISTINCT type FROM resource_requests WHERE program_id = ? ORDER BY 1", p1).map(
        (r) => r.type,
      );
      expect(types).toEqual([...REQUEST_TYPE_KEYS].sort());
      const statuses = all<{ status: string }>(db, "SELECT DISTINCT status FROM resource_requests WHERE program_id = ? ORDER BY 1", p1).map(
        (r) => r.status,
      );
      expect(statuses).toEqual([...REQUEST_STATUSES].sort());
      expectRequestHistoriesConsistent(db);
      const overdue = all(
        db,
        "SELECT id FROM resource_requests WHERE program_id = ? AND status IN ('submitted','approved') AND due_on < ?",
        p1,
        today,
      );
      expect(overdue.length).toBeGreaterThan(0);
    });

    it("has held and upcoming meetings, and open / overdue / done / dropped action items", () => {
      const upcomingForAdvocate = all(
        db,
        `SELECT m.id FROM mdt_meetings m JOIN youth_assignments a ON a.youth_id = m.youth_id AND a.user_id = ? AND a.ended_on IS NULL
         WHERE m.status = 'scheduled' AND m.scheduled_at > ? AND m.scheduled_at < ?`,
        advocate,
        nowIso,
        new Date(Date.now() + 7 * 86_400_000).toISOString(),
      );
      expect(upcomingForAdvocate.length).toBeGreaterThanOrEqual(2);
      const scheduled = all<{ scheduled_at: string }>(db, "SELECT scheduled_at FROM mdt_meetings WHERE status = 'scheduled'");
      for (const m of scheduled) {
        const days = (Date.parse(m.scheduled_at) - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(1);
        expect(days).toBeLessThan(15);
      }
      const held = all<{ id: number }>(db, "SELECT id FROM mdt_meetings WHERE status = 'held' AND program_id = ?", p1);
      expect(held.length).toBeGreaterThan(20);
      expect(all(db, "SELECT id FROM mdt_meetings WHERE status = 'held' AND (notes IS NULL OR decisions IS NULL)")).toEqual([]);
      const attended = all<{ attended: number | null }>(
        db,
        "SELECT DISTINCT a.attended FROM meeting_attendees a JOIN mdt_meetings m ON m.id = a.meeting_id WHERE m.status = 'held' ORDER BY 1",
      );
      expect(attended).toEqual([{ attended: 0 }, { attended: 1 }]);
      expect(
        all(
          db,
          "SELECT a.id FROM meeting_attendees a JOIN mdt_meetings m ON m.id = a.meeting_id WHERE m.status = 'scheduled' AND a.attended IS NOT NULL",
        ),
      ).toEqual([]);
      const types = all<{ type: string }>(db, "SELECT DISTINCT type FROM mdt_meetings WHERE program_id = ? ORDER BY 1", p1).map(
        (r) => r.type,
      );
      expect(types).toEqual([...MEETING_TYPE_KEYS].sort());

      const items = all<{ status: string; n: number }>(
        db,
        "SELECT status, count(*) AS n FROM action_items WHERE program_id = ? GROUP BY status ORDER BY status",
        p1,
      );
      expect(items.map((i) => i.status)).toEqual(["done", "dropped", "open"]);
      expect(
        all(
          db,
          // As the app closes an item: done_at is when it was closed, done or dropped.
          "SELECT id FROM action_items WHERE (status <> 'open') <> (done_at IS NOT NULL) OR (status = 'dropped') <> (drop_reason IS NOT NULL)",
        ),
      ).toEqual([]);
      const overdueMine = all(
        db,
        "SELECT id FROM action_items WHERE owner_user_id = ? AND status = 'open' AND due_on < ?",
        advocate,
        today,
      );
      expect(overdueMine.length).toBeGreaterThan(0);
      const ownerKinds = one<{ roles: number; users: number }>(
        db,
        "SELECT sum(owner_party_role IS NOT NULL) AS roles, sum(owner_user_id IS NOT NULL) AS users FROM action_items WHERE program_id = ?",
        p1,
      );
      expect(ownerKinds.roles).toBeGreaterThan(0);
      expect(ownerKinds.users).toBeGreaterThan(0);
      // no open action items (or open requests) on closed cases
      expect(
        all(db, "SELECT a.id FROM action_items a JOIN youth y ON y.id = a.youth_id WHERE y.case_status = 'closed' AND a.status = 'open'"),
      ).toEqual([]);
    });

    it("has placement histories, core parties, CSW changes, contacts (some stale), safety plans", () => {
      for (const y of all<{ id: number; case_status: string }>(db, "SELECT id, case_status FROM youth")) {
        const placements = all<{ ended_on: string | null; end_reason: string | null; started_on: string }>(
          db,
          "SELECT started_on, ended_on, end_reason FROM placements WHERE youth_id = ? ORDER BY started_on",
          y.id,
        );
        expect(placements.length).toBeGreaterThanOrEqual(1);
        expect(placements.length).toBeLessThanOrEqual(3);
        expect(placements.filter((p) => p.ended_on === null)).toHaveLength(y.case_status === "open" ? 1 : 0);
        for (let i = 0; i < placements.length; i++) {
          const p = placements[i]!;
          if (p.ended_on !== null) expect(p.end_reason).toBeTruthy();
          if (i > 0) expect(p.started_on).toBe(placements[i - 1]!.ended_on);
        }
        const roles = new Set(all<{ role: string }>(db, "SELECT role FROM case_parties WHERE youth_id = ?", y.id).map((r) => r.role));
        for (const role of ["csw", "attorney", "clc_case_manager", "casa_advocate", "advocate_supervisor"])
          expect(roles.has(role)).toBe(true);
        const contacts = one<{ n: number }>(db, "SELECT count(*) AS n FROM contacts WHERE youth_id = ?", y.id).n;
        expect(contacts).toBeGreaterThanOrEqual(3);
        // 3-15 notes, and up to four more that keep a case in good standing in touch.
        expect(contacts).toBeLessThanOrEqual(19);
      }
      expect(all(db, "SELECT id FROM case_parties WHERE role = 'csw' AND ended_on IS NOT NULL").length).toBeGreaterThan(0);
      const stale = all(
        db,
        `SELECT y.id FROM youth y WHERE y.program_id = ? AND y.case_status = 'open'
         AND (SELECT max(occurred_at) FROM contacts c WHERE c.youth_id = y.id) < ?`,
        p1,
        new Date(Date.now() - 45 * 86_400_000).toISOString(),
      );
      expect(stale.length).toBeGreaterThanOrEqual(2);
      // Most open cases are in good standing: the youth seen within 30 days, and every current
      // CSW, attorney and CLC case manager within 45 (the program's thresholds); a few are not.
      const inGoodStanding = all(
        db,
        `SELECT y.id FROM youth y WHERE y.program_id = ? AND y.case_status = 'open'
         AND (SELECT max(occurred_at) FROM contacts c WHERE c.youth_id = y.id AND c.party_id IS NULL) >= ?
         AND NOT EXISTS (SELECT 1 FROM case_parties p WHERE p.youth_id = y.id AND p.ended_on IS NULL
           AND p.role IN ('csw', 'attorney', 'clc_case_manager')
           AND coalesce((SELECT max(c.occurred_at) FROM contacts c JOIN case_parties q ON q.id = c.party_id
             WHERE q.youth_id = y.id AND q.role = p.role AND q.ended_on IS NULL), '') < ?)`,
        p1,
        new Date(Date.now() - 29 * 86_400_000).toISOString(),
        new Date(Date.now() - 44 * 86_400_000).toISOString(),
      ).length;
      const open = one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE program_id = ? AND case_status = 'open'", p1).n;
      expect(inGoodStanding).toBeGreaterThan(open / 2);
      expect(inGoodStanding).toBeLessThan(open - 2);
      const methods = all<{ method: string }>(db, "SELECT DISTINCT method FROM contacts ORDER BY 1").map((r) => r.method);
      expect(methods).toEqual([...CONTACT_METHODS].sort());
      const plans = all<{ support_people: string; hotlines_memorized: string; version: number }>(
        db,
        "SELECT support_people, hotlines_memorized, version FROM safety_plans",
      );
      expect(plans.length).toBeGreaterThan(10);
      expect(plans.some((p) => p.version === 2)).toBe(true);
      for (const p of plans) {
        const people = JSON.parse(p.support_people) as Array<{ name: string; relation: string; phone: string }>;
        expect(people.length).toBeGreaterThanOrEqual(1);
        expect(people.length).toBeLessThanOrEqual(3);
        for (const person of people) expect(Object.keys(person).sort()).toEqual(["name", "phone", "relation"]);
        for (const h of JSON.parse(p.hotlines_memorized) as string[]) expect(HOTLINE_KEYS as readonly string[]).toContain(h);
      }
    });

    it("has visits with the youth and the caregiver together, counted in both derived last-contact columns", () => {
      const extras = all<{ contact_youth: number; party_id: number | null; party_youth: number; role: string; ended_on: string | null }>(
        db,
        `SELECT c.youth_id AS contact_youth, c.party_id, p.youth_id AS party_youth, p.role, p.ended_on
         FROM contact_parties cp JOIN contacts c ON c.id = cp.contact_id JOIN case_parties p ON p.id = cp.party_id`,
      );
      const total = one<{ n: number }>(db, "SELECT count(*) AS n FROM contacts").n;
      expect(extras.length).toBeGreaterThan(3);
      expect(extras.length).toBeLessThan(total * 0.1);
      for (const e of extras) {
        expect(e).toMatchObject({ party_id: null, role: "caregiver" });
        expect(e.party_youth).toBe(e.contact_youth);
      }
      // A caregiver seen only on such visits is still "contacted": the derived column counts them.
      // (The CSEC advocate's own contacts keep nobody fresh, for every viewer alike: `contactKeepsFresh`.)
      const mismatched = all(
        db,
        `SELECT p.id FROM case_parties p WHERE p.role <> 'csec_advocate' AND coalesce(p.last_contact_at, '') <> coalesce((SELECT max(c.occurred_at) FROM contacts c
           WHERE c.outcome = 'made' AND (c.party_id = p.id OR c.id IN (SELECT contact_id FROM contact_parties WHERE party_id = p.id))), '')`,
      );
      expect(mismatched).toEqual([]);
      const refreshedByExtras = one<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM case_parties p WHERE p.last_contact_at IS NOT NULL
           AND coalesce((SELECT max(occurred_at) FROM contacts c WHERE c.party_id = p.id AND c.outcome = 'made'), '') < p.last_contact_at`,
      ).n;
      expect(refreshedByExtras).toBeGreaterThan(0);
    });

    it("keeps the past in the past: every *_at except scheduled meetings is before now", () => {
      expectPastInThePast(db, nowIso);
      expect(all(db, "PRAGMA foreign_key_check")).toEqual([]);
    });
  });
});

describe("seedLarge", () => {
  it("seeds the demo first on an empty database, then adds N youth with proportional data over a network of programs", async () => {
    const db = openDatabase(":memory:");
    await seedLarge(db, { youth: LARGE_N }); // anchor: today
    const p1 = programId(db, "example-county");
    const shares = networkShares(LARGE_N);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(LARGE_N);
    const p1Youth = one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE program_id = ? AND case_number LIKE 'BX-%'", p1).n;
    expect(p1Youth).toBe(shares[0]);
    expect(p1Youth / LARGE_N).toBeCloseTo(0.6, 1);
    const benchYouth = one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE case_number LIKE 'BX-%'").n;
    expect(benchYouth).toBe(LARGE_N);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE program_id = ?", programId(db, "second-county")).n).toBe(
      D.P2_YOUTH_NAMES.length,
    );
    // The generated programs: each its own time zone, lead, staff and share of the youth.
    const network = all<{ slug: string; tz: string; youth: number; leads: number }>(
      db,
      `SELECT p.slug, p.time_zone AS tz,
         (SELECT count(*) FROM youth y WHERE y.program_id = p.id) AS youth,
         (SELECT count(*) FROM memberships m WHERE m.program_id = p.id AND m.role = 'program_lead') AS leads
       FROM programs p WHERE p.slug LIKE 'network-%' ORDER BY p.id`,
    );
    expect(network).toEqual(
      GENERATED_PROGRAMS.map((m, i) => ({
        slug: `network-${m.county.toLowerCase().replace(/\W+/g, "-")}`,
        tz: m.timeZone,
        youth: shares[i + 1],
        leads: 1,
      })),
    );
    const advocates = all<{ email: string }>(db, "SELECT email FROM users WHERE email LIKE 'advocate.b%@bench.example.org' ORDER BY email");
    expect(advocates).toHaveLength(Math.ceil(p1Youth / 3));
    expect(advocates[0]!.email).toBe("advocate.b00001@bench.example.org");
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM users WHERE email LIKE 'supervisor.b%@bench.example.org'").n).toBe(
      Math.ceil(Math.ceil(p1Youth / 3) / 12),
    );

    const per = (table: string) =>
      one<{ n: number }>(db, `SELECT count(*) AS n FROM ${table} t JOIN youth y ON y.id = t.youth_id WHERE y.case_number LIKE 'BX-%'`).n /
      benchYouth;
    expect(per("placements")).toBeGreaterThan(1.5);
    expect(per("case_parties")).toBeGreaterThan(4.5);
    // A statewide network's proportions: ~20 contacts, 5 requests, 2 meetings, 8 action items a youth.
    expect(per("contacts")).toBeGreaterThan(16);
    expect(per("resource_requests")).toBeGreaterThan(4);
    expect(per("mdt_meetings")).toBeGreaterThan(1.6);
    expect(per("action_items")).toBeGreaterThan(6);
    // The indexes dropped for the bulk write are all back, as the migrations made them.
    const schemaOf = (d: Db) => all<{ name: string; sql: string | null }>(d, "SELECT name, sql FROM sqlite_master ORDER BY name");
    expect(schemaOf(db)).toEqual(schemaOf(openDatabase(":memory:")));
    expect(per("youth_assignments")).toBeGreaterThanOrEqual(2);
    const csec = one<{ n: number }>(
      db,
      "SELECT count(*) AS n FROM youth_csec_status s JOIN youth y ON y.id = s.youth_id WHERE y.case_number LIKE 'BX-%' AND s.status IN ('concern','confirmed')",
    ).n;
    expect(csec / benchYouth).toBeGreaterThan(0.08);
    expect(csec / benchYouth).toBeLessThan(0.25);
    // generated users sign in with the demo password (same hash), each a member of their own program only
    expect(new Set(all(db, "SELECT password_hash FROM users").map((r) => r.password_hash)).size).toBe(1);
    expect(
      all(
        db,
        "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email LIKE '%.b0%@bench.example.org' AND m.program_id <> ?",
        p1,
      ),
    ).toEqual([]);
    expect(
      all(
        db,
        "SELECT u.id FROM users u WHERE u.email LIKE '%@bench.example.org' AND (SELECT count(*) FROM memberships m WHERE m.user_id = u.id) <> 1",
      ),
    ).toEqual([]);
    // The kept keys (written in bulk without their triggers) are what their definitions give.
    const keys = (values: boolean) =>
      all(db, `SELECT id, ${SORT_KEYS.map((k) => (values ? `${k.value} AS ${k.column}` : k.column)).join(", ")} FROM youth ORDER BY id`);
    expect(keys(false)).toEqual(keys(true));
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE kept_csw_contact > ''").n).toBeGreaterThan(LARGE_N / 2);
    expectNothingCrossesPrograms(db);
    expectAssignmentShape(db);
    expectCsecHistoriesConsistent(db);
    expectCsecRevealingRecordsOnlyOnCsecYouth(db);
    expectRequestHistoriesConsistent(db);
    expectPastInThePast(db, new Date().toISOString());
    // the demo part still has exactly its two missing-now youth
    expect(
      all(
        db,
        "SELECT e.id FROM runaway_episodes e JOIN youth y ON y.id = e.youth_id WHERE e.returned_at IS NULL AND y.case_number NOT LIKE 'BX-%' AND y.program_id = ?",
        p1,
      ),
    ).toHaveLength(2);

    // adding more continues the numbering, in the same programs
    await seedLarge(db, { youth: 10 });
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM youth WHERE case_number LIKE 'BX-%'").n).toBe(LARGE_N + 10);
    const next = `advocate.b${String(Math.ceil(p1Youth / 3) + 1).padStart(5, "0")}@bench.example.org`;
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM users WHERE email = ?", next).n).toBe(1);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM programs").n).toBe(2 + NETWORK.length - 1);
    expect(
      one<{ n: number }>(db, "SELECT count(*) AS n FROM (SELECT program_id, case_number FROM youth GROUP BY 1, 2 HAVING count(*) > 1)").n,
    ).toBe(0);
  });

  it("is deterministic", async () => {
    const run = async () => {
      const db = openDatabase(":memory:");
      await seedLarge(db, { youth: 60, anchor: ANCHOR });
      return dump(db);
    };
    expect(await run()).toEqual(await run());
  });
});
