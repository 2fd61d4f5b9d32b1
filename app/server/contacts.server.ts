/**
 * Contacts with the youth and the team, and how long since each core party was last contacted.
 * A contact may have several participants: the youth took part when `contacts.party_id` is null,
 * and every other participant is the party of `party_id` or a row of `contact_parties`. A
 * contact in which a party the viewer may not see took part (a CSEC advocate on an unconfirmed
 * youth) is itself hidden: it would name that party. Logging, correcting and deleting are in
 * contact-edits.server.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, max, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { caseParties, contactParties, contactRevisions, contacts, programs, users, youth } from "../../db/schema";
import { addDays, daysBetween, calendarDateIn, zonedLocalToUtc } from "../domain/dates";
import { PARTY_ROLE_LABELS, partyWithRole } from "../domain/youth";
import {
  CONTACT_EDIT_HOURS,
  CONTACT_METHOD_LABELS,
  CORE_CONTACT_PARTIES,
  type ContactMethod,
  type ContactOutcome,
} from "../domain/contacts";
import { getDb, type DbOrTx } from "./db.server";
import { CSEC_SENSITIVE, csecSensitiveShownFor } from "./csec-sensitive.server";
import { partiesShownTo } from "./parties.server";
import type { YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type ContactView = {
  id: number;
  occurredAt: string;
  method: ContactMethod;
  methodLabel: string;
  /** Everyone who took part: "The youth", or the party's name and role, then the others ("The youth, Maria Lopez (Caregiver)"). */
  withLabel: string;
  /** The party it is filed under; null when the youth took part. */
  partyId: number | null;
  summary: string;
  loggedBy: string;
  outcome: ContactOutcome;
  durationMinutes: number | null;
  /** The viewer logged it and may still correct or delete it. */
  correctable: boolean;
  /** How many times it was corrected (its earlier versions are kept). */
  revisions: number;
};

/** Narrows the contacts to one participant (a party, or "youth"), and to `from <= occurredAt < before`. */
type ContactFilter = { with?: string; from?: string; before?: string; id?: number };

/** The contact (a row of `contacts`) had the youth themself among its participants. */
export const contactWithYouth = isNull(contacts.partyId);

/** The party `partyId` took part in the contact (a row of `contacts`): as its party, or as anyone else who took part. */
export function contactHadParty(partyId: SQLWrapper | number): SQL {
  return sql`(${contacts.partyId} = ${partyId} or exists (select 1 from ${contactParties}
    where ${contactParties.contactId} = ${contacts.id} and ${contactParties.partyId} = ${partyId}))`;
}

/** The contacts of this youth the viewer may see, narrowed to one participant (or the youth) if asked. */
function contactsShown(inScope: YouthInScope, filter: ContactFilter) {
  const { youthId } = inScope;
  const shown = csecSensitiveShownFor("contact", inScope.audience, inScope.csecStatus);
  const withCondition =
    filter.with === "youth"
      ? contactWithYouth
      : filter.with && /^\d{1,15}$/.test(filter.with)
        ? contactHadParty(Number(filter.with))
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

/**
 * The other participants' labels of these contacts ("Maria Lopez (Caregiver)"), by contact, in
 * one query for the whole list. Only parties the viewer may see: a contact shown to them has no
 * other (a hidden party makes the whole contact hidden), and this says so twice.
 */
function otherParticipants(inScope: YouthInScope, contactIds: number[], db: DbOrTx): Map<number, string[]> {
  const byContact = new Map<number, string[]>();
  if (contactIds.length === 0) return byContact;
  const rows = db
    .select({ contactId: contactParties.contactId, name: caseParties.name, role: caseParties.role })
    .from(contactParties)
    .innerJoin(caseParties, eq(caseParties.id, contactParties.partyId))
    .where(and(inArray(contactParties.contactId, contactIds), eq(contactParties.youthId, inScope.youthId), partiesShownTo(inScope)))
    .orderBy(asc(contactParties.id))
    .all();
  for (const r of rows) {
    const labels = byContact.get(r.contactId) ?? [];
    labels.push(partyWithRole(r.name, r.role));
    byContact.set(r.contactId, labels);
  }
  return byContact;
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
  const rows = (filter.limit === undefined ? query : query.limit(filter.limit)).all();
  const others = otherParticipants(
    inScope,
    rows.map((c) => c.id),
    db,
  );
  return rows.map((c) => ({
    id: c.id,
    occurredAt: c.occurredAt,
    method: c.method as ContactMethod,
    methodLabel: CONTACT_METHOD_LABELS[c.method as ContactMethod] ?? c.method,
    withLabel: [c.partyName ? partyWithRole(c.partyName, c.partyRole ?? "") : "The youth", ...(others.get(c.id) ?? [])].join(", "),
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

/** Contacts that reached the person (not attempts). */
export const contactMade = sql`${contacts.outcome} = 'made'`;

/**
 * The contacts that keep someone fresh, for every viewer alike: made, and not CSEC-sensitive.
 * A visit the CSEC advocate took part in is hidden from an advocate who may not know of the
 * concern; if it counted, the caseload's and the list's staleness (one stored date for all
 * viewers) would say "contacted" where the youth's page shows no such contact, and so betray
 * it. None of the core parties is CSEC-sensitive, so this only leaves out such joint visits.
 */
export const contactKeepsFresh = sql`(${contactMade} and not ${CSEC_SENSITIVE.contact})`;

/**
 * The last contact that meets `counts` (by default: one that keeps someone fresh) in which the
 * party `partyId` took part, as SQL: two index seeks, one for contacts filed under the party and
 * one for those in which it was someone else who took part.
 */
export function lastMadeContactWithSql(partyId: SQLWrapper | number, counts: SQL = contactKeepsFresh): SQL<string | null> {
  const made = counts;
  const expression = sql`nullif(max(
    coalesce((select max(${contacts.occurredAt}) from ${contacts} where ${contacts.partyId} = ${partyId} and ${made}), ''),
    coalesce((select max(${contacts.occurredAt}) from ${contactParties} inner join ${contacts} on ${contacts.id} = ${contactParties.contactId}
      where ${contactParties.partyId} = ${partyId} and ${made}), '')), '')`;
  // Nested, so that its columns keep their table names even as a field of a one-table select
  // (drizzle leaves them out there, and "id" would then be the inner table's).
  return sql<string | null>`${expression}`;
}

/**
 * How long since the last contact with the youth and with each core party (current holders of
 * CSW, attorney, CLC case manager), flagged stale past the program's settings. Counted from the
 * contacts that keep someone fresh (`contactKeepsFresh`), the same for every viewer and the same
 * as the stored dates the lists use, so a contact hidden from some viewers never shows through.
 */
export function contactFreshness(inScope: YouthInScope, db: DbOrTx = getDb()): ContactFreshness[] {
  const { viewer, youthId } = inScope;
  const settings = staleThresholds(viewer, db);
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const since = (at: string | null) => (at ? daysBetween(calendarDateIn(new Date(at), viewer.timeZone), today) : null);
  const youthLast =
    db
      .select({ at: max(contacts.occurredAt) })
      .from(contacts)
      .where(and(eq(contacts.youthId, youthId), contactWithYouth, contactKeepsFresh))
      .get()?.at ?? null;

  const holders = db
    .select({ role: caseParties.role, name: caseParties.name, lastAt: lastMadeContactWithSql(caseParties.id) })
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), isNull(caseParties.endedOn), inArray(caseParties.role, [...CORE_CONTACT_PARTIES])))
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

/** Each core role's kept latest contact among its current holders (db/youth-sort-keys.ts): NULL when nobody holds it. */
const KEPT_CORE_CONTACT = {
  csw: youth.keptCswContact,
  attorney: youth.keptAttorneyContact,
  clc_case_manager: youth.keptClcContact,
} as const satisfies Record<(typeof CORE_CONTACT_PARTIES)[number], unknown>;

/** One term per core contact: the youth themself, then each core role held while none of its holders was contacted since the cutoff. */
function staleTerms(cutoffs: StaleCutoffs): SQL[] {
  return [
    noYouthContactSinceSql(cutoffs.youth),
    // NULL (nobody holds the role) compares to nothing: never stale. '' (no holder ever contacted) is before every cutoff.
    ...CORE_CONTACT_PARTIES.map((role) => sql`coalesce(${KEPT_CORE_CONTACT[role]} < ${cutoffs[role]}, 0)`),
  ];
}

/**
 * How many of a youth's core contacts are stale, 0 to 4, as SQL over a row of `youth`: the youth
 * themself, and each core role (CSW, attorney, CLC case manager) that someone currently holds
 * while no current holder was contacted since the cutoff, exactly as `contactFreshness` counts
 * them from the contacts. Read from the youth row alone: `last_youth_contact_at` and each role's
 * latest contact among its current holders, kept from `case_parties.last_contact_at` by triggers,
 * so the figure is the same for every viewer. A contact in which the CSEC advocate also took
 * part counts here for everyone, while `contactFreshness` leaves it out for a viewer who may not
 * see it: see the README decision "Staleness is derived and kept beside the record".
 */
export function staleContactCountSql(cutoffs: StaleCutoffs): SQL<number> {
  return sql<number>`(${sql.join(staleTerms(cutoffs), sql` + `)})`;
}

/**
 * The youth (a row of `youth`) has a stale core contact: the same rule as `staleContactCountSql`,
 * as one condition on the youth row, which a whole program's count reads from
 * `youth_program_status_contact_idx` alone (it holds every column the rule reads). The set of the
 * program's stale youth and parties it replaced visited ~10k index entries with a check per party
 * (12 ms of a lead's home at the 50k seed).
 */
export function hasStaleContactSql(cutoffs: StaleCutoffs): SQL {
  return sql`(${sql.join(staleTerms(cutoffs), sql` or `)})`;
}

/**
 * The youth (a row of `youth`) has not been contacted themself since `since` (a CASA sees the
 * youth at least monthly; contacts with the team do not stand in for that).
 */
export function noYouthContactSinceSql(since: string): SQL {
  // `IS NULL OR <` rather than `coalesce(...) <`: two ranges of youth_program_status_contact_idx
  // instead of every entry of the program (a lead's count, 3.4 -> 0.4 ms at the 50k seed).
  return sql`(${youth.lastYouthContactAt} is null or ${youth.lastYouthContactAt} < ${since})`;
}

/** Whether a contact logged at `createdAt` may still be corrected or deleted by its author. */
export function stillCorrectable(createdAt: string, now = Date.now()): boolean {
  return now - Date.parse(createdAt) < CONTACT_EDIT_HOURS * 3_600_000;
}
