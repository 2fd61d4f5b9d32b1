/**
 * The daily and weekly email digests: once a day (or on Mondays), after 07:00 in the program's
 * time zone, each person who chose a digest and has something waiting gets one email saying how
 * many things need them, and a link. Email is not a confidential channel (DOMAIN.md), so a digest
 * is a count and links, never a name, a case, a party, a kind of request or a CSEC word.
 *
 * What it counts, per program: the person's unread notifications no email has counted yet, and
 * their own open action items due today or overdue ("My actions", under the CSEC rule). An
 * "overdue" notification is the same thing as the overdue item, so it is not counted twice.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { memberships, notifications, outbox, programs, users } from "../../db/schema";
import { utcToZonedLocal } from "../domain/dates";
import { seesCaseContent } from "../domain/permissions";
import { listMyActions } from "./action-items.server";
import { getDb, nowIso, type Db, type DbOrTx } from "./db.server";
import { appUrl } from "./mail-queue.server";
import type { Viewer } from "./session.server";

/** Digests go out from this local hour on. */
export const DIGEST_HOUR = 7;

type Frequency = "daily" | "weekly";

/** The calendar date, hour (0-23) and weekday of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; hour: number; monday: boolean } {
  // The wall clock from the app's one cached formatter (a pass looks at every user's).
  const local = utcToZonedLocal(now.toISOString(), timeZone);
  const date = local.slice(0, 10);
  return { date, hour: Number(local.slice(11, 13)), monday: new Date(`${date}T12:00:00Z`).getUTCDay() === 1 };
}

export function digestOnceKey(frequency: Frequency, userId: number, programId: number, localDate: string): string {
  return `digest:${frequency}:${userId}:${programId}:${localDate}`;
}

/** The digest's words: a count and links, nothing else. */
export function digestMail(frequency: Frequency, count: number, programName: string | null): { subject: string; body: string } {
  const when = frequency === "daily" ? "today" : "this week";
  const items = count === 1 ? "1 item needs" : `${count} items need`;
  const where = programName ? ` in ${programName}` : "";
  const how = frequency === "daily" ? "once a day" : "once a week, on Mondays";
  return {
    subject: `CASA MDT: ${items} you ${when}`,
    body:
      `${items} you ${when}${where}: open the app.\n\n${appUrl()}/\n\n` +
      `You get this email ${how} when something needs you. Change how often, or turn it off, in your settings: ${appUrl()}/settings\n`,
  };
}

type Candidate = {
  userId: number;
  email: string;
  name: string;
  frequency: Frequency;
  programId: number;
  programName: string;
  timeZone: string;
  role: Viewer["role"];
  programCount: number;
};

/** Queues the digests due at `now`; returns how many were queued. Safe to run often and on several servers. */
export function queueDigests(now: Date = new Date(), db: Db = getDb()): number {
  const candidates: Candidate[] = db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      frequency: sql<Frequency>`${users.emailFrequency}`,
      programId: programs.id,
      programName: programs.name,
      timeZone: programs.timeZone,
      role: memberships.role,
      programCount: sql<number>`(select count(*) from ${memberships} m2 where m2.user_id = ${users.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(programs, eq(programs.id, memberships.programId))
    .where(and(isNull(users.disabledAt), inArray(users.emailFrequency, ["daily", "weekly"])))
    .all();
  let queued = 0;
  for (const c of candidates) {
    const local = localClock(now, c.timeZone);
    if (local.hour < DIGEST_HOUR || (c.frequency === "weekly" && !local.monday)) continue;
    const onceKey = digestOnceKey(c.frequency, c.userId, c.programId, local.date);
    // IMMEDIATE: two servers both counting, then both marking, would be one digest counted twice.
    if (db.transaction((tx) => queueDigest(tx, c, local.date, onceKey), { behavior: "immediate" })) queued++;
  }
  return queued;
}

function queueDigest(tx: DbOrTx, c: Candidate, today: string, onceKey: string): boolean {
  if (tx.select({ id: outbox.id }).from(outbox).where(eq(outbox.onceKey, onceKey)).get()) return false;
  const waiting = tx
    .select({ id: notifications.id, kind: notifications.kind })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, c.userId),
        eq(notifications.programId, c.programId),
        isNull(notifications.readAt),
        isNull(notifications.emailedAt),
      ),
    )
    .all();
  const dueActions = seesCaseContent(c.role) ? myActionsDueBy(tx, c, today) : 0;
  const count = waiting.filter((n) => n.kind !== "action.overdue").length + dueActions;
  if (count === 0) return false;
  const { subject, body } = digestMail(c.frequency, count, c.programCount > 1 ? c.programName : null);
  const at = nowIso();
  const row = tx
    .insert(outbox)
    .values({
      programId: c.programId,
      userId: c.userId,
      toAddress: c.email,
      subject,
      body,
      kind: `digest.${c.frequency}`,
      onceKey,
      createdAt: at,
      nextAttemptAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id })
    .get();
  if (!row) return false;
  if (waiting.length) {
    tx.update(notifications)
      .set({ emailedAt: at })
      .where(
        inArray(
          notifications.id,
          waiting.map((n) => n.id),
        ),
      )
      .run();
  }
  return true;
}

/** The person's open action items due on or before `today`, as their "My actions" page counts them. */
function myActionsDueBy(tx: DbOrTx, c: Candidate, today: string): number {
  const viewer: Viewer = {
    sessionId: "",
    userId: c.userId,
    name: c.name,
    email: c.email,
    programId: c.programId,
    programName: c.programName,
    timeZone: c.timeZone,
    role: c.role,
  };
  return listMyActions(viewer, { status: "open", sortDesc: false }, tx).filter((a) => a.dueOn !== null && a.dueOn <= today).length;
}
