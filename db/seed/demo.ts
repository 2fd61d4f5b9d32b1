/**
 * The demo data set: two programs with sign-in-able users (password DEMO_PASSWORD) and case data
 * that covers every state the app has to handle (DEMO_YOUTH), written from demo-plans.ts.
 */
import type { Role } from "../../app/domain/roles";
import type { Clock } from "./clock";
import * as D from "./data";
import { p1CaseNumber, p2CaseNumber, PROGRAM_ONE_STAFF, PROGRAM_TWO_STAFF, programOnePlans, programTwoPlans } from "./demo-plans";
import type { Profile, Program, U } from "./model";
import { makeRoster } from "./people";
import { Rng } from "./rng";
import type { Writer } from "./writer";
import { writeYouth } from "./youth";

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
  /** advocate2's youth (the supervisor's caseload) missing since last night, both reports made within two hours. Status none. */
  missingReportedInTime: p1Ref(8),
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

/** How much of what a demo plan leaves open each youth gets. */
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

/** Writes the demo data set (the caller runs it in one transaction). */
export function writeDemo(w: Writer, clock: Clock, passwordHash: string): void {
  const rng = new Rng(0xca5a2026);
  const programIds = writeDemoPrograms(w, clock);
  const u = writeDemoUsers(w, clock, passwordHash, programIds);
  for (const key of ["one", "two"] as const) {
    const program = demoProgram(rng, key, programIds[key], u);
    const plans = key === "one" ? programOnePlans(staffOf(u, PROGRAM_ONE_STAFF), rng) : programTwoPlans(staffOf(u, PROGRAM_TWO_STAFF), rng);
    for (const plan of plans) writeYouth(w, clock, rng, program, DEMO_PROFILE, plan);
  }
}

function writeDemoPrograms(w: Writer, clock: Clock): Record<ProgramKey, number> {
  const write = (key: ProgramKey) => {
    const p = DEMO_PROGRAMS[key];
    return w.program({
      name: p.name,
      slug: p.slug,
      timeZone: p.timeZone,
      staleYouthContactDays: 30,
      staleCswContactDays: 45,
      staleAttorneyContactDays: 45,
      staleClcContactDays: 45,
      createdAt: clock.at(-1500, 17),
    });
  };
  return { one: write("one"), two: write("two") };
}

/** Writes every demo user with its membership; returns a lookup by USER_DEFS key. */
function writeDemoUsers(w: Writer, clock: Clock, passwordHash: string, programIds: Record<ProgramKey, number>): (key: string) => U {
  const users = new Map<string, U>();
  USER_DEFS.forEach((def, i) => {
    const createdAt = clock.at(-1400 + i, 18);
    const id = w.user({ email: def.email, name: def.name, passwordHash, createdAt });
    // The usual supervisor is written before the advocates (USER_DEFS lists supervisors first).
    const supervisorUserId = "supervisor" in def && def.supervisor ? users.get(def.supervisor)!.id : null;
    w.membership({ userId: id, programId: programIds[def.program], role: def.role, supervisorUserId, createdAt });
    users.set(def.key, { id, name: def.name, email: def.email, role: def.role });
  });
  return (key) => {
    const user = users.get(key);
    if (!user) throw new Error(`no demo user ${key}`);
    return user;
  };
}

function staffOf<K extends string>(u: (key: string) => U, keys: readonly K[]): Record<K, U> {
  return Object.fromEntries(keys.map((k) => [k, u(k)])) as Record<K, U>;
}

function demoProgram(rng: Rng, key: ProgramKey, id: number, u: (key: string) => U): Program {
  const meta = DEMO_PROGRAMS[key];
  const supervisorOf = new Map<number, U>();
  for (const def of USER_DEFS) if (def.program === key && def.supervisor) supervisorOf.set(u(def.key).id, u(def.supervisor));
  return {
    id,
    name: meta.name,
    county: meta.county,
    lead: u(key === "one" ? "lead" : "lead2"),
    supervisorOf,
    roster: makeRoster(rng, meta.county, key === "one" ? 1 : 0.6),
    lePrefix: key === "one" ? "ECSD" : "SCPD",
    requestSeq: 0,
    meetingSeq: 0,
  };
}
