/**
 * Contact notes: a handful over the last eight months, with the youth or with one of the case
 * parties, one of them recent unless the plan wants the contact to have gone stale.
 */
import { CSEC_SENSITIVE_PARTY_ROLES } from "../../app/domain/youth";
import { iso, MINUTE } from "./clock";
import { partiesOn, type PartyRec, type YouthWithParties } from "./case";
import * as D from "./data";

export function writeContacts(y: YouthWithParties): void {
  const { w, clock, rng, prog, profile, plan, lastDay, staff, csec } = y;
  const n = rng.range(profile.contacts);
  const stop = plan.staleContact ? lastDay - rng.int(50, 90) : plan.missingNow === true ? -2 : lastDay;
  const start = Math.max(staff.firstActive + 1, stop - 240);
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(rng.int(start, stop));
  if (!plan.staleContact && n > 0) days[0] = Math.max(start, stop - rng.int(0, 12)); // a recent one
  days.sort((a, b) => a - b);
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
    w.contact({
      programId: prog.id,
      youthId: y.youthId,
      partyId: party?.id ?? null,
      occurredAt: iso(occurred),
      method,
      summary: template.replaceAll("{Y}", plan.firstName).replaceAll("{P}", party?.name ?? ""),
      loggedByUserId: logger.id,
      createdAt: iso(occurred + rng.int(5, 120) * MINUTE),
    });
  }
}
