/**
 * Notifications that time makes, not a person: an action item due tomorrow, an action item
 * overdue, an NCMEC report not recorded 24 hours after a youth went missing. Each run makes them
 * with `notify()` and a once-key per occasion, so a second run (or a second server) makes none,
 * and `notify()` keeps to its rule: only recipients who may see the record are told.
 */
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { actionItems, notifications, programs, runawayEpisodes, youth } from "../../db/schema";
import { addDays, calendarDateIn, formatDate } from "../domain/dates";
import { REPORT_DEADLINE_MS } from "../domain/episodes";
import { CSEC_SENSITIVE } from "./csec-sensitive.server";
import { getDb, type Db, type DbOrTx } from "./db.server";
import { assignedTo, missingYouthTeam, notify, youthLabel } from "./notifications.server";

export type ReminderResult = { due: number; overdue: number; ncmecOverdue: number };

/** Makes the notifications due at `now`; returns how many people were told of each. */
export function queueReminders(now: Date = new Date(), db: Db = getDb()): ReminderResult {
  const result: ReminderResult = { due: 0, overdue: 0, ncmecOverdue: 0 };
  for (const program of db.select({ id: programs.id, timeZone: programs.timeZone }).from(programs).all()) {
    const today = calendarDateIn(now, program.timeZone);
    const told = remindActions(db, program.id, today);
    result.due += told.due;
    result.overdue += told.overdue;
    result.ncmecOverdue += remindNcmecOverdue(db, program.id, now);
  }
  return result;
}

/**
 * Who owns an item as a person: its owner user, or, for an item owned by the CASA advocate
 * role, the youth's current advocates (as "My actions" lists it).
 */
function ownersOf(db: DbOrTx, item: { youthId: number; ownerUserId: number | null; ownerPartyRole: string | null }): number[] {
  if (item.ownerUserId !== null) return [item.ownerUserId];
  return item.ownerPartyRole === "casa_advocate" ? assignedTo(db, item.youthId, "advocate") : [];
}

function remindActions(db: Db, programId: number, today: string): { due: number; overdue: number } {
  const tomorrow = addDays(today, 1);
  const onceKey = sql<string>`case when ${actionItems.dueOn} < ${today} then 'action.overdue:' else 'action.due:' end
    || ${actionItems.id} || ':' || ${actionItems.dueOn}`;
  const items = db
    .select({
      id: actionItems.id,
      youthId: actionItems.youthId,
      description: actionItems.description,
      dueOn: actionItems.dueOn,
      ownerUserId: actionItems.ownerUserId,
      ownerPartyRole: actionItems.ownerPartyRole,
      csecSensitive: sql<number>`${CSEC_SENSITIVE.action}`,
      onceKey,
    })
    .from(actionItems)
    .innerJoin(youth, eq(youth.id, actionItems.youthId))
    .where(
      and(
        eq(actionItems.programId, programId),
        eq(actionItems.status, "open"),
        eq(youth.caseStatus, "open"),
        or(eq(actionItems.dueOn, tomorrow), lt(actionItems.dueOn, today)),
        // An item owned by a user who was told already needs no further look (most items, most runs).
        sql`not exists (select 1 from ${notifications} where ${notifications.userId} = ${actionItems.ownerUserId}
          and ${notifications.onceKey} = ${onceKey})`,
      ),
    )
    .all();
  const told = { due: 0, overdue: 0 };
  for (const item of items) {
    const dueOn = item.dueOn!;
    const overdue = dueOn < today;
    const n = db.transaction(
      (tx) =>
        notify(tx, { programId, userId: null }, ownersOf(tx, item), {
          kind: overdue ? "action.overdue" : "action.due",
          youthId: item.youthId,
          href: "/actions",
          text: `${overdue ? `Overdue since ${formatDate(dueOn, "UTC")}` : "Due tomorrow"}: ${item.description} (${youthLabel(tx, item.youthId)})`,
          csecSensitive: item.csecSensitive === 1,
          onceKey: item.onceKey,
        }),
      { behavior: "immediate" },
    );
    if (overdue) told.overdue += n;
    else told.due += n;
  }
  return told;
}

/** Open episodes whose NCMEC report is still not recorded 24 hours after the youth left: urgent. */
function remindNcmecOverdue(db: Db, programId: number, now: Date): number {
  const deadline = new Date(now.getTime() - REPORT_DEADLINE_MS).toISOString();
  const episodes = db
    .select({ id: runawayEpisodes.id, youthId: runawayEpisodes.youthId })
    .from(runawayEpisodes)
    .where(
      and(
        eq(runawayEpisodes.programId, programId),
        isNull(runawayEpisodes.returnedAt),
        isNull(runawayEpisodes.reportedToNcmecAt),
        lte(runawayEpisodes.leftAt, deadline),
      ),
    )
    .all();
  let told = 0;
  for (const e of episodes) {
    told += db.transaction(
      (tx) =>
        notify(tx, { programId, userId: null }, missingYouthTeam(tx, programId, e.youthId), {
          kind: "episode.ncmec_overdue",
          youthId: e.youthId,
          href: `/youth/${e.youthId}/episodes/${e.id}`,
          text: `${youthLabel(tx, e.youthId)} is missing and the NCMEC report is not recorded (due within 24 hours).`,
          urgent: true,
          onceKey: `episode.ncmec_overdue:${e.id}`,
        }),
      { behavior: "immediate" },
    );
  }
  return told;
}
