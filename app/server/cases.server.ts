/**
 * A case's life: taking a youth in, moving them to a new placement, closing and reopening the
 * case, and who is assigned to it. Supervisors do this for their caseload and program leads for
 * the program (`manage:cases`); each change is audited in its own transaction.
 *
 * Assignments decide scope (scope.server.ts reads the current ones), so ending an advocate's
 * assignment ends their access at once; their contacts and notes stay, attributed to them.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { caseStatusChanges, memberships, placements, users, youth, youthAssignments } from "../../db/schema";
import { closeReasonLabel } from "../domain/case-lifecycle";
import type { AssignmentsInput, CloseCaseInput, IntakeInput, PlacementChangeInput, ReopenCaseInput } from "../domain/case-forms";
import { calendarDateIn } from "../domain/dates";
import { staleEdit, type FieldErrors, type StaleEdit, type WriteResult } from "../domain/forms";
import { mayKnowUnconfirmed } from "../domain/csec";
import { seesThroughAssignment } from "../domain/permissions";
import type { Role } from "../domain/roles";
import { placementTypeLabel } from "../domain/youth";
import { auditChange } from "./audit.server";
import { getDb, nowIso, type DbOrTx, type Tx } from "./db.server";
import { requirePermission, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

const DENIED = "Only supervisors and program leads take in youth, change placements, close cases and assign advocates.";

/** A program with more active members of a role than this picks them by email, not from a list. */
export const PICK_FROM_LIST_LIMIT = 300;

export type StaffOption = { id: number; name: string; email: string };
/** The people a form may assign: a list when the program is small enough, else `null` (type an email). */
export type StaffChoices = { advocates: StaffOption[] | null; supervisors: StaffOption[] | null };

function activeMembers(viewer: Viewer, role: Role, db: DbOrTx, limit?: number) {
  const q = db
    .select({ id: users.id, name: users.name, email: users.email, usualSupervisorId: memberships.supervisorUserId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.programId, viewer.programId), eq(memberships.role, role), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
  return limit === undefined ? q.all() : q.limit(limit).all();
}

/**
 * The active members of the program in `role`, for a picker: a list, or `null` when there are too
 * many to list (the form then asks for an email). Staff data only: callers guard who may see it.
 */
export function memberChoices(viewer: Viewer, role: Role, db: DbOrTx = getDb()): StaffOption[] | null {
  const rows = activeMembers(viewer, role, db, PICK_FROM_LIST_LIMIT + 1);
  return rows.length > PICK_FROM_LIST_LIMIT ? null : rows.map(({ id, name, email }) => ({ id, name, email }));
}

export function staffChoices(viewer: Viewer, db: DbOrTx = getDb()): StaffChoices {
  requirePermission(viewer, "manage:cases", DENIED);
  return { advocates: memberChoices(viewer, "advocate", db), supervisors: memberChoices(viewer, "supervisor", db) };
}

type Member = { id: number; name: string; usualSupervisorId: number | null };

/** One active member of the program in `role`, from an id (a list) or an email (typed); else null. */
export function resolveMember(viewer: Viewer, ref: string, role: Role, db: DbOrTx): Member | null {
  const who = /^\d{1,15}$/.test(ref) ? eq(users.id, Number(ref)) : eq(users.email, ref.toLowerCase());
  return (
    db
      .select({ id: users.id, name: users.name, usualSupervisorId: memberships.supervisorUserId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.programId, viewer.programId), eq(memberships.role, role), isNull(users.disabledAt), who))
      .get() ?? null
  );
}

type Resolved = { ok: true; advocates: Member[]; supervisor: Member | null } | { ok: false; errors: FieldErrors };

/**
 * The advocates and supervisor a form names, each an active member of the program in that role.
 * With no supervisor named, the first advocate's usual supervisor is taken when they have one.
 */
function resolveStaff(viewer: Viewer, input: { advocates: string[]; supervisor?: string }, db: DbOrTx): Resolved {
  const errors: FieldErrors = {};
  const advocates: Member[] = [];
  for (const ref of input.advocates) {
    const m = resolveMember(viewer, ref, "advocate", db);
    if (m) advocates.push(m);
    else
      errors.advocates ??= `${ref.includes("@") ? `No active advocate of this program has the email ${ref}.` : "Choose advocates from the list."}`;
  }
  let supervisor: Member | null = null;
  if (input.supervisor) {
    supervisor = resolveMember(viewer, input.supervisor, "supervisor", db);
    if (!supervisor) {
      errors.supervisor = input.supervisor.includes("@")
        ? `No active supervisor of this program has the email ${input.supervisor}.`
        : "Choose a supervisor from the list.";
    }
  } else {
    const usual = advocates.find((a) => a.usualSupervisorId !== null)?.usualSupervisorId;
    if (usual) supervisor = resolveMember(viewer, String(usual), "supervisor", db);
  }
  if (!supervisor && !errors.supervisor) errors.supervisor = "Choose the youth's supervisor.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, advocates: [...new Map(advocates.map((a) => [a.id, a])).values()], supervisor };
}

function today(viewer: Viewer): string {
  return calendarDateIn(new Date(), viewer.timeZone);
}

function assign(tx: Tx, viewer: Viewer, youthId: number, userId: number, kind: "advocate" | "supervisor", on: string): void {
  tx.insert(youthAssignments).values({ programId: viewer.programId, youthId, userId, kind, startedOn: on }).run();
}

/** Whether, once `supervisorId` supervises the youth, the viewer still sees it. */
function viewerKeepsYouth(viewer: Viewer, supervisorId: number | null, advocateIds: number[]): boolean {
  if (!seesThroughAssignment(viewer.role, "supervisor") && !seesThroughAssignment(viewer.role, "advocate")) return true;
  return (
    (seesThroughAssignment(viewer.role, "supervisor") && supervisorId === viewer.userId) ||
    (seesThroughAssignment(viewer.role, "advocate") && advocateIds.includes(viewer.userId))
  );
}

export type IntakeResult = { ok: true; id: number; visibleToViewer: boolean } | { ok: false; errors: FieldErrors };

/** Takes a youth in: the youth, their first placement, and who is assigned, in one transaction. */
export function createYouth(viewer: Viewer, input: IntakeInput, db: DbOrTx = getDb()): IntakeResult {
  requirePermission(viewer, "manage:cases", DENIED);
  const now = today(viewer);
  const errors: FieldErrors = {};
  if (input.dateOfBirth > now) errors.dateOfBirth = "The date of birth cannot be in the future.";
  else if (input.dateOfBirth < `${Number(now.slice(0, 4)) - 26}${now.slice(4)}`) {
    errors.dateOfBirth = "CASA serves youth under 26: check the year.";
  }
  if (input.placementSince > now) errors.placementSince = "The date cannot be in the future.";
  else if (input.placementSince < input.dateOfBirth) errors.placementSince = "The youth was placed there after they were born.";
  const taken = db
    .select({ id: youth.id })
    .from(youth)
    .where(and(eq(youth.programId, viewer.programId), eq(youth.caseNumber, input.caseNumber)))
    .get();
  if (taken) errors.caseNumber = "This program already has a case with that number.";
  // A supervisor takes youth into their own caseload; a program lead names the supervisor.
  const ownCaseload = seesThroughAssignment(viewer.role, "supervisor");
  const staff = resolveStaff(viewer, ownCaseload ? { ...input, supervisor: String(viewer.userId) } : input, db);
  if (!staff.ok) Object.assign(errors, staff.errors);
  if (Object.keys(errors).length > 0 || !staff.ok) return { ok: false, errors };

  const advocateIds = staff.advocates.map((a) => a.id);
  const supervisorId = staff.supervisor!.id;
  const id = db.transaction((tx) => {
    const row = tx
      .insert(youth)
      .values({
        programId: viewer.programId,
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        caseNumber: input.caseNumber,
        caseStatus: "open",
      })
      .returning({ id: youth.id })
      .get();
    tx.insert(placements)
      .values({
        programId: viewer.programId,
        youthId: row.id,
        type: input.placementType,
        description: input.placementDescription ?? null,
        startedOn: input.placementSince,
      })
      .run();
    for (const a of advocateIds) assign(tx, viewer, row.id, a, "advocate", now);
    assign(tx, viewer, row.id, supervisorId, "supervisor", now);
    tx.insert(caseStatusChanges)
      .values({
        programId: viewer.programId,
        youthId: row.id,
        status: "open",
        effectiveOn: now,
        reason: "Taken in",
        byUserId: viewer.userId,
      })
      .run();
    auditChange(tx, viewer, {
      action: "youth.create",
      entityType: "youth",
      entityId: row.id,
      youthId: row.id,
      details: { caseNumber: input.caseNumber, placementType: input.placementType, advocateIds, supervisorId },
    });
    return row.id;
  });
  return { ok: true, id, visibleToViewer: viewerKeepsYouth(viewer, supervisorId, advocateIds) };
}

function currentPlacement(youthId: number, db: DbOrTx) {
  return (
    db
      .select({ id: placements.id, type: placements.type, description: placements.description, startedOn: placements.startedOn })
      .from(placements)
      .where(and(eq(placements.youthId, youthId), isNull(placements.endedOn)))
      .get() ?? null
  );
}

export type PlacementNow = { version: number; type: string; label: string; description: string | null; startedOn: string } | null;

/** The current placement, with the version a change form carries (its id; 0 when there is none). */
export function getCurrentPlacement(inScope: YouthInScope, db: DbOrTx = getDb()): PlacementNow {
  const p = currentPlacement(inScope.youthId, db);
  return p ? { version: p.id, type: p.type, label: placementTypeLabel(p.type), description: p.description, startedOn: p.startedOn } : null;
}

/** A move: the current placement ends on the day the new one starts and goes to history. */
export function changePlacement(
  inScope: YouthInScope,
  input: PlacementChangeInput,
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<PlacementNow> {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "manage:cases", DENIED);
  return db.transaction((tx) => {
    const current = currentPlacement(youthId, tx);
    if ((current?.id ?? 0) !== baseVersion) return staleEdit(getCurrentPlacement(inScope, tx));
    if (input.placementSince > today(viewer)) return { ok: false, errors: { placementSince: "The date cannot be in the future." } };
    if (current && input.placementSince < current.startedOn) {
      return { ok: false, errors: { placementSince: "The new placement must start on or after the current one began." } };
    }
    if (current) {
      tx.update(placements)
        .set({ endedOn: input.placementSince, endReason: input.endReason ?? null })
        .where(eq(placements.id, current.id))
        .run();
    }
    const row = tx
      .insert(placements)
      .values({
        programId: viewer.programId,
        youthId,
        type: input.placementType,
        description: input.placementDescription ?? null,
        startedOn: input.placementSince,
      })
      .returning({ id: placements.id })
      .get();
    tx.update(youth).set({ updatedAt: nowIso() }).where(eq(youth.id, youthId)).run();
    auditChange(tx, viewer, {
      action: "placement.change",
      entityType: "placement",
      entityId: row.id,
      youthId,
      details: { from: current?.type ?? null, to: input.placementType, since: input.placementSince },
    });
    return { ok: true, id: row.id };
  });
}

export type CaseStatusView = {
  status: "open" | "closed";
  history: Array<{ status: "open" | "closed"; effectiveOn: string; reason: string; note: string | null; by: string; at: string }>;
};

export function getCaseStatus(inScope: YouthInScope, db: DbOrTx = getDb()): CaseStatusView {
  const y = db.select({ status: youth.caseStatus }).from(youth).where(eq(youth.id, inScope.youthId)).get()!;
  const history = db
    .select({
      status: caseStatusChanges.status,
      effectiveOn: caseStatusChanges.effectiveOn,
      reason: caseStatusChanges.reason,
      note: caseStatusChanges.note,
      by: users.name,
      at: caseStatusChanges.createdAt,
    })
    .from(caseStatusChanges)
    .innerJoin(users, eq(users.id, caseStatusChanges.byUserId))
    .where(eq(caseStatusChanges.youthId, inScope.youthId))
    .orderBy(desc(caseStatusChanges.createdAt), desc(caseStatusChanges.id))
    .all();
  return { status: y.status, history: history.map((h) => ({ ...h, reason: closeReasonLabel(h.reason) })) };
}

function setCaseStatus(
  inScope: YouthInScope,
  to: "open" | "closed",
  change: { on: string; reason: string; note: string | null },
  db: DbOrTx,
): WriteResult | StaleEdit<CaseStatusView> {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "manage:cases", DENIED);
  return db.transaction((tx) => {
    const now = tx.select({ status: youth.caseStatus }).from(youth).where(eq(youth.id, youthId)).get()!;
    if (now.status === to) return staleEdit(getCaseStatus(inScope, tx));
    const field = to === "closed" ? "closedOn" : "reopenedOn";
    if (change.on > today(viewer)) return { ok: false, errors: { [field]: "The date cannot be in the future." } };
    let advocatesEnded: number[] = [];
    if (to === "closed") {
      // A closed case ends the advocates' assignments (a volunteer no longer sees a closed case)
      // and the current placement; the supervisor keeps it, in their closed cases, to reopen.
      const placement = currentPlacement(youthId, tx);
      if (placement && change.on < placement.startedOn) {
        return { ok: false, errors: { [field]: "The case cannot close before the current placement began." } };
      }
      if (placement)
        tx.update(placements).set({ endedOn: change.on, endReason: "Case closed" }).where(eq(placements.id, placement.id)).run();
      const advocates = tx
        .update(youthAssignments)
        .set({ endedOn: change.on })
        .where(and(eq(youthAssignments.youthId, youthId), eq(youthAssignments.kind, "advocate"), isNull(youthAssignments.endedOn)))
        .returning({ userId: youthAssignments.userId })
        .all();
      advocatesEnded = advocates.map((a) => a.userId);
    }
    tx.update(youth).set({ caseStatus: to, updatedAt: nowIso() }).where(eq(youth.id, youthId)).run();
    const row = tx
      .insert(caseStatusChanges)
      .values({
        programId: viewer.programId,
        youthId,
        status: to,
        effectiveOn: change.on,
        reason: change.reason,
        note: change.note,
        byUserId: viewer.userId,
      })
      .returning({ id: caseStatusChanges.id })
      .get();
    auditChange(tx, viewer, {
      action: to === "closed" ? "case.close" : "case.reopen",
      entityType: "youth",
      entityId: youthId,
      youthId,
      details: { on: change.on, reason: change.reason, ...(to === "closed" ? { advocatesEnded } : {}) },
    });
    return { ok: true, id: row.id };
  });
}

export function closeCase(inScope: YouthInScope, input: CloseCaseInput, db: DbOrTx = getDb()) {
  return setCaseStatus(inScope, "closed", { on: input.closedOn, reason: input.reason, note: input.note ?? null }, db);
}

export function reopenCase(inScope: YouthInScope, input: ReopenCaseInput, db: DbOrTx = getDb()) {
  return setCaseStatus(inScope, "open", { on: input.reopenedOn, reason: input.reason, note: null }, db);
}

export type AssignmentRow = {
  id: number;
  kind: "advocate" | "supervisor";
  userId: number;
  name: string;
  email: string;
  startedOn: string;
  endedOn: string | null;
};

export type Assignments = {
  /**
   * Grows with every change (a row added or ended), so a form filled from an older state is
   * refused instead of undoing someone else's change.
   */
  version: number;
  advocates: AssignmentRow[];
  supervisor: AssignmentRow | null;
  history: AssignmentRow[];
};

export function getAssignments(inScope: YouthInScope, db: DbOrTx = getDb()): Assignments {
  const rows = db
    .select({
      id: youthAssignments.id,
      kind: youthAssignments.kind,
      userId: youthAssignments.userId,
      name: users.name,
      email: users.email,
      startedOn: youthAssignments.startedOn,
      endedOn: youthAssignments.endedOn,
    })
    .from(youthAssignments)
    .innerJoin(users, eq(users.id, youthAssignments.userId))
    .where(eq(youthAssignments.youthId, inScope.youthId))
    .orderBy(desc(youthAssignments.startedOn), desc(youthAssignments.id))
    .all();
  const current = rows.filter((r) => r.endedOn === null);
  return {
    version: rows.length + rows.filter((r) => r.endedOn !== null).length,
    advocates: current.filter((r) => r.kind === "advocate").sort((a, b) => a.name.localeCompare(b.name)),
    supervisor: current.find((r) => r.kind === "supervisor") ?? null,
    history: rows,
  };
}

export type AssignResult =
  { ok: true; id: number; visibleToViewer: boolean; changed: boolean } | { ok: false; errors: FieldErrors } | StaleEdit<Assignments>;

/**
 * Who is assigned from today: advocates not named any more are ended (they lose access now),
 * new ones start, and a new supervisor replaces the current one. One audit row says what changed.
 */
export function setAssignments(inScope: YouthInScope, input: AssignmentsInput, baseVersion: number, db: DbOrTx = getDb()): AssignResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "manage:cases", DENIED);
  const staff = resolveStaff(viewer, input, db);
  if (!staff.ok) return staff;
  return db.transaction((tx) => {
    const before = getAssignments(inScope, tx);
    if (before.version !== baseVersion) return staleEdit(before);
    const on = today(viewer);
    const wanted = new Set(staff.advocates.map((a) => a.id));
    const ended = before.advocates.filter((a) => !wanted.has(a.userId));
    const started = staff.advocates.filter((a) => !before.advocates.some((b) => b.userId === a.id));
    if (started.length > 0 && tx.select({ status: youth.caseStatus }).from(youth).where(eq(youth.id, youthId)).get()?.status === "closed") {
      return { ok: false, errors: { advocates: "The case is closed: reopen it before assigning an advocate." } };
    }
    const supervisorId = staff.supervisor!.id;
    const supervisorChanged = before.supervisor?.userId !== supervisorId;
    const endRow = (id: number) => tx.update(youthAssignments).set({ endedOn: on }).where(eq(youthAssignments.id, id)).run();
    for (const a of ended) endRow(a.id);
    for (const a of started) assign(tx, viewer, youthId, a.id, "advocate", on);
    if (supervisorChanged) {
      if (before.supervisor) endRow(before.supervisor.id);
      assign(tx, viewer, youthId, supervisorId, "supervisor", on);
    }
    const changed = ended.length + started.length > 0 || supervisorChanged;
    if (changed) {
      auditChange(tx, viewer, {
        action: "assignment.change",
        entityType: "youth",
        entityId: youthId,
        youthId,
        details: {
          advocatesEnded: ended.map((a) => a.userId),
          advocatesStarted: started.map((a) => a.id),
          ...(supervisorChanged ? { supervisorFrom: before.supervisor?.userId ?? null, supervisorTo: supervisorId } : {}),
        },
      });
    }
    return { ok: true, id: youthId, changed, visibleToViewer: viewerKeepsYouth(viewer, supervisorId, [...wanted]) };
  });
}

/** Case-status changes as timeline entries. */
/**
 * Case-status changes as timeline entries. The words a supervisor typed (a closing note, why a
 * case reopened) go only to those who may know of an unconfirmed concern, as such notes might
 * mention one; everyone else reads the fixed reason for closing.
 */
export function caseStatusTimeline(inScope: YouthInScope, db: DbOrTx = getDb()) {
  const typedWordsShown = mayKnowUnconfirmed(inScope.audience);
  return getCaseStatus(inScope, db).history.map((h) => ({
    at: h.effectiveOn,
    title: h.status === "closed" ? "Case closed" : h.reason === "Taken in" ? "Case opened" : "Case reopened",
    detail:
      h.status === "closed"
        ? `${h.reason}${h.note && typedWordsShown ? `: ${h.note}` : ""}`
        : h.reason === "Taken in" || !typedWordsShown
          ? null
          : h.reason,
  }));
}
