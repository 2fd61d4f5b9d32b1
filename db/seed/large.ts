/**
 * The large generator (`seedLarge`): N more youth in program one with proportional data, and
 * generated advocates (~3 youth each) and supervisors (~12 advocates each), for performance work.
 * Numbering continues after earlier runs, so calling it again adds more.
 */
import type BetterSqlite3 from "better-sqlite3";
import { CSEC_BASES } from "../../app/domain/csec";
import type { Role } from "../../app/domain/roles";
import type { Clock } from "./clock";
import * as D from "./data";
import { DEMO_PROGRAMS } from "./demo";
import {
  activeOn,
  basePlan,
  flag,
  st,
  type ConcernPlan,
  type CsecPlan,
  type Profile,
  type Program,
  type Stint,
  type U,
  type YouthPlan,
} from "./model";
import { adultName, makeRoster } from "./people";
import { Rng } from "./rng";
import type { Writer } from "./writer";
import { writeYouth } from "./youth";

const LARGE_PROFILE: Profile = {
  placements: [1, 3],
  // Per youth, about 20 contacts, 5 requests, 2 meetings and 8 action items: the proportions of a
  // statewide network (50k youth, 1M contacts, 250k requests, 100k meetings, 400k action items).
  contacts: [12, 24],
  requests: [3, 7],
  heldMeetings: [1, 3],
  upcomingChance: 0.15,
  actionsPerMeeting: [2, 6],
  pageActionChance: 0.1,
  runawayChance: 0.1,
  safetyPlanChance: 0.3,
  cswReplacedChance: 0.2,
  therapistChance: 0.35,
  secondaryCswChance: 0.05,
  probationChance: 0.05,
  coverRequests: false,
};

/** How many generated youth, advocates and supervisors earlier runs wrote. */
type Offsets = { youth: number; advocates: number; supervisors: number };

/** The generated users: advocate i has youth 3i..3i+2; supervisor j has advocates 12j..12j+11. */
type BenchStaff = { advocates: U[]; supervisorOf: Map<number, U> };

/** Writes `n` generated youth (the caller runs it in one transaction, on a seeded demo). */
export function writeLarge(client: BetterSqlite3.Database, w: Writer, clock: Clock, n: number): void {
  const { program, lead, passwordHash } = demoProgramOne(client);
  const offsets = earlierRuns(client);
  const rng = new Rng((0xb16b00b5 ^ Math.imul(offsets.youth + 1, 0x9e3779b1)) >>> 0);
  const staff = writeBenchStaff(w, clock, rng, { programId: program.id, passwordHash, n, offsets });
  const prog: Program = {
    id: program.id,
    name: program.name,
    county: DEMO_PROGRAMS.one.county,
    lead,
    supervisorOf: staff.supervisorOf,
    roster: makeRoster(rng, DEMO_PROGRAMS.one.county, Math.max(1, n / 150)),
    lePrefix: "ECSD",
    requestSeq: 0,
    meetingSeq: 0,
  };
  for (let i = 0; i < n; i++) {
    const plan = largeYouthPlan(
      rng,
      staff,
      lead,
      `BX-${String(offsets.youth + i + 1).padStart(6, "0")}`,
      staff.advocates[Math.floor(i / 3)]!,
    );
    writeYouth(w, clock, rng, prog, LARGE_PROFILE, plan);
  }
}

/** Program one and its lead, as the demo wrote them; the lead's password hash is reused. */
function demoProgramOne(client: BetterSqlite3.Database): { program: { id: number; name: string }; lead: U; passwordHash: string } {
  const program = client.prepare("SELECT id, name FROM programs WHERE slug = ?").get(DEMO_PROGRAMS.one.slug) as
    { id: number; name: string } | undefined;
  if (!program) throw new Error(`seedLarge: program "${DEMO_PROGRAMS.one.slug}" not found; seed the demo first`);
  const leadRow = client
    .prepare("SELECT u.id, u.name, u.email, u.password_hash AS hash FROM users u WHERE u.email = ?")
    .get("lead@example.org") as { id: number; name: string; email: string; hash: string } | undefined;
  if (!leadRow) throw new Error("seedLarge: lead@example.org not found; seed the demo first");
  return {
    program,
    lead: { id: leadRow.id, name: leadRow.name, email: leadRow.email, role: "program_lead" },
    passwordHash: leadRow.hash,
  };
}

function earlierRuns(client: BetterSqlite3.Database): Offsets {
  const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
  return {
    youth: count("SELECT count(*) AS n FROM youth WHERE case_number LIKE 'BX-%'"),
    advocates: count("SELECT count(*) AS n FROM users WHERE email LIKE 'advocate.b%@bench.example.org'"),
    supervisors: count("SELECT count(*) AS n FROM users WHERE email LIKE 'supervisor.b%@bench.example.org'"),
  };
}

function writeBenchStaff(
  w: Writer,
  clock: Clock,
  rng: Rng,
  opts: { programId: number; passwordHash: string; n: number; offsets: Offsets },
): BenchStaff {
  const createdAt = clock.at(-1300, 18);
  const makeUser = (email: string, role: Role, supervisor?: U): U => {
    const [first, last] = adultName(rng);
    const name = `${first} ${last}`;
    const id = w.user({ email, name, passwordHash: opts.passwordHash, createdAt });
    w.membership({ userId: id, programId: opts.programId, role, supervisorUserId: supervisor?.id ?? null, createdAt });
    return { id, name, email, role };
  };
  const advocateCount = Math.ceil(opts.n / 3);
  const supervisorCount = Math.ceil(advocateCount / 12);
  const supervisors: U[] = [];
  for (let i = 0; i < supervisorCount; i++) {
    supervisors.push(makeUser(`supervisor.b${String(opts.offsets.supervisors + i + 1).padStart(5, "0")}@bench.example.org`, "supervisor"));
  }
  const advocates: U[] = [];
  const supervisorOf = new Map<number, U>();
  for (let i = 0; i < advocateCount; i++) {
    const supervisor = supervisors[Math.floor(i / 12)]!;
    const a = makeUser(`advocate.b${String(opts.offsets.advocates + i + 1).padStart(5, "0")}@bench.example.org`, "advocate", supervisor);
    advocates.push(a);
    supervisorOf.set(a.id, supervisor);
  }
  return { advocates, supervisorOf };
}

/** One generated youth: an age, a case span, ~3% closed, ~10% with an earlier advocate, and a CSEC plan. */
function largeYouthPlan(rng: Rng, staff: BenchStaff, lead: U, caseNumber: string, adv: U): YouthPlan {
  const { advocates } = staff;
  const sup = staff.supervisorOf.get(adv.id)!;
  const age = rng.weighted<number>([
    [11, 4],
    [12, 6],
    [13, 9],
    [14, 12],
    [15, 15],
    [16, 16],
    [17, 14],
    [18, 6],
    [19, 4],
  ]);
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
    caseNumber,
    age,
    openedOn,
    advocates: stints,
  });
  plan.closedOn = closedOn;
  plan.csec = largeCsecPlan(rng, { stints, sup, lead, start, lastDay });
  plan.missingNow = closedOn === null && rng.chance(0.001);
  plan.staleContact = rng.chance(0.08);
  return plan;
}

/** ~7% concern, ~8% confirmed (60% of them after a concern), ~2% cleared, in the last 400 days. */
function largeCsecPlan(rng: Rng, c: { stints: Stint[]; sup: U; lead: U; start: number; lastDay: number }): CsecPlan {
  const roll = rng.next();
  const csecFrom = Math.max(c.start + 20, c.lastDay - 400);
  const csecTo = c.lastDay - 3;
  if (!(roll < 0.17 && csecTo - csecFrom > 40)) return { kind: "none" };
  const on = rng.int(csecFrom, csecTo - 30);
  const raiser = rng.chance(0.55) ? (c.stints.find((s) => activeOn(s, on))?.user ?? c.sup) : c.sup;
  const indicators = rng.some(D.RED_FLAG_INDICATORS, rng.int(1, 3));
  const concern: ConcernPlan = {
    by: raiser,
    on,
    note: rng.pick(D.CONCERN_NOTES),
    flags: indicators.map((ind, k) => flag(ind, raiser, on - rng.int(1, 10) - k)),
  };
  if (roll < 0.07) return { kind: "concern", concern, csecAdvocateParty: rng.chance(0.3) };
  if (roll < 0.15) {
    const basis = rng.pick(CSEC_BASES);
    const confirmOn = Math.min(csecTo, on + rng.int(5, 60));
    return {
      kind: "confirmed",
      concern: rng.chance(0.6) ? concern : null,
      by: rng.chance(0.8) ? c.sup : c.lead,
      on: confirmOn,
      basis,
      basisOn: confirmOn - rng.int(0, 4),
      note: D.CONFIRM_NOTES[basis],
    };
  }
  return {
    kind: "cleared",
    concern,
    by: rng.chance(0.8) ? c.sup : c.lead,
    on: Math.min(csecTo, on + rng.int(5, 60)),
    reason: rng.pick(D.CLEAR_REASONS),
  };
}
