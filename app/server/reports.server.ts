/**
 * The reports (`/reports`): what was requested and received, and the caseload's health, over a
 * period, for the youth in the viewer's scope (a program lead's program, a supervisor's caseload).
 *
 * - Every figure is an aggregate computed in SQL, on the record's own indexed columns.
 * - Every record kind is counted under the same visibility as its lists: the viewer's scope
 *   (`youthScopeCondition`) and, for kinds that can reveal CSEC involvement, the one CSEC rule
 *   (`csecSensitiveShownTo`). Concerns appear only for viewers who may know of them.
 * - Every count is passed through `suppressCounts` (domain/reports.ts) before it leaves the
 *   server: a hidden count is never sent, not in the page's data, a chart, nor a download.
 * - Months are the program's calendar months: an instant is bucketed by the UTC instants at which
 *   the program's months begin, a calendar date by its own `YYYY-MM`.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import {
  actionItems,
  csecConcerns,
  contacts,
  mdtMeetings,
  memberships,
  reportActionDueCounts,
  reportDecisionCounts,
  reportFulfilledCounts,
  reportDenialCounts,
  reportHourlyCounts,
  reportMeetingCounts,
  reportRequestCounts,
  requestStatusEvents,
  resourceRequests,
  runawayEpisodes,
  users,
  youth,
  youthAssignments,
  youthCsecStatus,
} from "../../db/schema";
import { likeContains } from "./sql.server";
import { CSEC_BASES, CSEC_BASIS_LABELS, mayKnowUnconfirmed, type CsecAudience } from "../domain/csec";
import { addDays, calendarDateIn, daysBetween, utcToZonedLocal, zonedLocalToUtc } from "../domain/dates";
import { REPORT_DEADLINE_MS } from "../domain/episodes";
import { can, youthScopeOf } from "../domain/permissions";
import {
  isSuppressed,
  medianAndP90,
  monthsOf,
  PERIOD_KINDS,
  previousPeriod,
  resolvePeriod,
  suppressCount,
  suppressCounts,
  suppressPartOfWhole,
  SUPPRESSED,
  type Period,
  type ShownCount,
} from "../domain/reports";
import {
  FUNDS_REQUEST_TYPES,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPES,
  requestTypeLabel,
  type RequestStatus,
  type TypeLabels,
} from "../domain/requests";
import { requestTypeLabels } from "./program-settings.server";
import { csecSensitiveShownTo } from "./csec-sensitive.server";
import { getDb, readTransaction, type Db, type DbOrTx } from "./db.server";
import { csecAudienceOf, requireCaseAccess, requirePermission, youthScopeCondition, type YouthColumns } from "./scope.server";
import type { Viewer } from "./session.server";
import { assignedTo, assignedToNamed, countYouthForViewer } from "./youth.server";

// =============================================================================================
// What a report is made of (sent to the page, written to CSV and Excel as it is)

export type ReportColumnKind = "text" | "count" | "number" | "money" | "date" | "month" | "link";
export type ReportColumn = { key: string; header: string; kind: ReportColumnKind };
/** A count is a number or "fewer than 5"; money is in cents; a date `YYYY-MM-DD`; a month `YYYY-MM`; null is "none". */
export type ReportCell = string | number | null;

export type ReportChart = {
  kind: "stacked" | "grouped";
  /** The column the bars stand on (a month, a type ...). */
  x: string;
  /** The columns drawn as bars. */
  series: string[];
  /** What the bars measure, for the axis. */
  unit: "count" | "money" | "days";
};

export type ReportTable = {
  key: string;
  title: string;
  /** One sentence: what is counted, and how. */
  caption: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** A last row of totals, when the table shows one. */
  totalRow?: ReportCell[];
  chart?: ReportChart;
  /** A link to the list behind the figure, when there is one. */
  listHref?: string;
};

export type ReportSection = { key: string; title: string; tables: ReportTable[] };

export type ReportQuery = {
  period: Period;
  /** A request type (the request tables only). */
  type?: string;
  /** Youth currently supervised by this user (program-wide viewers). */
  supervisorId?: number;
  /** Youth with a current supervisor whose name contains this (program-wide viewers). */
  supervisorName?: string;
  /** Youth currently assigned to this advocate. */
  advocateId?: number;
  /** Youth with a current advocate whose name contains this. */
  advocateName?: string;
};

export type Reports = { sections: ReportSection[]; period: Period; generatedAt: string };

/** 403 for those who do not get reports: advocates and administrators. */
export function requireReports(viewer: Viewer): void {
  requireCaseAccess(viewer);
  requirePermission(viewer, "read:reports", "Reports are for supervisors (their caseload) and program leads (the program).");
}

// =============================================================================================
// The context every figure is computed in

type Month = { month: string; start: string; end: string };

type Ctx = {
  viewer: Viewer;
  audience: CsecAudience;
  query: ReportQuery;
  period: Period;
  /** The period as instants: [start, end). */
  start: string;
  end: string;
  months: Month[];
  /** Minutes from UTC to the program's wall clock at the end of the period (for `localDay`). */
  offsetMinutes: number;
  today: string;
  now: Date;
  db: DbOrTx;
  /** The advocates of the program whose name contains `query.advocateName`, looked up once. */
  advocatesNamed: number[] | null;
  /** What the program calls its request types. */
  labels: TypeLabels;
  /** Whether program-wide figures may be read from the kept counts (false: always from the records, for tests). */
  keptCounts: boolean;
};

export type ReportOptions = {
  /** Read program-wide figures from the counts kept by triggers (the default), or count every record. */
  keptCounts?: boolean;
};

const startOfDay = (day: string, timeZone: string) => zonedLocalToUtc(`${day}T00:00`, timeZone)!;

function contextFor(viewer: Viewer, query: ReportQuery, db: DbOrTx, now: Date, opts: ReportOptions = {}): Ctx {
  const tz = viewer.timeZone;
  const { period } = query;
  const months = monthsOf(period).map((month, i, all) => {
    const first = i === 0 ? period.from : `${month}-01`;
    const next = i === all.length - 1 ? addDays(period.to, 1) : `${all[i + 1]}-01`;
    return { month, start: startOfDay(first, tz), end: startOfDay(next, tz) };
  });
  const end = startOfDay(addDays(period.to, 1), tz);
  const probe = new Date(Math.min(Date.parse(end) - 1, now.getTime())).toISOString();
  const offsetMinutes = Math.round(
    (Date.parse(`${utcToZonedLocal(probe, tz)}:00Z`) - Math.floor(Date.parse(probe) / 60_000) * 60_000) / 60_000,
  );
  return {
    viewer,
    audience: csecAudienceOf(viewer),
    query,
    period,
    start: startOfDay(period.from, tz),
    end,
    months,
    offsetMinutes,
    today: calendarDateIn(now, tz),
    now,
    db,
    advocatesNamed: query.advocateName?.trim() ? advocatesNamed(viewer, query.advocateName.trim(), db) : null,
    labels: requestTypeLabels(viewer.programId, db),
    keptCounts: opts.keptCounts ?? true,
  };
}

/** Users of the viewer's program whose name contains `text` (as the youth list's advocate-name filter matches). */
function advocatesNamed(viewer: Viewer, text: string, db: DbOrTx): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.programId, viewer.programId), likeContains(users.name, text)))
    .all()
    .map((r) => r.id);
}

/**
 * The records of a kind the report counts: the youth in scope, the report's people filters, and
 * (for kinds that can reveal CSEC involvement) the CSEC rule. On the record's own columns.
 */
function visible(ctx: Ctx, on: YouthColumns, kind?: Parameters<typeof csecSensitiveShownTo>[0]): SQL {
  const { query } = ctx;
  const conditions: (SQL | undefined)[] = [youthScopeCondition(ctx.viewer, on)];
  if (query.supervisorId) conditions.push(assignedTo("supervisor", query.supervisorId, on.youthId));
  if (query.supervisorName) conditions.push(assignedToNamed("supervisor", query.supervisorName, on.youthId, on.programId));
  if (query.advocateId) conditions.push(assignedTo("advocate", query.advocateId, on.youthId));
  if (ctx.advocatesNamed) {
    conditions.push(sql`${on.youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
      where ${youthAssignments.kind} = 'advocate' and ${youthAssignments.endedOn} is null
        and ${inArray(youthAssignments.userId, ctx.advocatesNamed.length ? ctx.advocatesNamed : [0])})`);
  }
  if (kind) conditions.push(csecSensitiveShownTo(kind, ctx.audience, on.youthId));
  return and(...conditions)!;
}

const requestCols: YouthColumns = { youthId: resourceRequests.youthId, programId: resourceRequests.programId };

/**
 * How a query of request events reaches the requests it may count: a join on which
 * `requestsVisible` is checked, then `where` (or `and`). When that check is the program alone
 * (a program-wide viewer, no filter, every request visible) the event's own program is enough and
 * the join, one lookup per event, is left out.
 */
function requestsOfEvents(ctx: Ctx, withType = true): SQL {
  const programOnly = countsWholeProgram(ctx, "request") && !(withType && ctx.query.type);
  return programOnly
    ? sql`where`
    : sql`join ${resourceRequests} on ${resourceRequests.id} = ${requestStatusEvents.requestId} where ${requestsVisible(ctx, withType)} and`;
}

/**
 * Whether a kind's monthly counts may be read from `report_hourly_counts`: the viewer counts the
 * whole program, and every month of the period starts and ends on a UTC hour (a time zone a whole
 * number of hours from UTC).
 */
function hourlyCountsServe(ctx: Ctx, kind: KeptKind): boolean {
  return keptCountsServe(ctx, kind) && ctx.months.every((m) => m.start.endsWith(":00:00.000Z") && m.end.endsWith(":00:00.000Z"));
}

/** Whether a kind's figures may be read from the counts kept by triggers: the viewer counts the whole program. */
function keptCountsServe(ctx: Ctx, kind: KeptKind): boolean {
  return ctx.keptCounts && countsWholeProgram(ctx, kind);
}

/**
 * The viewer counts every record of `kind` in the program: a program-wide scope, no supervisor or
 * advocate filter, and the CSEC rule hides none of them. Then the program id alone says what to
 * count (no lookup of each record's youth).
 */
type KeptKind = "request" | "contact" | "action" | "meeting";

function countsWholeProgram(ctx: Ctx, kind: KeptKind): boolean {
  const { query } = ctx;
  return (
    youthScopeOf(ctx.viewer.role).kind === "program" &&
    !query.supervisorId &&
    !query.supervisorName &&
    !query.advocateId &&
    !ctx.advocatesNamed &&
    csecSensitiveShownTo(kind, ctx.audience, youth.id) === undefined
  );
}

/** One month's sum of the program's hourly counts of `kind`, as a `select month, n` per month. */
function hourlyCountsPerMonth(ctx: Ctx, kind: "contact" | "action_opened" | "action_closed"): SQL {
  return sql.join(
    ctx.months.map(
      (m) => sql`select ${m.month} as month, coalesce(sum(${reportHourlyCounts.n}), 0) as n from ${reportHourlyCounts}
        where ${reportHourlyCounts.programId} = ${ctx.viewer.programId} and ${reportHourlyCounts.kind} = ${kind}
          and ${reportHourlyCounts.hour} >= ${m.start.slice(0, 13)} and ${reportHourlyCounts.hour} < ${m.end.slice(0, 13)}`,
    ),
    sql` union all `,
  );
}

// ---------------------------------------------------------------------------------------------
// The kept counts (db/report-rollups.ts): a range of records is a few ranges of buckets

type Grain = "h" | "d" | "m";
/** Buckets `from` (included) to `to` (excluded) of one grain. */
type Span = { grain: Grain; from: string; to: string };

/**
 * The buckets of the instants from `start` (included) to `end` (excluded), both on a UTC hour:
 * the hours before the first whole UTC day, the whole days, and the hours after the last.
 */
export function instantSpans(start: string, end: string): Span[] {
  const startHour = start.slice(0, 13);
  const endHour = end.slice(0, 13);
  const firstDay = startHour.endsWith("T00") ? start.slice(0, 10) : addDays(start.slice(0, 10), 1);
  const endDay = end.slice(0, 10);
  if (firstDay >= endDay) return startHour < endHour ? [{ grain: "h", from: startHour, to: endHour }] : [];
  return (
    [
      { grain: "h", from: startHour, to: `${firstDay}T00` },
      { grain: "d", from: firstDay, to: endDay },
      { grain: "h", from: `${endDay}T00`, to: endHour },
    ] satisfies Span[]
  ).filter((x) => x.from < x.to);
}

/** The buckets of the calendar days `from` to `to` (both included): whole months, and the days around them. */
export function daySpans(from: string, to: string): Span[] {
  if (to < from) return [];
  const end = addDays(to, 1);
  const firstMonth = from.endsWith("-01") ? from.slice(0, 7) : addDays(`${from.slice(0, 7)}-28`, 7).slice(0, 7);
  const endMonth = end.slice(0, 7);
  if (firstMonth >= endMonth) return [{ grain: "d", from, to: end }];
  return (
    [
      { grain: "d", from, to: `${firstMonth}-01` },
      { grain: "m", from: firstMonth, to: endMonth },
      { grain: "d", from: `${endMonth}-01`, to: end },
    ] satisfies Span[]
  ).filter((x) => x.from < x.to);
}

type KeptTable =
  | typeof reportRequestCounts
  | typeof reportDecisionCounts
  | typeof reportFulfilledCounts
  | typeof reportActionDueCounts
  | typeof reportMeetingCounts
  | typeof reportDenialCounts;

/**
 * `select <columns> from <table>` over each span of the program's kept counts, joined by `union all`.
 * `where` narrows the rows (a type, a status).
 */
function keptRows(ctx: Ctx, table: KeptTable, spans: Span[], columns: SQL, where?: SQL): SQL {
  if (spans.length === 0) return sql`select ${columns} from ${table} where 0`;
  return sql.join(
    spans.map(
      (x) => sql`select ${columns} from ${table} where ${table.programId} = ${ctx.viewer.programId}
        and ${table.grain} = ${x.grain} and ${table.bucket} >= ${x.from} and ${table.bucket} < ${x.to}${where ? sql` and ${where}` : sql``}`,
    ),
    sql` union all `,
  );
}

/** The request type filter on a kept-counts table, when the report has one. */
function keptType(ctx: Ctx, column: SQLWrapper): SQL | undefined {
  return ctx.query.type ? sql`${column} = ${ctx.query.type}` : undefined;
}

function requestsVisible(ctx: Ctx, withType = true): SQL {
  return and(
    visible(ctx, requestCols, "request"),
    withType && ctx.query.type ? sql`${resourceRequests.type} = ${ctx.query.type}` : undefined,
  )!;
}

/**
 * One `select` per month of the period, joined by `union all`: `body(month, range)` is that
 * month's select, with `range` (the month's span of the instant `column`) in its where. Each reads
 * its own index range; nothing is bucketed row by row or grouped across the whole period.
 */
function perMonth(ctx: Ctx, column: SQLWrapper, body: (month: string, range: SQL) => SQL): SQL {
  return sql.join(
    ctx.months.map((m) => body(m.month, sql`${column} >= ${m.start} and ${column} < ${m.end}`)),
    sql` union all `,
  );
}

const inPeriod = (ctx: Ctx, column: SQLWrapper) => sql`${column} >= ${ctx.start} and ${column} < ${ctx.end}`;
const daysInPeriod = (ctx: Ctx, column: SQLWrapper) => sql`${column} between ${ctx.period.from} and ${ctx.period.to}`;

/**
 * The program's calendar day of an instant column. SQLite has no time zones: the program's UTC
 * offset at the end of the period is used, so across a daylight-saving change an instant within
 * an hour of midnight may fall on the neighbouring day.
 */
function localDay(ctx: Ctx, column: SQLWrapper): SQL<string> {
  return sql<string>`date(${column}, ${`${ctx.offsetMinutes} minutes`})`;
}

/** When a request was submitted (a fulfilled request always was; the request time is a fallback only). */
const submittedAt = sql<string>`coalesce(${resourceRequests.submittedAt}, ${resourceRequests.requestedAt})`;

// =============================================================================================
// Helpers that turn counts into tables

const month = (key = "month"): ReportColumn => ({ key, header: "Month", kind: "month" });
const count = (key: string, header: string): ReportColumn => ({ key, header, kind: "count" });

/** Rows of counts by month, each count suppressed on its own (the columns are not parts of a whole). */
function monthlyCounts(ctx: Ctx, series: string[], byMonth: Map<string, Record<string, number>>): ReportCell[][] {
  return ctx.months.map((m) => [m.month, ...series.map((s) => suppressCount(byMonth.get(m.month)?.[s] ?? 0))]);
}

function groupByMonth<T extends { month: string }>(rows: T[], fields: (keyof T & string)[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const entry = out.get(r.month) ?? {};
    for (const f of fields) entry[f] = (entry[f] ?? 0) + Number(r[f] ?? 0);
    out.set(r.month, entry);
  }
  return out;
}

// =============================================================================================
// Resource requests

function requestsByMonthAndType(ctx: Ctx): ReportTable {
  // A range count per type and month (requests_program_type_requested_idx): grouping the
  // period's requests instead costs a sorter, which is most of the time at a program's scale.
  const candidates = REQUEST_TYPES.map((t) => t.key as string).filter((t) => !ctx.query.type || t === ctx.query.type);
  const k = reportRequestCounts;
  const rows = ctx.db.all<{ month: string; type: string; n: number }>(
    hourlyCountsServe(ctx, "request")
      ? sql`select month, type, sum(n) as n from (${sql.join(
          ctx.months.map((m) =>
            keptRows(
              ctx,
              k,
              instantSpans(m.start, m.end),
              sql`${m.month} as month, ${k.type} as type, ${k.n} as n`,
              and(sql`${k.status} <> 'draft'`, keptType(ctx, k.type)),
            ),
          ),
          sql` union all `,
        )}) group by month, type`
      : sql.join(
          candidates.map((t) =>
            perMonth(
              ctx,
              resourceRequests.requestedAt,
              (m, range) => sql`select ${m} as month, ${t} as type, count(*) as n from ${resourceRequests}
            where ${visible(ctx, requestCols, "request")} and ${resourceRequests.type} = ${t} and ${range} and ${resourceRequests.status} <> 'draft'`,
            ),
          ),
          sql` union all `,
        ),
  );
  const types = REQUEST_TYPES.map((t) => t.key).filter((t) => rows.some((r) => r.type === t && r.n > 0));
  const grid = ctx.months.map((m) => types.map((t) => rows.find((r) => r.month === m.month && r.type === t)?.n ?? 0));
  const s = suppressCounts(grid, { rowTotals: true, columnTotals: true });
  return {
    key: "requests-by-type",
    title: "Requests by type, per month",
    caption: "Requests made in each month of the period, by type (drafts not counted).",
    columns: [month(), ...types.map((t) => count(t, requestTypeLabel(t, null, ctx.labels))), count("total", "Total")],
    rows: ctx.months.map((m, i) => [m.month, ...s.cells[i]!, s.rowTotals![i]!]),
    totalRow: ["Total", ...s.columnTotals!, s.grandTotal!],
    chart: { kind: "stacked", x: "month", series: types, unit: "count" },
    listHref: "/requests",
  };
}

const REPORTED_STATUSES: RequestStatus[] = ["submitted", "approved", "fulfilled", "denied", "withdrawn"];

function requestsByStatus(ctx: Ctx): ReportTable {
  // A range count per status (requests_program_status_idx), rather than grouping the period.
  const k = reportRequestCounts;
  const rows = ctx.db.all<{ status: string; n: number }>(
    hourlyCountsServe(ctx, "request")
      ? sql`select status, sum(n) as n from (${keptRows(
          ctx,
          k,
          instantSpans(ctx.start, ctx.end),
          sql`${k.status} as status, ${k.n} as n`,
          keptType(ctx, k.type),
        )}) group by status`
      : sql.join(
          REPORTED_STATUSES.map(
            (st) => sql`select ${st} as status, count(*) as n from ${resourceRequests}
          where ${requestsVisible(ctx)} and ${resourceRequests.status} = ${st} and ${inPeriod(ctx, resourceRequests.requestedAt)}`,
          ),
          sql` union all `,
        ),
  );
  const s = suppressCounts(
    REPORTED_STATUSES.map((st) => [rows.find((r) => r.status === st)?.n ?? 0]),
    { columnTotals: true },
  );
  return {
    key: "requests-by-status",
    title: "Requests by status now",
    caption: "The requests submitted in the period, by the status each has today.",
    columns: [{ key: "status", header: "Status", kind: "text" }, count("requests", "Requests")],
    rows: REPORTED_STATUSES.map((st, i) => [REQUEST_STATUS_LABELS[st], s.cells[i]![0]!]),
    totalRow: ["Total", s.columnTotals![0]!],
    chart: { kind: "grouped", x: "status", series: ["requests"], unit: "count" },
  };
}

/**
 * Days from submitted to fulfilled, per type, for the requests fulfilled in the period: the
 * median (the middle value, or the mean of the two middle ones) and the 90th percentile (nearest
 * rank: the value at rank ceil(0.9 n) in ascending order). Computed in SQL with window functions.
 */
function daysToFulfil(
  ctx: Ctx,
  opts: { byType: boolean } = { byType: true },
): { type: string; n: number; median: number | null; p90: number | null }[] {
  // SQL counts the requests per type and number of days; the median and percentile are read off
  // that histogram (at most a few hundred rows), which is cheaper than ranking every request.
  const fulfilled = sql`${requestsVisible(ctx)} and ${resourceRequests.status} = 'fulfilled' and ${daysInPeriod(ctx, resourceRequests.fulfilledOn)}`;
  // Requests fulfilled before `fulfil_days` was stored: their days are worked out from the dates.
  const worked = sql`select +${resourceRequests.type} as type,
      max(0, cast(julianday(${resourceRequests.fulfilledOn}) - julianday(${localDay(ctx, submittedAt)}) as integer)) as days, count(*) as n
    from ${resourceRequests} where ${fulfilled} and ${resourceRequests.fulfilDays} is null group by 1, 2`;
  // The rest by their stored days. Over a short period, the period's range of fulfilled requests
  // (requests_program_status_fulfilled_idx) grouped by a sorter is cheapest. Over a long one that
  // sorter is most of the time: read each type's requests in order of days instead
  // (requests_program_status_type_days_idx), which costs the type's fulfilled requests of all time.
  // `+type` keeps SQLite from reading the program's requests in type order for the short form.
  const longPeriod = daysBetween(ctx.period.from, ctx.period.to) > 92;
  const candidates = REQUEST_TYPES.map((t) => t.key as string).filter((t) => !ctx.query.type || t === ctx.query.type);
  const stored = longPeriod
    ? sql.join(
        candidates.map(
          (t) => sql`select * from (select ${t} as type, ${resourceRequests.fulfilDays} as days, count(*) as n from ${resourceRequests}
            where ${fulfilled} and ${resourceRequests.type} = ${t} and ${resourceRequests.fulfilDays} is not null group by 2)`,
        ),
        sql` union all `,
      )
    : sql`select +${resourceRequests.type} as type, ${resourceRequests.fulfilDays} as days, count(*) as n
        from ${resourceRequests} where ${fulfilled} and ${resourceRequests.fulfilDays} is not null group by 1, 2`;
  const histogram = keptCountsServe(ctx, "request")
    ? keptDaysHistogram(ctx, worked)
    : ctx.db.all<{ type: string; days: number; n: number }>(sql`${stored} union all ${worked}`);
  const byType = new Map<string, Map<number, number>>();
  for (const h of histogram) {
    const key = opts.byType ? h.type : "all";
    const days = byType.get(key) ?? new Map<number, number>();
    days.set(h.days, (days.get(h.days) ?? 0) + h.n);
    byType.set(key, days);
  }
  return [...byType]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, days]) => ({ type, ...medianAndP90([...days].map(([value, n]) => ({ value, n }))) }));
}

/**
 * The histogram of days to fulfil from the kept counts of fulfilled requests: the stored days as
 * counted, and (only when the counts hold some without) the requests' own dates for the rest.
 */
function keptDaysHistogram(ctx: Ctx, worked: SQL): { type: string; days: number; n: number }[] {
  const k = reportFulfilledCounts;
  const rows = ctx.db.all<{ type: string; days: number; n: number }>(
    sql`select type, days, sum(n) as n from (${keptRows(
      ctx,
      k,
      daySpans(ctx.period.from, ctx.period.to),
      sql`${k.type} as type, ${k.fulfilDays} as days, ${k.n} as n`,
      keptType(ctx, k.type),
    )}) group by type, days having sum(n) > 0`,
  );
  const stored = rows.filter((r) => r.days >= 0);
  return rows.length > stored.length ? [...stored, ...ctx.db.all<{ type: string; days: number; n: number }>(worked)] : stored;
}

function daysToFulfilTable(ctx: Ctx): ReportTable {
  const rows = daysToFulfil(ctx);
  const order = REQUEST_TYPES.map((t) => t.key as string);
  rows.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  return {
    key: "days-to-fulfil",
    title: "Days from submitted to fulfilled",
    caption:
      "For the requests fulfilled in the period, per type: calendar days from the day it was submitted to the day it was provided. Median and 90th percentile are left out where fewer than 5 requests would show one youth's wait.",
    columns: [
      { key: "type", header: "Type", kind: "text" },
      count("fulfilled", "Fulfilled"),
      { key: "median", header: "Median days", kind: "number" },
      { key: "p90", header: "90th percentile days", kind: "number" },
    ],
    rows: rows.map((r) => {
      const n = suppressCount(r.n);
      return isSuppressed(n)
        ? [requestTypeLabel(r.type, null, ctx.labels), n, null, null]
        : [requestTypeLabel(r.type, null, ctx.labels), n, r.median, r.p90];
    }),
    chart: { kind: "grouped", x: "type", series: ["median", "p90"], unit: "days" },
  };
}

type Funds = { requested: number; approved: number; paid: number };

/** Funds requested (by the month submitted), approved (the month of approval) and paid (the month provided). */
function funds(ctx: Ctx, by: "month" | "type"): Map<string, Funds> {
  if (hourlyCountsServe(ctx, "request")) return keptFunds(ctx, by);
  const type = sql`${resourceRequests.type}`;
  // Only the types that carry an amount can have funds: read their stretch of the type index,
  // not the period's every request.
  const requested = (k: SQL, range: SQL) => sql`select ${k} as k, ${resourceRequests.amountCents} as requested, 0 as approved, 0 as paid
    from ${resourceRequests} indexed by requests_program_type_requested_idx where ${requestsVisible(ctx)} and ${inArray(resourceRequests.type, [...FUNDS_REQUEST_TYPES])} and ${range}
      and ${resourceRequests.status} <> 'draft' and ${resourceRequests.amountCents} is not null`;
  // Approvals with an amount are funds approvals, read from their own partial index; for a
  // program-wide viewer the event's own program decides (no lookup of each event's request).
  // `indexed by`: SQLite would otherwise read every approval from the general events index.
  const approved = (k: SQL, range: SQL) => sql`select ${
    by === "type"
      ? sql`(select ${resourceRequests.type} from ${resourceRequests}
      where ${resourceRequests.id} = ${requestStatusEvents.requestId})`
      : k
  } as k, 0, ${requestStatusEvents.amountCents}, 0
    from ${requestStatusEvents} indexed by request_events_funds_approved_idx ${requestsOfEvents(ctx)}
      ${requestStatusEvents.programId} = ${ctx.viewer.programId}
      and ${requestStatusEvents.toStatus} = 'approved' and ${range} and ${requestStatusEvents.amountCents} is not null`;
  const byPeriod = (column: SQLWrapper, part: (k: SQL, range: SQL) => SQL) =>
    by === "type" ? part(type, inPeriod(ctx, column)) : perMonth(ctx, column, (m, range) => part(sql`${m}`, range));
  const rows = ctx.db.all<{ k: string; requested: number; approved: number; paid: number }>(sql`
    select k, sum(requested) as requested, sum(approved) as approved, sum(paid) as paid from (
      ${byPeriod(resourceRequests.requestedAt, requested)}
      union all
      ${byPeriod(requestStatusEvents.at, approved)}
      union all
      select ${by === "type" ? type : sql`substr(${resourceRequests.fulfilledOn}, 1, 7)`} as k, 0, 0, ${resourceRequests.paidAmountCents}
        from ${resourceRequests}
        where ${requestsVisible(ctx)} and ${inArray(resourceRequests.type, [...FUNDS_REQUEST_TYPES])}
          and ${resourceRequests.status} = 'fulfilled' and ${resourceRequests.paidAmountCents} is not null
          and ${daysInPeriod(ctx, resourceRequests.fulfilledOn)}
    ) group by k`);
  return new Map(rows.map((r) => [r.k, { requested: r.requested ?? 0, approved: r.approved ?? 0, paid: r.paid ?? 0 }]));
}

/** `funds` from the kept counts: amounts requested, approved and paid, summed by bucket. */
function keptFunds(ctx: Ctx, by: "month" | "type"): Map<string, Funds> {
  const r = reportRequestCounts;
  const d = reportDecisionCounts;
  const f = reportFulfilledCounts;
  const periods = by === "type" ? [{ month: "", start: ctx.start, end: ctx.end }] : ctx.months;
  const parts = periods.flatMap((m) => {
    const spans = instantSpans(m.start, m.end);
    return [
      keptRows(
        ctx,
        r,
        spans,
        sql`${by === "type" ? r.type : sql`${m.month}`} as k, ${r.amountN} as has, ${r.amountCents} as requested, 0 as approved, 0 as paid`,
        and(inArray(r.type, [...FUNDS_REQUEST_TYPES]), sql`${r.status} <> 'draft'`, keptType(ctx, r.type)),
      ),
      keptRows(
        ctx,
        d,
        spans,
        sql`${by === "type" ? d.type : sql`${m.month}`}, ${d.amountN}, 0, ${d.amountCents}, 0`,
        and(sql`${d.toStatus} = 'approved'`, keptType(ctx, d.type)),
      ),
    ];
  });
  parts.push(
    keptRows(
      ctx,
      f,
      daySpans(ctx.period.from, ctx.period.to),
      sql`${by === "type" ? f.type : sql`substr(${f.bucket}, 1, 7)`}, ${f.paidN}, 0, 0, ${f.paidCents}`,
      and(inArray(f.type, [...FUNDS_REQUEST_TYPES]), keptType(ctx, f.type)),
    ),
  );
  const rows = ctx.db.all<{ k: string; requested: number; approved: number; paid: number }>(sql`
    select k, sum(requested) as requested, sum(approved) as approved, sum(paid) as paid
    from (${sql.join(parts, sql` union all `)}) group by k having sum(has) > 0`);
  return new Map(rows.map((x) => [x.k, { requested: x.requested ?? 0, approved: x.approved ?? 0, paid: x.paid ?? 0 }]));
}

const moneyColumns: ReportColumn[] = [
  { key: "requested", header: "Requested", kind: "money" },
  { key: "approved", header: "Approved", kind: "money" },
  { key: "paid", header: "Paid", kind: "money" },
];

function fundsTables(ctx: Ctx): ReportTable[] {
  const byMonth = funds(ctx, "month");
  const byType = funds(ctx, "type");
  const sum = (m: Map<string, Funds>, f: keyof Funds) => [...m.values()].reduce((a, v) => a + v[f], 0);
  const totals = (m: Map<string, Funds>): ReportCell[] => ["Total", sum(m, "requested"), sum(m, "approved"), sum(m, "paid")];
  const caption =
    "Dollars requested (in the month the request was submitted), approved (the month of approval) and paid (the month it was provided).";
  return [
    {
      key: "funds-by-month",
      title: "Funds requested, approved and paid, per month",
      caption,
      columns: [month(), ...moneyColumns],
      rows: ctx.months.map((m) => {
        const f = byMonth.get(m.month);
        return [m.month, f?.requested ?? 0, f?.approved ?? 0, f?.paid ?? 0];
      }),
      totalRow: totals(byMonth),
      chart: { kind: "grouped", x: "month", series: ["requested", "approved", "paid"], unit: "money" },
    },
    {
      key: "funds-by-type",
      title: "Funds requested, approved and paid, per type",
      caption,
      columns: [{ key: "type", header: "Type", kind: "text" }, ...moneyColumns],
      rows: REQUEST_TYPES.filter((t) => byType.has(t.key)).map((t) => {
        const f = byType.get(t.key)!;
        return [requestTypeLabel(t.key, null, ctx.labels), f.requested, f.approved, f.paid];
      }),
      totalRow: totals(byType),
    },
  ];
}

function denialReasons(ctx: Ctx): ReportTable {
  // The same reason typed twice with different capitals or spaces is one reason.
  // A denied request stays denied, so when the requests must be checked (a filter, a caseload) the
  // program's denied requests that pass lead to their denial events, rather than every denial
  // event of the period looking up its request.
  const rows = hourlyCountsServe(ctx, "request") ? keptDenialReasons(ctx) : denialReasonRows(ctx);
  const s = suppressCounts(
    rows.map((r) => [r.n]),
    { columnTotals: true },
  );
  return {
    key: "denial-reasons",
    title: "Denial reasons",
    caption: "The reasons given for the requests denied in the period, most frequent first.",
    columns: [{ key: "reason", header: "Reason", kind: "text" }, count("denied", "Denied")],
    rows: rows.map((r, i) => [r.reason || "(no reason given)", s.cells[i]![0]!]),
    totalRow: ["Total", s.columnTotals?.[0] ?? 0],
  };
}

type DenialReason = { reason: string | null; n: number };

function denialReasonRows(ctx: Ctx): DenialReason[] {
  const from =
    countsWholeProgram(ctx, "request") && !ctx.query.type
      ? sql`from ${requestStatusEvents} where`
      : sql`from ${resourceRequests} join ${requestStatusEvents} on ${requestStatusEvents.requestId} = ${resourceRequests.id}
        where ${requestsVisible(ctx)} and ${resourceRequests.status} = 'denied' and`;
  return ctx.db.all<DenialReason>(sql`
    select min(trim(${requestStatusEvents.note})) as reason, count(*) as n
    ${from} ${requestStatusEvents.programId} = ${ctx.viewer.programId}
      and ${requestStatusEvents.toStatus} = 'denied' and ${inPeriod(ctx, requestStatusEvents.at)}
    group by lower(trim(coalesce(${requestStatusEvents.note}, ''))) order by n desc, reason`);
}

/** SQLite's `lower()`: ASCII letters only. */
const sqliteLower = (text: string) => text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
/** SQLite's BINARY order of text: by its UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

/**
 * `denialReasonRows` from the kept counts, which hold each reason as trimmed: reasons that differ
 * only in capitals are merged here, showing the first in SQLite's order, as the query does.
 */
function keptDenialReasons(ctx: Ctx): DenialReason[] {
  const k = reportDenialCounts;
  const kept = ctx.db.all<{ reason: string; n: number }>(
    sql`select reason, sum(n) as n from (${keptRows(
      ctx,
      k,
      instantSpans(ctx.start, ctx.end),
      sql`${k.reason} as reason, ${k.n} as n`,
      keptType(ctx, k.type),
    )}) group by reason having sum(n) > 0`,
  );
  const merged = new Map<string, DenialReason>();
  for (const r of kept) {
    const key = sqliteLower(r.reason);
    const m = merged.get(key);
    if (!m) merged.set(key, { reason: r.reason, n: r.n });
    else {
      m.n += r.n;
      if (byBytes(r.reason, m.reason!) < 0) m.reason = r.reason;
    }
  }
  return [...merged.values()].sort((a, b) => b.n - a.n || byBytes(a.reason!, b.reason!));
}

/** How many of the oldest open requests the report lists (the total is always shown). */
export const OPEN_REQUESTS_LISTED = 100;

function openOverThirtyDays(ctx: Ctx): ReportTable {
  const cutoff = new Date(ctx.now.getTime() - 30 * 86_400_000).toISOString();
  const where = sql`${requestsVisible(ctx)} and ${resourceRequests.status} in ('submitted', 'approved') and ${resourceRequests.requestedAt} <= ${cutoff}`;
  // The oldest of each status from its own ordered index range (requests_program_status_idx),
  // then the oldest of both, instead of sorting every old open request of the program.
  const oldest = (status: string) => sql`select * from (select ${resourceRequests.id} as id, ${resourceRequests.requestedAt} as requestedAt
    from ${resourceRequests} where ${requestsVisible(ctx)} and ${resourceRequests.status} = ${status} and ${resourceRequests.requestedAt} <= ${cutoff}
    order by ${resourceRequests.requestedAt}, ${resourceRequests.id} limit ${OPEN_REQUESTS_LISTED})`;
  const rows = ctx.db.all<{
    id: number;
    type: string;
    subtype: string | null;
    status: string;
    caseNumber: string;
    requestedAt: string;
  }>(sql`
    select ${resourceRequests.id} as id, ${resourceRequests.type} as type, ${resourceRequests.subtype} as subtype,
      ${resourceRequests.status} as status, ${youth.caseNumber} as caseNumber, ${resourceRequests.requestedAt} as requestedAt
    from (${oldest("submitted")} union all ${oldest("approved")}) o
    join ${resourceRequests} on ${resourceRequests.id} = o.id join ${youth} on ${youth.id} = ${resourceRequests.youthId}
    order by o.requestedAt, o.id limit ${OPEN_REQUESTS_LISTED}`);
  const total = ctx.db.get<{ n: number }>(sql`select count(*) as n from ${resourceRequests} where ${where}`).n;
  const tz = ctx.viewer.timeZone;
  return {
    key: "open-over-30-days",
    title: "Requests open more than 30 days",
    caption: `Submitted or approved requests waiting more than 30 days today, oldest first${
      total > rows.length ? ` (the oldest ${rows.length} of ${total})` : ""
    }. Not limited to the period.`,
    columns: [
      { key: "request", header: "Request", kind: "link" },
      { key: "type", header: "Type", kind: "text" },
      { key: "status", header: "Status", kind: "text" },
      { key: "case", header: "Case number", kind: "text" },
      { key: "requestedOn", header: "Requested on", kind: "date" },
      { key: "daysOpen", header: "Days open", kind: "number" },
    ],
    rows: rows.map((r) => [
      `/requests/${r.id}`,
      requestTypeLabel(r.type, r.subtype, ctx.labels),
      REQUEST_STATUS_LABELS[r.status as RequestStatus] ?? r.status,
      r.caseNumber,
      calendarDateIn(new Date(r.requestedAt), tz),
      Math.floor((ctx.now.getTime() - Date.parse(r.requestedAt)) / 86_400_000),
    ]),
    listHref: "/requests?openDays=30&sort=daysOpen.desc",
  };
}

// =============================================================================================
// Caseload health

/** The open youth the report is about (scope and people filters), as the youth list counts them. */
function openYouth(ctx: Ctx, extra: { noContactDays?: number } = {}): number {
  const q = ctx.query;
  return countYouthForViewer(
    ctx.viewer,
    {
      caseStatus: "open",
      supervisorId: q.supervisorId,
      supervisorName: q.supervisorName,
      advocateId: q.advocateId,
      advocateName: q.advocateName,
      withoutFilterOptions: true,
      ...extra,
    },
    ctx.db,
  );
}

function contactsPerMonth(ctx: Ctx, openYouthCount: number): ReportTable {
  const cols: YouthColumns = { youthId: contacts.youthId, programId: contacts.programId };
  const rows = ctx.db.all<{ month: string; contacts: number }>(
    hourlyCountsServe(ctx, "contact")
      ? sql`select month, n as contacts from (${hourlyCountsPerMonth(ctx, "contact")})`
      : perMonth(
          ctx,
          contacts.occurredAt,
          (m, range) =>
            sql`select ${m} as month, count(*) as contacts from ${contacts} where ${visible(ctx, cols, "contact")} and ${range}`,
        ),
  );
  const byMonth = groupByMonth(rows, ["contacts"]);
  const open = suppressCount(openYouthCount);
  return {
    key: "contacts-per-month",
    title: "Contacts per month",
    caption: `Contacts logged with the youth or their team in each month, and contacts per open case (${
      isSuppressed(open) ? "fewer than 5" : open
    } open cases today).`,
    columns: [month(), count("contacts", "Contacts"), { key: "perYouth", header: "Contacts per open case", kind: "number" }],
    rows: monthlyCounts(ctx, ["contacts"], byMonth).map((row, i) => {
      const n = byMonth.get(ctx.months[i]!.month)?.contacts ?? 0;
      const perYouth =
        isSuppressed(open) || isSuppressed(row[1]) || openYouthCount === 0 ? null : Math.round((n / openYouthCount) * 10) / 10;
      return [...row, perYouth];
    }),
    chart: { kind: "grouped", x: "month", series: ["contacts"], unit: "count" },
  };
}

function withoutContact(ctx: Ctx, openYouthCount: number): ReportTable {
  const without = openYouth(ctx, { noContactDays: 30 });
  return {
    key: "youth-without-contact",
    title: "Youth without a contact in 30 days",
    caption: "Open cases whose youth nobody of the program has been in touch with in the last 30 days, today (not limited to the period).",
    columns: [count("open", "Open cases"), count("without", "Not contacted in 30 days")],
    // The contacted (open - without) could be worked out: part and whole are suppressed together.
    rows: [(({ part, whole }) => [whole, part])(suppressPartOfWhole(without, openYouthCount))],
    listHref: "/youth?noContact=30",
  };
}

/**
 * Per month, the action items due in it (up to `lastDue`) that were not closed by their due date:
 * one count per month over its range of due dates (actions_program_due_idx), not a group by.
 */
function wentOverduePerMonth(ctx: Ctx, shown: SQL, lastDue: string): SQL {
  const branches = ctx.months.flatMap((m, i) => {
    const first = i === 0 ? ctx.period.from : `${m.month}-01`;
    const monthEnd = i === ctx.months.length - 1 ? ctx.period.to : addDays(`${ctx.months[i + 1]!.month}-01`, -1);
    const last = monthEnd < lastDue ? monthEnd : lastDue;
    if (last < first) return [];
    if (keptCountsServe(ctx, "action")) {
      // Open and closed-late items from the kept counts by due day; items closed before `done_on`
      // was stored (only when the counts hold some) from their own rows.
      const k = reportActionDueCounts;
      const spans = daySpans(first, last);
      const undated = sql`select count(*) from ${actionItems} where ${shown} and ${actionItems.dueOn} between ${first} and ${last}
        and ${actionItems.doneAt} is not null and ${actionItems.doneOn} is null and ${localDay(ctx, actionItems.doneAt)} > ${actionItems.dueOn}`;
      return [
        sql`select ${m.month} as month, 0 as opened, 0 as closed,
          (select coalesce(sum(n), 0) from (${keptRows(ctx, k, spans, sql`${k.n} as n`, sql`${k.state} in ('open', 'late')`)}))
          + case when (select coalesce(sum(n), 0) from (${keptRows(ctx, k, spans, sql`${k.n} as n`, sql`${k.state} = 'undated'`)})) > 0
            then (${undated}) else 0 end as overdue`,
      ];
    }
    return [
      sql`select ${m.month} as month, 0 as opened, 0 as closed, count(*) as overdue from ${actionItems}
        where ${shown} and ${actionItems.dueOn} between ${first} and ${last}
          and (${actionItems.doneAt} is null or coalesce(${actionItems.doneOn}, ${localDay(ctx, actionItems.doneAt)}) > ${actionItems.dueOn})`,
    ];
  });
  return branches.length ? sql.join(branches, sql` union all `) : sql`select null as month, 0, 0, 0 where 0`;
}

function actionsPerMonth(ctx: Ctx): ReportTable {
  const cols: YouthColumns = { youthId: actionItems.youthId, programId: actionItems.programId };
  const shown = visible(ctx, cols, "action");
  const lastDue = ctx.period.to < ctx.today ? ctx.period.to : addDays(ctx.today, -1);
  const rows = ctx.db.all<{ month: string; opened: number; closed: number; overdue: number }>(sql`
    select month, sum(opened) as opened, sum(closed) as closed, sum(overdue) as overdue from (
      ${
        hourlyCountsServe(ctx, "action")
          ? sql`select month, n as opened, 0 as closed, 0 as overdue from (${hourlyCountsPerMonth(ctx, "action_opened")})
            union all select month, 0, n, 0 from (${hourlyCountsPerMonth(ctx, "action_closed")})`
          : sql`${perMonth(ctx, actionItems.createdAt, (m, range) => sql`select ${m} as month, count(*) as opened, 0 as closed, 0 as overdue from ${actionItems} where ${shown} and ${range}`)}
      union all
      ${perMonth(ctx, actionItems.doneAt, (m, range) => sql`select ${m}, 0, count(*), 0 from ${actionItems} where ${shown} and ${range}`)}`
      }
      union all
      ${wentOverduePerMonth(ctx, shown, lastDue)}
    ) group by month`);
  const byMonth = groupByMonth(rows, ["opened", "closed", "overdue"]);
  return {
    key: "actions-per-month",
    title: "Action items opened, closed and overdue, per month",
    caption: "Action items created, closed (done or dropped), and those that went past their due date without being closed, by month.",
    columns: [month(), count("opened", "Opened"), count("closed", "Closed"), count("overdue", "Went overdue")],
    rows: monthlyCounts(ctx, ["opened", "closed", "overdue"], byMonth),
    chart: { kind: "grouped", x: "month", series: ["opened", "closed", "overdue"], unit: "count" },
    listHref: "/actions?who=caseload&overdue=1",
  };
}

function meetingsHeld(ctx: Ctx): ReportTable {
  const cols: YouthColumns = { youthId: mdtMeetings.youthId, programId: mdtMeetings.programId };
  const k = reportMeetingCounts;
  const rows = ctx.db.all<{ month: string; held: number; cancelled: number }>(
    hourlyCountsServe(ctx, "meeting")
      ? sql`select month, coalesce(sum(case when status = 'held' then n end), 0) as held,
          coalesce(sum(case when status = 'cancelled' then n end), 0) as cancelled
        from (${sql.join(
          ctx.months.map((m) =>
            keptRows(
              ctx,
              k,
              instantSpans(m.start, m.end),
              sql`${m.month} as month, ${k.status} as status, ${k.n} as n`,
              sql`${k.status} <> 'scheduled'`,
            ),
          ),
          sql` union all `,
        )}) group by month`
      : perMonth(
          ctx,
          mdtMeetings.scheduledAt,
          (m, range) => sql`select ${m} as month, coalesce(sum(${mdtMeetings.status} = 'held'), 0) as held,
        coalesce(sum(${mdtMeetings.status} = 'cancelled'), 0) as cancelled
      from ${mdtMeetings} where ${visible(ctx, cols, "meeting")} and ${range}`,
        ),
  );
  return {
    key: "meetings-held",
    title: "MDT meetings held, per month",
    caption: "MDT meetings held (and cancelled) in each month, by the day they were scheduled for.",
    columns: [month(), count("held", "Held"), count("cancelled", "Cancelled")],
    rows: monthlyCounts(ctx, ["held", "cancelled"], groupByMonth(rows, ["held", "cancelled"])),
    chart: { kind: "grouped", x: "month", series: ["held"], unit: "count" },
    listHref: "/meetings",
  };
}

// =============================================================================================
// Runaway episodes

function episodesPerMonth(ctx: Ctx): ReportTable {
  const cols: YouthColumns = { youthId: runawayEpisodes.youthId, programId: runawayEpisodes.programId };
  const within = (at: SQLWrapper) =>
    sql`(${at} is not null and (julianday(${at}) - julianday(${runawayEpisodes.leftAt})) * 86400000 <= ${REPORT_DEADLINE_MS})`;
  const rows = ctx.db.all<{ month: string; episodes: number; police: number; ncmec: number }>(
    perMonth(
      ctx,
      runawayEpisodes.leftAt,
      (m, range) => sql`select ${m} as month, count(*) as episodes,
        coalesce(sum(${within(runawayEpisodes.reportedToLawEnforcementAt)}), 0) as police,
        coalesce(sum(${within(runawayEpisodes.reportedToNcmecAt)}), 0) as ncmec
      from ${runawayEpisodes} where ${visible(ctx, cols)} and ${range}`,
    ),
  );
  return {
    key: "episodes-per-month",
    title: "Runaway episodes, per month",
    caption: "Episodes by the month the youth went missing, and how many were reported to law enforcement and to NCMEC within 24 hours.",
    columns: [month(), count("episodes", "Episodes"), count("police", "Law enforcement within 24 h"), count("ncmec", "NCMEC within 24 h")],
    // Each "within 24 hours" is a part of the month's episodes: the rest (late or never) is
    // suppressed with it, so that no small count can be worked out by subtraction.
    rows: ctx.months.map((m) => {
      const r = rows.find((x) => x.month === m.month);
      const episodes = r?.episodes ?? 0;
      const police = suppressPartOfWhole(r?.police ?? 0, episodes);
      const ncmec = suppressPartOfWhole(r?.ncmec ?? 0, episodes);
      return [m.month, isSuppressed(police.whole) || isSuppressed(ncmec.whole) ? SUPPRESSED : episodes, police.part, ncmec.part];
    }),
    chart: { kind: "grouped", x: "month", series: ["episodes", "police", "ncmec"], unit: "count" },
    listHref: "/youth?missing=now",
  };
}

// =============================================================================================
// CSEC

function confirmedByBasis(ctx: Ctx): ReportTable {
  const rows = ctx.db.all<{ basis: string; n: number }>(sql`
    select ${youthCsecStatus.basis} as basis, count(*) as n
    from ${youthCsecStatus} join ${youth} on ${youth.id} = ${youthCsecStatus.youthId}
    where ${visible(ctx, { youthId: youth.id, programId: youth.programId })} and ${youth.caseStatus} = 'open'
      and ${youthCsecStatus.status} = 'confirmed'
    group by 1`);
  const s = suppressCounts(
    CSEC_BASES.map((b) => [rows.find((r) => r.basis === b)?.n ?? 0]),
    { columnTotals: true },
  );
  return {
    key: "csec-confirmed",
    title: "Youth with a confirmed CSEC status, by basis",
    caption: "Open cases whose CSEC status is confirmed today, by what confirmed it.",
    columns: [{ key: "basis", header: "Basis", kind: "text" }, count("youth", "Youth")],
    rows: CSEC_BASES.map((b, i) => [CSEC_BASIS_LABELS[b], s.cells[i]![0]!]),
    totalRow: ["Total", s.columnTotals![0]!],
  };
}

/** Raised = confirmed + cleared + still open (under review or watch): the third is as good as shown, so suppressed with the others. */
function concernRow(raised: number, confirmed: number, cleared: number, open: number): ReportCell[] {
  const g = suppressCounts([[confirmed, cleared, Math.max(0, raised - confirmed - cleared)]], { rowTotals: true });
  return [g.rowTotals![0]!, g.cells[0]![0]!, g.cells[0]![1]!, suppressCount(open)];
}

/** Concerns: only for a viewer who may know of a status that is not confirmed (DOMAIN.md). */
function concerns(ctx: Ctx): ReportTable | null {
  if (!mayKnowUnconfirmed(ctx.audience)) return null;
  const cols: YouthColumns = { youthId: csecConcerns.youthId, programId: csecConcerns.programId };
  const r = ctx.db.get<{ raised: number; confirmed: number; cleared: number; open: number }>(sql`
    select
      sum(${inPeriod(ctx, csecConcerns.raisedAt)}) as raised,
      sum(${inPeriod(ctx, csecConcerns.raisedAt)} and ${csecConcerns.reviewStatus} = 'confirmed') as confirmed,
      sum(${inPeriod(ctx, csecConcerns.raisedAt)} and ${csecConcerns.reviewStatus} = 'cleared') as cleared,
      sum(${csecConcerns.reviewStatus} in ('under_review', 'monitoring')) as open
    from ${csecConcerns} where ${visible(ctx, cols)}`);
  return {
    key: "csec-concerns",
    title: "CSEC concerns",
    caption:
      "Concerns raised in the period and how their reviews ended so far, and all concerns still open today (under review or kept under watch).",
    columns: [
      count("raised", "Raised in the period"),
      count("confirmed", "of which confirmed"),
      count("cleared", "of which cleared"),
      count("open", "Open today"),
    ],
    rows: [concernRow(r.raised ?? 0, r.confirmed ?? 0, r.cleared ?? 0, r.open ?? 0)],
    listHref: "/youth?csec=concern",
  };
}

// =============================================================================================
// The page

export function getReports(viewer: Viewer, query: ReportQuery, db: Db = getDb(), now = new Date(), opts: ReportOptions = {}): Reports {
  requireReports(viewer);
  return readTransaction(db, (tx) => {
    const ctx = contextFor(viewer, query, tx, now, opts);
    const open = openYouth(ctx);
    const csecTables = [confirmedByBasis(ctx), concerns(ctx)].filter((t): t is ReportTable => t !== null);
    return {
      period: query.period,
      generatedAt: now.toISOString(),
      sections: [
        {
          key: "requests",
          title: "Resource requests",
          tables: [
            requestsByMonthAndType(ctx),
            requestsByStatus(ctx),
            daysToFulfilTable(ctx),
            ...fundsTables(ctx),
            denialReasons(ctx),
            openOverThirtyDays(ctx),
          ],
        },
        {
          key: "caseload",
          title: "Caseload health",
          tables: [contactsPerMonth(ctx, open), withoutContact(ctx, open), actionsPerMonth(ctx), meetingsHeld(ctx)],
        },
        { key: "episodes", title: "Runaway episodes", tables: [episodesPerMonth(ctx)] },
        { key: "csec", title: "CSEC", tables: csecTables },
      ],
    };
  });
}

/** One table of the reports, by key (for its CSV and Excel download); undefined when there is none. */
export function findReportTable(reports: Reports, key: string): ReportTable | undefined {
  for (const section of reports.sections) for (const t of section.tables) if (t.key === key) return t;
  return undefined;
}

// =============================================================================================
// The one-page summary: key figures, this period beside the previous one

export type SummaryFigure = { key: string; label: string; kind: "count" | "money" | "number"; current: ReportCell; previous: ReportCell };

/** The request figures of the summary from the kept counts (the whole program, every type). */
function keptRequestFigures(ctx: Ctx): { submitted: number; fulfilled: number; paid: number; denied: number; approved: number } {
  const r = reportRequestCounts;
  const f = reportFulfilledCounts;
  const d = reportDecisionCounts;
  const spans = instantSpans(ctx.start, ctx.end);
  return ctx.db.get<{ submitted: number; fulfilled: number; paid: number; denied: number; approved: number }>(sql`select
    (select coalesce(sum(n), 0) from (${keptRows(ctx, r, spans, sql`${r.n} as n`, sql`${r.status} <> 'draft'`)})) as submitted,
    provided.fulfilled, provided.paid, decided.denied, decided.approved
    from (select coalesce(sum(n), 0) as fulfilled, coalesce(sum(paid), 0) as paid
        from (${keptRows(ctx, f, daySpans(ctx.period.from, ctx.period.to), sql`${f.n} as n, ${f.paidCents} as paid`)})) provided,
      (select coalesce(sum(case when s = 'denied' then n end), 0) as denied,
          coalesce(sum(case when s = 'approved' then cents end), 0) as approved
        from (${keptRows(ctx, d, spans, sql`${d.toStatus} as s, ${d.n} as n, ${d.amountCents} as cents`, sql`${d.toStatus} in ('denied', 'approved')`)})) decided`);
}

/** The sum of a kind's hourly counts over the period (the whole program). */
function hourlyCountInPeriod(ctx: Ctx, kind: "contact" | "action_closed"): number {
  const h = reportHourlyCounts;
  return ctx.db.get<{ n: number }>(sql`select coalesce(sum(${h.n}), 0) as n from ${h}
    where ${h.programId} = ${ctx.viewer.programId} and ${h.kind} = ${kind}
      and ${h.hour} >= ${ctx.start.slice(0, 13)} and ${h.hour} < ${ctx.end.slice(0, 13)}`).n;
}

function keyFigures(ctx: Ctx): Record<string, { label: string; kind: SummaryFigure["kind"]; value: ReportCell }> {
  const requestWhere = requestsVisible(ctx, false);
  const kept = hourlyCountsServe(ctx, "request") ? keptRequestFigures(ctx) : null;
  const submitted =
    kept?.submitted ??
    ctx.db.get<{ n: number }>(sql`select count(*) as n from ${resourceRequests}
    where ${requestWhere} and ${inPeriod(ctx, resourceRequests.requestedAt)} and ${resourceRequests.status} <> 'draft'`).n;
  const provided = kept
    ? { fulfilled: kept.fulfilled, paid: kept.paid }
    : ctx.db.get<{ fulfilled: number; paid: number | null }>(sql`
    select count(*) as fulfilled, sum(${resourceRequests.paidAmountCents}) as paid from ${resourceRequests}
    where ${requestWhere} and ${resourceRequests.status} = 'fulfilled' and ${daysInPeriod(ctx, resourceRequests.fulfilledOn)}`);
  const e = kept
    ? { denied: kept.denied, approved: kept.approved }
    : ctx.db.get<{ denied: number; approved: number | null }>(sql`
    select sum(${requestStatusEvents.toStatus} = 'denied') as denied,
      sum(case when ${requestStatusEvents.toStatus} = 'approved' then ${requestStatusEvents.amountCents} end) as approved
    from ${requestStatusEvents}
    ${requestsOfEvents(ctx, false)} ${requestStatusEvents.programId} = ${ctx.viewer.programId} and ${inPeriod(ctx, requestStatusEvents.at)}
      and ${requestStatusEvents.toStatus} in ('denied', 'approved')`);
  const wait = daysToFulfil(ctx, { byType: false })[0];
  const contactsN = hourlyCountsServe(ctx, "contact")
    ? hourlyCountInPeriod(ctx, "contact")
    : ctx.db.get<{ n: number }>(sql`select count(*) as n from ${contacts}
    where ${visible(ctx, { youthId: contacts.youthId, programId: contacts.programId }, "contact")} and ${inPeriod(ctx, contacts.occurredAt)}`)
        .n;
  const km = reportMeetingCounts;
  const meetingsN = hourlyCountsServe(ctx, "meeting")
    ? ctx.db.get<{ n: number }>(
        sql`select coalesce(sum(n), 0) as n from (${keptRows(ctx, km, instantSpans(ctx.start, ctx.end), sql`${km.n} as n`, sql`${km.status} = 'held'`)})`,
      ).n
    : ctx.db.get<{ n: number }>(sql`select count(*) as n from ${mdtMeetings}
    where ${visible(ctx, { youthId: mdtMeetings.youthId, programId: mdtMeetings.programId }, "meeting")}
      and ${mdtMeetings.status} = 'held' and ${inPeriod(ctx, mdtMeetings.scheduledAt)}`).n;
  const actionsShown = visible(ctx, { youthId: actionItems.youthId, programId: actionItems.programId }, "action");
  const closedN = hourlyCountsServe(ctx, "action")
    ? hourlyCountInPeriod(ctx, "action_closed")
    : ctx.db.get<{ n: number }>(sql`select count(*) as n from ${actionItems}
    where ${actionsShown} and ${inPeriod(ctx, actionItems.doneAt)}`).n;
  const within = sql`(${runawayEpisodes.reportedToNcmecAt} is not null
    and (julianday(${runawayEpisodes.reportedToNcmecAt}) - julianday(${runawayEpisodes.leftAt})) * 86400000 <= ${REPORT_DEADLINE_MS})`;
  const ep = ctx.db.get<{ n: number; ncmec: number | null }>(sql`select count(*) as n, sum(${within}) as ncmec from ${runawayEpisodes}
    where ${visible(ctx, { youthId: runawayEpisodes.youthId, programId: runawayEpisodes.programId })} and ${inPeriod(ctx, runawayEpisodes.leftAt)}`);
  const confirmedN = ctx.db.get<{ n: number }>(sql`select count(*) as n from ${youthCsecStatus}
    where ${visible(ctx, { youthId: youthCsecStatus.youthId, programId: youthCsecStatus.programId })}
      and ${youthCsecStatus.status} = 'confirmed' and ${daysInPeriod(ctx, youthCsecStatus.basisOn)}`).n;
  const waitN = suppressCount(wait?.n ?? 0);
  const reported = suppressPartOfWhole(ep.ncmec ?? 0, ep.n);
  return {
    submitted: { label: "Requests submitted", kind: "count", value: suppressCount(submitted) },
    fulfilled: { label: "Requests fulfilled", kind: "count", value: suppressCount(provided.fulfilled) },
    denied: { label: "Requests denied", kind: "count", value: suppressCount(e.denied ?? 0) },
    approved: { label: "Funds approved", kind: "money", value: e.approved ?? 0 },
    paid: { label: "Funds paid", kind: "money", value: provided.paid ?? 0 },
    wait: {
      label: "Median days from submitted to fulfilled",
      kind: "number",
      value: isSuppressed(waitN) || !wait ? null : wait.median,
    },
    contacts: { label: "Contacts logged", kind: "count", value: suppressCount(contactsN) },
    meetings: { label: "MDT meetings held", kind: "count", value: suppressCount(meetingsN) },
    actions: { label: "Action items closed", kind: "count", value: suppressCount(closedN) },
    episodes: { label: "Runaway episodes", kind: "count", value: reported.whole },
    ncmec: { label: "Episodes reported to NCMEC within 24 hours", kind: "count", value: reported.part },
    confirmed: { label: "Youth whose CSEC status was confirmed", kind: "count", value: suppressCount(confirmedN) },
  };
}

export type ReportSummary = { period: Period; previous: Period; figures: SummaryFigure[]; openCases: ShownCount; generatedAt: string };

/**
 * The key figures of a period beside the previous one, for funders and the board. It is meant to
 * leave the program, so it carries confirmed CSEC figures only, never a concern, whoever prints it.
 */
export function getReportSummary(
  viewer: Viewer,
  query: ReportQuery,
  db: Db = getDb(),
  now = new Date(),
  opts: ReportOptions = {},
): ReportSummary {
  requireReports(viewer);
  const previous = previousPeriod(query.period);
  return readTransaction(db, (tx) => {
    const current = keyFigures(contextFor(viewer, query, tx, now, opts));
    const before = keyFigures(contextFor(viewer, { ...query, period: previous }, tx, now, opts));
    return {
      period: query.period,
      previous,
      generatedAt: now.toISOString(),
      openCases: suppressCount(openYouth(contextFor(viewer, query, tx, now))),
      figures: Object.entries(current).map(([key, f]) => ({
        key,
        label: f.label,
        kind: f.kind,
        current: f.value,
        previous: before[key]!.value,
      })),
    };
  });
}

/** Whether the viewer filters by supervisor (program-wide viewers) and may export the program. */
export function reportCapabilities(viewer: Viewer): { bySupervisor: boolean; exportProgram: boolean } {
  return { bySupervisor: youthScopeOf(viewer.role).kind === "program", exportProgram: can(viewer.role, "export:program") };
}

// =============================================================================================
// The URL: period and filters, shared by the page, the summary and the downloads

export type ReportParams = {
  period: string;
  from: string;
  to: string;
  type: string;
  supervisor: string;
  supervisorName: string;
  advocate: string;
  advocateName: string;
};

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

export type ParsedReportParams =
  | { ok: true; query: ReportQuery; values: ReportParams }
  | { ok: false; errors: Partial<Record<keyof ReportParams, string>>; values: ReportParams };

/** The report a URL asks for. Unknown filters are dropped; bad custom dates are field errors. */
export function parseReportParams(viewer: Viewer, params: URLSearchParams, now = new Date()): ParsedReportParams {
  const text = (key: string, max = 100) => (params.get(key) ?? "").trim().slice(0, max);
  const values: ReportParams = {
    period: text("period", 20),
    from: text("from", 10),
    to: text("to", 10),
    type: REQUEST_TYPES.some((t) => t.key === text("type")) ? text("type") : "",
    supervisor: reportCapabilities(viewer).bySupervisor ? String(id.parse(text("supervisor") || undefined) ?? "") : "",
    supervisorName: reportCapabilities(viewer).bySupervisor ? text("supervisorName") : "",
    advocate: String(id.parse(text("advocate") || undefined) ?? ""),
    advocateName: text("advocateName"),
  };
  if (!(PERIOD_KINDS as readonly string[]).includes(values.period)) values.period = "this_month";
  if (values.period !== "custom") {
    values.from = "";
    values.to = "";
  }
  const resolved = resolvePeriod(values, calendarDateIn(now, viewer.timeZone));
  if (!resolved.ok) return { ok: false, errors: resolved.errors, values };
  return {
    ok: true,
    values,
    query: {
      period: resolved.period,
      type: values.type || undefined,
      supervisorId: values.supervisor ? Number(values.supervisor) : undefined,
      supervisorName: values.supervisorName || undefined,
      advocateId: values.advocate ? Number(values.advocate) : undefined,
      advocateName: values.advocateName || undefined,
    },
  };
}

/** The URL query of a report (for its downloads and links), without empty values. */
export function reportSearch(values: ReportParams): string {
  return new URLSearchParams(Object.entries(values).filter(([, v]) => v !== "")).toString();
}
