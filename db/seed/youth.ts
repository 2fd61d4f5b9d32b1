/**
 * One youth and everything around it, from its plan: the youth row, placements and assignments
 * here, then each kind of record from its own module, in a fixed order (the order of the random
 * draws is part of the output).
 */
import type { PlacementType } from "../../app/domain/youth";
import { endOf, type CsecTimeline, type PlacementRec, type Staff, type YouthBase, type YouthCase, type YouthWithParties } from "./case";
import type { Clock } from "./clock";
import { writeContacts } from "./contacts";
import { writeCsecRecords } from "./csec";
import * as D from "./data";
import { writeRunawayEpisodes } from "./episodes";
import { writeMeetings } from "./meetings";
import { activeOn, type CsecPlan, type Profile, type Program, type Stint, type U, type YouthPlan } from "./model";
import { writeParties } from "./parties";
import { writeRequests } from "./requests";
import type { Rng } from "./rng";
import { writeSafetyPlans } from "./safety-plans";
import type { Writer } from "./writer";

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

export function writeYouth(w: Writer, clock: Clock, rng: Rng, prog: Program, profile: Profile, plan: YouthPlan): void {
  const closed = plan.closedOn !== null;
  const base: YouthBase = { w, clock, rng, prog, profile, plan, closed, lastDay: plan.closedOn !== null ? plan.closedOn - 1 : -1 };
  const youthId = writeYouthRow(base);
  const placements = writePlacements(base, youthId);
  const staff = writeAssignments(base, youthId);
  const y: YouthCase = { ...base, youthId, placements, staff, csec: csecTimeline(plan.csec) };
  const withParties: YouthWithParties = { ...y, parties: writeParties(y) };
  writeCsecRecords(y);
  writeRunawayEpisodes(y);
  writeContacts(withParties);
  writeRequests(withParties);
  writeMeetings(withParties);
  writeSafetyPlans(y);
}

function writeYouthRow({ w, clock, rng, prog, plan, closed }: YouthBase): number {
  const ageDays = plan.age * 365 + Math.floor(plan.age / 4) + rng.int(0, 360);
  return w.youth({
    programId: prog.id,
    firstName: plan.firstName,
    lastName: plan.lastName,
    dateOfBirth: clock.day(-ageDays),
    caseNumber: plan.caseNumber,
    caseStatus: closed ? "closed" : "open",
    createdAt: clock.at(plan.openedOn, 18),
    updatedAt: closed ? clock.at(plan.closedOn!, 20) : null,
  });
}

/** One to a few placements that tile the case from opening to today (or closing). */
function writePlacements({ w, clock, rng, prog, profile, plan, closed }: YouthBase, youthId: number): PlacementRec[] {
  const placements: PlacementRec[] = [];
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
    const description = rng.pick(D.PLACEMENT_DESCRIPTIONS[type]);
    placements.push({ type, description, from, to });
    w.placement({
      programId: prog.id,
      youthId,
      type,
      description,
      startedOn: clock.day(from),
      endedOn: to === null ? null : clock.day(to),
      endReason: to === null ? null : isLast ? rng.pick(D.CASE_CLOSED_REASONS) : rng.pick(D.PLACEMENT_END_REASONS),
      createdAt: clock.at(from, 19),
    });
  }
  return placements;
}

/** Each supervisor of the advocates, from the first of their advocates' stints to the last. */
function supervisorStints(prog: Program, advocates: readonly Stint[]): Stint[] {
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
  return supervisors;
}

function writeAssignments({ w, clock, rng, prog, plan }: YouthBase, youthId: number): Staff {
  const advocates = plan.advocates.map((s) => ({ ...s, to: endOf(plan, s.to) }));
  const supervisors = supervisorStints(prog, advocates);
  for (const [kind, list] of [
    ["advocate", advocates],
    ["supervisor", supervisors],
  ] as const) {
    for (const s of list) {
      w.assignment({
        programId: prog.id,
        youthId,
        userId: s.user.id,
        kind,
        startedOn: clock.day(s.from),
        endedOn: s.to === null ? null : clock.day(s.to),
        createdAt: clock.at(s.from, 17),
      });
    }
  }
  const advocateOn = (day: number): U | null => {
    const list = advocates.filter((s) => activeOn(s, day));
    return list.length === 0 ? null : list.length === 1 ? list[0]!.user : rng.pick(list).user;
  };
  const supervisorOn = (day: number): U => (supervisors.find((s) => activeOn(s, day)) ?? supervisors[supervisors.length - 1]!).user;
  return {
    advocates,
    supervisors,
    current: advocates.filter((s) => s.to === null),
    firstActive: Math.min(...advocates.map((s) => s.from)),
    advocateOn,
    supervisorOn,
    staffOn: (day) => advocateOn(day) ?? supervisorOn(day),
  };
}

function csecTimeline(plan: CsecPlan): CsecTimeline {
  const since = plan.kind === "concern" ? plan.concern.on : plan.kind === "confirmed" ? (plan.concern?.on ?? plan.on) : null;
  const confirmedSince = plan.kind === "confirmed" ? plan.on : null;
  return {
    plan,
    since,
    confirmedSince,
    current: plan.kind === "concern" ? "concern" : plan.kind === "confirmed" ? "confirmed" : "none",
    stateOn: (day) =>
      confirmedSince !== null && day >= confirmedSince ? "confirmed" : since !== null && day >= since ? "concern" : "none",
  };
}
