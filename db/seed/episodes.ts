/**
 * Runaway episodes: past ones (returned, with whichever notifications and follow-ups happened)
 * spread over the last year of the case, and the one of a youth missing right now.
 */
import { DAY, HOUR, iso, MINUTE } from "./clock";
import { placementOn, type YouthCase } from "./case";
import * as D from "./data";

export function writeRunawayEpisodes(y: YouthCase): void {
  writePastEpisodes(y);
  if (y.plan.missingNow === true && !y.closed) writeMissingNow(y);
  if (y.plan.missingNow === "reported" && !y.closed) writeMissingReportedInTime(y);
}

function writePastEpisodes(y: YouthCase): void {
  const { w, clock, rng, prog, profile, plan, lastDay } = y;
  const past = plan.pastRunaways ?? (rng.chance(y.csec.since !== null ? 0.5 : profile.runawayChance) ? rng.int(1, 2) : 0);
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
      programId: prog.id,
      youthId: y.youthId,
      leftAt: iso(leftMs),
      leftFrom: placementOn(y, leftDay).description,
      noticedBy: null,
      reportedToLawEnforcementAt: iso(le),
      lawEnforcementAgency: null,
      lawEnforcementReportNumber: `${prog.lePrefix}-${clock.day(leftDay).slice(2, 4)}-${String(rng.int(1000, 99999)).padStart(6, "0")}`,
      reportedToNcmecAt: ncmec === null ? null : iso(ncmec),
      ncmecCaseNumber: ncmec === null ? null : String(rng.int(1_400_000, 1_999_999)),
      cswNotifiedAt: null,
      attorneyNotifiedAt: attorney === null ? null : iso(attorney),
      casaNotifiedAt: casa === null ? null : iso(casa),
      courtNotifiedAt: court === null ? null : iso(court),
      returnedAt: iso(returned),
      returnConversationAt: conversation === null ? null : iso(conversation),
      returnConversationNotes: conversation === null ? null : rng.pick(D.RETURN_CONVERSATION_NOTES),
      healthResourcesOfferedAt: health === null ? null : iso(health),
      safetyPlanReviewedAt: planReviewed === null ? null : iso(planReviewed),
      notes: rng.pick(D.RUNAWAY_NOTES),
      createdByUserId: y.staff.staffOn(leftDay).id,
      createdAt: iso(le + 30 * MINUTE),
      updatedAt: iso(Math.max(...stamps)),
    });
  }
}

/**
 * Left last night (~10 h before the anchor day began); both reports made within two hours, the
 * team told. Draws nothing from the random stream, so the rest of the demo is unchanged.
 */
function writeMissingReportedInTime(y: YouthCase): void {
  const { w, clock, prog } = y;
  const leftMs = clock.base - 10 * HOUR;
  const le = leftMs + 50 * MINUTE;
  const ncmec = leftMs + 1 * HOUR + 35 * MINUTE;
  w.runaway({
    programId: prog.id,
    youthId: y.youthId,
    leftAt: iso(leftMs),
    leftFrom: placementOn(y, -1).description,
    noticedBy: "Caregiver, at the 10 pm check",
    reportedToLawEnforcementAt: iso(le),
    lawEnforcementAgency: "Example County Sheriff",
    lawEnforcementReportNumber: `${prog.lePrefix}-${clock.day(-1).slice(2, 4)}-${String(100000 + y.youthId).padStart(6, "0")}`,
    reportedToNcmecAt: iso(ncmec),
    ncmecCaseNumber: String(1_800_000 + y.youthId),
    cswNotifiedAt: iso(le + 20 * MINUTE),
    attorneyNotifiedAt: null,
    casaNotifiedAt: iso(ncmec + 30 * MINUTE),
    courtNotifiedAt: null,
    returnedAt: null,
    returnConversationAt: null,
    returnConversationNotes: null,
    healthResourcesOfferedAt: null,
    safetyPlanReviewedAt: null,
    notes: "Caregiver found the bedroom window open at the 10 pm check.",
    createdByUserId: y.staff.staffOn(-1).id,
    createdAt: iso(le + 10 * MINUTE),
    updatedAt: iso(ncmec + 30 * MINUTE),
  });
}

/** Left yesterday evening (~26 h before the anchor day began); police told, NCMEC not yet. */
function writeMissingNow(y: YouthCase): void {
  const { w, clock, rng, prog } = y;
  const leftMs = clock.base - 26 * HOUR;
  const le = leftMs + 2 * HOUR + 10 * MINUTE;
  const casa = leftMs + 4 * HOUR;
  w.runaway({
    programId: prog.id,
    youthId: y.youthId,
    leftAt: iso(leftMs),
    leftFrom: placementOn(y, -1).description,
    noticedBy: "Caregiver",
    reportedToLawEnforcementAt: iso(le),
    lawEnforcementAgency: null,
    lawEnforcementReportNumber: `${prog.lePrefix}-${clock.day(-1).slice(2, 4)}-${String(rng.int(1000, 99999)).padStart(6, "0")}`,
    reportedToNcmecAt: null,
    ncmecCaseNumber: null,
    cswNotifiedAt: null,
    attorneyNotifiedAt: null,
    casaNotifiedAt: iso(casa),
    courtNotifiedAt: null,
    returnedAt: null,
    returnConversationAt: null,
    returnConversationNotes: null,
    healthResourcesOfferedAt: null,
    safetyPlanReviewedAt: null,
    notes: "Did not come back after school; caregiver called it in that evening.",
    createdByUserId: y.staff.supervisorOn(-1).id,
    createdAt: iso(le + 20 * MINUTE),
    updatedAt: iso(casa),
  });
}
