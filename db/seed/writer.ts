/**
 * Typed prepared INSERTs, one per table the seed fills: thousands of rows go through these inside
 * one transaction, far faster than drizzle's query builder, and still checked against the schema.
 */
import type BetterSqlite3 from "better-sqlite3";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as t from "../schema";

type Bindable = string | number | bigint | Buffer | null;

/**
 * A prepared INSERT for `keys` of a drizzle table, typed by the table's insert model (so a renamed
 * column is a type error here), returning the new rowid.
 */
function inserter<T extends SQLiteTable, K extends keyof T["$inferInsert"] & string>(
  client: BetterSqlite3.Database,
  table: T,
  keys: readonly K[],
): (row: Pick<T["$inferInsert"], K>) => number {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return `"${column.name}"`;
  });
  const stmt = client.prepare(`INSERT INTO "${getTableName(table)}" (${names.join(", ")}) VALUES (${keys.map(() => "?").join(", ")})`);
  const n = keys.length;
  const args: Bindable[] = new Array<Bindable>(n);
  return (row) => {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < n; i++) {
      const v = r[keys[i]!];
      args[i] = v === undefined || v === null ? null : v === true ? 1 : v === false ? 0 : (v as Bindable);
    }
    return Number(stmt.run(args).lastInsertRowid);
  };
}

/**
 * The columns each seeded table is written with, by writer name: `makeWriter` prepares one INSERT
 * per entry, for that table (a column the table lacks is a type error there).
 */
const COLUMNS = {
  program: [
    "name",
    "slug",
    "timeZone",
    "staleYouthContactDays",
    "staleCswContactDays",
    "staleAttorneyContactDays",
    "staleClcContactDays",
    "createdAt",
  ],
  user: ["email", "name", "passwordHash", "createdAt"],
  membership: ["userId", "programId", "role", "supervisorUserId", "createdAt"],
  youth: ["programId", "firstName", "lastName", "dateOfBirth", "caseNumber", "caseStatus", "createdAt", "updatedAt"],
  placement: ["programId", "youthId", "type", "description", "startedOn", "endedOn", "endReason", "createdAt"],
  assignment: ["programId", "youthId", "userId", "kind", "startedOn", "endedOn", "createdAt"],
  party: ["programId", "youthId", "role", "name", "organization", "phone", "email", "startedOn", "endedOn", "createdAt"],
  contact: ["programId", "youthId", "partyId", "occurredAt", "method", "summary", "loggedByUserId", "createdAt"],
  contactParty: ["programId", "youthId", "contactId", "partyId"],
  request: [
    "programId",
    "youthId",
    "type",
    "subtype",
    "description",
    "addressedToPartyId",
    "addressedToAgency",
    "amountCents",
    "dueOn",
    "status",
    "requestedByUserId",
    "requestedAt",
    "submittedAt",
    "version",
    "closedAt",
    "createdAt",
    "updatedAt",
    "approvedAmountCents",
    "fulfilledOn",
    "fulfilledBy",
    "paidAmountCents",
    "outcomeNote",
  ],
  requestEvent: ["programId", "requestId", "fromStatus", "toStatus", "note", "actorUserId", "at", "amountCents", "onDate", "provider"],
  meeting: [
    "programId",
    "youthId",
    "type",
    "scheduledAt",
    "location",
    "videoLink",
    "status",
    "notes",
    "decisions",
    "createdByUserId",
    "createdAt",
    "updatedAt",
  ],
  attendee: ["meetingId", "partyId", "userId", "attended"],
  agendaItem: ["meetingId", "text", "csecSensitive", "addedByUserId", "createdAt"],
  actionItem: [
    "programId",
    "youthId",
    "meetingId",
    "description",
    "ownerPartyRole",
    "ownerUserId",
    "dueOn",
    "status",
    "doneAt",
    "dropReason",
    "csecSensitive",
    "createdByUserId",
    "createdAt",
    "updatedAt",
  ],
  runaway: [
    "programId",
    "youthId",
    "leftAt",
    "leftFrom",
    "noticedBy",
    "reportedToLawEnforcementAt",
    "lawEnforcementAgency",
    "lawEnforcementReportNumber",
    "reportedToNcmecAt",
    "ncmecCaseNumber",
    "cswNotifiedAt",
    "attorneyNotifiedAt",
    "casaNotifiedAt",
    "courtNotifiedAt",
    "returnedAt",
    "returnConversationAt",
    "returnConversationNotes",
    "healthResourcesOfferedAt",
    "safetyPlanReviewedAt",
    "notes",
    "createdByUserId",
    "createdAt",
    "updatedAt",
  ],
  safetyPlan: [
    "programId",
    "youthId",
    "version",
    "supportPeople",
    "hotlinesMemorized",
    "notes",
    "reviewedOn",
    "reviewedByUserId",
    "createdAt",
  ],
  csecStatus: ["youthId", "programId", "status", "basis", "basisOn", "changedAt", "changedByUserId"],
  csecEvent: ["programId", "youthId", "fromStatus", "toStatus", "basis", "basisOn", "note", "concernId", "actorUserId", "at"],
  concern: ["programId", "youthId", "raisedByUserId", "raisedAt", "note", "reviewStatus", "reviewedByUserId", "reviewedAt", "reviewNote"],
  redFlag: ["programId", "youthId", "concernId", "indicator", "observedByUserId", "observedOn", "note", "createdAt"],
} as const;

export function makeWriter(client: BetterSqlite3.Database) {
  return {
    program: inserter(client, t.programs, COLUMNS.program),
    user: inserter(client, t.users, COLUMNS.user),
    membership: inserter(client, t.memberships, COLUMNS.membership),
    youth: inserter(client, t.youth, COLUMNS.youth),
    placement: inserter(client, t.placements, COLUMNS.placement),
    assignment: inserter(client, t.youthAssignments, COLUMNS.assignment),
    party: inserter(client, t.caseParties, COLUMNS.party),
    contact: inserter(client, t.contacts, COLUMNS.contact),
    contactParty: inserter(client, t.contactParties, COLUMNS.contactParty),
    request: inserter(client, t.resourceRequests, COLUMNS.request),
    requestEvent: inserter(client, t.requestStatusEvents, COLUMNS.requestEvent),
    meeting: inserter(client, t.mdtMeetings, COLUMNS.meeting),
    attendee: inserter(client, t.meetingAttendees, COLUMNS.attendee),
    agendaItem: inserter(client, t.meetingAgendaItems, COLUMNS.agendaItem),
    actionItem: inserter(client, t.actionItems, COLUMNS.actionItem),
    runaway: inserter(client, t.runawayEpisodes, COLUMNS.runaway),
    safetyPlan: inserter(client, t.safetyPlans, COLUMNS.safetyPlan),
    csecStatus: inserter(client, t.youthCsecStatus, COLUMNS.csecStatus),
    csecEvent: inserter(client, t.csecStatusEvents, COLUMNS.csecEvent),
    concern: inserter(client, t.csecConcerns, COLUMNS.concern),
    redFlag: inserter(client, t.redFlags, COLUMNS.redFlag),
  };
}
export type Writer = ReturnType<typeof makeWriter>;
