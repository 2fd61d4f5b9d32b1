/**
 * Action items: what someone will do for a youth, by when, from an MDT meeting or the youth's
 * page, open until marked done or dropped (with a reason). An item from a CSEC MDT or owned by
 * the CSEC advocate is CSEC-sensitive and follows the CSEC rule: for a viewer who may not see
 * the youth's status it does not exist.
 */
import { and, asc, desc, eq, gte, isNull, lt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { actionItems, mdtMeetings, users, youth, youthAssignments } from "../../db/schema";
import { calendarDateIn, daysBetween } from "../domain/dates";
import type { FieldErrors, WriteResult } from "../domain/forms";
import { CSEC_SENSITIVE_MEETING_TYPES, type ActionStatus, type MeetingType } from "../domain/meetings";
import { seesThroughAssignment } from "../domain/permissions";
import { CSEC_SENSITIVE_PARTY_ROLES, displayName, partyRoleLabel, type PartyRole } from "../domain/youth";
import { auditChange } from "./audit.server";
import { actionAssigned } from "./notify-events.server";
import { csecSensitiveShownTo } from "./csec-sensitive.server";
import { getDb, readTransaction, nowIso, type DbOrTx } from "./db.server";
import { visibleMeetingOrNotFound } from "./meeting-access.server";
import { peopleForYouth } from "./people.server";
import { csecAudienceOf, notFound, requireCaseAccess, requirePermission, youthScopeCondition, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

function actionVisibleTo(viewer: Viewer): SQL {
  // On the item's own columns: counting a program's overdue items then reads actions_program_status_due_idx.
  const scope = youthScopeCondition(viewer, { youthId: actionItems.youthId, programId: actionItems.programId });
  return and(scope, csecSensitiveShownTo("action", csecAudienceOf(viewer), actionItems.youthId))!;
}

/**
 * How many open action items of a youth (by id, as SQL) are past due today and visible to the
 * viewer: a CSEC-sensitive item the viewer may not see does not count (actions_youth_status_idx).
 */
export function overdueActionCountSql(viewer: Viewer, youthId: SQLWrapper): SQL<number> {
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const shown = csecSensitiveShownTo("action", csecAudienceOf(viewer), actionItems.youthId);
  return sql<number>`(select count(*) from ${actionItems} where ${actionItems.youthId} = ${youthId}
    and ${actionItems.status} = 'open' and ${actionItems.dueOn} < ${today}${shown ? sql` and ${shown}` : sql``})`;
}

function ownerLabel(role: string | null, userName: string | null): string {
  if (role) return partyRoleLabel(role);
  return userName ?? "—";
}

export type ActionRow = {
  id: number;
  youthId: number;
  youthName: string;
  meetingId: number | null;
  description: string;
  owner: string;
  ownedByViewer: boolean;
  dueOn: string | null;
  status: ActionStatus;
  doneAt: string | null;
  dropReason: string | null;
  /** Days past due for open items (positive = overdue). */
  daysOverdue: number | null;
  createdAt: string;
};

function actionRows(
  viewer: Viewer,
  where: SQL | undefined,
  orderBy: SQL[],
  db: DbOrTx,
  paging?: { limit: number; offset: number; idDesc?: boolean },
): ActionRow[] {
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const query = db
    .select({
      id: actionItems.id,
      youthId: actionItems.youthId,
      firstName: youth.firstName,
      lastName: youth.lastName,
      meetingId: actionItems.meetingId,
      description: actionItems.description,
      ownerRole: actionItems.ownerPartyRole,
      ownerUserId: actionItems.ownerUserId,
      ownerName: users.name,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      doneAt: actionItems.doneAt,
      dropReason: actionItems.dropReason,
      createdAt: actionItems.createdAt,
    })
    .from(actionItems)
    .innerJoin(youth, eq(youth.id, actionItems.youthId))
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(actionVisibleTo(viewer), where))
    // The id breaks ties in the direction of the last key, so that an index read in order serves it.
    .orderBy(...orderBy, paging?.idDesc ? desc(actionItems.id) : asc(actionItems.id))
    .$dynamic();
  return (paging ? query.limit(paging.limit).offset(paging.offset) : query).all().map((a) => ({
    id: a.id,
    youthId: a.youthId,
    youthName: displayName({ firstName: a.firstName, lastName: a.lastName }),
    meetingId: a.meetingId,
    description: a.description,
    owner: ownerLabel(a.ownerRole, a.ownerName),
    ownedByViewer: a.ownerUserId === viewer.userId,
    dueOn: a.dueOn,
    status: a.status,
    doneAt: a.doneAt,
    dropReason: a.dropReason,
    daysOverdue: a.status === "open" && a.dueOn ? daysBetween(a.dueOn, today) : null,
    createdAt: a.createdAt,
  }));
}

/** Open first, overdue first, then by due date. */
const openOverdueFirst = () => [
  sql`case ${actionItems.status} when 'open' then 0 else 1 end`,
  sql`${actionItems.dueOn} is null`,
  asc(actionItems.dueOn),
];

export function listActionsForYouth(inScope: YouthInScope, db: DbOrTx = getDb()): ActionRow[] {
  const { viewer, youthId } = inScope;
  return actionRows(viewer, eq(actionItems.youthId, youthId), openOverdueFirst(), db);
}

/** The items that came out of one meeting (the viewer may see the meeting: checked by the caller's guard). */
export function listActionsForMeeting(inScope: YouthInScope, meetingId: number, db: DbOrTx = getDb()): ActionRow[] {
  const { viewer, youthId } = inScope;
  return actionRows(viewer, and(eq(actionItems.youthId, youthId), eq(actionItems.meetingId, meetingId)), openOverdueFirst(), db);
}

/**
 * What a meeting at `scheduledAt` carries over: every item still open that came from an earlier
 * meeting, or was created on the youth's page before this meeting.
 */
export function openActionsCarriedInto(inScope: YouthInScope, scheduledAt: string, db: DbOrTx = getDb()): ActionRow[] {
  const { viewer, youthId } = inScope;
  return actionRows(
    viewer,
    and(
      eq(actionItems.youthId, youthId),
      eq(actionItems.status, "open"),
      or(
        and(isNull(actionItems.meetingId), lt(actionItems.createdAt, scheduledAt)),
        sql`(select ${mdtMeetings.scheduledAt} from ${mdtMeetings} where ${mdtMeetings.id} = ${actionItems.meetingId}) < ${scheduledAt}`,
      ),
    ),
    openOverdueFirst(),
    db,
  );
}

/**
 * "My actions": items owned by the viewer; for advocates also the items owned by the CASA
 * advocate role on the youth assigned to them.
 */
export function listMyActions(
  viewer: Viewer,
  opts: { status: ActionStatus | "all"; sortDesc: boolean },
  db: DbOrTx = getDb(),
): ActionRow[] {
  requireCaseAccess(viewer);
  const mine = seesThroughAssignment(viewer.role, "advocate")
    ? or(
        eq(actionItems.ownerUserId, viewer.userId),
        and(
          eq(actionItems.ownerPartyRole, "casa_advocate"),
          sql`exists (select 1 from ${youthAssignments} where ${youthAssignments.youthId} = ${actionItems.youthId}
              and ${youthAssignments.userId} = ${viewer.userId} and ${youthAssignments.kind} = 'advocate'
              and ${youthAssignments.endedOn} is null)`,
        ),
      )
    : eq(actionItems.ownerUserId, viewer.userId);
  const status = opts.status === "all" ? undefined : eq(actionItems.status, opts.status);
  const due = opts.sortDesc ? desc(actionItems.dueOn) : asc(actionItems.dueOn);
  return actionRows(viewer, and(mine, status), [sql`${actionItems.dueOn} is null`, due], db);
}

/**
 * The viewer's own open items (owned by them as a user) falling due between two calendar dates,
 * soonest first, at most `limit`: for their calendar feed. A CSEC-sensitive item follows the rule.
 */
export function listOwnOpenActionsDue(
  viewer: Viewer,
  window: { from: string; to: string; limit: number },
  db: DbOrTx = getDb(),
): Array<{ id: number; youthId: number; youthName: string; dueOn: string }> {
  requireCaseAccess(viewer);
  return db
    .select({
      id: actionItems.id,
      youthId: actionItems.youthId,
      firstName: youth.firstName,
      lastName: youth.lastName,
      dueOn: actionItems.dueOn,
    })
    .from(actionItems)
    .innerJoin(youth, eq(youth.id, actionItems.youthId))
    .where(
      and(
        actionVisibleTo(viewer),
        eq(actionItems.ownerUserId, viewer.userId),
        eq(actionItems.status, "open"),
        gte(actionItems.dueOn, window.from),
        lte(actionItems.dueOn, window.to),
      ),
    )
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(window.limit)
    .all()
    .map((a) => ({ id: a.id, youthId: a.youthId, youthName: displayName(a), dueOn: a.dueOn! }));
}

/**
 * Every action item of the viewer's youth (their caseload; the program for a program lead), one
 * page at a time: open ones by due date, or only the overdue ones. The home's "overdue across
 * the caseload" figure is this list's total.
 */
type CaseloadActionFilters = { status: ActionStatus | "all"; overdue: boolean };

function caseloadActionsWhere(viewer: Viewer, opts: CaseloadActionFilters): SQL | undefined {
  const today = calendarDateIn(new Date(), viewer.timeZone);
  return and(
    opts.overdue ? and(eq(actionItems.status, "open"), lt(actionItems.dueOn, today)) : undefined,
    !opts.overdue && opts.status !== "all" ? eq(actionItems.status, opts.status) : undefined,
  );
}

export function listCaseloadActions(
  viewer: Viewer,
  opts: CaseloadActionFilters & { sortDesc: boolean; page: number; size: number },
  db: DbOrTx = getDb(),
): { rows: ActionRow[]; total: number; page: number; size: number } {
  requireCaseAccess(viewer);
  const where = caseloadActionsWhere(viewer, opts);
  return readTransaction(db, (tx) => {
    const total = countVisibleActions(viewer, where, tx);
    const page = Math.min(opts.page, Math.max(1, Math.ceil(total / opts.size)));
    const due = opts.sortDesc ? desc(actionItems.dueOn) : asc(actionItems.dueOn);
    // Overdue items all have a due date: ordered by it alone, a program's items come from
    // actions_program_status_due_idx in order instead of being sorted first.
    const order = opts.overdue ? [due] : [sql`${actionItems.dueOn} is null`, due];
    const rows = actionRows(viewer, where, order, tx, {
      limit: opts.size,
      offset: (page - 1) * opts.size,
      idDesc: opts.overdue && opts.sortDesc,
    });
    return { rows, total, page, size: opts.size };
  });
}

/** How many items `listCaseloadActions` would list with these filters (its `total`), without building a page. */
export function countCaseloadActions(viewer: Viewer, opts: CaseloadActionFilters, db: DbOrTx = getDb()): number {
  requireCaseAccess(viewer);
  return countVisibleActions(viewer, caseloadActionsWhere(viewer, opts), db);
}

function countVisibleActions(viewer: Viewer, where: SQL | undefined, db: DbOrTx): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(actionItems)
      .where(and(actionVisibleTo(viewer), where))
      .get()?.n ?? 0
  );
}

function parseOwner(owner: string): { ownerPartyRole: string | null; ownerUserId: number | null } {
  return owner.startsWith("role:")
    ? { ownerPartyRole: owner.slice(5), ownerUserId: null }
    : { ownerPartyRole: null, ownerUserId: Number(owner.slice(5)) };
}

export function addActionItem(
  inScope: YouthInScope,
  meetingId: number | null,
  input: { description: string; owner: string; dueOn: string },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot add action items.");
  let meetingSensitive = false;
  if (meetingId !== null) {
    const { meeting } = visibleMeetingOrNotFound(viewer, meetingId, db);
    if (meeting.youthId !== youthId) notFound("Meeting");
    meetingSensitive = CSEC_SENSITIVE_MEETING_TYPES.includes(meeting.type as MeetingType);
  }
  const owners = peopleForYouth(inScope, db).owners.map((o) => o.value);
  if (!owners.includes(input.owner)) return { ok: false, errors: { owner: "Choose who owns it." } };
  const owner = parseOwner(input.owner);
  // An item from a CSEC MDT, or owned by the CSEC advocate, would reveal CSEC involvement.
  const csecSensitive = meetingSensitive || CSEC_SENSITIVE_PARTY_ROLES.includes(owner.ownerPartyRole as PartyRole);
  return db.transaction((tx) => {
    const row = tx
      .insert(actionItems)
      .values({
        programId: viewer.programId,
        youthId,
        meetingId,
        description: input.description,
        ...owner,
        dueOn: input.dueOn,
        csecSensitive,
        createdByUserId: viewer.userId,
        createdAt: nowIso(),
      })
      .returning({ id: actionItems.id })
      .get();
    auditChange(tx, viewer, {
      action: "action_item.create",
      entityType: "action_item",
      entityId: row.id,
      youthId,
      details: { meetingId, owner: input.owner, dueOn: input.dueOn },
    });
    actionAssigned(tx, viewer, row.id);
    return { ok: true as const, id: row.id };
  });
}

/** Closes an open item as done, or as dropped with a reason. */
export function closeActionItem(
  viewer: Viewer,
  actionId: number,
  outcome: { status: "done" } | { status: "dropped"; reason: string },
  db: DbOrTx = getDb(),
): WriteResult & { youthId?: number; meetingId?: number | null } {
  requireCaseAccess(viewer);
  const item = db
    .select({ id: actionItems.id, youthId: actionItems.youthId, meetingId: actionItems.meetingId, status: actionItems.status })
    .from(actionItems)
    .innerJoin(youth, eq(youth.id, actionItems.youthId))
    .where(and(eq(actionItems.id, actionId), actionVisibleTo(viewer)))
    .get();
  if (!item) notFound("Action item");
  requirePermission(viewer, "write:case", "Your role cannot change action items.");
  if (item.status !== "open") return { ok: false, errors: { _form: `This item is already ${item.status}.` } };
  return db.transaction((tx) => {
    const at = nowIso();
    // The program's calendar day, kept with the instant: reports count items closed after their due day.
    const doneOn = calendarDateIn(new Date(at), viewer.timeZone);
    const closed = tx
      .update(actionItems)
      .set(
        outcome.status === "done"
          ? { status: "done", doneAt: at, doneOn, updatedAt: at }
          : { status: "dropped", dropReason: outcome.reason, doneAt: at, doneOn, updatedAt: at },
      )
      .where(and(eq(actionItems.id, actionId), eq(actionItems.status, "open")))
      .run();
    // Closed by someone else since the check above (another worker, between the two): say so,
    // and audit nothing, rather than log a close that did not happen.
    if (closed.changes === 0) {
      const now = tx.select({ status: actionItems.status }).from(actionItems).where(eq(actionItems.id, actionId)).get();
      return { ok: false as const, errors: { _form: `This item is already ${now?.status ?? "closed"}.` } };
    }
    auditChange(tx, viewer, {
      action: outcome.status === "done" ? "action_item.done" : "action_item.drop",
      entityType: "action_item",
      entityId: actionId,
      youthId: item.youthId,
      details: outcome.status === "dropped" ? { reason: outcome.reason } : undefined,
    });
    return { ok: true as const, id: actionId, youthId: item.youthId, meetingId: item.meetingId };
  });
}

/**
 * The "mark done" and "drop" buttons of an action item list post here from any page (meeting,
 * youth, my actions): fields `intent` (done | drop), `actionId`, and `reason` for a drop.
 */
export function closeActionFromForm(
  viewer: Viewer,
  form: { intent: string; actionId: string; reason?: string },
  db: DbOrTx = getDb(),
): { ok: true; saved: "action-done" | "action-dropped" } | { ok: false; errors: FieldErrors; actionId: number } {
  const actionId = /^\d+$/.test(form.actionId) ? Number(form.actionId) : 0;
  if (!actionId) notFound("Action item");
  const reason = form.reason?.trim();
  if (form.intent === "drop" && !reason) return { ok: false, errors: { reason: "Say why it is dropped." }, actionId };
  if (reason && reason.length > 1000) return { ok: false, errors: { reason: "Keep the reason under 1000 characters." }, actionId };
  const result = closeActionItem(
    viewer,
    actionId,
    form.intent === "drop" ? { status: "dropped", reason: reason! } : { status: "done" },
    db,
  );
  if (!result.ok) return { ok: false, errors: result.errors, actionId };
  return { ok: true, saved: form.intent === "drop" ? "action-dropped" : "action-done" };
}
