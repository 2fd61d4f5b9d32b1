import { auditEvents } from "../../db/schema";
import { getDb, nowIso, type DbOrTx } from "./db.server";

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

/**
 * Records that a viewer opened a youth's case content (the page, a prep packet, a court draft):
 * who read what, when, as DOMAIN.md asks of the audit log.
 */
export function auditRead(
  viewer: { programId: number; userId: number },
  action: "youth.view" | "prep_packet.view" | "court_draft.view",
  youthId: number,
  db: DbOrTx = getDb(),
): void {
  audit(db, { programId: viewer.programId, actorUserId: viewer.userId, action, entityType: "youth", entityId: youthId, youthId });
}
