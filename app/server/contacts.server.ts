/**
 * Contacts with the youth and the team, and how long since each core party was last contacted.
 * A contact with a party the viewer may not see (a CSEC advocate on an unconfirmed youth) is
 * itself hidden: it would name that party.
 */
import { data } from "react-router";
import { and, count, desc, eq, gte, inArray, isNull, lt, max, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { caseParties, contactRevisions, contacts, programs, users, youth } from "../../db/schema";
import { addDays, daysBetween, calendarDateIn, zonedLocalToUtc } from "../domain/dates";
import { staleEdit, type FieldErrors, type StaleEdit, type WriteResult } from "../domain/forms";
import { PARTY_ROLE_LABELS, partyWithRole } from "../domain/youth";
import {
  CONTACT_EDIT_HOURS,
  CONTACT_METHOD_LABELS,
  CORE_CONTACT_PARTIES,
  type ContactMethod,
  type ContactOutcome,
} from "../domain/youth-forms";
import { auditChange } from "./audit.server";
import { getDb, nowIso, type DbOrTx } from "./db.server";
import { csecSensitiveShownFor } from "./csec-sensitive.server";
import { partiesShownTo } from "./parties.server";
import { notFound, requirePermission, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type ContactView = {
  id: number;
  occurredAt: string;
  method: ContactMethod;
  methodLabel: string;
  /** "The youth", or the party's name and role. */
  withLabel: string;
  partyId: number | null;
  summary: string;
  loggedBy: string;
  outcome: ContactOutcome;
  durationMinutes: number | null;
  /** The viewer logged it and may still correct it. */
  correctable: boolean;
  /** How many times it was corrected (its earlier versions are kept). */
  revisions: number;
};

/** Narrows the contacts to one party (or "youth"), and to `from <= occurredAt < before`. */
type ContactFilter = { with?: string; from?: string; before?: string; id?: number };

/** The contacts of this youth the viewer may see, narrowed to one party (or the youth) if asked. */
function contactsShown(inScope: YouthInScope, filter: ContactFilter) {
  const { youthId } = inScope;
  const shown = csecSensitiveShownFor("contact", inScope.audience, inScope.csecStatus);
  const withCondition =
    filter.with === "youth"
      ? isNull(contacts.partyId)
      : filter.with && /^\d+$/.test(filter.with)
        ? eq(contacts.partyId, Number(filter.with))
        : undefined;
  return and(
    eq(contacts.youthId, youthId),
    shown,
    withCondition,
    filter.id === undefined ? undefined : eq(contacts.id, filter.id),
    filter.from === undefined ? undefined : gte(contacts.occurredAt, filter.from),
    filter.before === undefined ? undefined : lt(contacts.occurredAt, filter.before),
  );
}

/** The newest contacts first; `limit` of them when given (a youth may have years of them). */
export function listContacts(inScope: YouthInScope, filter: ContactFilter & { limit?: number } = {}, db: DbOrTx = getDb()): ContactView[] {
  const query = db
    .select({
      id: contacts.id,
      occurredAt: contacts.occurredAt,
      method: contacts.method,
      partyId: contacts.partyId,
      partyName: caseParties.name,
      partyRole: caseParties.role,
      summary: contacts.summary,
      loggedBy: users.name,
      outcome: contacts.outcome,
      durationMinutes: contacts.durationMinutes,
      loggedByUserId: contacts.loggedByUserId,
      createdAt: contacts.createdAt,
      revisions: sql<number>`(select count(*) from ${contactRevisions} where ${contactRevisions.contactId} = ${contacts.id})`,
    })
    .from(contacts)
    .leftJoin(caseParties, eq(caseParties.id, contacts.partyId))
    .innerJoin(users, eq(users.id, contacts.loggedByUserId))
    .where(contactsShown(inScope, filter))
    .orderBy(desc(contacts.occurredAt), desc(contacts.id));
  return (filter.limit === undefined ? query : query.limit(filter.limit)).all().map((c) => ({
    id: c.id,
    occurredAt: c.occurredAt,
    method: c.method as ContactMethod,
    methodLabel: CONTACT_METHOD_LABELS[c.method as ContactMethod] ?? c.method,
    withLabel: c.partyName ? partyWithRole(c.partyName, c.partyRole ?? "") : "The youth",
    partyId: c.partyId,
    summary: c.summary,
    loggedBy: c.loggedBy,
    outcome: c.outcome,
    durationMinutes: c.durationMinutes,
    correctable: c.loggedByUserId === inScope.viewer.userId && stillCorrectable(c.createdAt),
    revisions: c.revisions,
  }));
}

/** How many contacts `listContacts` would list without a limit. */
export function countContacts(inScope: YouthInScope, filter: ContactFilter = {}, db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(contacts).where(contactsShown(inScope, filter)).get()?.n ?? 0;
}

export type ContactFreshness = {
  key: "youth" | (typeof CORE_CONTACT_PARTIES)[number];
  label: string;
  /** Who currently holds the role; null for the youth, or when nobody does. */
  names: string[];
  lastContactAt: string | null;
  daysSince: number | null;
  thresholdDays: number;
  stale: boolean;
  /** A core role that nobody holds is a gap in the team. */
  missingFromTeam: boolean;
};

/**
 * How long since the last contact with the youth and with each core party (current holders of
 * CSW, attorney, CLC case manager), flagged stale past the program's settings.
 */
/** Contacts that reached the person (not attempts): the only ones that keep a contact fresh. */
export const contactMade = sql`${contacts.outcome} = 'made'`;

export function contactFreshness(inScope: YouthInScope, db: DbOrTx = getDb()): ContactFreshness[] {
  const { viewer, youthId } = inScope;
  const settings = staleThresholds(viewer, db);
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const since = (at: string | null) => (at ? daysBetween(calendarDateIn(new Date(at), viewer.timeZone), today) : null);

  const youthLast =
    db
      .select({ at: max(contacts.occurredAt) })
      .from(contacts)
      .where(and(eq(contacts.youthId, youthId), isNull(contacts.partyId), contactMade))
      .get()?.at ?? null;

  const holders = db
    .select({ role: caseParties.role, name: caseParties.name, lastAt: max(contacts.occurredAt) })
    .from(caseParties)
    .leftJoin(contacts, and(eq(contacts.partyId, caseParties.id), contactMade))
    .where(and(eq(caseParties.youthId, youthId), isNull(caseParties.endedOn), inArray(caseParties.role, [...CORE_CONTACT_PARTIES])))
    .groupBy(caseParties.id)
    .all();

  const youthDays = since(youthLast);
  const rows: ContactFreshness[] = [
    {
      key: "youth",
      label: "The youth",
      names: [],
      lastContactAt: youthLast,
      daysSince: youthDays,
      thresholdDays: settings.youth,
      stale: youthDays === null || youthDays > settings.youth,
      missingFromTeam: false,
    },
  ];
  for (const role of CORE_CONTACT_PARTIES) {
    const ofRole = holders.filter((h) => h.role === role);
    const lastAt =
      ofRole
        .map((h) => h.lastAt)
        .filter((a): a is string => a !== null)
        .sort()
        .at(-1) ?? null;
    const days = since(lastAt);
    rows.push({
      key: role,
      label: PARTY_ROLE_LABELS[role],
      names: ofRole.map((h) => h.name),
      lastContactAt: lastAt,
      daysSince: days,
      thresholdDays: settings[role],
      stale: ofRole.length > 0 && (days === null || days > settings[role]),
      missingFromTeam: ofRole.length === 0,
    });
  }
  return rows;
}

/**
 * The instants before which a last contact is stale: one that `contactFreshness` would flag, as
 * SQL can compare it. A contact is stale when more than `days` calendar days (in the program's
 * time zone) have passed, that is when it happened before the start of day `today - days`.
 */
export type StaleCutoffs = Record<StaleKey, string>;

/** Whose last contact is tracked for staleness: the youth, and each core party role. */
export type StaleKey = "youth" | (typeof CORE_CONTACT_PARTIES)[number];

/** The program's stale-contact thresholds, in days, for the youth and each core party. */
export function staleThresholds(viewer: Viewer, db: DbOrTx = getDb()): Record<StaleKey, number> {
  const p = db
    .select({
      youth: programs.staleYouthContactDays,
      csw: programs.staleCswContactDays,
      attorney: programs.staleAttorneyContactDays,
      clc_case_manager: programs.staleClcContactDays,
    })
    .from(programs)
    .where(eq(programs.id, viewer.programId))
    .get()!;
  return p;
}

export function staleCutoffs(viewer: Viewer, db: DbOrTx = getDb(), now = new Date()): StaleCutoffs {
  const days = staleThresholds(viewer, db);
  const at = (n: number) => startOfDayDaysAgo(n, viewer.timeZone, now);
  return { youth: at(days.youth), csw: at(days.csw), attorney: at(days.attorney), clc_case_manager: at(days.clc_case_manager) };
}

/** The UTC instant at which the calendar day `days` days before today (in `timeZone`) began. */
export function startOfDayDaysAgo(days: number, timeZone: string, now = new Date()): string {
  return zonedLocalToUtc(`${addDays(calendarDateIn(now, timeZone), -days)}T00:00`, timeZone)!;
}

/**
 * How many of a youth's core contacts are stale, 0 to 4, as SQL over a row of `youth`: the youth
 * themself, and each core role (CSW, attorney, CLC case manager) that someone currently holds
 * while no current holder was contacted since the cutoff, exactly as `contactFreshness` counts
 * them from the contacts. Read from the derived last-contact columns (a few index seeks). None
 * of these contacts is CSEC-sensitive (no core role is), so the figure is the same for every viewer.
 */
export function staleContactCountSql(cutoffs: StaleCutoffs): SQL<number> {
  const youthId = youth.id;
  const youthTerm = noYouthContactSinceSql(cutoffs.youth);
  const roleTerms = CORE_CONTACT_PARTIES.map(
    (role) => sql`(exists (select 1 from ${caseParties} where ${caseParties.youthId} = ${youthId}
        and ${caseParties.role} = ${role} and ${caseParties.endedOn} is null)
      and not exists (select 1 from ${caseParties} where ${caseParties.youthId} = ${youthId}
        and ${caseParties.role} = ${role} and ${caseParties.endedOn} is null and ${caseParties.lastContactAt} >= ${cutoffs[role]}))`,
  );
  return sql<number>`(${sql.join([youthTerm, ...roleTerms], sql` + `)})`;
}

/**
 * The youth (a row of `youth`) has a stale core contact: the same rule as `staleContactCountSql`
 * above, as a set a whole program is filtered by (an index range, not a subquery per youth).
 */
export function hasStaleContactSql(viewer: Viewer, cutoffs: StaleCutoffs): SQL {
  return sql`(${noYouthContactSinceSql(cutoffs.youth)} or ${youth.id} in (
    select p.youth_id from ${caseParties} p
    where p.program_id = ${viewer.programId} and p.role in (${sql.join(
      CORE_CONTACT_PARTIES.map((r) => sql`${r}`),
      sql`, `,
    )}) and p.ended_on is null
      and coalesce(p.last_contact_at, '') < ${cutoffOfRole(sql`p.role`, cutoffs)}
      and not exists (select 1 from ${caseParties} q where q.youth_id = p.youth_id and q.role = p.role
        and q.ended_on is null and q.last_contact_at >= ${cutoffOfRole(sql`p.role`, cutoffs)})))`;
}

/** The cutoff of a core party role held in a column, as SQL (each role has its own threshold). */
function cutoffOfRole(role: SQL, cutoffs: StaleCutoffs): SQL {
  return sql`(case ${role} ${sql.join(
    CORE_CONTACT_PARTIES.map((r) => sql`when ${r} then ${cutoffs[r]}`),
    sql` `,
  )} end)`;
}

/**
 * The youth (a row of `youth`) has not been contacted themself since `since` (a CASA sees the
 * youth at least monthly; contacts with the team do not stand in for that).
 */
export function noYouthContactSinceSql(since: string): SQL {
  return sql`(coalesce(${youth.lastYouthContactAt}, '') < ${since})`;
}

/** Contact is logged "now-ish" or in the past; a few minutes of clock drift are forgiven. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

export function logContact(
  inScope: YouthInScope,
  input: { with: string; occurredAt: string; method: ContactMethod; summary: string; outcome?: ContactOutcome; durationMinutes?: number },
  db: DbOrTx = getDb(),
): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot log contacts.");
  const errors: FieldErrors = {};
  const occurredAt = zonedLocalToUtc(input.occurredAt, viewer.timeZone);
  if (!occurredAt) errors.occurredAt = "Enter when the contact happened.";
  else if (Date.parse(occurredAt) > Date.now() + FUTURE_SLACK_MS) errors.occurredAt = "A contact cannot be in the future.";

  let partyId: number | null = null;
  if (input.with !== "youth") {
    const party = db
      .select({ id: caseParties.id })
      .from(caseParties)
      .where(and(eq(caseParties.id, Number(input.with)), eq(caseParties.youthId, youthId), partiesShownTo(inScope)))
      .get();
    if (!party) errors.with = "Choose who the contact was with.";
    else partyId = party.id;
  }
  if (Object.keys(errors).length > 0 || !occurredAt) return { ok: false, errors };

  return db.transaction((tx) => {
    const row = tx
      .insert(contacts)
      .values({
        programId: viewer.programId,
        youthId,
        partyId,
        occurredAt,
        method: input.method,
        summary: input.summary,
        outcome: input.outcome ?? "made",
        durationMinutes: input.durationMinutes ?? null,
        loggedByUserId: viewer.userId,
      })
      .returning({ id: contacts.id })
      .get();
    // An attempt (no answer) is on the record, but the person was not reached: staleness stays.
    const made = (input.outcome ?? "made") === "made";
    // The derived "last contacted" of the youth or the party, in the same transaction (a contact
    // may be logged late, so only a later one moves it).
    const later = (column: SQLWrapper) => sql`max(coalesce(${column}, ''), ${occurredAt})`;
    if (made && partyId === null) {
      tx.update(youth)
        .set({ lastYouthContactAt: later(youth.lastYouthContactAt) })
        .where(eq(youth.id, youthId))
        .run();
    } else if (made && partyId !== null) {
      tx.update(caseParties)
        .set({ lastContactAt: later(caseParties.lastContactAt) })
        .where(eq(caseParties.id, partyId))
        .run();
    }
    auditChange(tx, viewer, {
      action: "contact.log",
      entityType: "contact",
      entityId: row.id,
      youthId,
      details: { partyId, method: input.method, occurredAt, outcome: input.outcome ?? "made" },
    });
    return { ok: true as const, id: row.id };
  });
}

/** Whether a contact logged at `createdAt` may still be corrected by its author. */
function stillCorrectable(createdAt: string, now = Date.now()): boolean {
  return now - Date.parse(createdAt) < CONTACT_EDIT_HOURS * 3_600_000;
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

const NOT_CORRECTABLE = `A contact is corrected by the person who logged it, within ${CONTACT_EDIT_HOURS} hours.`;

/** One of the viewer's own contacts on this youth, still in its correction window; else 404 / 403. */
export function getContactForEdit(inScope: YouthInScope, contactId: number, db: DbOrTx = getDb()): ContactForEdit {
  requirePermission(inScope.viewer, "write:case", "Your role cannot log contacts.");
  const c = listContactById(inScope, contactId, db);
  if (!c.correctable) throw data({ message: NOT_CORRECTABLE }, { status: 403 });
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

function listContactById(inScope: YouthInScope, contactId: number, db: DbOrTx): ContactView {
  const c = listContacts(inScope, { id: contactId, limit: 1 }, db)[0];
  if (!c) notFound("Contact");
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
    // The last made contact with the youth or the party, from the contacts themselves.
    const lastMade = (party: SQL) =>
      sql`(select max(${contacts.occurredAt}) from ${contacts} where ${contacts.youthId} = ${row.youthId} and ${party} and ${contactMade})`;
    if (row.partyId === null) {
      tx.update(youth)
        .set({ lastYouthContactAt: lastMade(isNull(contacts.partyId)) })
        .where(eq(youth.id, row.youthId))
        .run();
    } else {
      tx.update(caseParties)
        .set({ lastContactAt: lastMade(eq(contacts.partyId, row.partyId)) })
        .where(eq(caseParties.id, row.partyId))
        .run();
    }
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
