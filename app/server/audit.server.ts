import { auditEvents } from "../../db/schema";
import { getDb, nowIso, type Db, type DbOrTx, type Tx } from "./db.server";

export type AuditEntry = {
  programId: number | null;
  actorUserId: number | null;
  /** Dotted verb: `session.sign_in`, `contact.create`, `csec.confirm` ... */
  action: string;
  entityType?: string;
  entityId?: string | number;
  youthId?: number;
  /** Changed fields and context. Never passwords, hashes or session ids. */
  details?: Record<string, unknown>;
};

/** Appends to the audit log. Call it with the same `tx` as the change it records. */
export function audit(tx: DbOrTx, entry: AuditEntry): void {
  tx.insert(auditEvents)
    .values({
      at: nowIso(),
      programId: entry.programId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      youthId: entry.youthId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .run();
}

/** Who acted: the signed-in viewer, in the program they are working in. */
type Actor = { programId: number; userId: number };

/** Appends what `viewer` changed to the audit log; call it with the same `tx` as the change. */
export function auditChange(tx: DbOrTx, viewer: Actor, entry: Omit<AuditEntry, "programId" | "actorUserId">): void {
  audit(tx, { programId: viewer.programId, actorUserId: viewer.userId, ...entry });
}

export type ReadAction = "youth.view" | "prep_packet.view" | "court_draft.view";

/**
 * Records that a viewer opened a youth's case content (the page, a prep packet, a court draft):
 * who read what, when, as DOMAIN.md asks of the audit log.
 */
export function auditRead(viewer: { programId: number; userId: number }, action: ReadAction, youthId: number, db: DbOrTx = getDb()): void {
  audit(db, { programId: viewer.programId, actorUserId: viewer.userId, action, entityType: "youth", entityId: youthId, youthId });
}

/**
 * Reads a record about one youth and logs that the viewer read it, in one transaction: the page
 * sees one consistent state of the record, and it is never shown without its audit row. The read
 * goes first, so a youth that is not in scope (or does not exist) is a 404 and logs nothing.
 */
export function readAudited<T>(viewer: Actor, action: ReadAction, youthId: number, read: (tx: Tx) => T, db: Db = getDb()): T {
  return db.transaction((tx) => {
    const result = read(tx);
    auditRead(viewer, action, youthId, tx);
    return result;
  });
}
