/**
 * Logging, correcting and deleting contacts. Each keeps the derived "last contacted" columns
 * (`youth.last_youth_contact_at`, `case_parties.last_contact_at`) true in its own transaction,
 * for everyone who took part, and writes its audit row there too.
 *
 * Who took part is stored one way: the youth took part exactly when `contacts.party_id` is null;
 * every other participant is `party_id` or a row of `contact_parties`. With the CSW and the
 * attorney: party_id = the CSW, contact_parties = [the attorney]. With the youth and the
 * caregiver: party_id null, contact_parties = [the caregiver].
 */
import { data } from "react-router";
import { and, asc, desc, eq, inArray, isNull, sql, type SQLWrapper } from "drizzle-orm";
import { caseParties, contactDeletions, contactParties, contactRevisions, contacts, users, youth } from "../../db/schema";
import { zonedLocalToUtc } from "../domain/dates";
import { staleEdit, type FieldErrors, type StaleEdit, type WriteResult } from "../domain/forms";
import { CONTACT_EDIT_HOURS, type ContactMethod, type ContactOutcome } from "../domain/contacts";
import { auditChange } from "./audit.server";
import { contactKeepsFresh, contactWithYouth, lastMadeContactWithSql, listContacts, type ContactView } from "./contacts.server";
import { CSEC_SENSITIVE } from "./csec-sensitive.server";
import { getDb, nowIso, type DbOrTx } from "./db.server";
import { partiesShownTo } from "./parties.server";
import { notFound, requirePermission, type YouthInScope } from "./scope.server";

/** Contact is logged "now-ish" or in the past; a few minutes of clock drift are forgiven. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

const DENIED = "Your role cannot log contacts.";
const WHO_MESSAGE = "Choose who the contact was with.";

/**
 * Who took part, from the ticked boxes ("youth" and party ids): the youth, and the parties in the
 * order ticked. Each party must be a current member of this youth's team whom the viewer may see
 * (a party of another youth, or a hidden one, is a field error, never a 500 or a hint).
 */
function participantsOf(inScope: YouthInScope, ticked: readonly string[], db: DbOrTx): { withYouth: boolean; partyIds: number[] } | null {
  const withYouth = ticked.includes("youth");
  const wanted = [...new Set(ticked.filter((t) => t !== "youth").map(Number))];
  if (wanted.some((id) => !Number.isSafeInteger(id))) return null;
  if (!withYouth && wanted.length === 0) return null;
  if (wanted.length === 0) return { withYouth, partyIds: [] };
  const found = new Set(
    db
      .select({ id: caseParties.id })
      .from(caseParties)
      .where(
        and(
          inArray(caseParties.id, wanted),
          eq(caseParties.youthId, inScope.youthId),
          isNull(caseParties.endedOn),
          partiesShownTo(inScope),
        ),
      )
      .all()
      .map((p) => p.id),
  );
  return wanted.every((id) => found.has(id)) ? { withYouth, partyIds: wanted } : null;
}

export function logContact(
  inScope: YouthInScope,
  input: {
    /** Everyone who took part: "youth" and/or case party ids. */
    with: readonly string[];
    occurredAt: string;
    method: ContactMethod;
    summary: string;
    outcome?: ContactOutcome;
    durationMinutes?: number;
  },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", DENIED);
  const errors: FieldErrors = {};
  const occurredAt = zonedLocalToUtc(input.occurredAt, viewer.timeZone);
  if (!occurredAt) errors.occurredAt = "Enter when the contact happened.";
  else if (Date.parse(occurredAt) > Date.now() + FUTURE_SLACK_MS) errors.occurredAt = "A contact cannot be in the future.";
  const who = participantsOf(inScope, input.with, db);
  if (!who) errors.with = WHO_MESSAGE;
  if (Object.keys(errors).length > 0 || !occurredAt || !who) return { ok: false, errors };

  // The youth took part exactly when party_id is null; otherwise the first party ticked is filed as party_id.
  const [filedUnder, ...others] = who.withYouth ? [null, ...who.partyIds] : who.partyIds;
  const outcome = input.outcome ?? "made";
  return db.transaction((tx) => {
    const row = tx
      .insert(contacts)
      .values({
        programId: viewer.programId,
        youthId,
        partyId: filedUnder ?? null,
        occurredAt,
        method: input.method,
        summary: input.summary,
        outcome,
        durationMinutes: input.durationMinutes ?? null,
        loggedByUserId: viewer.userId,
      })
      .returning({ id: contacts.id })
      .get();
    if (others.length > 0) {
      tx.insert(contactParties)
        .values(others.map((partyId) => ({ programId: viewer.programId, youthId, contactId: row.id, partyId: partyId! })))
        .run();
    }
    // An attempt (no answer) is on the record, but nobody was reached: staleness stays. A made
    // contact may be logged late, so only a later one moves each "last contacted".
    // A contact the CSEC advocate took part in keeps nobody fresh (see `contactKeepsFresh`).
    const sensitive = tx
      .select({ s: sql<number>`${CSEC_SENSITIVE.contact}` })
      .from(contacts)
      .where(eq(contacts.id, row.id))
      .get()!.s;
    if (outcome === "made" && !sensitive) {
      const later = (column: SQLWrapper) => sql`max(coalesce(${column}, ''), ${occurredAt})`;
      if (who.withYouth) {
        tx.update(youth)
          .set({ lastYouthContactAt: later(youth.lastYouthContactAt) })
          .where(eq(youth.id, youthId))
          .run();
      }
      if (who.partyIds.length > 0) {
        tx.update(caseParties)
          .set({ lastContactAt: later(caseParties.lastContactAt) })
          .where(inArray(caseParties.id, who.partyIds))
          .run();
      }
    }
    auditChange(tx, viewer, {
      action: "contact.log",
      entityType: "contact",
      entityId: row.id,
      youthId,
      details: { withYouth: who.withYouth, partyIds: who.partyIds, method: input.method, occurredAt, outcome },
    });
    return { ok: true as const, id: row.id };
  });
}

/** Who took part in a stored contact: the youth or not, and every party (filed under, then the others). */
function participantsOfContact(tx: DbOrTx, contact: { id: number; partyId: number | null }): { withYouth: boolean; partyIds: number[] } {
  const others = tx
    .select({ partyId: contactParties.partyId })
    .from(contactParties)
    .where(eq(contactParties.contactId, contact.id))
    .orderBy(asc(contactParties.id))
    .all()
    .map((r) => r.partyId);
  return { withYouth: contact.partyId === null, partyIds: contact.partyId === null ? others : [contact.partyId, ...others] };
}

/**
 * Works the derived "last contacted" columns out again from the made contacts that remain, for
 * the youth (when they took part) and each party who took part: after a correction (the date or
 * the outcome may have changed) or a deletion.
 */
function recomputeLastContacts(tx: DbOrTx, youthId: number, who: { withYouth: boolean; partyIds: number[] }): void {
  if (who.withYouth) {
    tx.update(youth)
      .set({
        lastYouthContactAt: sql`(select max(${contacts.occurredAt}) from ${contacts}
          where ${contacts.youthId} = ${youthId} and ${contactWithYouth} and ${contactKeepsFresh})`,
      })
      .where(eq(youth.id, youthId))
      .run();
  }
  for (const partyId of who.partyIds) {
    tx.update(caseParties)
      .set({ lastContactAt: lastMadeContactWithSql(partyId) })
      .where(eq(caseParties.id, partyId))
      .run();
  }
}

export type ContactForEdit = {
  id: number;
  withLabel: string;
  occurredAt: string;
  method: ContactMethod;
  outcome: ContactOutcome;
  durationMinutes: number | null;
  summary: string;
  /** The number of earlier versions: grows with each correction, so a stale form is refused. */
  version: number;
  history: Array<{
    occurredAt: string;
    method: string;
    outcome: string;
    durationMinutes: number | null;
    summary: string;
    revisedAt: string;
    by: string;
  }>;
};

const NOT_CORRECTABLE = `A contact is corrected or deleted by the person who logged it, within ${CONTACT_EDIT_HOURS} hours.`;

/** One of the viewer's own contacts on this youth, still in its correction window; else 404 / 403. */
export function getContactForEdit(inScope: YouthInScope, contactId: number, db: DbOrTx = getDb()): ContactForEdit {
  const c = requireOwnContact(inScope, contactId, db);
  const history = db
    .select({
      occurredAt: contactRevisions.occurredAt,
      method: contactRevisions.method,
      outcome: contactRevisions.outcome,
      durationMinutes: contactRevisions.durationMinutes,
      summary: contactRevisions.summary,
      revisedAt: contactRevisions.revisedAt,
      by: users.name,
    })
    .from(contactRevisions)
    .innerJoin(users, eq(users.id, contactRevisions.revisedByUserId))
    .where(eq(contactRevisions.contactId, contactId))
    .orderBy(desc(contactRevisions.revisedAt), desc(contactRevisions.id))
    .all();
  return {
    id: c.id,
    withLabel: c.withLabel,
    occurredAt: c.occurredAt,
    method: c.method,
    outcome: c.outcome,
    durationMinutes: c.durationMinutes,
    summary: c.summary,
    version: c.revisions,
    history,
  };
}

/**
 * A contact of this youth the viewer may see (else 404), logged by the viewer and still within
 * the window (else 403): the one check for correcting and for deleting.
 */
export function requireOwnContact(inScope: YouthInScope, contactId: number, db: DbOrTx = getDb()): ContactView {
  requirePermission(inScope.viewer, "write:case", DENIED);
  const c = listContacts(inScope, { id: contactId, limit: 1 }, db)[0];
  if (!c) notFound("Contact");
  if (!c.correctable) throw data({ message: NOT_CORRECTABLE }, { status: 403 });
  return c;
}

/**
 * Corrects one's own contact: the earlier version goes to its history, the derived last-contact
 * dates are worked out again (the date or the outcome may have changed), and the audit log says
 * what changed, all in one transaction.
 */
export function correctContact(
  inScope: YouthInScope,
  contactId: number,
  input: { occurredAt: string; method: ContactMethod; outcome: ContactOutcome; durationMinutes?: number; summary: string },
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<ContactForEdit> {
  const { viewer } = inScope;
  const occurredAt = zonedLocalToUtc(input.occurredAt, viewer.timeZone);
  if (!occurredAt) return { ok: false, errors: { occurredAt: "Enter when the contact happened." } };
  if (Date.parse(occurredAt) > Date.now() + FUTURE_SLACK_MS)
    return { ok: false, errors: { occurredAt: "A contact cannot be in the future." } };
  return db.transaction((tx) => {
    const current = getContactForEdit(inScope, contactId, tx);
    if (current.version !== baseVersion) return staleEdit(current);
    const row = tx.select().from(contacts).where(eq(contacts.id, contactId)).get()!;
    const at = nowIso();
    tx.insert(contactRevisions)
      .values({
        programId: viewer.programId,
        contactId,
        occurredAt: row.occurredAt,
        method: row.method,
        outcome: row.outcome,
        durationMinutes: row.durationMinutes,
        summary: row.summary,
        revisedByUserId: viewer.userId,
        revisedAt: at,
      })
      .run();
    tx.update(contacts)
      .set({
        occurredAt,
        method: input.method,
        outcome: input.outcome,
        durationMinutes: input.durationMinutes ?? null,
        summary: input.summary,
      })
      .where(eq(contacts.id, contactId))
      .run();
    recomputeLastContacts(tx, row.youthId, participantsOfContact(tx, row));
    const changed = (["occurredAt", "method", "outcome", "durationMinutes", "summary"] as const).filter(
      (k) => ({ ...input, occurredAt, durationMinutes: input.durationMinutes ?? null })[k] !== row[k],
    );
    auditChange(tx, viewer, {
      action: "contact.correct",
      entityType: "contact",
      entityId: contactId,
      youthId: row.youthId,
      details: { changed },
    });
    return { ok: true as const, id: contactId };
  });
}

/**
 * Deletes one's own contact within the window: the whole record (who took part, its earlier
 * versions) moves to `contact_deletions`, its rows leave `contacts`, `contact_parties` and
 * `contact_revisions` (so no list, count or report can include it by accident), the derived
 * last-contact dates of everyone who took part are worked out again from what remains, and it is
 * audited, all in one transaction.
 */
export function deleteContact(inScope: YouthInScope, contactId: number, input: { reason?: string }, db: DbOrTx = getDb()): WriteResult {
  const { viewer } = inScope;
  return db.transaction((tx) => {
    requireOwnContact(inScope, contactId, tx);
    const row = tx.select().from(contacts).where(eq(contacts.id, contactId)).get()!;
    const who = participantsOfContact(tx, row);
    const revisions = tx
      .select()
      .from(contactRevisions)
      .where(eq(contactRevisions.contactId, contactId))
      .orderBy(asc(contactRevisions.id))
      .all();
    tx.insert(contactDeletions)
      .values({
        programId: row.programId,
        youthId: row.youthId,
        contactId,
        partyIds: JSON.stringify(who.partyIds),
        withYouth: who.withYouth,
        occurredAt: row.occurredAt,
        method: row.method,
        outcome: row.outcome,
        durationMinutes: row.durationMinutes,
        summary: row.summary,
        loggedByUserId: row.loggedByUserId,
        loggedAt: row.createdAt,
        revisions: JSON.stringify(revisions),
        reason: input.reason ?? null,
        deletedByUserId: viewer.userId,
        deletedAt: nowIso(),
      })
      .run();
    tx.delete(contactRevisions).where(eq(contactRevisions.contactId, contactId)).run();
    tx.delete(contactParties).where(eq(contactParties.contactId, contactId)).run();
    tx.delete(contacts).where(eq(contacts.id, contactId)).run();
    recomputeLastContacts(tx, row.youthId, who);
    auditChange(tx, viewer, {
      action: "contact.delete",
      entityType: "contact",
      entityId: contactId,
      youthId: row.youthId,
      details: {
        withYouth: who.withYouth,
        partyIds: who.partyIds,
        occurredAt: row.occurredAt,
        outcome: row.outcome,
        reasonGiven: !!input.reason,
      },
    });
    return { ok: true as const, id: contactId };
  });
}
