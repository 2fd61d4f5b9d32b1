/**
 * A youth's case parties: the CSW (sometimes replaced mid-case), attorney and CLC case manager,
 * the CASA advocates and supervisors as parties, a caregiver per family placement, and by chance
 * a therapist, a secondary CSW, a probation officer; a CSEC advocate only where the status is
 * concern or confirmed (its presence alone tells).
 */
import type { PartyRole, PlacementType } from "../../app/domain/youth";
import { endOf, type PartyRec, type YouthCase } from "./case";
import * as D from "./data";
import type { Person, RosterRole } from "./model";
import { adultPerson, phone } from "./people";

/** Placements with a caregiver, who becomes a case party. */
const FAMILY_PLACEMENTS: readonly PlacementType[] = ["foster_home", "relative", "nrefm", "home_of_parent"];

function writeParty(y: YouthCase, role: PartyRole, person: Person, from: number, to: number | null): PartyRec {
  const f = Math.min(from, y.lastDay);
  const end = endOf(y.plan, to);
  const id = y.w.party({
    programId: y.prog.id,
    youthId: y.youthId,
    role,
    name: person.name,
    organization: person.org,
    phone: person.phone,
    email: person.email,
    startedOn: y.clock.day(f),
    endedOn: end === null ? null : y.clock.day(end),
    createdAt: y.clock.at(Math.max(f, y.plan.openedOn), 20),
  });
  return { id, role, name: person.name, from: f, to: end };
}

export function writeParties(y: YouthCase): PartyRec[] {
  const { rng, prog, profile, plan, lastDay, staff, csec } = y;
  const parties: PartyRec[] = [];
  const add = (role: PartyRole, person: Person, from: number, to: number | null) =>
    void parties.push(writeParty(y, role, person, from, to));
  const fromRoster = (role: RosterRole): Person => rng.pick(prog.roster[role]);

  const span = lastDay - plan.openedOn;
  const csw1 = fromRoster("csw");
  if (span > 120 && rng.chance(profile.cswReplacedChance)) {
    const change = rng.int(plan.openedOn + 45, lastDay - 30);
    add("csw", csw1, plan.openedOn, change);
    let csw2 = fromRoster("csw");
    if (csw2.name === csw1.name && prog.roster.csw.length > 1) csw2 = prog.roster.csw.find((p) => p.name !== csw1.name)!;
    add("csw", csw2, change, null);
  } else {
    add("csw", csw1, plan.openedOn, null);
  }
  add("attorney", fromRoster("attorney"), plan.openedOn, null);
  add("clc_case_manager", fromRoster("clc_case_manager"), plan.openedOn + 5, null);
  for (const s of staff.advocates) {
    add("casa_advocate", { name: s.user.name, org: prog.name, phone: phone(rng), email: s.user.email }, s.from, s.to);
  }
  for (const s of staff.supervisors) {
    add("advocate_supervisor", { name: s.user.name, org: prog.name, phone: phone(rng), email: s.user.email }, s.from, s.to);
  }
  for (const p of y.placements) {
    if (!FAMILY_PLACEMENTS.includes(p.type)) continue;
    const person = adultPerson(rng, D.PARTY_EMAIL_DOMAINS.caregiver);
    add("caregiver", { ...person, org: rng.pick(D.PARTY_ORGS.caregiver) }, p.from, p.to);
  }
  if (rng.chance(csec.since !== null ? 0.9 : profile.therapistChance)) {
    add("therapist", fromRoster("therapist"), Math.min(plan.openedOn + rng.int(20, 200), lastDay - 5), null);
  }
  if (rng.chance(csec.since !== null ? 0.4 : profile.secondaryCswChance)) {
    add("secondary_csw", fromRoster("secondary_csw"), Math.max(plan.openedOn, lastDay - rng.int(20, 300)), null);
  }
  if (rng.chance(profile.probationChance)) {
    add("probation_officer", fromRoster("probation_officer"), Math.max(plan.openedOn, lastDay - rng.int(30, 400)), null);
  }
  const wantsCsecAdvocate = csec.plan.kind === "confirmed" || (csec.plan.kind === "concern" && csec.plan.csecAdvocateParty);
  if (wantsCsecAdvocate && csec.since !== null) {
    const from = Math.min((csec.confirmedSince ?? csec.since) + rng.int(2, 10), lastDay);
    add("csec_advocate", fromRoster("csec_advocate"), Math.max(from, csec.since), null);
  }
  return parties;
}
