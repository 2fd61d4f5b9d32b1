/**
 * Notifications: what the app tells people so that nobody has to check back. Each is written in
 * the transaction of the change it is about (`notify`), and only to recipients who may see that
 * change: the youth is in their scope, and a CSEC-sensitive record only when the CSEC rule lets
 * them see it on that youth. So an advocate is never told of a CSEC MDT, a concern or a
 * CSEC-sensitive request they may not see, and nothing in their inbox (its rows, its count, its
 * wording) changes because of one. The inbox text is for the app only; email carries counts and
 * links (see mail-queue.server.ts).
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { memberships, notifications, users, youth, youthAssignments, youthCsecStatus } from "../../db/schema";
import { csecSensitiveVisible } from "../domain/csec";
import { csecAudienceOf as audienceOfRole } from "../domain/permissions";
import type { Role } from "../domain/roles";
import { getDb, nowIso, type DbOrTx } from "./db.server";
import { queueNotificationEmail, type MailRecipient } from "./mail-queue.server";
import { notFound, youthScopeCondition } from "./scope.server";
import type { Viewer } from "./session.server";

export type NotificationInput = {
  kind: string;
  youthId: number | null;
  href: string;
  text: string;
  /** A youth missing now, an NCMEC report overdue: email at once, whatever the person chose. */
  urgent?: boolean;
  /** The record is CSEC-sensitive (a concern, a CSEC MDT, a request addressed to the CSEC advocate ...). */
  csecSensitive?: boolean;
  /** Scheduler-made notifications: one per person and occasion. */
  onceKey?: string;
};

type Recipient = MailRecipient & { role: Role };

/** The active members of the program among `userIds`, with their role there. */
function membersAmong(tx: DbOrTx, programId: number, userIds: number[]): Recipient[] {
  if (userIds.length === 0) return [];
  return tx
    .select({
      userId: users.id,
      email: users.email,
      emailFrequency: users.emailFrequency,
      role: memberships.role,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.programId, programId)))
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt)))
    .all();
}

/** Whether the youth is in the recipient's scope, and a CSEC-sensitive record of it visible to them. */
function recipientSees(tx: DbOrTx, programId: number, r: Recipient, youthId: number, csecSensitive: boolean): boolean {
  const asViewer = { userId: r.userId, programId, role: r.role } as Viewer;
  const row = tx
    .select({ status: youthCsecStatus.status })
    .from(youth)
    .leftJoin(youthCsecStatus, eq(youthCsecStatus.youthId, youth.id))
    .where(and(eq(youth.id, youthId), youthScopeCondition(asViewer)))
    .get();
  if (!row) return false;
  return !csecSensitive || csecSensitiveVisible(audienceOfRole(r.role), row.status ?? "none");
}

/**
 * Tells each of `to` (user ids; the one who acted is left out) of a change, in `tx`: one inbox
 * row each, for those who may see it, and an email for those who asked for one at once (or for
 * everyone, when urgent). Returns how many were told.
 */
export function notify(tx: DbOrTx, actor: { programId: number; userId: number | null }, to: number[], n: NotificationInput): number {
  const ids = [...new Set(to)].filter((id) => id !== actor.userId);
  const at = nowIso();
  let told = 0;
  for (const r of membersAmong(tx, actor.programId, ids)) {
    if (n.youthId !== null && !recipientSees(tx, actor.programId, r, n.youthId, n.csecSensitive ?? false)) continue;
    const row = tx
      .insert(notifications)
      .values({
        programId: actor.programId,
        userId: r.userId,
        kind: n.kind,
        youthId: n.youthId,
        href: n.href,
        text: n.text,
        urgent: n.urgent ?? false,
        onceKey: n.onceKey ?? null,
        createdAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id })
      .get();
    if (!row) continue; // this occasion was already notified
    told++;
    queueNotificationEmail(tx, actor.programId, r, { id: row.id, kind: n.kind, urgent: n.urgent ?? false });
  }
  return told;
}

// ---------------------------------------------------------------------------------------------
// Who is told

/** The youth's current advocates or supervisors. */
export function assignedTo(tx: DbOrTx, youthId: number, kind: "advocate" | "supervisor"): number[] {
  return tx
    .select({ id: youthAssignments.userId })
    .from(youthAssignments)
    .where(and(eq(youthAssignments.youthId, youthId), eq(youthAssignments.kind, kind), isNull(youthAssignments.endedOn)))
    .all()
    .map((r) => r.id);
}

/** The program's leads. */
export function programLeads(tx: DbOrTx, programId: number): number[] {
  return tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.programId, programId), eq(memberships.role, "program_lead")))
    .all()
    .map((r) => r.id);
}

/** Who is told at once that the youth is missing, or that the NCMEC report is overdue: advocates, supervisors, leads. */
export function missingYouthTeam(tx: DbOrTx, programId: number, youthId: number): number[] {
  return [...assignedTo(tx, youthId, "advocate"), ...assignedTo(tx, youthId, "supervisor"), ...programLeads(tx, programId)];
}

/** Who decides the youth's requests: their supervisors, or the program's leads when they have none. */
export function requestDeciders(tx: DbOrTx, programId: number, youthId: number): number[] {
  const supervisors = assignedTo(tx, youthId, "supervisor");
  return supervisors.length ? supervisors : programLeads(tx, programId);
}

/** How a notification names a youth: first name and initial of the last ("Jasmine N."). */
export function youthLabel(tx: DbOrTx, youthId: number): string {
  const y = tx.select({ firstName: youth.firstName, lastName: youth.lastName }).from(youth).where(eq(youth.id, youthId)).get();
  if (!y) return "a youth";
  const initial = Array.from(y.lastName.trim())[0];
  return initial ? `${y.firstName} ${initial.toLocaleUpperCase("en-US")}.` : y.firstName;
}

// ---------------------------------------------------------------------------------------------
// The inbox

export type InboxItem = { id: number; kind: string; href: string; text: string; urgent: boolean; createdAt: string; read: boolean };

export const INBOX_PAGE_SIZE = 50;

/** The viewer's notifications in their current program, newest first, paged. */
export function inboxOf(viewer: Viewer, page: number, db: DbOrTx = getDb()): { items: InboxItem[]; total: number; unread: number } {
  const mine = and(eq(notifications.userId, viewer.userId), eq(notifications.programId, viewer.programId));
  const total = db.select({ n: count() }).from(notifications).where(mine).get()?.n ?? 0;
  const items = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      href: notifications.href,
      text: notifications.text,
      urgent: notifications.urgent,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE)
    .all()
    .map(({ readAt, ...n }) => ({ ...n, read: readAt !== null }));
  return { items, total, unread: unreadCount(viewer, db) };
}

/** How many of the viewer's notifications in their current program are unread (the header's badge). */
export function unreadCount(viewer: Pick<Viewer, "userId" | "programId">, db: DbOrTx = getDb()): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt), eq(notifications.programId, viewer.programId)))
      .get()?.n ?? 0
  );
}

/** Marks one of the viewer's notifications read and returns where it points; 404 for anyone else's. */
export function openNotification(viewer: Viewer, id: number, db: DbOrTx = getDb()): string {
  const row = db
    .select({ href: notifications.href, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, viewer.userId), eq(notifications.programId, viewer.programId)))
    .get();
  if (!row) notFound("Notification");
  if (row.readAt === null) db.update(notifications).set({ readAt: nowIso() }).where(eq(notifications.id, id)).run();
  return row.href;
}

/** Marks the given notifications of the viewer (or all of them) read. */
export function markRead(viewer: Viewer, ids: number[] | "all", db: DbOrTx = getDb()): number {
  return db
    .update(notifications)
    .set({ readAt: nowIso() })
    .where(
      and(
        eq(notifications.userId, viewer.userId),
        eq(notifications.programId, viewer.programId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids.length ? ids : [0]),
      ),
    )
    .run().changes;
}
