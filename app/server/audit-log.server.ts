/**
 * The audit viewer (`/audit`, program leads): the program's audit log, newest first, filtered
 * and paged in SQL. Read only: the log is append-only (triggers refuse updates and deletes) and
 * nothing here writes to it.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { auditEvents, memberships, users, youth } from "../../db/schema";
import { addDays, zonedLocalToUtc } from "../domain/dates";
import { displayName } from "../domain/youth";
import { getDb, type Db } from "./db.server";
import { requireCaseAccess, requirePermission } from "./scope.server";
import type { Viewer } from "./session.server";
import { likeContains } from "./sql.server";
import { youthMatches } from "./youth.server";

export function requireAuditReader(viewer: Viewer): void {
  requireCaseAccess(viewer);
  requirePermission(viewer, "read:audit", "The audit log is for program leads.");
}

export type AuditQuery = {
  /** Part of the name or email of who acted. */
  who?: string;
  /** A youth, by id (the youth page's "who has seen this record"). */
  youthId?: number;
  /** Part of a youth's name or case number. */
  youthText?: string;
  action?: string;
  /** Calendar days in the program's time zone, both included. */
  from?: string;
  to?: string;
  page: number;
  size: number;
};

export type AuditRow = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string | null;
  youthId: number | null;
  youthName: string | null;
  details: string | null;
};

const actor = alias(users, "actor");

/** How many people or youth a text filter may stand for (beyond that, narrow the text). */
const MATCH_LIMIT = 500;

/**
 * The log is the biggest table: counting a program's millions of rows to print "2,909,251
 * entries" would cost more than the page itself. Counts stop here ("more than 10,000"), and so
 * does paging: older entries are reached by narrowing the dates or the other filters.
 */
export const AUDIT_COUNT_LIMIT = 10_000;

export function listAuditEvents(
  viewer: Viewer,
  query: AuditQuery,
  db: Db = getDb(),
): { rows: AuditRow[]; total: number; totalIsCapped: boolean; page: number; actions: string[] } {
  requireAuditReader(viewer);
  const page = Math.min(query.page, Math.ceil(AUDIT_COUNT_LIMIT / query.size));
  const where: SQL[] = [eq(auditEvents.programId, viewer.programId)];
  if (query.who?.trim()) {
    const ids = db
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.programId, viewer.programId)))
      .where(sql`(${likeContains(users.name, query.who.trim())} or ${likeContains(users.email, query.who.trim())})`)
      .limit(MATCH_LIMIT)
      .all()
      .map((r) => r.id);
    where.push(inArray(auditEvents.actorUserId, ids.length ? ids : [0]));
  }
  if (query.youthId) where.push(eq(auditEvents.youthId, query.youthId));
  if (query.youthText?.trim()) {
    const ids = db
      .select({ id: youth.id })
      .from(youth)
      .where(and(eq(youth.programId, viewer.programId), youthMatches(query.youthText.trim())))
      .limit(MATCH_LIMIT)
      .all()
      .map((r) => r.id);
    where.push(inArray(auditEvents.youthId, ids.length ? ids : [0]));
  }
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.from) where.push(gte(auditEvents.at, zonedLocalToUtc(`${query.from}T00:00`, viewer.timeZone)!));
  if (query.to) where.push(lt(auditEvents.at, zonedLocalToUtc(`${addDays(query.to, 1)}T00:00`, viewer.timeZone)!));
  const condition = and(...where);
  const matching = db
    .select({ one: sql`1` })
    .from(auditEvents)
    .where(condition)
    .limit(AUDIT_COUNT_LIMIT + 1)
    .as("matching");
  const counted =
    db
      .select({ n: sql<number>`count(*)` })
      .from(matching)
      .get()?.n ?? 0;
  const total = Math.min(counted, AUDIT_COUNT_LIMIT);
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: actor.name,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      youthId: auditEvents.youthId,
      firstName: youth.firstName,
      lastName: youth.lastName,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(youth, eq(youth.id, auditEvents.youthId))
    .where(condition)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.size)
    .offset((page - 1) * query.size)
    .all();
  // The actions this program's log holds, for the filter (audit_program_action_at_idx).
  const actions = db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.programId, viewer.programId))
    .orderBy(auditEvents.action)
    .all()
    .map((r) => r.action);
  return {
    total,
    totalIsCapped: counted > AUDIT_COUNT_LIMIT,
    page,
    actions,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actorName,
      action: r.action,
      entity: r.entityType ? `${r.entityType}${r.entityId ? ` #${r.entityId}` : ""}` : null,
      youthId: r.youthId,
      youthName: r.firstName !== null && r.lastName !== null ? displayName({ firstName: r.firstName, lastName: r.lastName }) : null,
      details: r.details,
    })),
  };
}
