/**
 * A youth's CSEC records, from its plan: the concern with its red flags, the current status row
 * and the status history (concern raised, then cleared or confirmed, or confirmed directly).
 * Nothing here is random.
 */
import type { ConcernPlan, CsecPlan } from "./model";
import type { YouthCase } from "./case";

export function writeCsecRecords(y: YouthCase): void {
  const plan = y.csec.plan;
  if (plan.kind === "none") return;
  const concernId = plan.concern ? writeConcern(y, plan, plan.concern) : null;
  writeCurrentStatus(y, plan, concernId);
}

/** The concern, its red flags and the "none -> concern" event; returns the concern's id. */
function writeConcern(y: YouthCase, plan: Exclude<CsecPlan, { kind: "none" }>, concern: ConcernPlan): number {
  const { w, clock, prog, youthId } = y;
  const raisedAt = clock.at(concern.on, 21, 15);
  const review =
    plan.kind === "cleared"
      ? { reviewStatus: "cleared" as const, reviewedByUserId: plan.by.id, reviewedAt: clock.at(plan.on, 19), reviewNote: plan.reason }
      : plan.kind === "confirmed"
        ? { reviewStatus: "confirmed" as const, reviewedByUserId: plan.by.id, reviewedAt: clock.at(plan.on, 19), reviewNote: plan.note }
        : { reviewStatus: "under_review" as const, reviewedByUserId: null, reviewedAt: null, reviewNote: null };
  const concernId = w.concern({
    programId: prog.id,
    youthId,
    raisedByUserId: concern.by.id,
    raisedAt,
    note: concern.note,
    ...review,
  });
  for (const f of concern.flags) {
    w.redFlag({
      programId: prog.id,
      youthId,
      concernId,
      indicator: f.indicator,
      observedByUserId: f.by.id,
      observedOn: clock.day(f.on),
      note: f.note,
      createdAt: concern.on === f.on ? raisedAt : clock.at(concern.on, 21, 0),
    });
  }
  w.csecEvent({
    programId: prog.id,
    youthId,
    fromStatus: "none",
    toStatus: "concern",
    basis: null,
    basisOn: null,
    note: null,
    concernId,
    actorUserId: concern.by.id,
    at: raisedAt,
  });
  return concernId;
}

/** The status row as the plan leaves it, after the event that cleared or confirmed it. */
function writeCurrentStatus(y: YouthCase, plan: Exclude<CsecPlan, { kind: "none" }>, concernId: number | null): void {
  const { w, clock, prog, youthId } = y;
  if (plan.kind === "concern") {
    w.csecStatus({
      youthId,
      programId: prog.id,
      status: "concern",
      basis: null,
      basisOn: null,
      changedAt: clock.at(plan.concern.on, 21, 15),
      changedByUserId: plan.concern.by.id,
    });
  } else if (plan.kind === "cleared") {
    const at = clock.at(plan.on, 19);
    w.csecEvent({
      programId: prog.id,
      youthId,
      fromStatus: "concern",
      toStatus: "none",
      basis: null,
      basisOn: null,
      note: plan.reason,
      concernId,
      actorUserId: plan.by.id,
      at,
    });
    w.csecStatus({ youthId, programId: prog.id, status: "none", basis: null, basisOn: null, changedAt: at, changedByUserId: plan.by.id });
  } else {
    const at = clock.at(plan.on, 19);
    w.csecEvent({
      programId: prog.id,
      youthId,
      fromStatus: concernId === null ? "none" : "concern",
      toStatus: "confirmed",
      basis: plan.basis,
      basisOn: clock.day(plan.basisOn),
      note: plan.note,
      concernId,
      actorUserId: plan.by.id,
      at,
    });
    w.csecStatus({
      youthId,
      programId: prog.id,
      status: "confirmed",
      basis: plan.basis,
      basisOn: clock.day(plan.basisOn),
      changedAt: at,
      changedByUserId: plan.by.id,
    });
  }
}
