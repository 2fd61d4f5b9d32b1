/**
 * Resource requests: creation, the lifecycle with its history, and the queue. A CSEC-sensitive
 * request (domain/requests.ts) on a youth whose status the viewer may not see does not exist for
 * that viewer: not in lists, counts, filters, nor at its URL.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { data } from "react-router";
import { caseParties, reportRequestCounts, requestStatusEvents, resourceRequests, users, youth, youthAssignments } from "../../db/schema";
import { calendarDateIn, daysBetween, isCalendarDate } from "../domain/dates";
import { staleEdit, type FieldErrors, type StaleEdit, type WriteResult } from "../domain/forms";
import { can, youthScopeOf } from "../domain/permissions";
import {
  OPEN_REQUEST_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  requestTypeInfo,
  requestTypeLabel,
  type TypeLabels,
  typeHasAmount,
  dollarsToCents,
  requestTypeChecks,
  formatCents,
  type RequestAction,
  type RequestStatus,
  type RequestType,
} from "../domain/requests";
import { displayName, partyWithRole } from "../domain/youth";
import { requestTypeInUse, requestTypeLabels } from "./program-settings.server";
import { auditChange } from "./audit.server";
import { requestDecided, requestSubmitted } from "./notify-events.server";
import { getDb, readTransaction, nowIso, type DbOrTx } from "./db.server";
import { partiesShownTo } from "./parties.server";
import { csecSensitiveShownTo } from "./csec-sensitive.server";
import {
  csecAudienceOf,
  notFound,
  requireCaseAccess,
  requirePermission,
  requireYouthInScope,
  youthScopeCondition,
  type YouthInScope,
} from "./scope.server";
import type { Viewer } from "./session.server";
import { advocateFilterOptions, assignedToNamed, youthMatches } from "./youth.server";

/**
 * Requests the viewer may know exist: youth in scope, and CSEC-sensitive ones only on youth
 * whose status lets the viewer see sensitive things (derived from the one CSEC rule).
 */
function requestVisibleTo(viewer: Viewer): SQL {
  // On the request's own columns, so that counting and paging need not join `youth`.
  const scope = youthScopeCondition(viewer, { youthId: resourceRequests.youthId, programId: resourceRequests.programId });
  return and(scope, csecSensitiveShownTo("request", csecAudienceOf(viewer), resourceRequests.youthId))!;
}

/** Requests waiting on someone: submitted (for a decision) or approved (to be fulfilled). */
export const PENDING_REQUEST_STATUSES = ["submitted", "approved"] as const;

/**
 * How many of a youth's requests (by id, as SQL) are pending and visible to the viewer: a
 * CSEC-sensitive request the viewer may not see does not count (requests_youth_idx).
 */
export function pendingRequestCountSql(viewer: Viewer, youthId: SQLWrapper): SQL<number> {
  const shown = csecSensitiveShownTo("request", csecAudienceOf(viewer), resourceRequests.youthId);
  return sql<number>`(select count(*) from ${resourceRequests} where ${resourceRequests.youthId} = ${youthId}
    and ${resourceRequests.status} in ('submitted', 'approved')${shown ? sql` and ${shown}` : sql``})`;
}

export type RequestRow = {
  id: number;
  youthId: number;
  youthName: string;
  type: RequestType;
  typeLabel: string;
  status: RequestStatus;
  addressedTo: string;
  requestedBy: string;
  requestedAt: string;
  dueOn: string | null;
  amountCents: number | null;
  daysOpen: number;
  overdue: boolean;
};

const addressedParty = alias(caseParties, "addressed_party");
const requester = alias(users, "requester");

function rowFields() {
  return {
    id: resourceRequests.id,
    youthId: resourceRequests.youthId,
    firstName: youth.firstName,
    lastName: youth.lastName,
    type: resourceRequests.type,
    subtype: resourceRequests.subtype,
    status: resourceRequests.status,
    partyName: addressedParty.name,
    partyRole: addressedParty.role,
    agency: resourceRequests.addressedToAgency,
    requestedBy: requester.name,
    requestedAt: resourceRequests.requestedAt,
    dueOn: resourceRequests.dueOn,
    amountCents: resourceRequests.amountCents,
    closedAt: resourceRequests.closedAt,
  };
}

type RawRow = { [K in keyof ReturnType<typeof rowFields>]: ReturnType<typeof rowFields>[K]["_"]["data"] | null };

function toRow(r: RawRow, viewer: Viewer, labels: TypeLabels): RequestRow {
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const status = r.status as RequestStatus;
  return {
    id: r.id!,
    youthId: r.youthId!,
    youthName: displayName({ firstName: r.firstName ?? "", lastName: r.lastName ?? "" }),
    type: r.type as RequestType,
    typeLabel: requestTypeLabel(r.type!, r.subtype, labels),
    status,
    addressedTo: r.partyName ? partyWithRole(r.partyName, r.partyRole ?? "") : (r.agency ?? "—"),
    requestedBy: r.requestedBy ?? "",
    requestedAt: r.requestedAt!,
    dueOn: r.dueOn,
    amountCents: r.amountCents,
    // Whole days elapsed, the same measure the queue sorts by and "open more than N days" filters
    // on (calendar days in the program's zone disagreed with both near midnight).
    daysOpen: Math.max(0, Math.floor(((r.closedAt ? Date.parse(r.closedAt) : Date.now()) - Date.parse(r.requestedAt!)) / 86_400_000)),
    overdue: Boolean(r.dueOn && r.dueOn < today && OPEN_REQUEST_STATUSES.includes(status)),
  };
}

function baseQuery(db: DbOrTx) {
  return db
    .select(rowFields())
    .from(resourceRequests)
    .innerJoin(youth, eq(youth.id, resourceRequests.youthId))
    .leftJoin(addressedParty, eq(addressedParty.id, resourceRequests.addressedToPartyId))
    .innerJoin(requester, eq(requester.id, resourceRequests.requestedByUserId))
    .$dynamic();
}

export function listRequestsForYouth(inScope: YouthInScope, db: DbOrTx = getDb()): RequestRow[] {
  const { viewer, youthId } = inScope;
  return baseQuery(db)
    .where(and(eq(resourceRequests.youthId, youthId), requestVisibleTo(viewer)))
    .orderBy(desc(resourceRequests.requestedAt), desc(resourceRequests.id))
    .all()
    .map((r) => toRow(r, viewer, requestTypeLabels(viewer.programId, db)));
}

export const REQUEST_SORTABLE = ["requestedAt", "dueOn", "daysOpen", "type", "status", "youth", "amount"] as const;

export type RequestQueueQuery = {
  page: number;
  size: number;
  sort: { id: string; desc: boolean };
  type?: string;
  status?: string;
  /** Youth name or case number, partial. */
  youth?: string;
  advocateId?: number;
  /** Part of an advocate's name (program leads filter by name rather than from a list). */
  advocateName?: string;
  overdue?: boolean;
  /** Only the requests this user made. */
  requestedByUserId?: number;
  /** Open (draft, submitted, approved) for more than this many days. */
  openMoreThanDays?: number;
};

export type RequestQueue = {
  rows: RequestRow[];
  total: number;
  page: number;
  size: number;
  counts: Record<RequestStatus, number>;
  advocates: Array<{ id: number; name: string }>;
  advocateByName: boolean;
};

/**
 * One page of the queue. Counting and choosing the page's ids read `resource_requests` alone
 * (plus `youth` only to sort by name); the display columns are fetched for those ids only.
 */
/** What the queue's filters other than status select: every status tab counts these. */
export type RequestQueueFilters = Omit<RequestQueueQuery, "page" | "size" | "sort" | "status">;

/**
 * `for: "page"` writes the overdue filter so that SQLite cannot pick an index for it: choosing a
 * page then walks the sort's own index (newest first, `requests_program_requested_idx` holds
 * status and due date) and stops at the page, where the overdue index made it sort every overdue
 * request of the program first (32k at the 50k seed: 42 ms, against ~1 ms). Counting keeps the
 * indexable form, which counts overdue requests from `requests_program_status_due_idx` alone.
 */
function requestQueueFilters(viewer: Viewer, query: RequestQueueFilters, use: { for: "count" | "page" } = { for: "count" }): SQL[] {
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const filters: SQL[] = [];
  if (query.type) filters.push(eq(resourceRequests.type, query.type));
  if (query.youth?.trim()) {
    filters.push(sql`${resourceRequests.youthId} in (select ${youth.id} from ${youth}
      where ${youth.programId} = ${viewer.programId} and ${youthMatches(query.youth.trim())})`);
  }
  if (query.advocateId) {
    filters.push(sql`${resourceRequests.youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
      where ${youthAssignments.kind} = 'advocate' and ${youthAssignments.userId} = ${query.advocateId}
        and ${youthAssignments.endedOn} is null)`);
  }
  if (query.advocateName?.trim()) {
    filters.push(assignedToNamed("advocate", query.advocateName.trim(), resourceRequests.youthId, sql`${viewer.programId}`));
  }
  if (query.requestedByUserId !== undefined) filters.push(eq(resourceRequests.requestedByUserId, query.requestedByUserId));
  const open = inArray(resourceRequests.status, [...OPEN_REQUEST_STATUSES]);
  if (query.overdue) {
    filters.push(
      use.for === "page"
        ? sql`+${resourceRequests.status} in ${[...OPEN_REQUEST_STATUSES]} and +${resourceRequests.dueOn} < ${today}`
        : and(open, lt(resourceRequests.dueOn, today))!,
    );
  }
  if (query.openMoreThanDays !== undefined) {
    const cutoff = new Date(Date.now() - query.openMoreThanDays * 86_400_000).toISOString();
    filters.push(and(open, lte(resourceRequests.requestedAt, cutoff))!);
  }
  return filters;
}

/**
 * The queue's count per status (its tabs): the requests the viewer may see that match `filters`.
 * The queue's `total` is one of these, or their sum.
 */
export function countRequestsByStatus(viewer: Viewer, query: RequestQueueFilters, db: DbOrTx = getDb()): Record<RequestStatus, number> {
  requireCaseAccess(viewer);
  const { type } = query;
  // No filter applies but the type (the queue passes its whole query, page and sort too).
  const onlyType = requestQueueFilters(viewer, { ...query, type: undefined }).length === 0;
  const k = reportRequestCounts;
  // The whole program's requests, every one visible to the viewer (a lead), unfiltered or of one
  // type: summed from the kept counts by day (db/report-rollups.ts; ~66 rows a day of history)
  // rather than counted over every request of the program.
  const countRows =
    onlyType &&
    youthScopeOf(viewer.role).kind === "program" &&
    csecSensitiveShownTo("request", csecAudienceOf(viewer), resourceRequests.youthId) === undefined
      ? db
          .select({ status: k.status, n: sql<number>`sum(${k.n})` })
          .from(k)
          .where(and(eq(k.programId, viewer.programId), eq(k.grain, "d"), type ? eq(k.type, type) : undefined))
          .groupBy(k.status)
          .all()
      : db
          .select({ status: resourceRequests.status, n: sql<number>`count(*)` })
          .from(resourceRequests)
          .where(and(requestVisibleTo(viewer), ...requestQueueFilters(viewer, query)))
          .groupBy(resourceRequests.status)
          .all();
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const c of countRows) if (c.status in counts) counts[c.status as RequestStatus] = c.n;
  return counts;
}

export function listRequestQueue(viewer: Viewer, query: RequestQueueQuery, db: DbOrTx = getDb()): RequestQueue {
  requireCaseAccess(viewer);
  const visible = requestVisibleTo(viewer);
  const filters = requestQueueFilters(viewer, query, { for: "page" });
  const statusFilter =
    query.status && (REQUEST_STATUSES as readonly string[]).includes(query.status) ? eq(resourceRequests.status, query.status) : undefined;

  const dir = query.sort.desc ? desc : asc;
  // Days open has no ORDER BY of its own: it is read by pageByDaysOpen.
  const sortExpr: Record<Exclude<(typeof REQUEST_SORTABLE)[number], "daysOpen">, SQL[]> = {
    requestedAt: [dir(resourceRequests.requestedAt)],
    // Requests without a due date sort after those with one, whichever the direction.
    // (NULL sorts first in SQLite: descending has them last already.) Index-friendly forms.
    dueOn: [query.sort.desc ? desc(resourceRequests.dueOn) : sql`${resourceRequests.dueOn} asc nulls last`],
    type: [dir(resourceRequests.type)],
    status: [dir(resourceRequests.status)],
    youth: [dir(youth.lastName), dir(youth.firstName)],
    amount: [query.sort.desc ? desc(resourceRequests.amountCents) : sql`${resourceRequests.amountCents} asc nulls last`],
  };
  const field = (REQUEST_SORTABLE as readonly string[]).includes(query.sort.id)
    ? (query.sort.id as (typeof REQUEST_SORTABLE)[number])
    : "requestedAt";

  const { counts, total, page, raw } = readTransaction(db, (tx) => {
    // Counts per status honour every filter but the status itself, so the tabs stay meaningful.
    const counts = countRequestsByStatus(viewer, query, tx);
    const total = statusFilter ? counts[query.status as RequestStatus] : Object.values(counts).reduce((a, b) => a + b, 0);
    const page = Math.min(query.page, Math.max(1, Math.ceil(total / query.size)));
    const idQuery = tx.select({ id: resourceRequests.id }).from(resourceRequests).$dynamic();
    const ids =
      field === "daysOpen"
        ? pageByDaysOpen(tx, and(visible, ...filters, statusFilter), query.sort.desc, page, query.size)
        : (field === "youth" ? idQuery.innerJoin(youth, eq(youth.id, resourceRequests.youthId)) : idQuery)
            // By youth: the youth's program too, so that SQLite can read youth_program_last_name_idx in order.
            .where(and(visible, ...filters, statusFilter, field === "youth" ? eq(youth.programId, viewer.programId) : undefined))
            .orderBy(...sortExpr[field], desc(resourceRequests.id))
            .limit(query.size)
            .offset((page - 1) * query.size)
            .all()
            .map((r) => r.id);
    const details = ids.length ? baseQuery(tx).where(inArray(resourceRequests.id, ids)).all() : [];
    const byId = new Map(details.map((d) => [d.id, d]));
    return { counts, total, page, raw: ids.map((id) => byId.get(id)!) };
  });

  const labels = requestTypeLabels(viewer.programId, db);
  return {
    rows: raw.map((r) => toRow(r, viewer, labels)),
    total,
    page,
    size: query.size,
    counts,
    ...advocateFilterOptions(viewer, db),
  };
}

/**
 * One page of the requests matching `where`, by days open (then newest id first), as
 * `julianday(coalesce(closed_at, now)) - julianday(requested_at)` orders them. That order depends
 * on today, so no index holds it; but each half of it does not: open requests are in the order
 * they were made (`requests_program_open_requested_idx`), closed ones in the order of how long
 * they were open (`requests_program_closed_days_idx`, on that expression). Each half gives its
 * first `page * size` rows in the common order, and the page is read from the two merged: ~0.1 ms
 * for a program's first page at the 50k seed, where sorting all 153k requests took ~30 ms.
 * (julianday works in whole milliseconds, so distinct times never compare equal: each half's
 * order is exactly the common one, ties broken by id as in the whole.)
 */
function pageByDaysOpen(tx: DbOrTx, where: SQL | undefined, longestFirst: boolean, page: number, size: number): number[] {
  const r = resourceRequests;
  const reach = page * size;
  const openDays = sql`julianday(${nowIso()}) - julianday(${r.requestedAt})`;
  const closedDays = sql`julianday(${r.closedAt}) - julianday(${r.requestedAt})`;
  const open = tx
    .select({ id: r.id, days: sql<number>`${openDays}`.as("days") })
    .from(r)
    .where(and(where, isNull(r.closedAt)))
    .orderBy(longestFirst ? asc(r.requestedAt) : desc(r.requestedAt), desc(r.id))
    .limit(reach);
  const closed = tx
    .select({ id: r.id, days: sql<number>`${closedDays}`.as("days") })
    .from(r)
    .where(and(where, isNotNull(r.closedAt)))
    .orderBy(longestFirst ? desc(closedDays) : asc(closedDays), desc(r.id))
    .limit(reach);
  return tx
    .all<{ id: number }>(
      sql`select id from (select * from ${open} union all select * from ${closed})
        order by days ${longestFirst ? sql`desc` : sql`asc`}, id desc limit ${size} offset ${reach - size}`,
    )
    .map((row) => row.id);
}

export type RequestDetail = RequestRow & {
  subtype: string | null;
  description: string | null;
  version: number;
  /** Whether the type carries money (requested, approved, paid). */
  hasAmount: boolean;
  outcome: {
    approvedAmountCents: number | null;
    fulfilledOn: string | null;
    fulfilledBy: string | null;
    paidAmountCents: number | null;
    note: string | null;
  };
  history: Array<{
    at: string;
    actor: string;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus;
    note: string | null;
    amountCents: number | null;
    onDate: string | null;
    provider: string | null;
  }>;
  /** The actions this viewer may take now. */
  actions: RequestAction[];
  /** Whether the viewer may edit it (a draft, by the person who started it). */
  canEditDraft: boolean;
};

export function getRequest(viewer: Viewer, requestId: number, db: DbOrTx = getDb()): RequestDetail {
  requireCaseAccess(viewer);
  const row = db
    .select({
      ...rowFields(),
      description: resourceRequests.description,
      version: resourceRequests.version,
      requestedByUserId: resourceRequests.requestedByUserId,
      approvedAmountCents: resourceRequests.approvedAmountCents,
      fulfilledOn: resourceRequests.fulfilledOn,
      fulfilledBy: resourceRequests.fulfilledBy,
      paidAmountCents: resourceRequests.paidAmountCents,
      outcomeNote: resourceRequests.outcomeNote,
    })
    .from(resourceRequests)
    .innerJoin(youth, eq(youth.id, resourceRequests.youthId))
    .leftJoin(addressedParty, eq(addressedParty.id, resourceRequests.addressedToPartyId))
    .innerJoin(requester, eq(requester.id, resourceRequests.requestedByUserId))
    .where(and(eq(resourceRequests.id, requestId), requestVisibleTo(viewer)))
    .get();
  if (!row) notFound("Request");
  const history = db
    .select({
      at: requestStatusEvents.at,
      actor: users.name,
      fromStatus: requestStatusEvents.fromStatus,
      toStatus: requestStatusEvents.toStatus,
      note: requestStatusEvents.note,
      amountCents: requestStatusEvents.amountCents,
      onDate: requestStatusEvents.onDate,
      provider: requestStatusEvents.provider,
    })
    .from(requestStatusEvents)
    .innerJoin(users, eq(users.id, requestStatusEvents.actorUserId))
    .where(eq(requestStatusEvents.requestId, requestId))
    .orderBy(asc(requestStatusEvents.at), asc(requestStatusEvents.id))
    .all()
    .map((h) => ({ ...h, fromStatus: h.fromStatus as RequestStatus | null, toStatus: h.toStatus as RequestStatus }));
  const base = toRow(row, viewer, requestTypeLabels(viewer.programId, db));
  return {
    ...base,
    subtype: row.subtype,
    description: row.description,
    version: row.version,
    hasAmount: typeHasAmount(row.type),
    outcome: {
      approvedAmountCents: row.approvedAmountCents,
      fulfilledOn: row.fulfilledOn,
      fulfilledBy: row.fulfilledBy,
      paidAmountCents: row.paidAmountCents,
      note: row.outcomeNote,
    },
    history,
    canEditDraft: base.status === "draft" && row.requestedByUserId === viewer.userId && can(viewer.role, "write:requests"),
    actions: (Object.keys(REQUEST_TRANSITIONS) as RequestAction[]).filter((a) => {
      const t = REQUEST_TRANSITIONS[a];
      return t.from.includes(base.status) && can(viewer.role, t.permission);
    }),
  };
}

export type RequestInput = {
  type: RequestType;
  subtype?: string;
  description?: string;
  addressedTo: string;
  agency?: string;
  /** Dollars as typed ("250.00"); read for the types that carry an amount only. */
  amount?: string;
  dueOn?: string;
  submit: boolean;
};

/**
 * Every problem of a request form at once: the schema's messages and the checks that need the
 * type, the day or the database (the party it is addressed to), whether or not the rest parsed.
 */
export function requestFormErrors(
  inScope: YouthInScope,
  values: Record<string, unknown>,
  schemaErrors: FieldErrors,
  db: DbOrTx = getDb(),
): FieldErrors {
  const { viewer } = inScope;
  const typeKey = typeof values.type === "string" ? values.type : "";
  const errors: FieldErrors = { ...requestTypeChecks(values, calendarDateIn(new Date(), viewer.timeZone)).errors };
  const info = requestTypeInfo(typeKey);
  if (info && ((info.csecSensitive && !inScope.sensitiveVisible) || !requestTypeInUse(viewer.programId, typeKey, db))) {
    errors.type =
      info.csecSensitive && !inScope.sensitiveVisible
        ? "Choose the kind of resource."
        : "The program no longer takes requests of this kind.";
  }
  const addressedTo = typeof values.addressedTo === "string" ? values.addressedTo : "";
  if (/^\d+$/.test(addressedTo) && addressedPartyOf(inScope, addressedTo, db) === null)
    errors.addressedTo = "Choose who the request goes to.";
  return { ...errors, ...schemaErrors };
}

/**
 * A new or edited request checked once, for createRequest and editDraft alike: every problem, or
 * what to store (the subtype and amount only where the type has them, the party it goes to).
 */
function checkRequest(
  inScope: YouthInScope,
  input: Omit<RequestInput, "submit">,
  db: DbOrTx,
): { ok: false; errors: FieldErrors } | { ok: true; subtype: string | null; partyId: number | null; amountCents: number | null } {
  const info = requestTypeInfo(input.type);
  const errors = requestFormErrors(inScope, input, info ? {} : { type: "Choose the kind of resource." }, db);
  const partyId = input.addressedTo === "agency" ? null : addressedPartyOf(inScope, input.addressedTo, db);
  if (input.addressedTo !== "agency" && partyId === null) errors.addressedTo = "Choose who the request goes to.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    subtype: info?.subtypes.length ? (input.subtype ?? null) : null,
    partyId,
    amountCents: typeHasAmount(input.type) && input.amount ? dollarsToCents(input.amount) : null,
  };
}

/** The current, visible party of this youth a request may be addressed to; null otherwise. */
function addressedPartyOf(inScope: YouthInScope, addressedTo: string, db: DbOrTx): number | null {
  return (
    db
      .select({ id: caseParties.id })
      .from(caseParties)
      .where(
        and(
          eq(caseParties.id, Number(addressedTo)),
          eq(caseParties.youthId, inScope.youthId),
          isNull(caseParties.endedOn),
          partiesShownTo(inScope),
        ),
      )
      .get()?.id ?? null
  );
}

export function createRequest(
  inScope: YouthInScope,
  input: RequestInput,
  db: DbOrTx = getDb(),
): { ok: true; id: number } | { ok: false; errors: FieldErrors } {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:requests", "Requests are made by the youth's advocate or the program lead.");
  const checked = checkRequest(inScope, input, db);
  if (!checked.ok) return checked;
  const { subtype, partyId, amountCents } = checked;

  return db.transaction((tx) => {
    const at = nowIso();
    const status: RequestStatus = input.submit ? "submitted" : "draft";
    const row = tx
      .insert(resourceRequests)
      .values({
        programId: viewer.programId,
        youthId,
        type: input.type,
        subtype,
        description: input.description ?? null,
        addressedToPartyId: partyId,
        addressedToAgency: partyId ? null : (input.agency ?? null),
        amountCents,
        dueOn: input.dueOn ?? null,
        status,
        requestedByUserId: viewer.userId,
        requestedAt: at,
        submittedAt: input.submit ? at : null,
        version: input.submit ? 2 : 1,
      })
      .returning({ id: resourceRequests.id })
      .get();
    tx.insert(requestStatusEvents)
      .values({ programId: viewer.programId, requestId: row.id, fromStatus: null, toStatus: "draft", actorUserId: viewer.userId, at })
      .run();
    if (input.submit) {
      tx.insert(requestStatusEvents)
        .values({
          programId: viewer.programId,
          requestId: row.id,
          fromStatus: "draft",
          toStatus: "submitted",
          actorUserId: viewer.userId,
          at,
        })
        .run();
    }
    auditChange(tx, viewer, {
      action: "request.create",
      entityType: "resource_request",
      entityId: row.id,
      youthId,
      details: { type: input.type, status, amountCents: amountCents ?? undefined },
    });
    if (input.submit) requestSubmitted(tx, viewer, row.id);
    return { ok: true as const, id: row.id };
  });
}

/** A draft as its edit form shows it: the stored values in the form's own terms. */
export type DraftForEdit = {
  id: number;
  youthId: number;
  type: string;
  subtype: string;
  description: string;
  addressedTo: string;
  agency: string;
  amount: string;
  dueOn: string;
  version: number;
};

const NOT_A_DRAFT = "This request has been submitted: it can no longer be edited. Its page shows where it stands.";

function draftRow(viewer: Viewer, requestId: number, db: DbOrTx) {
  return db
    .select()
    .from(resourceRequests)
    .where(and(eq(resourceRequests.id, requestId), requestVisibleTo(viewer)))
    .get();
}

function toDraftForEdit(r: typeof resourceRequests.$inferSelect): DraftForEdit {
  return {
    id: r.id,
    youthId: r.youthId,
    type: r.type,
    subtype: r.subtype ?? "",
    description: r.description ?? "",
    addressedTo: r.addressedToPartyId ? String(r.addressedToPartyId) : "agency",
    agency: r.addressedToAgency ?? "",
    amount: r.amountCents === null ? "" : (r.amountCents / 100).toFixed(2),
    dueOn: r.dueOn ?? "",
    version: r.version,
  };
}

/**
 * A draft its author may edit: 404 outside the viewer's sight, 403 for anyone but the person who
 * started it (a draft is their work in progress), 409 once it has been submitted.
 */
export function getDraftForEdit(viewer: Viewer, requestId: number, db: DbOrTx = getDb()): { inScope: YouthInScope; draft: DraftForEdit } {
  requireCaseAccess(viewer);
  const row = draftRow(viewer, requestId, db);
  if (!row) notFound("Request");
  const inScope = requireYouthInScope(viewer, row.youthId, db);
  requirePermission(viewer, "write:requests", "Requests are made by the youth's advocate or the program lead.");
  if (row.requestedByUserId !== viewer.userId) throw data({ message: "Only the person who started a draft edits it." }, { status: 403 });
  if (row.status !== "draft") throw data({ message: NOT_A_DRAFT }, { status: 409 });
  return { inScope, draft: toDraftForEdit(row) };
}

/**
 * Saves a changed draft: checked like a new request, refused (409) when the form was filled from
 * an older version or the request was submitted meanwhile. The change is in the request's history
 * (a draft-to-draft step) and the audit log keeps what it was before.
 */
export function editDraft(
  inScope: YouthInScope,
  requestId: number,
  input: Omit<RequestInput, "submit">,
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<DraftForEdit> {
  const { viewer } = inScope;
  const checked = checkRequest(inScope, input, db);
  if (!checked.ok) return checked;
  const { subtype, partyId, amountCents } = checked;
  return db.transaction((tx) => {
    const now = draftRow(viewer, requestId, tx);
    if (!now) notFound("Request");
    if (now.version !== baseVersion || now.status !== "draft") {
      return now.status !== "draft" ? { ok: false as const, errors: { _form: NOT_A_DRAFT } } : staleEdit(toDraftForEdit(now));
    }
    const before = toDraftForEdit(now);
    const at = nowIso();
    tx.update(resourceRequests)
      .set({
        type: input.type,
        subtype,
        description: input.description ?? null,
        addressedToPartyId: partyId,
        addressedToAgency: partyId ? null : (input.agency ?? null),
        amountCents,
        dueOn: input.dueOn ?? null,
        version: baseVersion + 1,
        updatedAt: at,
      })
      .where(eq(resourceRequests.id, requestId))
      .run();
    const after = toDraftForEdit(tx.select().from(resourceRequests).where(eq(resourceRequests.id, requestId)).get()!);
    const changed = (Object.keys(before) as Array<keyof DraftForEdit>).filter((k) => k !== "version" && before[k] !== after[k]);
    tx.insert(requestStatusEvents)
      .values({
        programId: viewer.programId,
        requestId,
        fromStatus: "draft",
        toStatus: "draft",
        note: changed.length ? `Edited: ${changed.join(", ")}` : "Saved without changes",
        actorUserId: viewer.userId,
        at,
      })
      .run();
    auditChange(tx, viewer, {
      action: "request.edit",
      entityType: "resource_request",
      entityId: requestId,
      youthId: now.youthId,
      details: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])) },
    });
    return { ok: true as const, id: requestId };
  });
}

type OutcomeColumns = {
  request: Partial<
    Pick<typeof resourceRequests.$inferInsert, "approvedAmountCents" | "fulfilledOn" | "fulfilledBy" | "paidAmountCents" | "outcomeNote">
  >;
  event: Partial<Pick<typeof requestStatusEvents.$inferInsert, "amountCents" | "onDate" | "provider">>;
};

/**
 * What approving or fulfilling records, checked against the request: approving funds records the
 * amount approved (the amount requested unless another is given); fulfilling records the day
 * (not in the future, not before the request), the provider or agency, the amount paid for funds,
 * and an outcome note. Every error at once.
 */
function outcomeOf(
  viewer: Viewer,
  current: RequestDetail,
  action: RequestAction,
  input: { note?: string; amount?: string; fulfilledOn?: string; provider?: string },
): ({ ok: true } & OutcomeColumns) | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const money = (text: string | undefined, fallback: number | null, message: string): number | null => {
    const cents = text === undefined ? fallback : dollarsToCents(text);
    if (!cents) errors.amount = message;
    return cents;
  };
  if (action === "approve") {
    if (!current.hasAmount) return { ok: true, request: {}, event: {} };
    const approved = money(input.amount, current.amountCents, "Enter the amount approved, in dollars (e.g. 250 or 250.00).");
    if (approved && current.amountCents && approved > current.amountCents) {
      errors.amount = `The amount approved cannot be more than the ${formatCents(current.amountCents)} requested.`;
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, request: { approvedAmountCents: approved }, event: { amountCents: approved } };
  }
  if (action !== "fulfil") return { ok: true, request: {}, event: {} };
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const requestedOn = calendarDateIn(new Date(current.requestedAt), viewer.timeZone);
  if (!input.fulfilledOn || !isCalendarDate(input.fulfilledOn)) errors.fulfilledOn = "Enter the day it was provided.";
  else if (input.fulfilledOn > today) errors.fulfilledOn = "The day it was provided cannot be in the future.";
  else if (input.fulfilledOn < requestedOn) errors.fulfilledOn = "The day it was provided cannot be before the request was made.";
  if (!input.provider) errors.provider = "Say who provided it (the provider or agency).";
  const paid = current.hasAmount ? money(input.amount, null, "Enter the amount paid, in dollars (e.g. 250 or 250.00).") : null;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    request: { fulfilledOn: input.fulfilledOn, fulfilledBy: input.provider, paidAmountCents: paid, outcomeNote: input.note ?? null },
    event: { amountCents: paid, onDate: input.fulfilledOn, provider: input.provider },
  };
}

export type TransitionResult = { ok: true; youthId: number } | { ok: false; status: 400 | 409; errors: FieldErrors };

/**
 * Moves a request along its lifecycle. `version` is the one the person saw: when someone else
 * acted in between, nothing is overwritten and the person is told what the request is now.
 */
export function transitionRequest(
  viewer: Viewer,
  requestId: number,
  action: RequestAction,
  input: { version: number; note?: string; amount?: string; fulfilledOn?: string; provider?: string },
  db: DbOrTx = getDb(),
): TransitionResult {
  const current = getRequest(viewer, requestId, db);
  const transition = REQUEST_TRANSITIONS[action];
  requirePermission(
    viewer,
    transition.permission,
    transition.permission === "decide:requests"
      ? "Only the youth's supervisor or the program lead can approve, deny or fulfil a request."
      : "Only the youth's advocate or the program lead can submit or withdraw a request.",
  );
  const stale = (now: RequestStatus) => ({
    ok: false as const,
    status: 409 as const,
    errors: { _form: `Someone else changed this request while you had it open: it is now ${now}. Check it and try again if still needed.` },
  });
  if (current.version !== input.version) return stale(current.status);
  if (!transition.from.includes(current.status)) {
    return { ok: false, status: 400, errors: { _form: `A request that is ${current.status} cannot be ${transition.to}.` } };
  }
  if (transition.noteRequired && !input.note) return { ok: false, status: 400, errors: { note: "Give the reason for the denial." } };
  const outcome = outcomeOf(viewer, current, action, input);
  if (!outcome.ok) return { ok: false, status: 400, errors: outcome.errors };
  const { request: outcomeColumns, event: eventColumns } = outcome;

  return db.transaction((tx) => {
    const at = nowIso();
    const closed = !OPEN_REQUEST_STATUSES.includes(transition.to);
    const changed = tx
      .update(resourceRequests)
      .set({
        status: transition.to,
        version: current.version + 1,
        updatedAt: at,
        closedAt: closed ? at : null,
        // Kept from the first submission (a request is submitted once: draft -> submitted).
        ...(transition.to === "submitted" ? { submittedAt: at } : {}),
        ...outcomeColumns,
      })
      .where(and(eq(resourceRequests.id, requestId), eq(resourceRequests.version, input.version)))
      .run().changes;
    if (changed === 0) {
      const now = tx.select({ status: resourceRequests.status }).from(resourceRequests).where(eq(resourceRequests.id, requestId)).get();
      return stale((now?.status ?? current.status) as RequestStatus);
    }
    if (outcomeColumns.fulfilledOn) {
      // Days from the day it was submitted to the day it was provided, in the program's calendar,
      // stored once so that reports read it from an index.
      const row = tx
        .select({ submittedAt: resourceRequests.submittedAt, requestedAt: resourceRequests.requestedAt })
        .from(resourceRequests)
        .where(eq(resourceRequests.id, requestId))
        .get()!;
      const submittedOn = calendarDateIn(new Date(row.submittedAt ?? row.requestedAt), viewer.timeZone);
      tx.update(resourceRequests)
        .set({ fulfilDays: Math.max(0, daysBetween(submittedOn, outcomeColumns.fulfilledOn)) })
        .where(eq(resourceRequests.id, requestId))
        .run();
    }
    tx.insert(requestStatusEvents)
      .values({
        programId: viewer.programId,
        requestId,
        fromStatus: current.status,
        toStatus: transition.to,
        note: input.note ?? null,
        ...eventColumns,
        actorUserId: viewer.userId,
        at,
      })
      .run();
    auditChange(tx, viewer, {
      action: `request.${action}`,
      entityType: "resource_request",
      entityId: requestId,
      youthId: current.youthId,
      // Amounts and the day, not the provider or the note: the audit log holds no free text of a case.
      details: {
        from: current.status,
        to: transition.to,
        approvedAmountCents: outcomeColumns.approvedAmountCents,
        paidAmountCents: outcomeColumns.paidAmountCents,
        fulfilledOn: outcomeColumns.fulfilledOn,
      },
    });
    if (action === "submit") requestSubmitted(tx, viewer, requestId);
    else if (action === "approve" || action === "deny" || action === "fulfil") requestDecided(tx, viewer, requestId, action);
    return { ok: true as const, youthId: current.youthId };
  });
}
