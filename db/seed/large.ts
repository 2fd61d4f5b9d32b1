/**
 * The large generator (`seedLarge`): N more youth with proportional data, spread over a network
 * of programs (`NETWORK`: the demo's program one and four generated counties, each with its own
 * lead, time zone and staff), and generated advocates (~3 youth each) and supervisors (~12
 * advocates each), for performance work. Numbering continues after earlier runs, so calling it
 * again adds more.
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

/**
 * The network the large seed spreads its youth over, largest first (a statewide network has one
 * big county and several smaller ones): program one is the demo's own (lead@example.org), the
 * others are generated, found again by slug when the seed runs again. Youth are shared out by
 * `share`; program one takes what rounding leaves.
 */
export const NETWORK = [
  // `emailTag`: in the generated users' emails, `advocate.<tag>00001@bench.example.org`.
  { key: "one", share: 0.6, county: DEMO_PROGRAMS.one.county, lePrefix: "ECSD", emailTag: "b" },
  { key: "n2", share: 0.16, county: "Granite County", timeZone: "America/Denver", lePrefix: "GCSO", emailTag: "n2b" },
  { key: "n3", share: 0.12, county: "Prairie County", timeZone: "America/Chicago", lePrefix: "PCSO", emailTag: "n3b" },
  { key: "n4", share: 0.08, county: "Harbor County", timeZone: "America/New_York", lePrefix: "HCSO", emailTag: "n4b" },
  { key: "n5", share: 0.04, county: "Mesa County", timeZone: "America/Phoenix", lePrefix: "MCSO", emailTag: "n5b" },
] as const;

type GeneratedMember = Extract<(typeof NETWORK)[number], { timeZone: string }>;

/** The network's generated programs (all but program one), in order. */
export const GENERATED_PROGRAMS = NETWORK.filter((m): m is GeneratedMember => "timeZone" in m);

/** How many youth of `n` each program of the network gets. */
export function networkShares(n: number, programs: number = NETWORK.length): number[] {
  const used = NETWORK.slice(0, Math.max(1, Math.min(programs, NETWORK.length)));
  const total = used.reduce((a, p) => a + p.share, 0);
  const shares = used.map((p) => Math.floor((n * p.share) / total));
  shares[0]! += n - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** How many generated youth, advocates and supervisors earlier runs wrote. */
type Offsets = { youth: number; advocates: number; supervisors: number };

/** The generated users: advocate i has youth 3i..3i+2; supervisor j has advocates 12j..12j+11. */
type BenchStaff = { advocates: U[]; supervisorOf: Map<number, U> };

/**
 * Writes `n` generated youth over the first `programs` programs of the network (the caller runs
 * it in one transaction, on a seeded demo).
 */
export function writeLarge(client: BetterSqlite3.Database, w: Writer, clock: Clock, n: number, programs: number = NETWORK.length): void {
  const one = demoProgramOne(client);
  networkShares(n, programs).forEach((count, i) => {
    if (count === 0) return;
    const member = NETWORK[i]!;
    // Program one is the demo's; the others are found or written now, with their leads.
    const { program, lead } = "timeZone" in member ? networkProgram(client, w, clock, member, one.passwordHash) : one;
    const { county, lePrefix, emailTag } = member;
    writeProgramYouth(client, w, clock, count, { program, lead, passwordHash: one.passwordHash, county, lePrefix, emailTag, seed: i });
  });
}

type ProgramRun = {
  program: { id: number; name: string };
  lead: U;
  passwordHash: string;
  county: string;
  lePrefix: string;
  /** In the generated users' emails: `advocate.<tag>00001@bench.example.org`. */
  emailTag: string;
  seed: number;
};

/** A generated program of the network and its lead: found by slug, or written now. */
function networkProgram(
  client: BetterSqlite3.Database,
  w: Writer,
  clock: Clock,
  member: GeneratedMember,
  passwordHash: string,
): { program: { id: number; name: string }; lead: U } {
  const slug = `network-${member.county.toLowerCase().replace(/\W+/g, "-")}`;
  const name = `CASA of ${member.county}`;
  const email = `lead.${member.key}@bench.example.org`;
  const found = client.prepare("SELECT id FROM programs WHERE slug = ?").get(slug) as { id: number } | undefined;
  const createdAt = clock.at(-1500, 17);
  const id =
    found?.id ??
    w.program({
      name,
      slug,
      timeZone: member.timeZone,
      staleYouthContactDays: 30,
      staleCswContactDays: 45,
      staleAttorneyContactDays: 45,
      staleClcContactDays: 45,
      createdAt,
    });
  const leadRow = client.prepare("SELECT id, name FROM users WHERE email = ?").get(email) as { id: number; name: string } | undefined;
  if (leadRow) return { program: { id, name }, lead: { id: leadRow.id, name: leadRow.name, email, role: "program_lead" } };
  const leadName = `${member.county.split(" ")[0]} Lead`;
  const leadId = w.user({ email, name: leadName, passwordHash, createdAt });
  w.membership({ userId: leadId, programId: id, role: "program_lead", supervisorUserId: null, createdAt });
  return { program: { id, name }, lead: { id: leadId, name: leadName, email, role: "program_lead" } };
}

/** `n` generated youth of one program, with the staff they need. */
function writeProgramYouth(client: BetterSqlite3.Database, w: Writer, clock: Clock, n: number, run: ProgramRun): void {
  const { program, lead, passwordHash } = run;
  const offsets = earlierRuns(client, program.id, run.emailTag);
  const rng = new Rng((0xb16b00b5 ^ Math.imul(offsets.youth + 1, 0x9e3779b1) ^ Math.imul(run.seed, 0x85ebca6b)) >>> 0);
  const staff = writeBenchStaff(w, clock, rng, { programId: program.id, passwordHash, n, offsets, emailTag: run.emailTag });
  const prog: Program = {
    id: program.id,
    name: program.name,
    county: run.county,
    lead,
    supervisorOf: staff.supervisorOf,
    roster: makeRoster(rng, run.county, Math.max(1, n / 150)),
    lePrefix: run.lePrefix,
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

function earlierRuns(client: BetterSqlite3.Database, programId: number, emailTag: string): Offsets {
  const count = (sql: string, ...args: unknown[]) => (client.prepare(sql).get(...args) as { n: number }).n;
  return {
    youth: count("SELECT count(*) AS n FROM youth WHERE program_id = ? AND case_number LIKE 'BX-%'", programId),
    advocates: count("SELECT count(*) AS n FROM users WHERE email LIKE ?", `advocate.${emailTag}%@bench.example.org`),
    supervisors: count("SELECT count(*) AS n FROM users WHERE email LIKE ?", `supervisor.${emailTag}%@bench.example.org`),
  };
}

function writeBenchStaff(
  w: Writer,
  clock: Clock,
  rng: Rng,
  opts: { programId: number; passwordHash: string; n: number; offsets: Offsets; emailTag: string },
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
    supervisors.push(
      makeUser(`supervisor.${opts.emailTag}${String(opts.offsets.supervisors + i + 1).padStart(5, "0")}@bench.example.org`, "supervisor"),
    );
  }
  const advocates: U[] = [];
  const supervisorOf = new Map<number, U>();
  for (let i = 0; i < advocateCount; i++) {
    const supervisor = supervisors[Math.floor(i / 12)]!;
    const a = makeUser(
      `advocate.${opts.emailTag}${String(opts.offsets.advocates + i + 1).padStart(5, "0")}@bench.example.org`,
      "advocate",
      supervisor,
    );
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
