/**
 * Safety plans: for CSEC, missing and runaway youth always, for others by chance; a first version
 * some months back, sometimes a second with one support person changed and one more hotline.
 */
import { HOTLINE_KEYS } from "../../app/domain/hotlines";
import type { YouthCase } from "./case";
import * as D from "./data";
import { adultName, phone } from "./people";
import type { Rng } from "./rng";

type SupportPerson = { name: string; relation: string; phone: string };

function supportPerson(rng: Rng): SupportPerson {
  const [first, last] = adultName(rng);
  return { name: `${first} ${last}`, relation: rng.pick(D.SUPPORT_RELATIONS), phone: phone(rng) };
}

export function writeSafetyPlans(y: YouthCase): void {
  const { w, clock, rng, prog, profile, plan, lastDay, staff } = y;
  const wants =
    plan.safetyPlan ??
    (y.csec.since !== null || plan.missingNow === true || (plan.pastRunaways ?? 0) > 0 || rng.chance(profile.safetyPlanChance));
  const v1Day = Math.min(lastDay - 10, Math.max(staff.firstActive + 7, lastDay - rng.int(60, 400)));
  if (!wants || v1Day <= staff.firstActive) return;
  const support = Array.from({ length: rng.int(2, 3) }, () => supportPerson(rng));
  const hotlines = rng.some(HOTLINE_KEYS, rng.int(1, 4));
  w.safetyPlan({
    programId: prog.id,
    youthId: y.youthId,
    version: 1,
    supportPeople: JSON.stringify(support),
    hotlinesMemorized: JSON.stringify(hotlines),
    notes: rng.pick(D.SAFETY_PLAN_NOTES),
    reviewedOn: clock.day(v1Day),
    reviewedByUserId: staff.staffOn(v1Day).id,
    createdAt: clock.at(v1Day, 20),
  });
  if (rng.chance(0.35) && lastDay - v1Day > 35) {
    const v2Day = Math.min(lastDay - 1, v1Day + rng.int(30, 150));
    const support2 = [...support.slice(0, support.length - 1), supportPerson(rng)];
    const hotlines2 = rng.some(HOTLINE_KEYS, Math.min(5, hotlines.length + 1));
    w.safetyPlan({
      programId: prog.id,
      youthId: y.youthId,
      version: 2,
      supportPeople: JSON.stringify(support2),
      hotlinesMemorized: JSON.stringify(hotlines2),
      notes: rng.pick(D.SAFETY_PLAN_NOTES),
      reviewedOn: clock.day(v2Day),
      reviewedByUserId: staff.staffOn(v2Day).id,
      createdAt: clock.at(v2Day, 20),
    });
  }
}
