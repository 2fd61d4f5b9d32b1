/**
 * Demo and benchmark data.
 *
 *   npx tsx db/seed.ts [--database data/app.db] [--if-empty] [--youth N] [--anchor YYYY-MM-DD]
 *
 * - `seedDemo(db)`: two programs with sign-in-able demo users (password `DEMO_PASSWORD`) and
 *   case data that covers every state the app has to handle (see `DEMO_YOUTH`).
 * - `seedLarge(db, { youth: N })`: N more youth (and proportional data, generated users) in
 *   program one, for performance work.
 *
 * Deterministic: a fixed-seed PRNG, no Math.random, and every date an offset from the anchor day
 * (default: today, UTC), so "overdue", "upcoming" and "missing now" stay true whenever it is
 * seeded. Seeding twice with the same anchor gives the same rows (password hashes aside: they are
 * salted). Everything is written with prepared statements inside one transaction.
 */
import type BetterSqlite3 from "better-sqlite3";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { pathToFileURL } from "node:url";
import type { CsecBasis, CsecStatus } from "../app/domain/csec";
import type { Role } from "../app/domain/roles";
import type { PlacementType } from "../app/domain/youth";
import { openDatabase, type Db } from "../app/server/db.server";
import { hashPassword } from "../app/server/password.server";
import * as t from "./schema";
import * as D from "./seed-data";

// =============================================================================================
// Public API

export const DEMO_PASSWORD = "casa-demo-2026";

export const DEMO_PROGRAMS = {
  one: { name: "CASA of Example County", slug: "example-county", timeZone: "America/Los_Angeles", county: "Example County" },
  two: { name: "CASA of Second County", slug: "second-county", timeZone: "America/Denver", county: "Second County" },
} as const;

type ProgramKey = keyof typeof DEMO_PROGRAMS;

type UserDef = {
  key: string;
  email: string;
  name: string;
  role: Role;
  program: ProgramKey;
  /** Key of the supervisor who supervises this advocate. */
  supervisor?: string;
};

const USER_DEFS: readonly UserDef[] = [
  { key: "admin", email: "admin@example.org", name: "Terrence Whitfield", role: "admin", program: "one" },
  { key: "lead", email: "lead@example.org", name: "Gabriela Montoya", role: "program_lead", program: "one" },
  { key: "sup1", email: "supervisor@example.org", name: "Nadia Haddad", role: "supervisor", program: "one" },
  { key: "sup2", email: "supervisor2@example.org", name: "Marcus Bell", role: "supervisor", program: "one" },
  { key: "a1", email: "advocate@example.org", name: "Elena Novak", role: "advocate", program: "one", supervisor: "sup1" },
  { key: "a2", email: "advocate2@example.org", name: "Samuel Osei", role: "advocate", program: "one", supervisor: "sup1" },
  { key: "a3", email: "advocate3@example.org", name: "Harriet Lindqvist", role: "advocate", program: "one", supervisor: "sup1" },
  { key: "a4", email: "advocate4@example.org", name: "Kenji Watanabe", role: "advocate", program: "one", supervisor: "sup2" },
  { key: "a5", email: "advocate5@example.org", name: "Rosa Delgado", role: "advocate", program: "one", supervisor: "sup2" },
  { key: "a6", email: "advocate6@example.org", name: "Aaron Goldberg", role: "advocate", program: "one", supervisor: "sup2" },
  { key: "lead2", email: "lead@second.example.org", name: "Fatima Qureshi", role: "program_lead", program: "two" },
  { key: "sup21", email: "supervisor@second.example.org", name: "Patrick Doyle", role: "supervisor", program: "two" },
  { key: "a21", email: "advocate@second.example.org", name: "Mei-Ling Zhou", role: "advocate", program: "two", supervisor: "sup21" },
  { key: "a22", email: "advocate2@second.example.org", name: "Tomás Herrera", role: "advocate", program: "two", supervisor: "sup21" },
];

/**
 * Every demo user; all sign in with `DEMO_PASSWORD`. `program` is the program's slug;
 * `supervisedBy` is the email of an advocate's supervisor.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  name: string;
  role: Role;
  program: string;
  supervisedBy?: string;
}> = USER_DEFS.map((u) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  program: DEMO_PROGRAMS[u.program].slug,
  ...(u.supervisor ? { supervisedBy: USER_DEFS.find((s) => s.key === u.supervisor)!.email } : {}),
}));

type DemoYouthRef = { firstName: string; lastName: string; caseNumber: string; program: string };

function p1Ref(i: number): DemoYouthRef {
  const [firstName, lastName] = D.P1_YOUTH_NAMES[i]!;
  return { firstName, lastName, caseNumber: p1CaseNumber(i), program: DEMO_PROGRAMS.one.slug };
}
function p2Ref(i: number): DemoYouthRef {
  const [firstName, lastName] = D.P2_YOUTH_NAMES[i]!;
  return { firstName, lastName, caseNumber: p2CaseNumber(i), program: DEMO_PROGRAMS.two.slug };
}
function p1CaseNumber(i: number): string {
  return `DK-${String(10231 + i * 389).padStart(5, "0")}`;
}
function p2CaseNumber(i: number): string {
  return `SC-J-${String(4402 + i * 211).padStart(4, "0")}`;
}

/** Named youth for tests. "Advocate" = advocate@example.org, "supervisor" = supervisor@example.org. */
export const DEMO_YOUTH = {
  /** Advocate's youth with no CSEC status at all (no youth_csec_status row); MDT in 3 days; an overdue action owned by the advocate. */
  advocateNone: p1Ref(0),
  /**
   * Advocate's youth with a concern raised by the SUPERVISOR (under review): 3 red flags, a
   * concern note, a CSEC advocate party, submitted restoration-funds and CSEC-advocate requests
   * (by the supervisor), a CSEC MDT in 5 days (advocate not invited), CSEC-sensitive action items.
   * For the advocate all of that must be invisible.
   */
  advocateConcernBySomeoneElse: p1Ref(1),
  /** Advocate's youth with a concern the advocate raised themself 4 days ago (under review), 2 red flags by the advocate. */
  advocateOwnConcern: p1Ref(2),
  /** Advocate's youth, confirmed (basis agency_csec_unit) after a concern raised by advocate4, who had the case before (ended assignment). */
  advocateConfirmed: p1Ref(3),
  /** Advocate's youth missing right now: left ~1 day before the anchor, reported to law enforcement, NOT yet to NCMEC. Status none. */
  missingNow: p1Ref(4),
  /** Advocate's youth whose concern (raised by the supervisor) was cleared by the lead: status row `none`, history kept; stale contacts. */
  advocateCleared: p1Ref(5),
  /** Shared by advocate2 (since long) and the advocate (since ~90 days); concern raised by advocate2, under review. */
  sharedConcernByCoAdvocate: p1Ref(6),
  /** advocate2's youth, confirmed directly (no concern) by the supervisor on a court finding. */
  confirmedCourtFinding: p1Ref(7),
  /** advocate3's youth, concern raised by the program lead, under review. */
  concernByLead: p1Ref(11),
  /** advocate3's closed case: no current placement, assignments and parties ended at closing. */
  closedCase: p1Ref(12),
  /** advocate5's youth, confirmed (youth_disclosure) after advocate5's own concern; supervisor2's caseload. */
  confirmedYouthDisclosure: p1Ref(21),
  /** Program two: concern raised by program two's supervisor. */
  secondProgramConcern: p2Ref(0),
  /** Program two: missing now (so program one must not count it). */
  secondProgramMissingNow: p2Ref(1),
} as const;

/**
 * Distinctive phrases that occur ONLY in concern notes and red-flag notes (csec_concerns.note,
 * red_flags.note) of concerns advocate@example.org did not raise. None of them may ever reach
 * advocate@example.org, an admin, a user of the other program, or court-facing output.
 * - "silver Charger", "Marigold Motel", "Larkspur Street": DEMO_YOUTH.advocateConcernBySomeoneElse
 * - "Bayview transit center": DEMO_YOUTH.advocateCleared (cleared concern)
 * - "Quail Run Road": DEMO_YOUTH.sharedConcernByCoAdvocate (raised by advocate2)
 * - "Juniper Lodge": DEMO_YOUTH.secondProgramConcern (program two)
 */
export const DEMO_SECRET_MARKERS: string[] = [
  "silver Charger",
  "Marigold Motel",
  "Larkspur Street",
  "Bayview transit center",
  "Quail Run Road",
  "Juniper Lodge",
];

/** True when the database holds no program at all. */
export function isEmpty(db: Db): boolean {
  const row = db.$client.prepare("SELECT count(*) AS n FROM programs").get() as { n: number };
  return row.n === 0;
}

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The demo data set: two programs, their users, ~36 youth with everything around them. */
export async function seedDemo(db: Db, opts: { anchor?: string } = {}): Promise<void> {
  const clock = new Clock(opts.anchor ?? todayUtc());
  const client = db.$client;
  const existing = client
    .prepare("SELECT slug FROM programs WHERE slug IN (?, ?)")
    .all(DEMO_PROGRAMS.one.slug, DEMO_PROGRAMS.two.slug) as { slug: string }[];
  if (existing.length > 0) {
    throw new Error(`seedDemo: the database already has program "${existing[0]!.slug}"; seed an empty database`);
  }
  // One hash for every demo user: they share a public password anyway, and scrypt is slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  client.transaction(() => writeDemo(makeWriter(client), clock, passwordHash))();
}

/**
 * Adds `youth` more youth to program one (with placements, parties, contacts, requests, meetings,
 * action items, assignments, ~15% concern/confirmed), plus generated advocates (~3 youth each)
 * and supervisors (~12 advocates each) who sign in with `DEMO_PASSWORD`. Seeds the demo first
 * when the database is empty. Can be called again to add more.
 */
export async function seedLarge(db: Db, opts: { youth: number; anchor?: string }): Promise<void> {
  const n = Math.floor(opts.youth);
  if (!(n >= 0)) throw new Error("seedLarge: youth must be a non-negative number");
  if (isEmpty(db)) await seedDemo(db, opts.anchor === undefined ? {} : { anchor: opts.anchor });
  if (n === 0) return;
  const clock = new Clock(opts.anchor ?? todayUtc());
  const client = db.$client;
  client.transaction(() => writeLarge(client, makeWriter(client), clock, n))();
}

// =============================================================================================
// Small tools: PRNG, clock, typed prepared inserts

/** mulberry32: tiny, fast, good enough for fixtures, and the same sequence on every machine. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let x = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }
  range(r: readonly [number, number]): number {
    return this.int(r[0], r[1]);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }
  /** `k` distinct items, in the list's own order. */
  some<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx
      .slice(0, Math.min(k, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  }
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Day offsets from the anchor day (00:00 UTC) to stored strings. */
class Clock {
  readonly base: number;
  constructor(readonly anchor: string) {
    const base = Date.parse(`${anchor}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || Number.isNaN(base) || new Date(base).toISOString().slice(0, 10) !== anchor) {
      throw new Error(`anchor must be a date as YYYY-MM-DD, got "${anchor}"`);
    }
    this.base = base;
  }
  /** `YYYY-MM-DD` of the day `off` days from the anchor. */
  day(off: number): string {
    return new Date(this.base + off * DAY).toISOString().slice(0, 10);
  }
  ms(off: number, hour: number, minute = 0): number {
    return this.base + off * DAY + hour * HOUR + minute * MINUTE;
  }
  /** UTC ISO instant, `off` days from the anchor at hour:minute UTC. */
  at(off: number, hour: number, minute = 0): string {
    return iso(this.ms(off, hour, minute));
  }
  /** The day offset of an instant. */
  dayOf(ms: number): number {
    return Math.floor((ms - this.base) / DAY);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

type Bindable = string | number | bigint | Buffer | null;

/**
 * A prepared INSERT for `keys` of a drizzle table, typed by the table's insert model (so a renamed
 * column is a type error here), returning the new rowid.
 */
function inserter<T extends SQLiteTable, K extends keyof T["$inferInsert"] & string>(
  client: BetterSqlite3.Database,
  table: T,
  keys: readonly K[],
): (row: Pick<T["$inferInsert"], K>) => number {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return `"${column.name}"`;
  });
  const stmt = client.prepare(
    `INSERT INTO "${getTableName(table)}" (${names.join(", ")}) VALUES (${keys.map(() => "?").join(", ")})`,
  );
  const n = keys.length;
  const args: Bindable[] = new Array<Bindable>(n);
  return (row) => {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < n; i++) {
      const v = r[keys[i]!];
      args[i] = v === undefined || v === null ? null : v === true ? 1 : v === false ? 0 : (v as Bindable);
    }
    return Number(stmt.run(args).lastInsertRowid);
  };
}

function makeWriter(client: BetterSqlite3.Database) {
  return {
    program: inserter(client, t.programs, ["name", "slug", "timeZone", "staleYouthContactDays", "stalePartyContactDays", "createdAt"]),
    user: inserter(client, t.users, ["email", "name", "passwordHash", "createdAt"]),
    membership: inserter(client, t.memberships, ["userId", "programId", "role", "createdAt"]),
    youth: inserter(client, t.youth, ["programId", "firstName", "lastName", "dateOfBirth", "caseNumber", "caseStatus", "createdAt", "updatedAt"]),
    placement: inserter(client, t.placements, ["programId", "youthId", "type", "description", "startedOn", "endedOn", "endReason", "createdAt"]),
    assignment: inserter(client, t.youthAssignments, ["programId", "youthId", "userId", "kind", "startedOn", "endedOn", "createdAt"]),
    party: inserter(client, t.caseParties, ["programId", "youthId", "role", "name", "organization", "phone", "email", "startedOn", "endedOn", "createdAt"]),
    contact: inserter(client, t.contacts, ["programId", "youthId", "partyId", "occurredAt", "method", "summary", "loggedByUserId", "createdAt"]),
    request: inserter(client, t.resourceRequests, [
      "programId", "youthId", "type", "subtype", "description", "addressedToPartyId", "addressedToAgency", "amountCents",
      "dueOn", "status", "requestedByUserId", "requestedAt", "version", "closedAt", "createdAt", "updatedAt",
    ]),
    requestEvent: inserter(client, t.requestStatusEvents, ["programId", "requestId", "fromStatus", "toStatus", "note", "actorUserId", "at"]),
    meeting: inserter(client, t.mdtMeetings, [
      "programId", "youthId", "type", "scheduledAt", "location", "videoLink", "status", "notes", "decisions", "createdByUserId", "createdAt", "updatedAt",
    ]),
    attendee: inserter(client, t.meetingAttendees, ["meetingId", "partyId", "userId", "attended"]),
    agendaItem: inserter(client, t.meetingAgendaItems, ["meetingId", "text", "csecSensitive", "addedByUserId", "createdAt"]),
    actionItem: inserter(client, t.actionItems, [
      "programId", "youthId", "meetingId", "description", "ownerPartyRole", "ownerUserId", "dueOn", "status", "doneAt", "dropReason",
      "csecSensitive", "createdByUserId", "createdAt", "updatedAt",
    ]),
    runaway: inserter(client, t.runawayEpisodes, [
      "programId", "youthId", "leftAt", "leftFrom", "reportedToLawEnforcementAt", "lawEnforcementReportNumber", "reportedToNcmecAt",
      "ncmecCaseNumber", "attorneyNotifiedAt", "casaNotifiedAt", "courtNotifiedAt", "returnedAt", "returnConversationAt",
      "returnConversationNotes", "healthResourcesOfferedAt", "safetyPlanReviewedAt", "notes", "createdByUserId", "createdAt", "updatedAt",
    ]),
    safetyPlan: inserter(client, t.safetyPlans, [
      "programId", "youthId", "version", "supportPeople", "hotlinesMemorized", "notes", "reviewedOn", "reviewedByUserId", "createdAt",
    ]),
    csecStatus: inserter(client, t.youthCsecStatus, ["youthId", "programId", "status", "basis", "basisOn", "changedAt", "changedByUserId"]),
    csecEvent: inserter(client, t.csecStatusEvents, [
      "programId", "youthId", "fromStatus", "toStatus", "basis", "basisOn", "note", "concernId", "actorUserId", "at",
    ]),
    concern: inserter(client, t.csecConcerns, [
      "programId", "youthId", "raisedByUserId", "raisedAt", "note", "reviewStatus", "reviewedByUserId", "reviewedAt", "reviewNote",
    ]),
    redFlag: inserter(client, t.redFlags, ["programId", "youthId", "concernId", "indicator", "observedByUserId", "observedOn", "note", "createdAt"]),
  };
}
type Writer = ReturnType<typeof makeWriter>;

// =============================================================================================
// The model the generator works with

type U = { id: number; name: string; email: string; role: Role };
/** A period in day offsets from the anchor; `to` null = still current. `to` is exclusive. */
type Stint = { user: U; from: number; to: number | null };

type Person = { name: string; org: string; phone: string; email: string };
type RosterRole = "csw" | "secondary_csw" | "attorney" | "clc_case_manager" | "therapist" | "csec_advocate" | "probation_officer";
type Roster = Record<RosterRole, Person[]>;

type Program = {
  id: number;
  name: string;
  county: string;
  lead: U;
  supervisorOf: Map<number, U>;
  roster: Roster;
  /** Law-enforcement report number prefix. */
  lePrefix: string;
  /** Counter used to spread request types/statuses evenly in the demo. */
  requestSeq: number;
  meetingSeq: number;
};

type FlagPlan = { indicator: string; by: U; on: number; note: string };
type ConcernPlan = { by: U; on: number; note: string; flags: FlagPlan[] };
type CsecPlan =
  | { kind: "none" }
  | { kind: "concern"; concern: ConcernPlan; csecAdvocateParty: boolean }
  | { kind: "cleared"; concern: ConcernPlan; by: U; on: number; reason: string }
  | { kind: "confirmed"; concern: ConcernPlan | null; by: U; on: number; basis: CsecBasis; basisOn: number; note: string };

type RequestStatus = (typeof D.REQUEST_STATUSES)[number];
type RequestPlan = {
  type: string;
  subtype?: string | null;
  status: RequestStatus;
  /** Requester; default: the youth's advocate on that day. */
  by?: U;
  on?: number;
  description?: string;
  /** Days from `on` to the due date; null for none. */
  dueIn?: number | null;
  amountCents?: number | null;
};

type MeetingType = (typeof D.MEETING_TYPES)[number];
type UpcomingPlan = { inDays: number; type: MeetingType; inviteAdvocate: boolean; agenda: Array<{ text: string; sensitive: boolean }> };

type ActionPlan = {
  description: string;
  owner: { role: string } | { user: U };
  due: number;
  sensitive: boolean;
  by: U;
  on: number;
};

type YouthPlan = {
  firstName: string;
  lastName: string;
  caseNumber: string;
  age: number;
  openedOn: number;
  closedOn: number | null;
  advocates: Stint[];
  csec: CsecPlan;
  missingNow: boolean;
  /** Past (returned) runaway episodes; undefined = by chance. */
  pastRunaways?: number;
  staleContact: boolean;
  /** undefined = by chance, null = none. */
  upcoming?: UpcomingPlan | null;
  requests: RequestPlan[];
  actions: ActionPlan[];
  /** undefined = by chance. */
  safetyPlan?: boolean;
};

type Profile = {
  placements: [number, number];
  contacts: [number, number];
  requests: [number, number];
  heldMeetings: [number, number];
  upcomingChance: number;
  actionsPerMeeting: [number, number];
  pageActionChance: number;
  runawayChance: number;
  safetyPlanChance: number;
  cswReplacedChance: number;
  therapistChance: number;
  secondaryCswChance: number;
  probationChance: number;
  /** Cycle request types and statuses so that every one appears. */
  coverRequests: boolean;
};

const DEMO_PROFILE: Profile = {
  placements: [1, 3],
  contacts: [3, 15],
  requests: [1, 3],
  heldMeetings: [1, 3],
  upcomingChance: 0.5,
  actionsPerMeeting: [1, 3],
  pageActionChance: 0.25,
  runawayChance: 0,
  safetyPlanChance: 0.5,
  cswReplacedChance: 0.3,
  therapistChance: 0.5,
  secondaryCswChance: 0.15,
  probationChance: 0.1,
  coverRequests: true,
};

const LARGE_PROFILE: Profile = {
  placements: [1, 3],
  contacts: [4, 12],
  requests: [1, 3],
  heldMeetings: [1, 1],
  upcomingChance: 0.15,
  actionsPerMeeting: [1, 3],
  pageActionChance: 0.1,
  runawayChance: 0.1,
  safetyPlanChance: 0.3,
  cswReplacedChance: 0.2,
  therapistChance: 0.35,
  secondaryCswChance: 0.05,
  probationChance: 0.05,
  coverRequests: false,
};

const NON_SENSITIVE_REQUEST_TYPES = D.REQUEST_TYPES.filter((x) => !D.CSEC_SENSITIVE_REQUEST_TYPES.includes(x));

// =============================================================================================
// Demo

function writeDemo(w: Writer, clock: Clock, passwordHash: string): void {
  const rng = new Rng(0xca5a2026);
  const users = new Map<string, U>();
  const programIds = new Map<ProgramKey, number>();

  for (const key of ["one", "two"] as const) {
    const p = DEMO_PROGRAMS[key];
    programIds.set(
      key,
      w.program({
        name: p.name,
        slug: p.slug,
        timeZone: p.timeZone,
        staleYouthContactDays: 30,
        stalePartyContactDays: 45,
        createdAt: clock.at(-1500, 17),
      }),
    );
  }
  for (const def of USER_DEFS) {
    const createdAt = clock.at(-1400 + USER_DEFS.indexOf(def), 18);
    const id = w.user({ email: def.email, name: def.name, passwordHash, createdAt });
    w.membership({ userId: id, programId: programIds.get(def.program)!, role: def.role, createdAt });
    users.set(def.key, { id, name: def.name, email: def.email, role: def.role });
  }
  const u = (key: string): U => {
    const user = users.get(key);
    if (!user) throw new Error(`no demo user ${key}`);
    return user;
  };

  for (const key of ["one", "two"] as const) {
    const meta = DEMO_PROGRAMS[key];
    const supervisorOf = new Map<number, U>();
    for (const def of USER_DEFS) if (def.program === key && def.supervisor) supervisorOf.set(u(def.key).id, u(def.supervisor));
    const program: Program = {
      id: programIds.get(key)!,
      name: meta.name,
      county: meta.county,
      lead: u(key === "one" ? "lead" : "lead2"),
      supervisorOf,
      roster: makeRoster(rng, meta.county, key === "one" ? 1 : 0.6),
      lePrefix: key === "one" ? "ECSD" : "SCPD",
      requestSeq: 0,
      meetingSeq: 0,
    };
    const plans = key === "one" ? programOnePlans(u, rng) : programTwoPlans(u, rng);
    for (const plan of plans) writeYouth(w, clock, rng, program, DEMO_PROFILE, plan);
  }
}

function makeRoster(rng: Rng, county: string, scale: number): Roster {
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const make = (role: RosterRole, n: number): Person[] => {
    const orgs: readonly string[] = D.PARTY_ORGS[role];
    const list: Person[] = [];
    for (let i = 0; i < count(n); i++) {
      const person = adultPerson(rng, D.PARTY_EMAIL_DOMAINS[role]);
      list.push({ ...person, org: rng.pick(orgs).replace("Example County", county) });
    }
    return list;
  };
  return {
    csw: make("csw", 8),
    secondary_csw: make("secondary_csw", 2),
    attorney: make("attorney", 4),
    clc_case_manager: make("clc_case_manager", 3),
    therapist: make("therapist", 5),
    csec_advocate: make("csec_advocate", 3),
    probation_officer: make("probation_officer", 2),
  };
}

function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

function phone(rng: Rng): string {
  // 555-0100..555-0199 is reserved for fiction.
  return `(${rng.pick(D.AREA_CODES)}) 555-01${String(rng.int(0, 99)).padStart(2, "0")}`;
}

function adultName(rng: Rng): [string, string] {
  return [rng.pick(D.ADULT_FIRST_NAMES), rng.pick(D.ADULT_LAST_NAMES)];
}

function adultPerson(rng: Rng, domain: string): Omit<Person, "org"> {
  const [first, last] = adultName(rng);
  return { name: `${first} ${last}`, phone: phone(rng), email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}` };
}

function basePlan(p: {
  name: readonly [string, string];
  caseNumber: string;
  age: number;
  openedOn: number;
  advocates: Stint[];
}): YouthPlan {
  return {
    firstName: p.name[0],
    lastName: p.name[1],
    caseNumber: p.caseNumber,
    age: p.age,
    openedOn: p.openedOn,
    closedOn: null,
    advocates: p.advocates,
    csec: { kind: "none" },
    missingNow: false,
    staleContact: false,
    requests: [],
    actions: [],
  };
}

const st = (user: U, from: number, to: number | null = null): Stint => ({ user, from, to });
const flag = (indicator: string, by: U, on: number, note?: string): FlagPlan => ({
  indicator,
  by,
  on,
  note: note ?? D.RED_FLAG_NOTES[indicator] ?? "",
});

/** Program one: 30 youth. Index i uses D.P1_YOUTH_NAMES[i]; DEMO_YOUTH refers to some of them. */
function programOnePlans(u: (key: string) => U, rng: Rng): YouthPlan[] {
  const [lead, sup1, sup2, a1, a2, a3, a4, a5, a6] = ["lead", "sup1", "sup2", "a1", "a2", "a3", "a4", "a5", "a6"].map(u) as [
    U, U, U, U, U, U, U, U, U,
  ];
  const mk = (i: number, age: number, openedOn: number, advocates: Stint[], extra: Partial<YouthPlan> = {}): YouthPlan => ({
    ...basePlan({ name: D.P1_YOUTH_NAMES[i]!, caseNumber: p1CaseNumber(i), age, openedOn, advocates }),
    ...extra,
  });
  const regular = (inDays: number): UpcomingPlan => ({ inDays, type: "regular_mdt", inviteAdvocate: true, agenda: [] });
  const genericConcern = (by: U, on: number): ConcernPlan => {
    const indicators = rng.some(D.RED_FLAG_INDICATORS, 2);
    return { by, on, note: rng.pick(D.CONCERN_NOTES), flags: indicators.map((ind, k) => flag(ind, by, on - 6 + k * 2)) };
  };

  return [
    // 0 — advocateNone
    mk(0, 15, -620, [st(a1, -560)], {
      pastRunaways: 0,
      upcoming: {
        inDays: 3,
        type: "regular_mdt",
        inviteAdvocate: true,
        agenda: [{ text: "School attendance plan", sensitive: false }],
      },
      requests: [
        { type: "identification_documents", status: "submitted", by: a1, on: -30, dueIn: 25, description: "California state ID card" },
        { type: "career_exploration", status: "draft", by: a1, on: -3, dueIn: 30 },
      ],
      actions: [
        { description: "Call the school counselor about the attendance plan", owner: { user: a1 }, due: -6, sensitive: false, by: a1, on: -20 },
        { description: "Bring the library card form to the next visit", owner: { user: a1 }, due: 4, sensitive: false, by: a1, on: -5 },
      ],
    }),
    // 1 — advocateConcernBySomeoneElse
    mk(1, 16, -900, [st(a1, -480)], {
      csec: {
        kind: "concern",
        csecAdvocateParty: true,
        concern: {
          by: sup1,
          on: -12,
          note:
            "Caregiver saw Destiny get into a silver Charger with an adult man outside school three times this month; " +
            "she came back with new nails and a second phone. Asking the team to look at this together.",
          flags: [
            flag("older_intimate_partner", sup1, -19, "Talks about a boyfriend, 24, who lives on Larkspur Street and picks her up from school."),
            flag("travel_hotel_stays", sup1, -14, "A key card from the Marigold Motel was found in her backpack after a weekend away."),
            flag("unexplained_gifts_cash_phones", sup1, -13, "Two prepaid phones and about $300 in cash she would not explain."),
          ],
        },
      },
      pastRunaways: 1,
      safetyPlan: true,
      upcoming: {
        inDays: 5,
        type: "csec_mdt",
        inviteAdvocate: false,
        agenda: [
          { text: "CSEC advocate referral and first meetings", sensitive: true },
          { text: "Safety plan review with the CSEC advocate", sensitive: true },
        ],
      },
      requests: [
        { type: "restoration_funds", status: "submitted", by: sup1, on: -7, dueIn: 14, amountCents: 45_000 },
        { type: "csec_advocate", status: "submitted", by: sup1, on: -9, dueIn: 7 },
      ],
      actions: [
        { description: "Follow up on the CSEC advocate referral", owner: { user: sup1 }, due: 3, sensitive: true, by: sup1, on: -9 },
        { description: "Confirm the CSEC unit screening with DCFS", owner: { role: "csw" }, due: -2, sensitive: true, by: sup1, on: -10 },
      ],
    }),
    // 2 — advocateOwnConcern
    mk(2, 14, -400, [st(a1, -350)], {
      csec: {
        kind: "concern",
        csecAdvocateParty: false,
        concern: {
          by: a1,
          on: -4,
          note: "Jasmine has a second phone and gets very anxious when it buzzes; she changed the subject when I asked. Asking for a review.",
          flags: [
            flag("multiple_phones_social_media", a1, -6, "Has a second phone she keeps hidden; new social-media accounts."),
            flag("fear_or_submissiveness", a1, -5, "Went quiet and anxious whenever the second phone buzzed."),
          ],
        },
      },
      upcoming: regular(6),
    }),
    // 3 — advocateConfirmed (advocate4 had the case before)
    mk(3, 17, -1100, [st(a4, -1040, -210), st(a1, -210)], {
      csec: {
        kind: "confirmed",
        concern: { by: a4, on: -260, note: rng.pick(D.CONCERN_NOTES), flags: [flag("running_away", a4, -265), flag("tattoos_branding", a4, -262)] },
        by: sup1,
        on: -150,
        basis: "agency_csec_unit",
        basisOn: -152,
        note: D.CONFIRM_NOTES.agency_csec_unit!,
      },
      pastRunaways: 2,
      safetyPlan: true,
      upcoming: regular(10),
      requests: [
        { type: "restoration_funds", status: "fulfilled", by: a1, on: -100, dueIn: 21, amountCents: 80_000 },
        { type: "csec_advocate", status: "fulfilled", by: sup1, on: -148, dueIn: 14 },
        { type: "therapy", subtype: "emdr", status: "approved", by: a1, on: -20, dueIn: 14, description: "EMDR with a trauma-focused clinician" },
      ],
    }),
    // 4 — missingNow
    mk(4, 15, -300, [st(a1, -280)], {
      missingNow: true,
      pastRunaways: 1,
      safetyPlan: true,
      upcoming: { inDays: 2, type: "emergency_placement", inviteAdvocate: true, agenda: [{ text: "Placement options when Marisol returns", sensitive: false }] },
      actions: [
        { description: "Check in with the caregiver daily until Marisol is back", owner: { user: a1 }, due: 1, sensitive: false, by: sup1, on: -1 },
      ],
    }),
    // 5 — advocateCleared
    mk(5, 16, -700, [st(a1, -640)], {
      csec: {
        kind: "cleared",
        concern: {
          by: sup1,
          on: -140,
          note: "Trinity's friends say she spends late nights at the Bayview transit center with older men; raising so we can check.",
          flags: [flag("inconsistent_accounts", sup1, -146), flag("truancy", sup1, -143)],
        },
        by: lead,
        on: -95,
        reason: D.CLEAR_REASONS[0]!,
      },
      staleContact: true,
      upcoming: null,
    }),
    // 6 — sharedConcernByCoAdvocate
    mk(6, 17, -800, [st(a2, -400), st(a1, -90)], {
      csec: {
        kind: "concern",
        csecAdvocateParty: false,
        concern: {
          by: a2,
          on: -20,
          note: "Brianna mentioned 'working parties' at a house on Quail Run Road with people she met online.",
          flags: [flag("gang_involvement", a2, -25), flag("controlling_relationship", a2, -21)],
        },
      },
      upcoming: regular(12),
    }),
    // 7 — confirmedCourtFinding (direct, no concern)
    mk(7, 16, -720, [st(a2, -500)], {
      csec: { kind: "confirmed", concern: null, by: sup1, on: -300, basis: "court_finding", basisOn: -305, note: D.CONFIRM_NOTES.court_finding! },
      pastRunaways: 1,
    }),
    mk(8, 13, -420, [st(a2, -380)]),
    mk(9, 15, -900, [st(a3, -700, -330), st(a2, -330)], { staleContact: true }),
    mk(10, 19, -1500, [st(a2, -1300)]),
    // 11 — concernByLead
    mk(11, 15, -500, [st(a3, -450)], { csec: { kind: "concern", csecAdvocateParty: false, concern: genericConcern(lead, -30) } }),
    // 12 — closedCase
    mk(12, 12, -800, [st(a3, -760, -60)], { closedOn: -60, upcoming: null }),
    mk(13, 14, -350, [st(a3, -330), st(a2, -200)]),
    mk(14, 16, -600, [st(a3, -560)], { pastRunaways: 1 }),
    mk(15, 11, -260, [st(a3, -240)]),
    mk(16, 16, -640, [st(a4, -600)], { csec: { kind: "concern", csecAdvocateParty: false, concern: genericConcern(a4, -45) } }),
    mk(17, 14, -500, [st(a4, -480), st(a5, -300)]),
    mk(18, 17, -980, [st(a4, -900)], { staleContact: true }),
    mk(19, 15, -700, [st(a6, -600, -250), st(a4, -250)]),
    mk(20, 12, -200, [st(a4, -180)]),
    // 21 — confirmedYouthDisclosure
    mk(21, 17, -1000, [st(a5, -950)], {
      csec: {
        kind: "confirmed",
        concern: genericConcern(a5, -200),
        by: sup2,
        on: -170,
        basis: "youth_disclosure",
        basisOn: -172,
        note: D.CONFIRM_NOTES.youth_disclosure!,
      },
      pastRunaways: 2,
    }),
    mk(22, 14, -900, [st(a5, -850, -120)], { closedOn: -120, upcoming: null }),
    mk(23, 16, -700, [st(a2, -500, -200), st(a5, -200)]),
    mk(24, 13, -330, [st(a5, -300)]),
    mk(25, 18, -1200, [st(a5, -1100)]),
    mk(26, 15, -620, [st(a6, -580)], {
      csec: { kind: "cleared", concern: genericConcern(a6, -300), by: sup2, on: -270, reason: D.CLEAR_REASONS[1]! },
    }),
    mk(27, 17, -1100, [st(a6, -1000)], {
      csec: { kind: "confirmed", concern: null, by: lead, on: -400, basis: "agency_csec_unit", basisOn: -402, note: D.CONFIRM_NOTES.agency_csec_unit! },
      pastRunaways: 1,
    }),
    mk(28, 14, -540, [st(a6, -500)], { staleContact: true }),
    mk(29, 16, -380, [st(a6, -350)]),
  ];
}

/** Program two: 6 youth. */
function programTwoPlans(u: (key: string) => U, rng: Rng): YouthPlan[] {
  const [lead2, sup, b1, b2] = ["lead2", "sup21", "a21", "a22"].map(u) as [U, U, U, U];
  const mk = (i: number, age: number, openedOn: number, advocates: Stint[], extra: Partial<YouthPlan> = {}): YouthPlan => ({
    ...basePlan({ name: D.P2_YOUTH_NAMES[i]!, caseNumber: p2CaseNumber(i), age, openedOn, advocates }),
    ...extra,
  });
  return [
    mk(0, 16, -600, [st(b1, -550)], {
      csec: {
        kind: "concern",
        csecAdvocateParty: true,
        concern: {
          by: sup,
          on: -15,
          note: "Camila was dropped off at the Juniper Lodge twice by an older man; caregiver is worried.",
          flags: [flag("older_intimate_partner", sup, -20), flag("travel_hotel_stays", sup, -16)],
        },
      },
      upcoming: { inDays: 4, type: "csec_mdt", inviteAdvocate: false, agenda: [{ text: "CSEC advocate referral and first meetings", sensitive: true }] },
      requests: [{ type: "csec_advocate", status: "submitted", by: sup, on: -10, dueIn: 10 }],
    }),
    mk(1, 15, -400, [st(b1, -380)], { missingNow: true, pastRunaways: 1 }),
    mk(2, 17, -900, [st(b1, -850)], {
      csec: {
        kind: "confirmed",
        concern: { by: b1, on: -180, note: rng.pick(D.CONCERN_NOTES), flags: [flag("running_away", b1, -185), flag("substance_use", b1, -183)] },
        by: sup,
        on: -120,
        basis: "court_finding",
        basisOn: -121,
        note: D.CONFIRM_NOTES.court_finding!,
      },
      requests: [{ type: "restoration_funds", status: "approved", by: b1, on: -30, dueIn: 20, amountCents: 30_000 }],
    }),
    mk(3, 14, -500, [st(b2, -470)], { pastRunaways: 1 }),
    mk(4, 13, -700, [st(b1, -500, -230), st(b2, -230)]),
    mk(5, 16, -650, [st(b2, -600), st(b1, -300)], {
      csec: {
        kind: "cleared",
        concern: { by: b2, on: -200, note: rng.pick(D.CONCERN_NOTES), flags: [flag("truancy", b2, -205)] },
        by: lead2,
        on: -170,
        reason: D.CLEAR_REASONS[0]!,
      },
    }),
  ];
}

// =============================================================================================
// One youth and everything around it

type PartyRec = { id: number; role: string; name: string; from: number; to: number | null };
type PlacementRec = { type: PlacementType; description: string; from: number; to: number | null };

const FAMILY_PLACEMENTS: readonly PlacementType[] = ["foster_home", "relative", "nrefm", "home_of_parent"];
const PLACEMENT_WEIGHTS: ReadonlyArray<readonly [PlacementType, number]> = [
  ["foster_home", 30],
  ["relative", 20],
  ["nrefm", 8],
  ["group_home", 8],
  ["strtp", 12],
  ["home_of_parent", 6],
  ["juvenile_hall", 2],
  ["other", 2],
];

const activeOn = (s: { from: number; to: number | null }, day: number) => s.from <= day && (s.to === null || day < s.to);

function writeYouth(w: Writer, clock: Clock, rng: Rng, prog: Program, profile: Profile, plan: YouthPlan): void {
  const pid = prog.id;
  const closed = plan.closedOn !== null;
  /** The last day with activity: yesterday, or the day before closing. */
  const lastDay = plan.closedOn !== null ? plan.closedOn - 1 : -1;
  const endOf = (to: number | null): number | null => (closed ? (to ?? plan.closedOn) : to);

  const ageDays = plan.age * 365 + Math.floor(plan.age / 4) + rng.int(0, 360);
  const yid = w.youth({
    programId: pid,
    firstName: plan.firstName,
    lastName: plan.lastName,
    dateOfBirth: clock.day(-ageDays),
    caseNumber: plan.caseNumber,
    caseStatus: closed ? "closed" : "open",
    createdAt: clock.at(plan.openedOn, 18),
    updatedAt: closed ? clock.at(plan.closedOn!, 20) : null,
  });

  // --- placements -------------------------------------------------------------------------
  const placements: PlacementRec[] = [];
  {
    const end = plan.closedOn ?? 0;
    const span = end - plan.openedOn;
    let n = rng.range(profile.placements);
    while (n > 1 && span < n * 40) n--;
    const bounds: number[] = [plan.openedOn];
    for (let i = 1; i < n; i++) {
      const ideal = plan.openedOn + Math.round((span * i) / n);
      const jitter = rng.int(-Math.floor(span / (4 * n)), Math.floor(span / (4 * n)));
      bounds.push(Math.max(bounds[i - 1]! + 10, Math.min(end - 10, ideal + jitter)));
    }
    for (let i = 0; i < n; i++) {
      const isLast = i === n - 1;
      let type = rng.weighted(PLACEMENT_WEIGHTS);
      if (isLast && plan.age >= 18) type = rng.chance(0.7) ? "supervised_independent_living" : "relative";
      if (isLast && plan.csec.kind !== "none" && plan.csec.kind !== "cleared" && rng.chance(0.4)) type = "strtp";
      if (isLast && type === "juvenile_hall") type = "group_home";
      const from = bounds[i]!;
      const to = isLast ? (closed ? plan.closedOn : null) : bounds[i + 1]!;
      const description = rng.pick(D.PLACEMENT_DESCRIPTIONS[type]!);
      placements.push({ type, description, from, to });
      w.placement({
        programId: pid,
        youthId: yid,
        type,
        description,
        startedOn: clock.day(from),
        endedOn: to === null ? null : clock.day(to),
        endReason: to === null ? null : isLast ? rng.pick(D.CASE_CLOSED_REASONS) : rng.pick(D.PLACEMENT_END_REASONS),
        createdAt: clock.at(from, 19),
      });
    }
  }
  const placementOn = (day: number): PlacementRec => placements.find((p) => activeOn(p, day)) ?? placements[placements.length - 1]!;

  // --- assignments --------------------------------------------------------------------------
  const advocates = plan.advocates.map((s) => ({ ...s, to: endOf(s.to) }));
  const supervisors: Stint[] = [];
  for (const s of advocates) {
    const sup = prog.supervisorOf.get(s.user.id);
    if (!sup) throw new Error(`advocate ${s.user.email} has no supervisor`);
    const existing = supervisors.find((x) => x.user.id === sup.id);
    if (!existing) supervisors.push({ user: sup, from: s.from, to: s.to });
    else {
      existing.from = Math.min(existing.from, s.from);
      existing.to = existing.to === null || s.to === null ? null : Math.max(existing.to, s.to);
    }
  }
  for (const [kind, list] of [["advocate", advocates], ["supervisor", supervisors]] as const) {
    for (const s of list) {
      w.assignment({
        programId: pid,
        youthId: yid,
        userId: s.user.id,
        kind,
        startedOn: clock.day(s.from),
        endedOn: s.to === null ? null : clock.day(s.to),
        createdAt: clock.at(s.from, 17),
      });
    }
  }
  const currentAdvocates = advocates.filter((s) => s.to === null);
  const firstActive = Math.min(...advocates.map((s) => s.from));
  const advocateOn = (day: number): U | null => {
    const list = advocates.filter((s) => activeOn(s, day));
    return list.length === 0 ? null : list.length === 1 ? list[0]!.user : rng.pick(list).user;
  };
  const supervisorOn = (day: number): U =>
    (supervisors.find((s) => activeOn(s, day)) ?? supervisors[supervisors.length - 1]!).user;
  const staffOn = (day: number): U => advocateOn(day) ?? supervisorOn(day);

  // --- CSEC timeline (needed by parties, meetings, requests) --------------------------------
  const csec = plan.csec;
  /** The first day the youth is concern/confirmed and stays so (null when not currently CSEC). */
  const csecSince: number | null =
    csec.kind === "concern" ? csec.concern.on : csec.kind === "confirmed" ? (csec.concern?.on ?? csec.on) : null;
  const confirmedSince: number | null = csec.kind === "confirmed" ? csec.on : null;
  const csecStateOn = (day: number): CsecStatus =>
    confirmedSince !== null && day >= confirmedSince ? "confirmed" : csecSince !== null && day >= csecSince ? "concern" : "none";
  const currentStatus: CsecStatus = csec.kind === "concern" ? "concern" : csec.kind === "confirmed" ? "confirmed" : "none";

  // --- parties ------------------------------------------------------------------------------
  const parties: PartyRec[] = [];
  const addParty = (role: string, person: Person, from: number, to: number | null) => {
    const f = Math.min(from, lastDay);
    const end = endOf(to);
    const id = w.party({
      programId: pid,
      youthId: yid,
      role,
      name: person.name,
      organization: person.org,
      phone: person.phone,
      email: person.email,
      startedOn: clock.day(f),
      endedOn: end === null ? null : clock.day(end),
      createdAt: clock.at(Math.max(f, plan.openedOn), 20),
    });
    parties.push({ id, role, name: person.name, from: f, to: end });
  };
  const fromRoster = (role: RosterRole): Person => rng.pick(prog.roster[role]);
  {
    const span = lastDay - plan.openedOn;
    const csw1 = fromRoster("csw");
    if (span > 120 && rng.chance(profile.cswReplacedChance)) {
      const change = rng.int(plan.openedOn + 45, lastDay - 30);
      addParty("csw", csw1, plan.openedOn, change);
      let csw2 = fromRoster("csw");
      if (csw2.name === csw1.name && prog.roster.csw.length > 1) csw2 = prog.roster.csw.find((p) => p.name !== csw1.name)!;
      addParty("csw", csw2, change, null);
    } else {
      addParty("csw", csw1, plan.openedOn, null);
    }
    addParty("attorney", fromRoster("attorney"), plan.openedOn, null);
    addParty("clc_case_manager", fromRoster("clc_case_manager"), plan.openedOn + 5, null);
    for (const s of advocates) {
      addParty("casa_advocate", { name: s.user.name, org: prog.name, phone: phone(rng), email: s.user.email }, s.from, s.to);
    }
    for (const s of supervisors) {
      addParty("advocate_supervisor", { name: s.user.name, org: prog.name, phone: phone(rng), email: s.user.email }, s.from, s.to);
    }
    for (const p of placements) {
      if (!FAMILY_PLACEMENTS.includes(p.type)) continue;
      const person = adultPerson(rng, D.PARTY_EMAIL_DOMAINS.caregiver);
      addParty("caregiver", { ...person, org: rng.pick(D.PARTY_ORGS.caregiver) }, p.from, p.to);
    }
    if (rng.chance(csecSince !== null ? 0.9 : profile.therapistChance)) {
      addParty("therapist", fromRoster("therapist"), Math.min(plan.openedOn + rng.int(20, 200), lastDay - 5), null);
    }
    if (rng.chance(csecSince !== null ? 0.4 : profile.secondaryCswChance)) {
      addParty("secondary_csw", fromRoster("secondary_csw"), Math.max(plan.openedOn, lastDay - rng.int(20, 300)), null);
    }
    if (rng.chance(profile.probationChance)) {
      addParty("probation_officer", fromRoster("probation_officer"), Math.max(plan.openedOn, lastDay - rng.int(30, 400)), null);
    }
    // A CSEC advocate only where the status is concern or confirmed: its presence alone tells.
    const wantsCsecAdvocate = csec.kind === "confirmed" || (csec.kind === "concern" && csec.csecAdvocateParty);
    if (wantsCsecAdvocate && csecSince !== null) {
      const from = Math.min((confirmedSince ?? csecSince) + rng.int(2, 10), lastDay);
      addParty("csec_advocate", fromRoster("csec_advocate"), Math.max(from, csecSince), null);
    }
  }
  const partiesOn = (day: number) => parties.filter((p) => activeOn(p, day));
  const partyOn = (role: string, day: number) => parties.find((p) => p.role === role && activeOn(p, day)) ?? null;

  // --- CSEC records -------------------------------------------------------------------------
  if (csec.kind !== "none") {
    const concernPlan = csec.kind === "confirmed" ? csec.concern : csec.concern;
    let concernId: number | null = null;
    if (concernPlan) {
      const raisedAt = clock.at(concernPlan.on, 21, 15);
      const review =
        csec.kind === "cleared"
          ? { reviewStatus: "cleared" as const, reviewedByUserId: csec.by.id, reviewedAt: clock.at(csec.on, 19), reviewNote: csec.reason }
          : csec.kind === "confirmed"
            ? { reviewStatus: "confirmed" as const, reviewedByUserId: csec.by.id, reviewedAt: clock.at(csec.on, 19), reviewNote: csec.note }
            : { reviewStatus: "under_review" as const, reviewedByUserId: null, reviewedAt: null, reviewNote: null };
      concernId = w.concern({
        programId: pid,
        youthId: yid,
        raisedByUserId: concernPlan.by.id,
        raisedAt,
        note: concernPlan.note,
        ...review,
      });
      for (const f of concernPlan.flags) {
        w.redFlag({
          programId: pid,
          youthId: yid,
          concernId,
          indicator: f.indicator,
          observedByUserId: f.by.id,
          observedOn: clock.day(f.on),
          note: f.note,
          createdAt: concernPlan.on === f.on ? raisedAt : clock.at(concernPlan.on, 21, 0),
        });
      }
      w.csecEvent({
        programId: pid,
        youthId: yid,
        fromStatus: "none",
        toStatus: "concern",
        basis: null,
        basisOn: null,
        note: null,
        concernId,
        actorUserId: concernPlan.by.id,
        at: raisedAt,
      });
    }
    if (csec.kind === "concern") {
      w.csecStatus({
        youthId: yid,
        programId: pid,
        status: "concern",
        basis: null,
        basisOn: null,
        changedAt: clock.at(csec.concern.on, 21, 15),
        changedByUserId: csec.concern.by.id,
      });
    } else if (csec.kind === "cleared") {
      const at = clock.at(csec.on, 19);
      w.csecEvent({
        programId: pid,
        youthId: yid,
        fromStatus: "concern",
        toStatus: "none",
        basis: null,
        basisOn: null,
        note: csec.reason,
        concernId,
        actorUserId: csec.by.id,
        at,
      });
      w.csecStatus({ youthId: yid, programId: pid, status: "none", basis: null, basisOn: null, changedAt: at, changedByUserId: csec.by.id });
    } else {
      const at = clock.at(csec.on, 19);
      w.csecEvent({
        programId: pid,
        youthId: yid,
        fromStatus: concernId === null ? "none" : "concern",
        toStatus: "confirmed",
        basis: csec.basis,
        basisOn: clock.day(csec.basisOn),
        note: csec.note,
        concernId,
        actorUserId: csec.by.id,
        at,
      });
      w.csecStatus({
        youthId: yid,
        programId: pid,
        status: "confirmed",
        basis: csec.basis,
        basisOn: clock.day(csec.basisOn),
        changedAt: at,
        changedByUserId: csec.by.id,
      });
    }
  }

  // --- runaway episodes ---------------------------------------------------------------------
  {
    const past = plan.pastRunaways ?? (rng.chance(csecSince !== null ? 0.5 : profile.runawayChance) ? rng.int(1, 2) : 0);
    const windowStart = Math.max(plan.openedOn + 20, lastDay - 330);
    const windowEnd = lastDay - 14;
    const count = windowEnd - windowStart > past * 20 ? past : 0;
    const seg = count > 0 ? Math.floor((windowEnd - windowStart) / count) : 0;
    for (let i = 0; i < count; i++) {
      const segStart = windowStart + i * seg;
      const duration = rng.int(1, 9);
      const leftDay = rng.int(segStart, Math.max(segStart, segStart + seg - duration - 8));
      const leftMs = clock.ms(leftDay, rng.int(0, 23), rng.pick([0, 15, 30, 45]));
      const le = leftMs + rng.int(1, 5) * HOUR + rng.int(0, 59) * MINUTE;
      const ncmecRoll = rng.next();
      const ncmec = ncmecRoll < 0.7 ? le + rng.int(1, 12) * HOUR : ncmecRoll < 0.85 ? leftMs + rng.int(26, 60) * HOUR : null;
      const returned = leftMs + duration * DAY + rng.int(1, 20) * HOUR;
      const conversation = rng.chance(0.7) ? returned + rng.int(2, 72) * HOUR : null;
      const health = rng.chance(0.6) ? returned + rng.int(3, 96) * HOUR : null;
      const planReviewed = rng.chance(0.5) ? returned + rng.int(1, 7) * DAY : null;
      const attorney = rng.chance(0.8) ? le + rng.int(2, 30) * HOUR : null;
      const casa = rng.chance(0.85) ? le + rng.int(1, 24) * HOUR : null;
      const court = rng.chance(0.6) ? le + rng.int(24, 72) * HOUR : null;
      const stamps = [le, ncmec, returned, conversation, health, planReviewed, attorney, casa, court].filter((x): x is number => x !== null);
      w.runaway({
        programId: pid,
        youthId: yid,
        leftAt: iso(leftMs),
        leftFrom: placementOn(leftDay).description,
        reportedToLawEnforcementAt: iso(le),
        lawEnforcementReportNumber: `${prog.lePrefix}-${clock.day(leftDay).slice(2, 4)}-${String(rng.int(1000, 99999)).padStart(6, "0")}`,
        reportedToNcmecAt: ncmec === null ? null : iso(ncmec),
        ncmecCaseNumber: ncmec === null ? null : String(rng.int(1_400_000, 1_999_999)),
        attorneyNotifiedAt: attorney === null ? null : iso(attorney),
        casaNotifiedAt: casa === null ? null : iso(casa),
        courtNotifiedAt: court === null ? null : iso(court),
        returnedAt: iso(returned),
        returnConversationAt: conversation === null ? null : iso(conversation),
        returnConversationNotes: conversation === null ? null : rng.pick(D.RETURN_CONVERSATION_NOTES),
        healthResourcesOfferedAt: health === null ? null : iso(health),
        safetyPlanReviewedAt: planReviewed === null ? null : iso(planReviewed),
        notes: rng.pick(D.RUNAWAY_NOTES),
        createdByUserId: staffOn(leftDay).id,
        createdAt: iso(le + 30 * MINUTE),
        updatedAt: iso(Math.max(...stamps)),
      });
    }
    if (plan.missingNow && !closed) {
      // Left yesterday evening (~26 h before the anchor day began); police told, NCMEC not yet.
      const leftMs = clock.base - 26 * HOUR;
      const le = leftMs + 2 * HOUR + 10 * MINUTE;
      const casa = leftMs + 4 * HOUR;
      w.runaway({
        programId: pid,
        youthId: yid,
        leftAt: iso(leftMs),
        leftFrom: placementOn(-1).description,
        reportedToLawEnforcementAt: iso(le),
        lawEnforcementReportNumber: `${prog.lePrefix}-${clock.day(-1).slice(2, 4)}-${String(rng.int(1000, 99999)).padStart(6, "0")}`,
        reportedToNcmecAt: null,
        ncmecCaseNumber: null,
        attorneyNotifiedAt: null,
        casaNotifiedAt: iso(casa),
        courtNotifiedAt: null,
        returnedAt: null,
        returnConversationAt: null,
        returnConversationNotes: null,
        healthResourcesOfferedAt: null,
        safetyPlanReviewedAt: null,
        notes: "Did not come back after school; caregiver called it in that evening.",
        createdByUserId: supervisorOn(-1).id,
        createdAt: iso(le + 20 * MINUTE),
        updatedAt: iso(casa),
      });
    }
  }

  // --- contacts -----------------------------------------------------------------------------
  {
    const n = rng.range(profile.contacts);
    const stop = plan.staleContact ? lastDay - rng.int(50, 90) : plan.missingNow ? -2 : lastDay;
    const start = Math.max(firstActive + 1, stop - 240);
    const days: number[] = [];
    for (let i = 0; i < n; i++) days.push(rng.int(start, stop));
    if (!plan.staleContact && n > 0) days[0] = Math.max(start, stop - rng.int(0, 12)); // a recent one
    days.sort((a, b) => a - b);
    for (const day of days) {
      const logger = rng.chance(0.87) ? staffOn(day) : supervisorOn(day);
      const withYouth = rng.chance(0.4);
      let party: PartyRec | null = null;
      if (!withYouth) {
        const options = partiesOn(day).filter(
          (p) =>
            p.role !== "casa_advocate" &&
            p.role !== "advocate_supervisor" &&
            // contacts with a CSEC advocate only once the status is confirmed (visible to the advocate)
            (p.role !== "csec_advocate" || (confirmedSince !== null && day >= confirmedSince)),
        );
        party = options.length > 0 ? rng.pick(options) : null;
      }
      const [template, methods] = party
        ? rng.pick(D.PARTY_CONTACT_SUMMARIES[party.role] ?? D.PARTY_CONTACT_SUMMARIES.other!)
        : rng.pick(D.YOUTH_CONTACT_SUMMARIES);
      const method = rng.pick(methods);
      const occurred = clock.ms(day, rng.int(15, 21), rng.int(0, 59));
      w.contact({
        programId: pid,
        youthId: yid,
        partyId: party?.id ?? null,
        occurredAt: iso(occurred),
        method,
        summary: template.replaceAll("{Y}", plan.firstName).replaceAll("{P}", party?.name ?? ""),
        loggedByUserId: logger.id,
        createdAt: iso(occurred + rng.int(5, 120) * MINUTE),
      });
    }
  }

  // --- resource requests --------------------------------------------------------------------
  {
    const list: RequestPlan[] = [];
    const n = rng.range(profile.requests);
    for (let i = 0; i < n; i++) {
      let type: string;
      let status: RequestStatus;
      if (profile.coverRequests && !closed) {
        const k = prog.requestSeq++;
        type = NON_SENSITIVE_REQUEST_TYPES[k % NON_SENSITIVE_REQUEST_TYPES.length]!;
        status = D.REQUEST_STATUSES[(k * 5 + Math.floor(k / 12)) % D.REQUEST_STATUSES.length]!;
      } else {
        type = rng.pick(NON_SENSITIVE_REQUEST_TYPES);
        status = closed
          ? rng.pick(["fulfilled", "denied", "withdrawn"] as const)
          : rng.weighted<RequestStatus>([["draft", 8], ["submitted", 20], ["approved", 15], ["denied", 10], ["fulfilled", 35], ["withdrawn", 7]]);
      }
      list.push({ type, status });
    }
    // Generated CSEC youth also get a CSEC-sensitive request now and then.
    if (csecSince !== null && plan.requests.length === 0 && rng.chance(0.7)) {
      const room = lastDay - csecSince;
      list.push({
        type: rng.pick(D.CSEC_SENSITIVE_REQUEST_TYPES),
        status:
          room < 45
            ? "submitted"
            : rng.weighted<RequestStatus>([["submitted", 30], ["approved", 20], ["fulfilled", 35], ["denied", 15]]),
        by: confirmedSince !== null ? undefined : supervisorOn(lastDay),
        on: Math.min(lastDay - 1, csecSince + rng.int(1, Math.max(1, Math.min(60, room - 40)))),
      });
    }
    list.push(...plan.requests);
    for (const rp of list) writeRequest(w, clock, rng, prog, yid, rp, {
      lastDay,
      earliest: Math.max(firstActive + 1, plan.openedOn + 1),
      csecSince,
      staffOn,
      supervisorOn,
      partyOn,
      firstName: plan.firstName,
    });
  }

  // --- meetings and action items ------------------------------------------------------------
  {
    const held = rng.range(profile.heldMeetings);
    const heldDays: number[] = [];
    let day = lastDay - rng.int(6, 40);
    for (let i = 0; i < held; i++) {
      if (day < firstActive + 14) break;
      heldDays.unshift(day);
      day -= rng.int(55, 110);
    }
    const currentOwners = currentAdvocates.length > 0 ? currentAdvocates : advocates.slice(-1);
    heldDays.forEach((mday, idx) => {
      const isLatest = idx === heldDays.length - 1;
      const state = csecStateOn(mday);
      // A CSEC MDT only while the youth is (and still is) concern/confirmed.
      const type: MeetingType =
        state !== "none" && currentStatus !== "none" && rng.chance(0.5)
          ? "csec_mdt"
          : rng.weighted<MeetingType>([["regular_mdt", 86], ["emergency_placement", 8], ["other", 6]]);
      const sensitive = type === "csec_mdt";
      const cancelled = !isLatest && rng.chance(0.07);
      const creator = sensitive && state !== "confirmed" ? supervisorOn(mday) : rng.chance(0.6) ? supervisorOn(mday) : staffOn(mday);
      const scheduledMs = clock.ms(mday, rng.pick([16, 17, 18, 20, 21]), rng.pick([0, 30]));
      const video = rng.chance(0.4);
      const meetingId = w.meeting({
        programId: pid,
        youthId: yid,
        type,
        scheduledAt: iso(scheduledMs),
        location: video ? null : rng.pick(D.MEETING_LOCATIONS),
        videoLink: video ? `https://meet.example.org/mdt-${pid}-${yid}-${++prog.meetingSeq}` : null,
        status: cancelled ? "cancelled" : "held",
        notes: cancelled
          ? "Cancelled: the CSW was out sick; to be rescheduled."
          : rng.pick(sensitive ? D.CSEC_MEETING_NOTES : D.MEETING_NOTES).replaceAll("{Y}", plan.firstName),
        decisions: cancelled ? null : rng.pick(sensitive ? D.CSEC_MEETING_DECISIONS : D.MEETING_DECISIONS).replaceAll("{Y}", plan.firstName),
        createdByUserId: creator.id,
        createdAt: iso(scheduledMs - rng.int(7, 21) * DAY),
        updatedAt: iso(scheduledMs + (cancelled ? -1 * DAY : 2 * HOUR)),
      });
      writeAttendees(w, rng, meetingId, cancelled ? "cancelled" : "held", {
        sensitive,
        inviteAdvocates: !sensitive || state === "confirmed",
        csecAdvocateOk: sensitive || (state === "confirmed" && currentStatus === "confirmed"),
        advocates: advocates.filter((s) => activeOn(s, mday)).map((s) => s.user),
        supervisor: supervisorOn(mday),
        parties: partiesOn(mday),
      });
      if (cancelled) return;
      const items = rng.range(profile.actionsPerMeeting);
      for (let i = 0; i < items; i++) {
        const status = isLatest || closed
          ? closed
            ? rng.weighted<"done" | "dropped">([["done", 80], ["dropped", 20]])
            : rng.weighted<"open" | "done" | "dropped">([["open", 70], ["done", 20], ["dropped", 10]])
          : rng.weighted<"open" | "done" | "dropped">([["open", 20], ["done", 65], ["dropped", 15]]);
        let description: string;
        let owner: { role: string } | { user: U };
        if (sensitive) {
          description = rng.pick(D.CSEC_ACTION_ITEMS);
          owner = rng.chance(0.6)
            ? { role: rng.pick(partyOn("csec_advocate", mday) ? ["csw", "csec_advocate"] : ["csw"]) }
            : { user: state === "confirmed" && rng.chance(0.5) ? rng.pick(currentOwners).user : supervisorOn(mday) };
        } else {
          const [text, roles] = rng.pick(D.ACTION_ITEMS);
          description = text.replaceAll("{Y}", plan.firstName);
          if (rng.chance(0.55)) {
            const role = rng.pick(roles);
            owner = { role: partyOn(role, mday) || role === "casa_advocate" ? role : "csw" };
          } else {
            const advocate = status === "open" ? rng.pick(currentOwners).user : (advocateOn(mday) ?? rng.pick(currentOwners).user);
            owner = { user: rng.chance(0.75) ? advocate : supervisorOn(mday) };
          }
        }
        const due = mday + rng.int(7, 30);
        const doneDay = Math.min(mday + rng.int(2, 40), lastDay);
        const closedMs = clock.ms(doneDay, rng.int(16, 23), rng.int(0, 59));
        w.actionItem({
          programId: pid,
          youthId: yid,
          meetingId,
          description,
          ownerPartyRole: "role" in owner ? owner.role : null,
          ownerUserId: "user" in owner ? owner.user.id : null,
          dueOn: clock.day(due),
          status,
          doneAt: status === "done" ? iso(closedMs) : null,
          dropReason: status === "dropped" ? rng.pick(D.DROP_REASONS) : null,
          csecSensitive: sensitive,
          createdByUserId: creator.id,
          createdAt: iso(scheduledMs + 3 * HOUR),
          updatedAt: status === "open" ? null : iso(closedMs),
        });
      }
    });

    // Upcoming meeting.
    let upcoming: UpcomingPlan | null = null;
    if (plan.upcoming !== undefined) upcoming = plan.upcoming;
    else if (!closed && rng.chance(profile.upcomingChance)) {
      const type: MeetingType = currentStatus === "confirmed" && rng.chance(0.3) ? "csec_mdt" : "regular_mdt";
      const sensitive = type === "csec_mdt";
      upcoming = {
        inDays: rng.int(2, 14),
        type,
        inviteAdvocate: true,
        agenda: rng
          .some(sensitive ? D.CSEC_AGENDA_ITEMS : D.AGENDA_ITEMS, rng.int(0, 2))
          .map((text) => ({ text, sensitive })),
      };
    }
    if (upcoming && !closed) {
      const sensitive = upcoming.type === "csec_mdt";
      const creator = sensitive && currentStatus !== "confirmed" ? supervisorOn(-1) : rng.chance(0.6) ? supervisorOn(-1) : staffOn(-1);
      const createdDay = -rng.int(3, 20);
      const video = rng.chance(0.4);
      const meetingId = w.meeting({
        programId: pid,
        youthId: yid,
        type: upcoming.type,
        scheduledAt: clock.at(upcoming.inDays, rng.pick([16, 17, 18, 20, 21]), rng.pick([0, 30])),
        location: video ? null : rng.pick(D.MEETING_LOCATIONS),
        videoLink: video ? `https://meet.example.org/mdt-${pid}-${yid}-${++prog.meetingSeq}` : null,
        status: "scheduled",
        notes: null,
        decisions: null,
        createdByUserId: creator.id,
        createdAt: clock.at(createdDay, 18, rng.int(0, 59)),
        updatedAt: null,
      });
      writeAttendees(w, rng, meetingId, "scheduled", {
        sensitive,
        inviteAdvocates: upcoming.inviteAdvocate,
        csecAdvocateOk: sensitive || currentStatus === "confirmed",
        advocates: currentAdvocates.map((s) => s.user),
        supervisor: supervisorOn(-1),
        parties: partiesOn(-1),
      });
      for (const item of upcoming.agenda) {
        w.agendaItem({
          meetingId,
          text: item.text,
          csecSensitive: item.sensitive,
          addedByUserId: item.sensitive && currentStatus !== "confirmed" ? supervisorOn(-1).id : creator.id,
          createdAt: clock.at(createdDay + 1, 19, rng.int(0, 59)),
        });
      }
    }

    // Action items created on the youth's page.
    const pageActions: ActionPlan[] = [...plan.actions];
    if (!closed && currentOwners.length > 0 && plan.actions.length === 0 && rng.chance(profile.pageActionChance)) {
      const owner = rng.pick(currentOwners).user;
      const [text] = rng.pick(D.ACTION_ITEMS);
      pageActions.push({
        description: text.replaceAll("{Y}", plan.firstName),
        owner: { user: owner },
        due: rng.int(-12, 12),
        sensitive: false,
        by: owner,
        on: -rng.int(15, 40),
      });
    }
    for (const a of pageActions) {
      w.actionItem({
        programId: pid,
        youthId: yid,
        meetingId: null,
        description: a.description,
        ownerPartyRole: "role" in a.owner ? a.owner.role : null,
        ownerUserId: "user" in a.owner ? a.owner.user.id : null,
        dueOn: clock.day(a.due),
        status: "open",
        doneAt: null,
        dropReason: null,
        csecSensitive: a.sensitive,
        createdByUserId: a.by.id,
        createdAt: clock.at(a.on, 18, rng.int(0, 59)),
        updatedAt: null,
      });
    }
  }

  // --- safety plan --------------------------------------------------------------------------
  {
    const wants =
      plan.safetyPlan ??
      (csecSince !== null || plan.missingNow || (plan.pastRunaways ?? 0) > 0 || rng.chance(profile.safetyPlanChance));
    const v1Day = Math.min(lastDay - 10, Math.max(firstActive + 7, lastDay - rng.int(60, 400)));
    if (wants && v1Day > firstActive) {
      const people = () =>
        Array.from({ length: rng.int(2, 3) }, () => {
          const [first, last] = adultName(rng);
          return { name: `${first} ${last}`, relation: rng.pick(D.SUPPORT_RELATIONS), phone: phone(rng) };
        });
      const support = people();
      const hotlines = rng.some(D.HOTLINE_KEYS, rng.int(1, 4));
      w.safetyPlan({
        programId: pid,
        youthId: yid,
        version: 1,
        supportPeople: JSON.stringify(support),
        hotlinesMemorized: JSON.stringify(hotlines),
        notes: rng.pick(D.SAFETY_PLAN_NOTES),
        reviewedOn: clock.day(v1Day),
        reviewedByUserId: staffOn(v1Day).id,
        createdAt: clock.at(v1Day, 20),
      });
      if (rng.chance(0.35) && lastDay - v1Day > 35) {
        const v2Day = Math.min(lastDay - 1, v1Day + rng.int(30, 150));
        const [first, last] = adultName(rng);
        const support2 = [...support.slice(0, support.length - 1), { name: `${first} ${last}`, relation: rng.pick(D.SUPPORT_RELATIONS), phone: phone(rng) }];
        const hotlines2 = rng.some(D.HOTLINE_KEYS, Math.min(5, hotlines.length + 1));
        w.safetyPlan({
          programId: pid,
          youthId: yid,
          version: 2,
          supportPeople: JSON.stringify(support2),
          hotlinesMemorized: JSON.stringify(hotlines2),
          notes: rng.pick(D.SAFETY_PLAN_NOTES),
          reviewedOn: clock.day(v2Day),
          reviewedByUserId: staffOn(v2Day).id,
          createdAt: clock.at(v2Day, 20),
        });
      }
    }
  }
}

function writeAttendees(
  w: Writer,
  rng: Rng,
  meetingId: number,
  status: "held" | "cancelled" | "scheduled",
  who: {
    sensitive: boolean;
    inviteAdvocates: boolean;
    /** Whether a CSEC advocate party may be listed (CSEC meeting, or the youth is confirmed). */
    csecAdvocateOk: boolean;
    advocates: U[];
    supervisor: U;
    parties: PartyRec[];
  },
): void {
  const attended = (p: number) => (status === "held" ? rng.chance(p) : null);
  if (who.inviteAdvocates) for (const a of who.advocates) w.attendee({ meetingId, partyId: null, userId: a.id, attended: attended(0.85) });
  w.attendee({ meetingId, partyId: null, userId: who.supervisor.id, attended: attended(0.8) });
  for (const p of who.parties) {
    if (p.role === "casa_advocate" || p.role === "advocate_supervisor") continue; // present as users
    if (p.role === "csec_advocate" && !who.csecAdvocateOk) continue;
    const always = p.role === "csw" || p.role === "attorney" || (who.sensitive && p.role === "csec_advocate");
    if (!always && !rng.chance(0.6)) continue;
    w.attendee({ meetingId, partyId: p.id, userId: null, attended: attended(0.75) });
  }
}

function writeRequest(
  w: Writer,
  clock: Clock,
  rng: Rng,
  prog: Program,
  yid: number,
  rp: RequestPlan,
  ctx: {
    lastDay: number;
    earliest: number;
    csecSince: number | null;
    staffOn: (day: number) => U;
    supervisorOn: (day: number) => U;
    partyOn: (role: string, day: number) => PartyRec | null;
    firstName: string;
  },
): void {
  const open = rp.status === "draft" || rp.status === "submitted" || rp.status === "approved";
  let on = rp.on ?? (open ? ctx.lastDay - rng.int(1, 45) : ctx.lastDay - rng.int(25, 240));
  on = Math.max(on, ctx.earliest);
  if (ctx.csecSince !== null && D.CSEC_SENSITIVE_REQUEST_TYPES.includes(rp.type)) on = Math.max(on, ctx.csecSince);
  const t0 = clock.ms(on, rng.int(16, 22), rng.int(0, 59));

  // The transitions, as [to, delay from the previous one in ms].
  const steps: Array<[RequestStatus, number]> = [["draft", 0]];
  const submit = (): void => void steps.push(["submitted", rp.on !== undefined ? rng.int(5, 90) * MINUTE : rng.int(1, 48) * HOUR]);
  switch (rp.status) {
    case "draft":
      break;
    case "submitted":
      submit();
      break;
    case "approved":
    case "denied":
      submit();
      steps.push([rp.status, rng.int(1, 10) * DAY + rng.int(0, 8) * HOUR]);
      break;
    case "fulfilled":
      submit();
      steps.push(["approved", rng.int(1, 10) * DAY + rng.int(0, 8) * HOUR]);
      steps.push(["fulfilled", rng.int(2, 20) * DAY + rng.int(0, 8) * HOUR]);
      break;
    case "withdrawn":
      if (rng.chance(0.5)) submit();
      steps.push(["withdrawn", rng.int(1, 12) * DAY]);
      break;
  }
  const times: number[] = [];
  let tt = t0;
  for (const [, delay] of steps) times.push((tt += delay));
  // Keep every transition in the past (before the last active day ends).
  const limit = clock.ms(ctx.lastDay, 23, 0);
  const overflow = times[times.length - 1]! - limit;
  if (overflow > 0) {
    const shift = overflow + rng.int(1, 3) * DAY;
    for (let i = 0; i < times.length; i++) times[i] = times[i]! - shift;
  }
  const requestedDay = clock.dayOf(times[0]!);
  const requester = rp.by ?? ctx.staffOn(requestedDay);

  const addressee = D.REQUEST_ADDRESSEES[rp.type] ?? { role: "csw" };
  const party = addressee.role ? ctx.partyOn(addressee.role, requestedDay) : null;
  let description = rp.description;
  let subtype = rp.subtype ?? null;
  if (description === undefined) {
    const options = D.REQUEST_DESCRIPTIONS[rp.type] ?? D.REQUEST_DESCRIPTIONS.other!;
    const k = rng.int(0, options.length - 1);
    description = options[k]!.replaceAll("{Y}", ctx.firstName);
    if (rp.type === "therapy" && rp.subtype === undefined) subtype = (["emdr", "intensive_therapeutic_services", "other"] as const)[k] ?? "other";
  }
  const amountCents =
    rp.amountCents !== undefined ? rp.amountCents : rp.type === "restoration_funds" ? rng.int(4, 40) * 2_500 : null;
  const dueIn = rp.dueIn !== undefined ? rp.dueIn : rng.chance(open ? 0.9 : 0.7) ? rng.int(10, 35) : null;

  const requestId = w.request({
    programId: prog.id,
    youthId: yid,
    type: rp.type,
    subtype,
    description,
    addressedToPartyId: party?.id ?? null,
    addressedToAgency: party ? null : (addressee.agency ?? "DCFS").replace("Example County", prog.county),
    amountCents,
    dueOn: dueIn === null ? null : clock.day(requestedDay + dueIn),
    status: rp.status,
    requestedByUserId: requester.id,
    requestedAt: iso(times[0]!),
    version: steps.length,
    closedAt: open ? null : iso(times[times.length - 1]!),
    createdAt: iso(times[0]!),
    updatedAt: steps.length > 1 ? iso(times[times.length - 1]!) : null,
  });
  let from: RequestStatus | null = null;
  steps.forEach(([to], i) => {
    const at = times[i]!;
    const decider = rng.chance(0.7) ? ctx.supervisorOn(clock.dayOf(at)) : prog.lead;
    const actor = to === "draft" || to === "submitted" || to === "withdrawn" ? requester : decider;
    const note =
      to === "denied"
        ? rng.pick(D.DENY_REASONS)
        : to === "withdrawn"
          ? rng.pick(D.WITHDRAW_NOTES)
          : to === "approved"
            ? rng.pick(D.APPROVE_NOTES)
            : to === "fulfilled"
              ? rng.pick(D.FULFIL_NOTES)
              : null;
    w.requestEvent({ programId: prog.id, requestId, fromStatus: from, toStatus: to, note, actorUserId: actor.id, at: iso(at) });
    from = to;
  });
}

// =============================================================================================
// Large mode

function writeLarge(client: BetterSqlite3.Database, w: Writer, clock: Clock, n: number): void {
  const program = client
    .prepare("SELECT id, name FROM programs WHERE slug = ?")
    .get(DEMO_PROGRAMS.one.slug) as { id: number; name: string } | undefined;
  if (!program) throw new Error(`seedLarge: program "${DEMO_PROGRAMS.one.slug}" not found; seed the demo first`);
  const leadRow = client
    .prepare("SELECT u.id, u.name, u.email, u.password_hash AS hash FROM users u WHERE u.email = ?")
    .get("lead@example.org") as { id: number; name: string; email: string; hash: string } | undefined;
  if (!leadRow) throw new Error("seedLarge: lead@example.org not found; seed the demo first");
  const lead: U = { id: leadRow.id, name: leadRow.name, email: leadRow.email, role: "program_lead" };

  // Continue numbering after earlier runs, so that calling it again adds more.
  const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
  const youthOffset = count("SELECT count(*) AS n FROM youth WHERE case_number LIKE 'BX-%'");
  const advOffset = count("SELECT count(*) AS n FROM users WHERE email LIKE 'advocate.b%@bench.example.org'");
  const supOffset = count("SELECT count(*) AS n FROM users WHERE email LIKE 'supervisor.b%@bench.example.org'");
  const rng = new Rng((0xb16b00b5 ^ Math.imul(youthOffset + 1, 0x9e3779b1)) >>> 0);

  const createdAt = clock.at(-1300, 18);
  const makeUser = (email: string, role: Role): U => {
    const [first, last] = adultName(rng);
    const name = `${first} ${last}`;
    const id = w.user({ email, name, passwordHash: leadRow.hash, createdAt });
    w.membership({ userId: id, programId: program.id, role, createdAt });
    return { id, name, email, role };
  };
  const advocateCount = Math.ceil(n / 3);
  const supervisorCount = Math.ceil(advocateCount / 12);
  const supervisors: U[] = [];
  for (let i = 0; i < supervisorCount; i++) {
    supervisors.push(makeUser(`supervisor.b${String(supOffset + i + 1).padStart(5, "0")}@bench.example.org`, "supervisor"));
  }
  const advocates: U[] = [];
  const supervisorOf = new Map<number, U>();
  for (let i = 0; i < advocateCount; i++) {
    const a = makeUser(`advocate.b${String(advOffset + i + 1).padStart(5, "0")}@bench.example.org`, "advocate");
    advocates.push(a);
    supervisorOf.set(a.id, supervisors[Math.floor(i / 12)]!);
  }

  const prog: Program = {
    id: program.id,
    name: program.name,
    county: DEMO_PROGRAMS.one.county,
    lead,
    supervisorOf,
    roster: makeRoster(rng, DEMO_PROGRAMS.one.county, Math.max(1, n / 150)),
    lePrefix: "ECSD",
    requestSeq: 0,
    meetingSeq: 0,
  };

  for (let i = 0; i < n; i++) {
    const adv = advocates[Math.floor(i / 3)]!;
    const sup = supervisorOf.get(adv.id)!;
    const age = rng.weighted<number>([[11, 4], [12, 6], [13, 9], [14, 12], [15, 15], [16, 16], [17, 14], [18, 6], [19, 4]]);
    const openedOn = -rng.int(90, 2000);
    const closedOn = rng.chance(0.03) ? -rng.int(5, Math.min(200, -openedOn - 60)) : null;
    const lastDay = closedOn ?? 0;
    const start = Math.min(openedOn + rng.int(10, 60), lastDay - 20);
    const stints: Stint[] = [];
    if (lastDay - start > 200 && rng.chance(0.1)) {
      const change = rng.int(start + 60, lastDay - 30);
      let previous = rng.pick(advocates);
      if (previous.id === adv.id && advocates.length > 1) previous = advocates[(advocates.indexOf(adv) + 1) % advocates.length]!;
      stints.push(st(previous, start, change), st(adv, change));
    } else {
      stints.push(st(adv, start));
    }
    const plan = basePlan({
      name: [rng.pick(D.LARGE_FIRST_NAMES), rng.pick(D.LARGE_LAST_NAMES)],
      caseNumber: `BX-${String(youthOffset + i + 1).padStart(6, "0")}`,
      age,
      openedOn,
      advocates: stints,
    });
    plan.closedOn = closedOn;
    // ~15% concern/confirmed, ~2% cleared.
    const roll = rng.next();
    const csecFrom = Math.max(start + 20, lastDay - 400);
    const csecTo = lastDay - 3;
    if (roll < 0.17 && csecTo - csecFrom > 40) {
      const on = rng.int(csecFrom, csecTo - 30);
      const raiser = rng.chance(0.55) ? (stints.find((s) => activeOn(s, on))?.user ?? sup) : sup;
      const indicators = rng.some(D.RED_FLAG_INDICATORS, rng.int(1, 3));
      const concern: ConcernPlan = {
        by: raiser,
        on,
        note: rng.pick(D.CONCERN_NOTES),
        flags: indicators.map((ind, k) => flag(ind, raiser, on - rng.int(1, 10) - k)),
      };
      if (roll < 0.07) plan.csec = { kind: "concern", concern, csecAdvocateParty: rng.chance(0.3) };
      else if (roll < 0.15) {
        const basis = rng.pick(["agency_csec_unit", "court_finding", "youth_disclosure"] as const);
        const confirmOn = Math.min(csecTo, on + rng.int(5, 60));
        plan.csec = {
          kind: "confirmed",
          concern: rng.chance(0.6) ? concern : null,
          by: rng.chance(0.8) ? sup : lead,
          on: confirmOn,
          basis,
          basisOn: confirmOn - rng.int(0, 4),
          note: D.CONFIRM_NOTES[basis]!,
        };
      } else {
        plan.csec = { kind: "cleared", concern, by: rng.chance(0.8) ? sup : lead, on: Math.min(csecTo, on + rng.int(5, 60)), reason: rng.pick(D.CLEAR_REASONS) };
      }
    }
    plan.missingNow = closedOn === null && rng.chance(0.001);
    plan.staleContact = rng.chance(0.08);
    writeYouth(w, clock, rng, prog, LARGE_PROFILE, plan);
  }
}

// =============================================================================================
// CLI

type CliOptions = { database: string; ifEmpty: boolean; youth: number; anchor: string | undefined };

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    database: process.env.DATABASE_PATH ?? "data/app.db",
    ifEmpty: false,
    youth: 0,
    anchor: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flagName, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flagName} needs a value`);
      return v;
    };
    switch (flagName) {
      case "--database":
        opts.database = value();
        break;
      case "--if-empty":
        opts.ifEmpty = true;
        break;
      case "--youth": {
        const v = value();
        const num = Number(v);
        if (!Number.isInteger(num) || num < 0) throw new Error(`--youth must be a non-negative integer, got "${v}"`);
        opts.youth = num;
        break;
      }
      case "--anchor":
        opts.anchor = value();
        new Clock(opts.anchor); // validates
        break;
      case "--help":
      case "-h":
        console.log("usage: tsx db/seed.ts [--database PATH] [--if-empty] [--youth N] [--anchor YYYY-MM-DD]");
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return opts;
}

async function main(argv: string[]): Promise<void> {
  const opts = parseArgs(argv);
  const started = performance.now();
  const db = openDatabase(opts.database);
  const anchor = opts.anchor ?? todayUtc();
  try {
    const empty = isEmpty(db);
    if (!empty && opts.ifEmpty) {
      console.log(`${opts.database}: already has data; not seeding (--if-empty).`);
      return;
    }
    if (empty) {
      const t0 = performance.now();
      await seedDemo(db, { anchor });
      console.log(`${opts.database}: seeded the demo data (anchor ${anchor}) in ${Math.round(performance.now() - t0)} ms.`);
      console.log(`  Sign in as any of ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")} with password "${DEMO_PASSWORD}".`);
    } else if (opts.youth === 0) {
      throw new Error(`${opts.database} already has data; use --if-empty, --youth N to add youth, or start from an empty database`);
    }
    if (opts.youth > 0) {
      const t0 = performance.now();
      await seedLarge(db, { youth: opts.youth, anchor });
      console.log(`${opts.database}: added ${opts.youth} generated youth in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    }
  } finally {
    db.$client.close();
  }
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

const invokedDirectly = (() => {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(script).href;
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
