/**
 * The whole domain of DOMAIN.md as SQLite tables.
 *
 * Conventions used throughout:
 * - every case record carries `program_id`, so scoping to a program is one indexed predicate;
 * - timestamps are UTC ISO-8601 strings (`..._at`), calendar dates are `YYYY-MM-DD` (`..._on`);
 * - history is kept by closing rows (`ended_on`) or by event rows, never by deleting;
 * - the youth's CSEC status lives in its own table (`youth_csec_status`), never on `youth`, so a
 *   query that selects youth rows cannot carry the status along by accident.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const programs = sqliteTable("programs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  timeZone: text("time_zone").notNull().default("America/Los_Angeles"),
  /** Days after which the last contact with the youth is flagged stale. */
  staleYouthContactDays: integer("stale_youth_contact_days").notNull().default(30),
  /** Days after which the last contact with the youth's social worker (CSW) is flagged stale. */
  staleCswContactDays: integer("stale_csw_contact_days").notNull().default(45),
  /** Days after which the last contact with the minor's attorney is flagged stale. */
  staleAttorneyContactDays: integer("stale_attorney_contact_days").notNull().default(45),
  /** Days after which the last contact with the CLC case manager is flagged stale. */
  staleClcContactDays: integer("stale_clc_contact_days").notNull().default(45),
  /** Grows with each change of the settings, so a stale settings form is refused. */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

/**
 * The request types a program uses and what it calls them. A type with no row is used, under
 * its catalogue label (app/domain/requests.ts). Whether a type is CSEC-sensitive is never a
 * setting: it is decided by the catalogue alone.
 */
export const programRequestTypes = sqliteTable(
  "program_request_types",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    type: text("type").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Null: the catalogue's label. */
    label: text("label"),
  },
  (t) => [uniqueIndex("program_request_types_uq").on(t.programId, t.type)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored lower-cased; unique across the installation. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: text("disabled_at"),
    /** How the user hears of their notifications by email (never with case details): at once, a daily or weekly digest, or not at all. */
    emailFrequency: text("email_frequency", { enum: ["immediate", "daily", "weekly", "none"] })
      .notNull()
      .default("daily"),
    /**
     * The secret in the user's private calendar feed URL (`/calendar/<token>.ics`); null when
     * they have none or revoked it. Regenerating it makes the old URL stop working.
     */
    calendarToken: text("calendar_token"),
    /** The feed carries the user's action item due dates as well as their meetings. */
    calendarActions: integer("calendar_actions", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    uniqueIndex("users_calendar_token_uq").on(t.calendarToken),
    // Member lists by name (/admin/users): walk names in order and stop at the page, instead of
    // sorting a large program's whole staff (43,000 members at 200,000 youth: 12.7 -> 0.1 ms).
    index("users_name_idx").on(t.name),
  ],
);

/** A user's role in a program. One role per user per program. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    role: text("role", { enum: ["advocate", "supervisor", "program_lead", "admin"] }).notNull(),
    /**
     * For an advocate: the supervisor who usually supervises their cases, offered first when a
     * youth is taken in with this advocate. Scope never reads it (assignments decide who sees what).
     */
    supervisorUserId: integer("supervisor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_program_uq").on(t.userId, t.programId),
    index("memberships_program_role_idx").on(t.programId, t.role),
    check("memberships_role_ck", sql`${t.role} in ('advocate','supervisor','program_lead','admin')`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /**
     * SHA-256 of the session's random 256-bit id (hex). The id itself is only ever in the signed
     * cookie, so a copy of the database holds no session anyone could use.
     */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Sliding: pushed forward on activity, never past `absolute_expires_at`. */
    expiresAt: text("expires_at").notNull(),
    absoluteExpiresAt: text("absolute_expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/**
 * One-time links to set a password (a new account, or a reset by an administrator). Only the
 * SHA-256 of the token is kept; the link itself is shown once, to hand over. Used or expired rows
 * stay, as the record of who issued which link when.
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    tokenHash: text("token_hash").notNull(),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("password_resets_token_uq").on(t.tokenHash), index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

export const youth = sqliteTable(
  "youth",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    /** Name or initials, as the program records it. */
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: text("date_of_birth").notNull(),
    caseNumber: text("case_number").notNull(),
    caseStatus: text("case_status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    /**
     * When the youth themself was last contacted: the latest `contacts.occurred_at` with no party,
     * kept in the transaction that logs a contact. Derived (contacts are the record); it lets a
     * whole program's staleness be counted from an index instead of a subquery per youth.
     */
    lastYouthContactAt: text("last_youth_contact_at"),
    /*
     * The youth list's sort keys, kept by triggers (db/youth-sort-keys.ts, migration 0029) so
     * that a whole program sorts by an index instead of a subquery per youth. Derived: the
     * assignments, users, placements and CSEC status are the record.
     */
    /** The first (by name) current advocate's name. */
    sortAdvocate: text("sort_advocate"),
    /** The first (by name) current supervisor's name. */
    sortSupervisor: text("sort_supervisor"),
    /** The current placement's type. */
    sortPlacement: text("sort_placement"),
    /** The CSEC status as a rank: 0 none, 1 concern, 2 confirmed. Never sent: the list orders by it as the viewer may see it. */
    sortCsec: integer("sort_csec").notNull().default(0),
    /*
     * Each core role's latest contact among its current holders, kept by triggers on case_parties
     * (db/youth-sort-keys.ts, migration 0031): NULL when nobody holds the role, '' when nobody
     * holding it was ever contacted. Derived (case_parties.last_contact_at is); with
     * last_youth_contact_at, a program's youth with a stale core contact are counted from one index.
     */
    keptCswContact: text("kept_csw_contact"),
    keptAttorneyContact: text("kept_attorney_contact"),
    keptClcContact: text("kept_clc_contact"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("youth_program_case_number_uq").on(t.programId, t.caseNumber),
    index("youth_program_status_advocate_idx").on(t.programId, t.caseStatus, t.sortAdvocate, t.lastName, t.firstName),
    index("youth_program_status_supervisor_idx").on(t.programId, t.caseStatus, t.sortSupervisor, t.lastName, t.firstName),
    index("youth_program_status_placement_idx").on(t.programId, t.caseStatus, t.sortPlacement, t.lastName, t.firstName),
    index("youth_program_status_csec_idx").on(t.programId, t.caseStatus, t.sortCsec, t.lastName, t.firstName),
    index("youth_program_status_contact_idx").on(
      t.programId,
      t.caseStatus,
      t.lastYouthContactAt,
      t.keptCswContact,
      t.keptAttorneyContact,
      t.keptClcContact,
    ),
    index("youth_program_last_name_idx").on(t.programId, t.lastName, t.firstName),
    index("youth_program_dob_idx").on(t.programId, t.dateOfBirth),
    // Serves the default list (open cases by name) without a sort step, even on deep pages.
    index("youth_program_status_name_idx").on(t.programId, t.caseStatus, t.lastName, t.firstName),
  ],
);

export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    type: text("type").notNull(),
    /** Home, facility or caregiver name; free text. */
    description: text("description"),
    startedOn: text("started_on").notNull(),
    /** Null while this is the current placement. */
    endedOn: text("ended_on"),
    endReason: text("end_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("placements_youth_current_idx").on(t.youthId, t.endedOn, t.type),
    index("placements_current_type_idx")
      .on(t.type, t.youthId)
      .where(sql`ended_on is null`),
    uniqueIndex("placements_one_current_uq")
      .on(t.youthId)
      .where(sql`ended_on is null`),
    index("placements_program_type_idx").on(t.programId, t.type),
  ],
);

/** Which users are a youth's advocate(s) and supervisor, with history. */
export const youthAssignments = sqliteTable(
  "youth_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["advocate", "supervisor"] }).notNull(),
    startedOn: text("started_on").notNull(),
    endedOn: text("ended_on"),
    createdAt: createdAt(),
  },
  (t) => [
    index("assignments_user_kind_current_idx").on(t.userId, t.kind, t.endedOn, t.youthId),
    index("assignments_youth_kind_current_idx").on(t.youthId, t.kind, t.endedOn, t.userId),
    // The program's current supervisors (a lead's supervisor filter), from the index alone.
    index("assignments_program_kind_current_idx").on(t.programId, t.kind, t.endedOn, t.userId),
  ],
);

/**
 * Each time a case was closed or reopened: when it took effect, why, and who recorded it. The
 * youth's `case_status` is the current state; these rows are its history.
 */
export const caseStatusChanges = sqliteTable(
  "case_status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    /** The calendar day the change took effect. */
    effectiveOn: text("effective_on").notNull(),
    reason: text("reason").notNull(),
    note: text("note"),
    byUserId: integer("by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_status_changes_youth_idx").on(t.youthId, t.createdAt)],
);

/** A person on the youth's team, in one role, for a period. Replacing a holder closes the row. */
export const caseParties = sqliteTable(
  "case_parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    role: text("role").notNull(),
    name: text("name").notNull(),
    organization: text("organization"),
    phone: text("phone"),
    email: text("email"),
    startedOn: text("started_on").notNull(),
    endedOn: text("ended_on"),
    /** Optimistic concurrency: bumped on every edit, so a save from a stale form is refused. */
    version: integer("version").notNull().default(1),
    /** When this party was last contacted (the latest of their contacts), kept like youth.last_youth_contact_at. */
    lastContactAt: text("last_contact_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    // With when each was last contacted: a youth's staleness per role from the index alone.
    index("parties_youth_role_current_idx").on(t.youthId, t.role, t.endedOn, t.lastContactAt),
    // A program's current holders of each core role and when each was last contacted, index only.
    index("parties_program_role_contact_idx").on(t.programId, t.role, t.endedOn, t.lastContactAt, t.youthId),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    /** Null when the contact was with the youth themself. */
    partyId: integer("party_id").references(() => caseParties.id),
    occurredAt: text("occurred_at").notNull(),
    method: text("method").notNull(),
    summary: text("summary").notNull(),
    loggedByUserId: integer("logged_by_user_id")
      .notNull()
      .references(() => users.id),
    /** Made (they were reached), or only attempted (no answer, not there): an attempt does not make a contact fresh. */
    outcome: text("outcome", { enum: ["made", "attempted"] })
      .notNull()
      .default("made"),
    /** How long it took, in minutes, when the advocate records it. */
    durationMinutes: integer("duration_minutes"),
    createdAt: createdAt(),
  },
  (t) => [
    index("contacts_youth_occurred_idx").on(t.youthId, t.occurredAt),
    // The last contact with the youth themself (party null) in one seek: staleness across a caseload.
    index("contacts_youth_party_occurred_idx").on(t.youthId, t.partyId, t.occurredAt),
    index("contacts_party_occurred_idx").on(t.partyId, t.occurredAt),
    // With the youth: a program's contacts per month, and the youth they were about, from the index alone (reports).
    index("contacts_program_occurred_youth_idx").on(t.programId, t.occurredAt, t.youthId),
  ],
);

/**
 * What a contact said before its author corrected it: every earlier version, with when and by
 * whom it was replaced. The contact row holds the current text.
 */
export const contactRevisions = sqliteTable(
  "contact_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id),
    occurredAt: text("occurred_at").notNull(),
    method: text("method").notNull(),
    outcome: text("outcome").notNull(),
    durationMinutes: integer("duration_minutes"),
    summary: text("summary").notNull(),
    revisedByUserId: integer("revised_by_user_id")
      .notNull()
      .references(() => users.id),
    revisedAt: text("revised_at").notNull(),
  },
  (t) => [index("contact_revisions_contact_idx").on(t.contactId, t.revisedAt)],
);

/**
 * Who else took part in a contact, beyond `contacts.party_id` (a visit with the youth and the
 * caregiver together, a call with the CSW and the attorney). The youth's presence is
 * `contacts.party_id` null, so every row here names a case party.
 */
export const contactParties = sqliteTable(
  "contact_parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id),
    partyId: integer("party_id")
      .notNull()
      .references(() => caseParties.id),
  },
  (t) => [
    uniqueIndex("contact_parties_contact_party_uq").on(t.contactId, t.partyId),
    index("contact_parties_party_idx").on(t.partyId, t.contactId),
  ],
);

/**
 * A contact its author deleted within the correction window: the whole record as it was (with
 * who took part and its earlier versions, as JSON), moved out of `contacts` so that no list,
 * count or staleness figure can include it by accident.
 */
export const contactDeletions = sqliteTable(
  "contact_deletions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    /** The id the contact had (its audit events name it). */
    contactId: integer("contact_id").notNull(),
    /** Every case party who took part, as a JSON array of ids; the youth is `withYouth`. */
    partyIds: text("party_ids").notNull(),
    withYouth: integer("with_youth", { mode: "boolean" }).notNull(),
    occurredAt: text("occurred_at").notNull(),
    method: text("method").notNull(),
    outcome: text("outcome").notNull(),
    durationMinutes: integer("duration_minutes"),
    summary: text("summary").notNull(),
    loggedByUserId: integer("logged_by_user_id")
      .notNull()
      .references(() => users.id),
    loggedAt: text("logged_at").notNull(),
    /** The earlier versions (contact_revisions rows), as JSON. */
    revisions: text("revisions").notNull(),
    reason: text("reason"),
    deletedByUserId: integer("deleted_by_user_id")
      .notNull()
      .references(() => users.id),
    deletedAt: text("deleted_at").notNull(),
  },
  (t) => [index("contact_deletions_youth_idx").on(t.youthId, t.deletedAt)],
);

export const resourceRequests = sqliteTable(
  "resource_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    type: text("type").notNull(),
    /** E.g. the kind of therapy (EMDR, intensive therapeutic services). */
    subtype: text("subtype"),
    description: text("description"),
    addressedToPartyId: integer("addressed_to_party_id").references(() => caseParties.id),
    addressedToAgency: text("addressed_to_agency"),
    amountCents: integer("amount_cents"),
    dueOn: text("due_on"),
    status: text("status").notNull(),
    requestedByUserId: integer("requested_by_user_id")
      .notNull()
      .references(() => users.id),
    requestedAt: text("requested_at").notNull(),
    /** Optimistic concurrency: bumped on every transition. */
    version: integer("version").notNull().default(1),
    closedAt: text("closed_at"),
    /** When it was first submitted (its first `submitted` event): where "days to fulfil" starts. */
    submittedAt: text("submitted_at"),
    /** What was approved (funds: defaults to the amount requested). */
    approvedAmountCents: integer("approved_amount_cents"),
    /** The outcome, recorded on fulfilment: the day, who provided it, what was paid (funds), a note. */
    fulfilledOn: text("fulfilled_on"),
    fulfilledBy: text("fulfilled_by"),
    paidAmountCents: integer("paid_amount_cents"),
    outcomeNote: text("outcome_note"),
    /**
     * Calendar days from the day it was submitted to the day it was provided, in the program's
     * time zone, stored when it is fulfilled (reports read it from an index instead of working
     * it out for every request). Null on rows fulfilled before the column existed: reports work
     * those out as before.
     */
    fulfilDays: integer("fulfil_days"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("requests_program_status_idx").on(t.programId, t.status, t.requestedAt),
    // Overdue: open statuses with a due date before today, counted from the index alone.
    index("requests_program_status_due_idx").on(t.programId, t.status, t.dueOn),
    // The queue's default order (newest first) over a whole program, without a sort step; with
    // status and due_on, "overdue" is read in that order from the index alone: a program's overdue
    // requests can be a fifth of all (~32k at the 50k seed), and sorting them took 17 ms.
    index("requests_program_requested_idx").on(t.programId, t.requestedAt, t.closedAt, t.status, t.dueOn),
    // The queue sorted by days open merges two orders that do not depend on today (listRequestQueue):
    // open requests by when they were made, closed ones by how long they were open.
    index("requests_program_open_requested_idx")
      .on(t.programId, t.requestedAt)
      .where(sql`closed_at is null`),
    index("requests_program_closed_days_idx")
      .on(t.programId, sql`(julianday(closed_at) - julianday(requested_at))`)
      .where(sql`closed_at is not null`),
    index("requests_program_amount_idx").on(t.programId, t.amountCents),
    index("requests_program_type_idx").on(t.programId, t.type, t.status),
    // Reports: a period's requests of one type, counted month by month from the index alone.
    index("requests_program_type_requested_idx").on(t.programId, t.type, t.requestedAt, t.status),
    index("requests_youth_idx").on(t.youthId, t.requestedAt),
    index("requests_program_due_idx").on(t.programId, t.dueOn),
    // "Requests I made" (the advocate's home, `?mine=1`), newest first.
    index("requests_requester_idx").on(t.requestedByUserId, t.requestedAt),
    // Reports: a period's requests by month, type and status, and their amounts, from the index alone.
    index("requests_program_requested_report_idx").on(t.programId, t.requestedAt, t.status, t.type, t.amountCents),
    // Reports: what was provided in a period (days to fulfil per type, funds paid), index only.
    index("requests_program_status_fulfilled_idx").on(
      t.programId,
      t.status,
      t.fulfilledOn,
      t.type,
      t.fulfilDays,
      t.submittedAt,
      t.requestedAt,
      t.paidAmountCents,
    ),
    // Reports over a long period: each type's fulfilled requests in order of days taken, so the
    // histogram of days is read in index order (no sorter over the period's requests).
    index("requests_program_status_type_days_idx").on(t.programId, t.status, t.type, t.fulfilDays, t.fulfilledOn),
  ],
);

export const requestStatusEvents = sqliteTable(
  "request_status_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    requestId: integer("request_id")
      .notNull()
      .references(() => resourceRequests.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    note: text("note"),
    /** Approved: the amount approved; fulfilled: the amount paid (funds only). */
    amountCents: integer("amount_cents"),
    /** Fulfilled: the day it was provided, and by whom. */
    onDate: text("on_date"),
    provider: text("provider"),
    actorUserId: integer("actor_user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [
    index("request_events_request_idx").on(t.requestId, t.at),
    // Reports: a period's approvals (with amounts) and denials.
    index("request_events_program_status_at_idx").on(t.programId, t.toStatus, t.at, t.amountCents),
    // Reports: a period's denials with their reasons, index only (denials are a few per cent of events).
    index("request_events_denied_idx")
      .on(t.programId, t.at, t.note)
      .where(sql`to_status = 'denied'`),
    // Reports: a period's funds approvals (the approvals that carry an amount), index only.
    index("request_events_funds_approved_idx")
      .on(t.programId, t.at, t.amountCents, t.requestId)
      .where(sql`to_status = 'approved' and amount_cents is not null`),
  ],
);

export const mdtMeetings = sqliteTable(
  "mdt_meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    type: text("type").notNull(),
    scheduledAt: text("scheduled_at").notNull(),
    location: text("location"),
    videoLink: text("video_link"),
    status: text("status", { enum: ["scheduled", "held", "cancelled"] })
      .notNull()
      .default("scheduled"),
    notes: text("notes"),
    decisions: text("decisions"),
    /** Optimistic concurrency: bumped on every edit, so a save from a stale form is refused. */
    version: integer("version").notNull().default(1),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("meetings_youth_scheduled_idx").on(t.youthId, t.scheduledAt),
    // With the status: a program's meetings held per month from the index alone (reports).
    index("meetings_program_scheduled_idx").on(t.programId, t.scheduledAt, t.status),
  ],
);

/**
 * A meeting moved to another time (or place) or cancelled: when, by whom, and why. Everyone who
 * may see the meeting sees its changes; the meeting row holds only where it stands now.
 */
export const meetingChanges = sqliteTable(
  "meeting_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => mdtMeetings.id),
    kind: text("kind", { enum: ["reschedule", "cancel"] }).notNull(),
    fromScheduledAt: text("from_scheduled_at").notNull(),
    /** The new time (a reschedule); null for a cancellation. */
    toScheduledAt: text("to_scheduled_at"),
    reason: text("reason").notNull(),
    byUserId: integer("by_user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("meeting_changes_meeting_idx").on(t.meetingId, t.at)],
);

/** Invited and attending people: a case party or a program user. */
export const meetingAttendees = sqliteTable(
  "meeting_attendees",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => mdtMeetings.id),
    partyId: integer("party_id").references(() => caseParties.id),
    userId: integer("user_id").references(() => users.id),
    attended: integer("attended", { mode: "boolean" }),
  },
  (t) => [
    index("attendees_meeting_idx").on(t.meetingId),
    check("attendees_one_person_ck", sql`(${t.partyId} is null) <> (${t.userId} is null)`),
  ],
);

/** Agenda items added by hand; the rest of a meeting's agenda is derived from the record. */
export const meetingAgendaItems = sqliteTable(
  "meeting_agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => mdtMeetings.id),
    text: text("text").notNull(),
    /** Tagged items follow the CSEC status's visibility. */
    csecSensitive: integer("csec_sensitive", { mode: "boolean" }).notNull().default(false),
    addedByUserId: integer("added_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId)],
);

export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    /** The meeting it came from; null when created on the youth's page. */
    meetingId: integer("meeting_id").references(() => mdtMeetings.id),
    description: text("description").notNull(),
    /** Owned either by whoever holds a party role on the youth's team ("CSW"), or by a user. */
    ownerPartyRole: text("owner_party_role"),
    ownerUserId: integer("owner_user_id").references(() => users.id),
    dueOn: text("due_on"),
    status: text("status", { enum: ["open", "done", "dropped"] })
      .notNull()
      .default("open"),
    doneAt: text("done_at"),
    /**
     * The program's calendar day on which it was closed (done or dropped), stored with `done_at`
     * (reports count items closed after their due day from it, see `reportActionDueCounts`). Null
     * on items closed before the column existed: reports work those out from `done_at`.
     */
    doneOn: text("done_on"),
    dropReason: text("drop_reason"),
    csecSensitive: integer("csec_sensitive", { mode: "boolean" }).notNull().default(false),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("actions_youth_status_idx").on(t.youthId, t.status, t.dueOn),
    index("actions_owner_user_status_idx").on(t.ownerUserId, t.status, t.dueOn),
    index("actions_program_status_due_idx").on(t.programId, t.status, t.dueOn),
    index("actions_meeting_idx").on(t.meetingId),
    // Reports: items opened, closed and falling due in a period.
    index("actions_program_created_idx").on(t.programId, t.createdAt),
    index("actions_program_done_idx").on(t.programId, t.doneAt),
    index("actions_program_due_idx").on(t.programId, t.dueOn, t.doneAt),
    check("actions_owner_ck", sql`(${t.ownerPartyRole} is null) <> (${t.ownerUserId} is null)`),
  ],
);

export const runawayEpisodes = sqliteTable(
  "runaway_episodes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    leftAt: text("left_at").notNull(),
    leftFrom: text("left_from"),
    /** Who noticed the youth was gone (free text: "caregiver", a name). */
    noticedBy: text("noticed_by"),
    circumstances: text("circumstances"),
    reportedToLawEnforcementAt: text("reported_to_law_enforcement_at"),
    lawEnforcementAgency: text("law_enforcement_agency"),
    lawEnforcementReportNumber: text("law_enforcement_report_number"),
    reportedToNcmecAt: text("reported_to_ncmec_at"),
    ncmecCaseNumber: text("ncmec_case_number"),
    cswNotifiedAt: text("csw_notified_at"),
    attorneyNotifiedAt: text("attorney_notified_at"),
    casaNotifiedAt: text("casa_notified_at"),
    courtNotifiedAt: text("court_notified_at"),
    caregiverNotifiedAt: text("caregiver_notified_at"),
    /** Null while the youth is missing. */
    returnedAt: text("returned_at"),
    /** Where the youth was found or came back to, and who found or brought them. */
    foundAt: text("found_at"),
    foundBy: text("found_by"),
    returnConversationAt: text("return_conversation_at"),
    returnConversationNotes: text("return_conversation_notes"),
    /** JSON: per return question (domain/episodes.ts), `{ status: "asked" | "declined", note }`. */
    returnQuestions: text("return_questions").notNull().default("{}"),
    healthResourcesOfferedAt: text("health_resources_offered_at"),
    safetyPlanReviewedAt: text("safety_plan_reviewed_at"),
    notes: text("notes"),
    /** Bumped by every saved step (optimistic concurrency: a stale form is refused). */
    version: integer("version").notNull().default(1),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("episodes_youth_left_idx").on(t.youthId, t.leftAt),
    index("episodes_program_open_idx").on(t.programId, t.returnedAt),
    // Reports: a period's episodes by month, and whether each was reported in time, index only.
    index("episodes_program_left_reported_idx").on(t.programId, t.leftAt, t.reportedToLawEnforcementAt, t.reportedToNcmecAt),
  ],
);

/** Who saved which step of a runaway episode's checklist, and when (every save, in order). */
export const runawayEpisodeSteps = sqliteTable(
  "runaway_episode_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    episodeId: integer("episode_id")
      .notNull()
      .references(() => runawayEpisodes.id),
    step: text("step").notNull(),
    recordedByUserId: integer("recorded_by_user_id")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("episode_steps_episode_idx").on(t.episodeId, t.step, t.recordedAt)],
);

/** Versioned: a review writes a new version; earlier versions are the plan's history. */
export const safetyPlans = sqliteTable(
  "safety_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    version: integer("version").notNull(),
    /** JSON: up to three `{ name, relation, phone }`. */
    supportPeople: text("support_people").notNull().default("[]"),
    /** JSON: hotline keys from the catalogue in app/domain. */
    hotlinesMemorized: text("hotlines_memorized").notNull().default("[]"),
    notes: text("notes"),
    reviewedOn: text("reviewed_on").notNull(),
    reviewedByUserId: integer("reviewed_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("safety_plans_youth_version_uq").on(t.youthId, t.version)],
);

/** The current CSEC status of a youth. One row per youth; absent means `none`. */
export const youthCsecStatus = sqliteTable(
  "youth_csec_status",
  {
    youthId: integer("youth_id")
      .primaryKey()
      .references(() => youth.id),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    status: text("status", { enum: ["none", "concern", "confirmed"] }).notNull(),
    /** Only for `confirmed`. */
    basis: text("basis", { enum: ["agency_csec_unit", "court_finding", "youth_disclosure"] }),
    /** The date the basis took effect (unit assigned, finding made, disclosure made). */
    basisOn: text("basis_on"),
    changedAt: text("changed_at").notNull(),
    changedByUserId: integer("changed_by_user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("csec_status_program_status_idx").on(t.programId, t.status),
    check("csec_status_basis_ck", sql`(${t.status} = 'confirmed') = (${t.basis} is not null and ${t.basisOn} is not null)`),
  ],
);

/** Every change of CSEC status, with who, when, why. */
export const csecStatusEvents = sqliteTable(
  "csec_status_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    fromStatus: text("from_status", { enum: ["none", "concern", "confirmed"] }).notNull(),
    toStatus: text("to_status", { enum: ["none", "concern", "confirmed"] }).notNull(),
    basis: text("basis", { enum: ["agency_csec_unit", "court_finding", "youth_disclosure"] }),
    basisOn: text("basis_on"),
    /** The reason for clearing, or the reviewer's note. */
    note: text("note"),
    /** The concern this change raised or resolved, when there is one. */
    concernId: integer("concern_id").references(() => csecConcerns.id),
    actorUserId: integer("actor_user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("csec_events_youth_idx").on(t.youthId, t.at)],
);

/** A concern raised by a user (write up), reviewed by a supervisor or lead. */
export const csecConcerns = sqliteTable(
  "csec_concerns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    raisedByUserId: integer("raised_by_user_id")
      .notNull()
      .references(() => users.id),
    raisedAt: text("raised_at").notNull(),
    note: text("note"),
    /** `monitoring`: reviewed, neither confirmed nor cleared; looked at again on `next_review_on`. */
    reviewStatus: text("review_status", { enum: ["under_review", "monitoring", "confirmed", "cleared"] })
      .notNull()
      .default("under_review"),
    reviewedByUserId: integer("reviewed_by_user_id").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    /** The reviewer's note: for those who may know of concerns only. */
    reviewNote: text("review_note"),
    /** Keep monitoring: when it is reviewed again. */
    nextReviewOn: text("next_review_on"),
    /** Keep monitoring: who it was referred to, if anyone (the agency's CSEC unit ...). */
    referral: text("referral"),
    /** What the advocate who raised it should keep doing: all of the review they are shown. */
    guidance: text("guidance"),
  },
  (t) => [
    index("concerns_youth_idx").on(t.youthId, t.raisedAt),
    index("concerns_raised_by_idx").on(t.raisedByUserId, t.youthId),
    // The review queue: a program's concerns awaiting review, oldest first.
    index("concerns_program_review_idx").on(t.programId, t.reviewStatus, t.raisedAt),
    // The reviewer's last review (what is "new" in their queue): one seek, not the program's concerns.
    index("concerns_reviewer_idx").on(t.reviewedByUserId, t.programId, t.reviewedAt),
  ],
);

/**
 * The sections of a youth's court report the advocate writes (the rest of the draft is built
 * from the record). One current draft per youth; every saved version is in
 * `court_report_versions`.
 */
export const courtReports = sqliteTable("court_reports", {
  youthId: integer("youth_id")
    .primaryKey()
    .references(() => youth.id),
  programId: integer("program_id")
    .notNull()
    .references(() => programs.id),
  observations: text("observations").notNull().default(""),
  wishes: text("wishes").notNull().default(""),
  recommendations: text("recommendations").notNull().default(""),
  nextHearingOn: text("next_hearing_on"),
  /** Grows with each save, so a stale form is refused. */
  version: integer("version").notNull(),
  updatedByUserId: integer("updated_by_user_id")
    .notNull()
    .references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

export const courtReportVersions = sqliteTable(
  "court_report_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    version: integer("version").notNull(),
    observations: text("observations").notNull(),
    wishes: text("wishes").notNull(),
    recommendations: text("recommendations").notNull(),
    nextHearingOn: text("next_hearing_on"),
    savedByUserId: integer("saved_by_user_id")
      .notNull()
      .references(() => users.id),
    savedAt: text("saved_at").notNull(),
  },
  (t) => [uniqueIndex("court_report_versions_youth_version_uq").on(t.youthId, t.version)],
);

/**
 * A person's confirmation that court-facing text naming CSEC words may go to the court while
 * the youth's status is not confirmed: for exactly the passages it was shown (their hash).
 */
export const courtTextConfirmations = sqliteTable(
  "court_text_confirmations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    passagesHash: text("passages_hash").notNull(),
    confirmedByUserId: integer("confirmed_by_user_id")
      .notNull()
      .references(() => users.id),
    confirmedAt: text("confirmed_at").notNull(),
  },
  (t) => [index("court_text_confirmations_youth_idx").on(t.youthId, t.passagesHash)],
);

/** Observed indicators from the fixed catalogue in app/domain. As sensitive as a concern. */
export const redFlags = sqliteTable(
  "red_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    youthId: integer("youth_id")
      .notNull()
      .references(() => youth.id),
    concernId: integer("concern_id").references(() => csecConcerns.id),
    indicator: text("indicator").notNull(),
    observedByUserId: integer("observed_by_user_id")
      .notNull()
      .references(() => users.id),
    observedOn: text("observed_on").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("red_flags_youth_idx").on(t.youthId, t.observedOn), index("red_flags_concern_idx").on(t.concernId)],
);

/** Append-only (enforced by triggers in the migrations): who read or changed what, when. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    programId: integer("program_id").references(() => programs.id),
    actorUserId: integer("actor_user_id").references(() => users.id),
    /** Dotted verb, e.g. `session.sign_in`, `contact.create`, `csec.confirm`. */
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    youthId: integer("youth_id").references(() => youth.id),
    /** JSON with the changed fields; never passwords or session ids. */
    details: text("details"),
  },
  (t) => [
    index("audit_program_at_idx").on(t.programId, t.at),
    index("audit_youth_at_idx").on(t.youthId, t.at),
    index("audit_actor_at_idx").on(t.actorUserId, t.at),
    // The audit viewer's action filter (/audit), newest first.
    index("audit_program_action_at_idx").on(t.programId, t.action, t.at),
  ],
);

/**
 * Counters of rate-limiter-flexible's SQLite store (failed sign-ins per account and per client
 * address, and the waits they earn). In the database so they survive a restart and are shared by
 * every process serving it. The layout is the library's own.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  /** Epoch ms; null never expires. */
  expire: integer("expire"),
});

/**
 * How many contacts, and action items opened and closed, fell in each UTC hour of a program: kept
 * by triggers on `contacts` and `action_items` (see the migration), so every write path, the seed
 * and a test fixture alike keep it true. A program-wide report sums a month's hours (a few hundred
 * rows) instead of counting half a million index entries; a month of a program whose time zone is
 * a whole number of hours from UTC is exactly a range of UTC hours.
 */
export const reportHourlyCounts = sqliteTable(
  "report_hourly_counts",
  {
    programId: integer("program_id").notNull(),
    /** `contact`, `action_opened` (created_at) or `action_closed` (done_at). */
    kind: text("kind", { enum: ["contact", "action_opened", "action_closed"] }).notNull(),
    /** `YYYY-MM-DDTHH` of the UTC instant. */
    hour: text("hour").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.kind, t.hour] })],
);

/**
 * Report counts kept by triggers (see migration 0026), like `report_hourly_counts`, so that a
 * program-wide report sums a period's buckets instead of reading each record of it. Every write
 * path (the app, the seed, a test fixture) keeps them true because the database does it.
 *
 * `grain` says what `bucket` is:
 * - for an instant (requested_at, a decision's at): `h` is the UTC hour `YYYY-MM-DDTHH`, `d` the
 *   UTC day `YYYY-MM-DD`. A program month starts on a UTC hour, so it is its first and last
 *   days' hours plus the whole UTC days between them.
 * - for a calendar day (fulfilled_on, due_on): `d` is the day, `m` the month `YYYY-MM`.
 * Each record is counted once in each grain.
 */
const rollupGrain = (name = "grain") => text(name, { enum: ["h", "d", "m"] }).notNull();

/** Resource requests by when they were requested: type and status now, and the amounts asked. */
export const reportRequestCounts = sqliteTable(
  "report_request_counts",
  {
    programId: integer("program_id").notNull(),
    grain: rollupGrain(),
    bucket: text("bucket").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    n: integer("n").notNull(),
    /** How many of them carry an amount, and its sum. */
    amountN: integer("amount_n").notNull(),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.grain, t.bucket, t.type, t.status] })],
);

/** Approvals and denials (request status events) by when they were made, and the amounts approved. */
export const reportDecisionCounts = sqliteTable(
  "report_decision_counts",
  {
    programId: integer("program_id").notNull(),
    grain: rollupGrain(),
    bucket: text("bucket").notNull(),
    /** The request's type. */
    type: text("type").notNull(),
    /** `approved` or `denied`. */
    toStatus: text("to_status").notNull(),
    n: integer("n").notNull(),
    amountN: integer("amount_n").notNull(),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.grain, t.bucket, t.type, t.toStatus] })],
);

/** Fulfilled requests by the day they were provided: type, days taken (-1 when not stored) and amounts paid. */
export const reportFulfilledCounts = sqliteTable(
  "report_fulfilled_counts",
  {
    programId: integer("program_id").notNull(),
    grain: rollupGrain(),
    bucket: text("bucket").notNull(),
    type: text("type").notNull(),
    fulfilDays: integer("fulfil_days").notNull(),
    n: integer("n").notNull(),
    paidN: integer("paid_n").notNull(),
    paidCents: integer("paid_cents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.grain, t.bucket, t.type, t.fulfilDays] })],
);

/**
 * Action items by their due day, and how each stands: `open`, `late` (closed after its due day),
 * `on_time`, or `undated` (closed, but `done_on` not stored: reports work those out from `done_at`).
 */
export const reportActionDueCounts = sqliteTable(
  "report_action_due_counts",
  {
    programId: integer("program_id").notNull(),
    grain: rollupGrain(),
    bucket: text("bucket").notNull(),
    state: text("state", { enum: ["open", "late", "on_time", "undated"] }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.grain, t.bucket, t.state] })],
);

/** MDT meetings by when they are scheduled, and their status. */
export const reportMeetingCounts = sqliteTable(
  "report_meeting_counts",
  {
    programId: integer("program_id").notNull(),
    grain: rollupGrain(),
    bucket: text("bucket").notNull(),
    status: text("status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.grain, t.bucket, t.status] })],
);

/** Denials by when they were made, the request's type, and the reason given (trimmed; '' for none). */
export const reportDenialCounts = sqliteTable(
  "report_denial_counts",
  {
    programId: integer("program_id").notNull(),
    grain: rollupGrain(),
    bucket: text("bucket").notNull(),
    type: text("type").notNull(),
    reason: text("reason").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.grain, t.bucket, t.type, t.reason] })],
);

/**
 * What the app tells a person (the in-app inbox, and the counts of email digests): written in the
 * same transaction as the change it is about, only to recipients who may see that change (the
 * CSEC rule). The text is for the inbox only; no email ever carries it.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** `concern.raised`, `concern.reviewed`, `request.submitted`, `request.decided`, `action.assigned`, `action.due`, `meeting.changed`, `youth.missing`, `episode.ncmec_overdue` ... */
    kind: text("kind").notNull(),
    youthId: integer("youth_id").references(() => youth.id),
    /** The record in the app it links to, e.g. `/requests/12`. */
    href: text("href").notNull(),
    /** What the inbox shows (in the app only). */
    text: text("text").notNull(),
    /** A youth missing now, an NCMEC report overdue: told by email at once whatever the person chose. */
    urgent: integer("urgent", { mode: "boolean" }).notNull().default(false),
    /** For notifications the scheduler makes (due tomorrow, overdue): one per person and occasion. */
    onceKey: text("once_key"),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
    /** When an email (alone or in a digest) first counted it; null until then. */
    emailedAt: text("emailed_at"),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_user_unread_idx").on(t.userId, t.readAt, t.createdAt),
    uniqueIndex("notifications_once_uq").on(t.userId, t.onceKey),
  ],
);

/**
 * Email waiting to be sent, and sent: written in the transaction of whatever caused it (so a
 * rollback sends nothing), delivered afterwards by the mail sender with retries and backoff (so a
 * failed send never blocks or undoes the change). `onceKey` makes a digest or alert unique: two
 * digest runs, or two servers, queue it once.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programId: integer("program_id").references(() => programs.id),
    userId: integer("user_id").references(() => users.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** An iCalendar attachment (an MDT invitation), when there is one. */
    ics: text("ics"),
    kind: text("kind").notNull(),
    onceKey: text("once_key"),
    createdAt: text("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** A sender took it (so a second server does not send it too), until this instant. */
    claimedUntil: text("claimed_until"),
    sentAt: text("sent_at"),
    lastError: text("last_error"),
    /** Gave up after the last retry. */
    failedAt: text("failed_at"),
  },
  (t) => [uniqueIndex("outbox_once_uq").on(t.onceKey), index("outbox_due_idx").on(t.sentAt, t.failedAt, t.nextAttemptAt)],
);
