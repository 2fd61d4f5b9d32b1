/**
 * What the generator works with: plans (what a youth's case should contain, decided up front by
 * the demo's hand-written list or by the large generator) and the people they name. Day numbers
 * are offsets from the anchor day (see clock.ts).
 */
import type { CsecBasis } from "../../app/domain/csec";
import type { MeetingType } from "../../app/domain/meetings";
import type { RedFlagKey } from "../../app/domain/red-flags";
import type { RequestStatus, RequestType } from "../../app/domain/requests";
import type { Role } from "../../app/domain/roles";
import type { PartyRole } from "../../app/domain/youth";
import * as D from "./data";

export type U = { id: number; name: string; email: string; role: Role };
/** A period in day offsets from the anchor; `to` null = still current. `to` is exclusive. */
export type Stint = { user: U; from: number; to: number | null };

export type Person = { name: string; org: string; phone: string; email: string };
export type RosterRole = Extract<
  PartyRole,
  "csw" | "secondary_csw" | "attorney" | "clc_case_manager" | "therapist" | "csec_advocate" | "probation_officer"
>;
/** The professionals a program's youth draw their case parties from. */
export type Roster = Record<RosterRole, Person[]>;

export type Program = {
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

export type FlagPlan = { indicator: RedFlagKey; by: U; on: number; note: string };
export type ConcernPlan = { by: U; on: number; note: string; flags: FlagPlan[] };
export type CsecPlan =
  | { kind: "none" }
  | { kind: "concern"; concern: ConcernPlan; csecAdvocateParty: boolean }
  | { kind: "cleared"; concern: ConcernPlan; by: U; on: number; reason: string }
  | { kind: "confirmed"; concern: ConcernPlan | null; by: U; on: number; basis: CsecBasis; basisOn: number; note: string };

export type RequestPlan = {
  type: RequestType;
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

export type UpcomingPlan = {
  inDays: number;
  type: MeetingType;
  inviteAdvocate: boolean;
  agenda: Array<{ text: string; sensitive: boolean }>;
};

export type ActionOwner = { role: PartyRole } | { user: U };
export type ActionPlan = {
  description: string;
  owner: ActionOwner;
  due: number;
  sensitive: boolean;
  by: U;
  on: number;
};

export type YouthPlan = {
  firstName: string;
  lastName: string;
  caseNumber: string;
  age: number;
  openedOn: number;
  closedOn: number | null;
  advocates: Stint[];
  csec: CsecPlan;
  /** Missing right now: `true` with the NCMEC report overdue, `"reported"` with both reports made in time. */
  missingNow: boolean | "reported";
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

/** How much of each kind of record a youth gets when its plan leaves it to chance. */
export type Profile = {
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

/** A plan with nothing in it beyond the youth and their advocates. */
export function basePlan(p: {
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

export const st = (user: U, from: number, to: number | null = null): Stint => ({ user, from, to });

export const flag = (indicator: RedFlagKey, by: U, on: number, note?: string): FlagPlan => ({
  indicator,
  by,
  on,
  note: note ?? D.RED_FLAG_NOTES[indicator] ?? "",
});

export const activeOn = (s: { from: number; to: number | null }, day: number) => s.from <= day && (s.to === null || day < s.to);
