/**
 * Contact notes: a handful over the last eight months, with the youth or with one of the case
 * parties, one of them recent unless the plan wants the contact to have gone stale; some visits
 * with the youth had the caregiver there too (a second participant, in `contact_parties`); and,
 * on an open case in good standing, a recent contact with the youth and with each core party
 * (CSW, attorney, CLC case manager), as an advocate who keeps in touch would have.
 */
import { CORE_CONTACT_PARTIES } from "../../app/domain/contacts";
import { CSEC_SENSITIVE_PARTY_ROLES } from "../../app/domain/youth";
import { iso, MINUTE } from "./clock";
import { partiesOn, partyOn, type PartyRec, type YouthWithParties } from "./case";
import * as D from "./data";
import { activeOn } from "./model";
import { Rng } from "./rng";

export function writeContacts(y: YouthWithParties): void {
  const { w, clock, rng, prog, profile, plan, lastDay, staff, csec } = y;
  const n = rng.range(profile.contacts);
  const stop = plan.staleContact ? lastDay - rng.int(50, 90) : plan.missingNow === true ? -2 : lastDay;
  const start = Math.max(staff.firstActive + 1, stop - 240);
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(rng.int(start, stop));
  if (!plan.staleContact && n > 0) days[0] = Math.max(start, stop - rng.int(0, 12)); // a recent one
  days.sort((a, b) => a - b);
  // Who else was there: a separate random stream, so that the rest of the seed comes out as before.
  const together = new Rng((y.youthId * 0x85ebca6b) ^ 0xc0ffee);
  const written: Array<{ day: number; partyId: number | null }> = [];
  for (const day of days) {
    const logger = rng.chance(0.87) ? staff.staffOn(day) : staff.supervisorOn(day);
    const withYouth = rng.chance(0.4);
    let party: PartyRec | null = null;
    if (!withYouth) {
      const options = partiesOn(y, day).filter(
        (p) =>
          p.role !== "casa_advocate" &&
          p.role !== "advocate_supervisor" &&
          // contacts with a CSEC advocate only once the status is confirmed (visible to the advocate)
          (!CSEC_SENSITIVE_PARTY_ROLES.includes(p.role) || (csec.confirmedSince !== null && day >= csec.confirmedSince)),
      );
      party = options.length > 0 ? rng.pick(options) : null;
    }
    const [template, methods] = party
      ? rng.pick(D.PARTY_CONTACT_SUMMARIES[party.role] ?? D.PARTY_CONTACT_SUMMARIES.other)
      : rng.pick(D.YOUTH_CONTACT_SUMMARIES);
    const method = rng.pick(methods);
    const occurred = clock.ms(day, rng.int(15, 21), rng.int(0, 59));
    written.push({ day, partyId: party?.id ?? null });
    const contactId = w.contact({
      programId: prog.id,
      youthId: y.youthId,
      partyId: party?.id ?? null,
      occurredAt: iso(occurred),
      method,
      summary: template.replaceAll("{Y}", plan.firstName).replaceAll("{P}", party?.name ?? ""),
      loggedByUserId: logger.id,
      createdAt: iso(occurred + rng.int(5, 120) * MINUTE),
    });
    // About one in-person visit with a youth who lives with a caregiver in three had the caregiver there too.
    const caregiver = party === null && method === "in_person" ? partyOn(y, "caregiver", day) : null;
    if (caregiver && together.chance(0.3)) {
      w.contactParty({ programId: prog.id, youthId: y.youthId, contactId, partyId: caregiver.id });
    }
  }
  writeKeptInTouch(y, written);
}

/** Days within which the youth and each core party were last contacted on a case in good standing. */
const KEPT_IN_TOUCH = { youth: [1, 24], party: [2, 38] } as const;

/**
 * On an open case whose plan is not stale (and whose youth is not missing), the youth and each
 * current core party get a contact within the program's thresholds if the notes above left none.
 * A separate random stream, so that the rest of the seed comes out as it did before.
 */
export function writeKeptInTouch(y: YouthWithParties, written: ReadonlyArray<{ day: number; partyId: number | null }>): void {
  const { w, clock, prog, plan, lastDay, staff } = y;
  if (plan.staleContact || plan.missingNow !== false || plan.closedOn !== null) return;
  const rng = new Rng((y.youthId * 0x9e3779b1) ^ 0x5eed);
  // Not staff.staffOn: it draws from the seed's main stream when a case has two advocates.
  const loggerOn = (day: number) => {
    const advocates = staff.advocates.filter((a) => activeOn(a, day));
    return advocates.length ? rng.pick(advocates).user : staff.supervisorOn(day);
  };
  const recent = (partyId: number | null, within: number) => written.some((c) => c.partyId === partyId && c.day >= lastDay - within);
  const contact = (party: PartyRec | null, day: number) => {
    const [template, methods] = party
      ? rng.pick(D.PARTY_CONTACT_SUMMARIES[party.role] ?? D.PARTY_CONTACT_SUMMARIES.other)
      : rng.pick(D.YOUTH_CONTACT_SUMMARIES);
    const occurred = clock.ms(day, rng.int(9, 17), rng.int(0, 59));
    w.contact({
      programId: prog.id,
      youthId: y.youthId,
      partyId: party?.id ?? null,
      occurredAt: iso(occurred),
      method: rng.pick(methods),
      summary: template.replaceAll("{Y}", plan.firstName).replaceAll("{P}", party?.name ?? ""),
      loggedByUserId: loggerOn(day).id,
      createdAt: iso(occurred + rng.int(5, 120) * MINUTE),
    });
  };
  if (!recent(null, KEPT_IN_TOUCH.youth[1])) contact(null, lastDay - rng.int(...KEPT_IN_TOUCH.youth));
  for (const role of CORE_CONTACT_PARTIES) {
    const party = partyOn(y, role, lastDay);
    if (party && !recent(party.id, KEPT_IN_TOUCH.party[1])) contact(party, lastDay - rng.int(...KEPT_IN_TOUCH.party));
  }
}
