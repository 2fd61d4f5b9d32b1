/**
 * A youth's case while it is being written: its plan, the records written so far that later ones
 * depend on (placements, who was on the case, the case parties), and what was true on a day.
 */
import type { CsecStatus } from "../../app/domain/csec";
import type { PartyRole, PlacementType } from "../../app/domain/youth";
import type { Clock } from "./clock";
import { activeOn, type CsecPlan, type Profile, type Program, type Stint, type U, type YouthPlan } from "./model";
import type { Rng } from "./rng";
import type { Writer } from "./writer";

export type PlacementRec = { type: PlacementType; description: string; from: number; to: number | null };
export type PartyRec = { id: number; role: PartyRole; name: string; from: number; to: number | null };

/** Who was on the case, and on which day. */
export type Staff = {
  /** The plan's advocate stints, ended at closing. */
  advocates: Stint[];
  /** One stint per supervisor of those advocates, spanning their advocates' stints. */
  supervisors: Stint[];
  /** The advocates still on the case. */
  current: Stint[];
  /** The first day an advocate was on the case. */
  firstActive: number;
  /** The advocate on `day` (a random one of two when the case is shared that day), or null. */
  advocateOn(day: number): U | null;
  supervisorOn(day: number): U;
  /** The advocate on `day`, else the supervisor. */
  staffOn(day: number): U;
};

/** The youth's CSEC status over time, as its plan lays it out. */
export type CsecTimeline = {
  plan: CsecPlan;
  /** The first day the youth is concern/confirmed and stays so (null when not currently CSEC). */
  since: number | null;
  confirmedSince: number | null;
  current: CsecStatus;
  stateOn(day: number): CsecStatus;
};

/** What the writers of one youth's records share from the start. */
export type YouthBase = {
  w: Writer;
  clock: Clock;
  rng: Rng;
  prog: Program;
  profile: Profile;
  plan: YouthPlan;
  closed: boolean;
  /** The last day with activity: yesterday, or the day before closing. */
  lastDay: number;
};

/** The youth once written, with its placements and assignments. */
export type YouthCase = YouthBase & {
  youthId: number;
  placements: PlacementRec[];
  staff: Staff;
  csec: CsecTimeline;
};

/** A youth case once its case parties are written: the records that name parties come after. */
export type YouthWithParties = YouthCase & { parties: PartyRec[] };

/** A stint's end as stored: on a closed case, whatever was still current ended at closing. */
export function endOf(plan: YouthPlan, to: number | null): number | null {
  return plan.closedOn !== null ? (to ?? plan.closedOn) : to;
}

export function placementOn(y: YouthCase, day: number): PlacementRec {
  return y.placements.find((p) => activeOn(p, day)) ?? y.placements[y.placements.length - 1]!;
}

export function partiesOn(y: YouthWithParties, day: number): PartyRec[] {
  return y.parties.filter((p) => activeOn(p, day));
}

export function partyOn(y: YouthWithParties, role: PartyRole, day: number): PartyRec | null {
  return y.parties.find((p) => p.role === role && activeOn(p, day)) ?? null;
}

/** Who owns the youth's open work: the current advocates, or the last one on a closed case. */
export function currentOwners(staff: Staff): Stint[] {
  return staff.current.length > 0 ? staff.current : staff.advocates.slice(-1);
}
