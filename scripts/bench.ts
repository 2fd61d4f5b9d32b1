/**
 * Benchmark of the list and page queries on a large database: the youth list
 * (`listYouthForViewer`), the request queue (`listRequestQueue`), my actions and the meetings
 * list (`listMyActions`, `listMeetings`), and one meeting, prep packet and court draft
 * (`getMeeting`, `getPrepPacket`, `getCourtDraft`), each role's home, and the reports (`getReports`
 * for three periods, with filters, the summary, a table as CSV). Prints figures only: no assertions, no
 * thresholds (the machines this runs on are shared and noisy).
 *
 *   npx tsx scripts/bench.ts [--database data/bench.db] [--youth 50000] [--runs 20] [--budget-ms 3000]
 *                            [--warmup 3] [--plans 3] [--only TEXT] [--no-analyze]
 *
 * - When `--database` does not exist it is created: migrated, seeded with the demo data plus
 *   `--youth` generated youth (`seedLarge`), then `ANALYZE`d. An existing database is used as it
 *   is (`--youth` is then ignored), and `ANALYZE`d only when it has no statistics yet.
 *   `--no-analyze` skips `ANALYZE` (to compare plans with and without statistics). Indexes
 *   without statistics (created by a migration after the last `ANALYZE`) are listed.
 * - Every case: `--warmup` untimed calls, then up to `--runs` timed calls or until `--budget-ms`
 *   has passed (at least one). Then a few instrumented calls that time each SQL statement the
 *   call prepared (count, page, filter options for the two lists; all of them for every case).
 * - For the `--plans` slowest cases, the statements' `EXPLAIN QUERY PLAN` (with the parameters
 *   of the real call; for a case with many statements only the slowest few), and for the
 *   slowest case the SQL text too.
 * - `--only TEXT` runs just the cases whose label contains TEXT.
 */
import type BetterSqlite3 from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { openDatabase, type Db } from "../app/server/db.server";
import type { Viewer } from "../app/server/session.server";
import { listMyActions } from "../app/server/action-items.server";
import { listMeetings, getMeeting } from "../app/server/meetings.server";
import { defaultCourtPeriod, getCourtDraft, getPrepPacket } from "../app/server/packets.server";
import { listRequestQueue, type RequestQueueQuery } from "../app/server/requests.server";
import { countYouthForViewer, listYouthForViewer, type YouthListQuery } from "../app/server/youth.server";
import { caseloadsByPerson, listCaseload } from "../app/server/caseload.server";
import { getHome } from "../app/server/home.server";
import { findReportTable, getReports, getReportSummary, type ReportQuery, type Reports } from "../app/server/reports.server";
import { reportTableCsv } from "../app/server/report-files.server";
import { listAuditEvents, type AuditQuery } from "../app/server/audit-log.server";
import { resolvePeriod } from "../app/domain/reports";
import { calendarDateIn } from "../app/domain/dates";
import { youthScopeOf } from "../app/domain/permissions";
import { seedLarge } from "../db/seed";

// =============================================================================================
// Options

type Options = {
  database: string;
  youth: number;
  runs: number;
  budgetMs: number;
  warmup: number;
  plans: number;
  only: string | undefined;
  analyze: boolean;
};

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    database: "data/bench.db",
    youth: 50_000,
    runs: 20,
    budgetMs: 3_000,
    warmup: 3,
    plans: 3,
    only: undefined,
    analyze: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    const int = (min: number): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got "${v}"`);
      return n;
    };
    switch (name) {
      case "--database":
        opts.database = value();
        break;
      case "--youth":
        opts.youth = int(0);
        break;
      case "--runs":
        opts.runs = int(1);
        break;
      case "--budget-ms":
        opts.budgetMs = int(0);
        break;
      case "--warmup":
        opts.warmup = int(0);
        break;
      case "--plans":
        opts.plans = int(0);
        break;
      case "--only":
        opts.only = value();
        break;
      case "--no-analyze":
        opts.analyze = false;
        break;
      case "--help":
      case "-h":
        console.log(
          "usage: tsx scripts/bench.ts [--database PATH] [--youth N] [--runs N] [--budget-ms MS] [--warmup N] [--plans N] [--only TEXT] [--no-analyze]",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return opts;
}

// =============================================================================================
// Statement capture: which SQL one call prepares, with which parameters, and how long each took

type Captured = { sql: string; params: unknown[]; ms: number };

/**
 * Runs `fn` with `client.prepare` wrapped, so that every statement prepared during the call
 * records its SQL, the parameters it was run with and the time its `all`/`get`/`run` took.
 * Drizzle (better-sqlite3 driver) prepares a fresh statement per query and calls
 * `stmt.raw().all(...)` / `stmt.get(...)`; `raw()` returns the statement itself, so wrapping
 * the instance's methods catches those calls.
 */
function capture<T>(client: BetterSqlite3.Database, fn: () => T): { result: T; statements: Captured[] } {
  const statements: Captured[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(client) below
  const original = client.prepare;
  type Stmt = ReturnType<BetterSqlite3.Database["prepare"]>;
  const wrapped = function (this: BetterSqlite3.Database, source: string) {
    const stmt: Stmt = original.call(client, source);
    for (const method of ["all", "get", "run", "iterate"] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .apply(stmt) below
      const inner = stmt[method] as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        const t0 = performance.now();
        const out = inner.apply(stmt, params);
        statements.push({ sql: source, params, ms: performance.now() - t0 });
        return out;
      };
    }
    return stmt;
  } as BetterSqlite3.Database["prepare"];
  client.prepare = wrapped;
  try {
    return { result: fn(), statements };
  } finally {
    client.prepare = original;
  }
}

/**
 * What a statement of a list (`listYouthForViewer`, `listRequestQueue`) is for: the total
 * (`select count(...)`, or the request queue's counts per status), a filter option list (selects
 * users' ids and names), or the page (anything else: the page query, or the ids and then the rows
 * when it is done in two steps).
 */
function statementKind(sql: string): "count" | "options" | "page" {
  const s = sql.trimStart().toLowerCase();
  if (s.startsWith("select count(")) return "count";
  if (/^select ("resource_requests"\.)?"status", count\(\*\)/.test(s)) return "count";
  if (/^select (distinct )?("users"\.)?"id", ("users"\.)?"name" from/.test(s)) return "options";
  return "page";
}

// =============================================================================================
// Figures

function quantile(sorted: number[], p: number): number {
  // Nearest rank.
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function ms(n: number): string {
  if (Number.isNaN(n)) return "-";
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** An aligned table; a row that is a string is a section heading (the columns align across sections). */
function printTable(header: string[], rows: Array<string[] | string>, leftColumns = 1): void {
  const cells = rows.filter((r): r is string[] => Array.isArray(r));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  console.log(line(header));
  console.log(rule);
  rows.forEach((r, i) => {
    if (Array.isArray(r)) console.log(line(r));
    else console.log(`${i === 0 ? "" : "\n"}${r}`);
  });
}

// =============================================================================================
// Viewers

function viewerByEmail(db: Db, email: string): Viewer {
  const row = db.$client
    .prepare(
      `SELECT u.id AS userId, u.name, u.email, m.program_id AS programId, p.name AS programName,
              p.time_zone AS timeZone, m.role
         FROM users u
         JOIN memberships m ON m.user_id = u.id
         JOIN programs p ON p.id = m.program_id
        WHERE u.email = ?
        ORDER BY m.program_id
        LIMIT 1`,
    )
    .get(email) as Omit<Viewer, "sessionId"> | undefined;
  if (!row) throw new Error(`no user ${email} in the database`);
  return { sessionId: "bench", ...row };
}

/** The generated (seedLarge) supervisor with the most current supervisor assignments. */
function busiestGeneratedSupervisor(db: Db): string | undefined {
  const row = db.$client
    .prepare(
      `SELECT u.email, count(*) AS n
         FROM youth_assignments a
         JOIN users u ON u.id = a.user_id
        WHERE a.kind = 'supervisor' AND a.ended_on IS NULL
          AND u.email LIKE 'supervisor.b%@bench.example.org'
        GROUP BY u.id
        ORDER BY n DESC, u.id
        LIMIT 1`,
    )
    .get() as { email: string; n: number } | undefined;
  return row?.email;
}

/** Youth in the viewer's scope (open and closed), for the header. */
function caseload(db: Db, v: Viewer): number {
  const programWide = youthScopeOf(v.role).kind === "program";
  const sql = programWide
    ? `SELECT count(*) AS n FROM youth WHERE program_id = ?`
    : `SELECT count(*) AS n FROM youth y WHERE y.program_id = ? AND EXISTS (
           SELECT 1 FROM youth_assignments a WHERE a.youth_id = y.id AND a.user_id = ? AND a.kind = ? AND a.ended_on IS NULL)`;
  const params = programWide ? [v.programId] : [v.programId, v.userId, v.role];
  return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}

// =============================================================================================
// Cases

/**
 * One benchmark case: a call and how to summarise its result (`total` and `rows` columns).
 * `list` cases (the youth list, the request queue) have their statements split into count, page
 * and filter options; the others only have their whole SQL time.
 */
type Case = {
  group: string;
  label: string;
  list: boolean;
  call: () => unknown;
  summarize: (result: unknown) => { total: string; rows: string };
};

const GROUPS = {
  youth: "Youth list (listYouthForViewer)",
  queue: "Request queue (listRequestQueue)",
  mine: "My actions and meetings (listMyActions, listMeetings)",
  pages: "One meeting, prep packet, court draft (getMeeting, getPrepPacket, getCourtDraft)",
  homes: "Each role's home and caseloads (getHome, listCaseload, caseloadsByPerson)",
  reports: "Reports (getReports, getReportSummary, a table as CSV)",
  audit: "Audit viewer (listAuditEvents)",
} as const;

function mk<T>(
  group: string,
  label: string,
  list: boolean,
  call: () => T,
  summarize: (r: T) => { total: number | string; rows: number | string },
): Case {
  return {
    group,
    label,
    list,
    call,
    summarize: (r) => {
      const s = summarize(r as T);
      return { total: String(s.total), rows: String(s.rows) };
    },
  };
}

type Viewers = { lead: Viewer; bigSup: Viewer | undefined; sup: Viewer; adv: Viewer };
/** Records picked from the database for the per-record cases. */
type Picks = { meetingId: number | undefined; packetYouthId: number | undefined };

function youthCases(db: Db, v: Viewers): Case[] {
  const base: YouthListQuery = { page: 1, size: 25, sort: { id: "name", desc: false }, caseStatus: "open" };
  const q = (over: Partial<YouthListQuery>): YouthListQuery => ({ ...base, ...over });
  const list: Array<[string, Viewer, YouthListQuery]> = [
    ["lead: name asc p1", v.lead, base],
    ...(v.bigSup ? [["big supervisor: name asc p1", v.bigSup, base] as [string, Viewer, YouthListQuery]] : []),
    ["supervisor@: name asc p1", v.sup, base],
    ["advocate@: name asc p1", v.adv, base],
  ];
  for (const id of ["age", "placement", "advocate", "supervisor", "csec"]) {
    for (const desc of [false, true]) list.push([`lead: sort ${id} ${desc ? "desc" : "asc"}`, v.lead, q({ sort: { id, desc } })]);
  }
  // A demo advocate/supervisor: both have a handful of youth, so the filters select few rows.
  list.push(
    ["lead: page 1000 (size 25)", v.lead, q({ page: 1000 })],
    ["lead: q name 'chavez'", v.lead, q({ q: "chavez" })],
    ["lead: q case 'BX-0123'", v.lead, q({ q: "BX-0123" })],
    ["lead: placement group_home", v.lead, q({ placement: "group_home" })],
    ["lead: advocate filter", v.lead, q({ advocateId: v.adv.userId })],
    ["lead: supervisor filter", v.lead, q({ supervisorId: (v.bigSup ?? v.sup).userId })],
    ["lead: csec concern", v.lead, q({ csec: "concern" })],
    ["lead: caseStatus all", v.lead, q({ caseStatus: "all" })],
  );
  return list.map(([label, viewer, query]) =>
    mk(
      GROUPS.youth,
      label,
      true,
      () => listYouthForViewer(viewer, query, db),
      (r) => ({ total: r.total, rows: r.rows.length }),
    ),
  );
}

function queueCases(db: Db, v: Viewers): Case[] {
  const base: RequestQueueQuery = { page: 1, size: 25, sort: { id: "requestedAt", desc: true } };
  const q = (over: Partial<RequestQueueQuery>): RequestQueueQuery => ({ ...base, ...over });
  const list: Array<[string, Viewer, RequestQueueQuery]> = [["queue lead: default (requestedAt desc p1)", v.lead, base]];
  for (const id of ["dueOn", "daysOpen", "amount", "youth"]) {
    for (const desc of [false, true]) list.push([`queue lead: sort ${id} ${desc ? "desc" : "asc"}`, v.lead, q({ sort: { id, desc } })]);
  }
  list.push(
    ["queue lead: type therapy", v.lead, q({ type: "therapy" })],
    ["queue lead: status submitted", v.lead, q({ status: "submitted" })],
    ["queue lead: overdue", v.lead, q({ overdue: true })],
    ["queue lead: open > 30 days", v.lead, q({ openMoreThanDays: 30 })],
    ["queue lead: youth 'chavez'", v.lead, q({ youth: "chavez" })],
    ["queue lead: advocate filter (id)", v.lead, q({ advocateId: v.adv.userId })],
    [`queue lead: advocate name '${v.adv.name}'`, v.lead, q({ advocateName: v.adv.name })],
    ["queue lead: page 400 (size 25)", v.lead, q({ page: 400 })],
    ...(v.bigSup ? [["queue big supervisor: default", v.bigSup, base] as [string, Viewer, RequestQueueQuery]] : []),
    ["queue supervisor@: default", v.sup, base],
    ["queue advocate@: default", v.adv, base],
  );
  return list.map(([label, viewer, query]) =>
    mk(
      GROUPS.queue,
      label,
      true,
      () => listRequestQueue(viewer, query, db),
      (r) => ({ total: r.total, rows: r.rows.length }),
    ),
  );
}

function homeCases(db: Db, v: Viewers): Case[] {
  const who: Array<[string, Viewer | undefined]> = [
    ["lead", v.lead],
    ["big supervisor", v.bigSup],
    ["supervisor@", v.sup],
    ["advocate@", v.adv],
  ];
  const firstPage = { page: 1, size: 25, sort: { id: "name", desc: false } };
  const cases: Case[] = [];
  for (const [name, viewer] of who) {
    if (!viewer) continue;
    cases.push(
      mk(
        GROUPS.homes,
        `home ${name}`,
        false,
        () => getHome(viewer, firstPage, db),
        (r) => ({ total: r.figures.length, rows: r.caseload?.rows.length ?? r.people?.rows.length ?? 0 }),
      ),
    );
  }
  cases.push(
    mk(
      GROUPS.homes,
      "caseload supervisor@: by stale contacts desc",
      true,
      () => listCaseload(v.sup, { ...firstPage, sort: { id: "staleContacts", desc: true } }, db),
      (r) => ({ total: r.total, rows: r.rows.length }),
    ),
    mk(
      GROUPS.homes,
      "caseloads by supervisor, lead: page 1",
      true,
      () => caseloadsByPerson(v.lead, "supervisor", { page: 1, size: 25 }, db),
      (r) => ({ total: r.total, rows: r.rows.length }),
    ),
    mk(
      GROUPS.homes,
      "youth with a stale contact, lead: count",
      false,
      () => countYouthForViewer(v.lead, { caseStatus: "open", stale: true }, db),
      (r) => ({ total: r, rows: "-" }),
    ),
  );
  return cases;
}

function mineCases(db: Db, v: Viewers): Case[] {
  const who: Array<[string, Viewer | undefined]> = [
    ["lead", v.lead],
    ["big supervisor", v.bigSup],
    ["supervisor@", v.sup],
    ["advocate@", v.adv],
  ];
  const cases: Case[] = [];
  for (const [name, viewer] of who) {
    if (!viewer) continue;
    cases.push(
      mk(
        GROUPS.mine,
        `actions ${name}: open, due asc`,
        false,
        () => listMyActions(viewer, { status: "open", sortDesc: false }, db),
        (r) => ({
          total: r.length,
          rows: r.length,
        }),
      ),
    );
  }
  for (const [name, viewer] of who) {
    if (!viewer) continue;
    // total: upcoming + recent; rows: "upcoming/recent".
    cases.push(
      mk(
        GROUPS.mine,
        `meetings ${name}: upcoming + recent`,
        false,
        () => listMeetings(viewer, {}, db),
        (r) => ({
          total: r.upcoming.total + r.recent.total,
          rows: `${r.upcoming.rows.length}/${r.recent.rows.length}`,
        }),
      ),
    );
  }
  return cases;
}

function pageCases(db: Db, v: Viewers, picks: Picks): Case[] {
  const cases: Case[] = [];
  const { meetingId, packetYouthId } = picks;
  if (meetingId !== undefined) {
    // total: agenda entries (carried over, requests, contacts, placement changes, episodes, red flags, by hand); rows: action items.
    cases.push(
      mk(
        GROUPS.pages,
        `getMeeting advocate@: meeting ${meetingId}`,
        false,
        () => getMeeting(v.adv, meetingId, db),
        (r) => ({
          total:
            r.agenda.carriedOver.length +
            r.agenda.requests.length +
            r.agenda.contacts.length +
            r.agenda.placementChanges.length +
            r.agenda.episodes.length +
            (r.agenda.redFlags?.length ?? 0) +
            r.agenda.byHand.length,
          rows: r.actions.length,
        }),
      ),
    );
  }
  if (packetYouthId !== undefined) {
    const period = defaultCourtPeriod(v.sup);
    // total: team + open actions + pending requests + recent contacts; rows: "-".
    cases.push(
      mk(
        GROUPS.pages,
        `getPrepPacket supervisor@: youth ${packetYouthId}`,
        false,
        () => getPrepPacket(v.sup, packetYouthId, db),
        (r) => ({
          total: r.team.length + r.openActions.length + r.pendingRequests.length + r.recentContacts.length,
          rows: "-",
        }),
      ),
      mk(
        GROUPS.pages,
        `getCourtDraft supervisor@: youth ${packetYouthId}`,
        false,
        () => getCourtDraft(v.sup, packetYouthId, period, db),
        () => ({
          total: "-",
          rows: "-",
        }),
      ),
    );
  }
  return cases;
}

function reportCases(db: Db, v: Viewers): Case[] {
  const query = (viewer: Viewer, period: string, extra: Partial<ReportQuery> = {}): ReportQuery => {
    const r = resolvePeriod({ period }, calendarDateIn(new Date(), viewer.timeZone));
    if (!r.ok) throw new Error(`bad period ${period}`);
    return { period: r.period, ...extra };
  };
  const tables = (r: Reports) => r.sections.reduce((n, s) => n + s.tables.length, 0);
  const rows = (r: Reports) => r.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  const cases: Case[] = [];
  const who: Array<[string, Viewer | undefined]> = [
    ["lead", v.lead],
    ["big supervisor", v.bigSup],
    ["supervisor@", v.sup],
  ];
  for (const [name, viewer] of who) {
    if (!viewer) continue;
    for (const period of ["this_month", "last_quarter", "year_to_date"]) {
      cases.push(
        mk(
          GROUPS.reports,
          `reports ${name}: ${period}`,
          false,
          () => getReports(viewer, query(viewer, period), db),
          (r) => ({
            total: tables(r),
            rows: rows(r),
          }),
        ),
      );
    }
  }
  cases.push(
    mk(
      GROUPS.reports,
      "reports lead: year_to_date, type therapy",
      false,
      () => getReports(v.lead, query(v.lead, "year_to_date", { type: "therapy" }), db),
      (r) => ({
        total: tables(r),
        rows: rows(r),
      }),
    ),
    mk(
      GROUPS.reports,
      "reports lead: year_to_date, supervisor filter",
      false,
      () => getReports(v.lead, query(v.lead, "year_to_date", { supervisorId: (v.bigSup ?? v.sup).userId }), db),
      (r) => ({ total: tables(r), rows: rows(r) }),
    ),
    mk(
      GROUPS.reports,
      `reports lead: year_to_date, advocate name '${v.adv.name}'`,
      false,
      () => getReports(v.lead, query(v.lead, "year_to_date", { advocateName: v.adv.name }), db),
      (r) => ({ total: tables(r), rows: rows(r) }),
    ),
    mk(
      GROUPS.reports,
      "summary lead: last_quarter (and the quarter before)",
      false,
      () => getReportSummary(v.lead, query(v.lead, "last_quarter"), db),
      (r) => ({
        total: r.figures.length,
        rows: "-",
      }),
    ),
    mk(
      GROUPS.reports,
      "CSV lead: requests by type, year_to_date",
      false,
      () => reportTableCsv(findReportTable(getReports(v.lead, query(v.lead, "year_to_date"), db), "requests-by-type")!),
      (r) => ({ total: r.length, rows: r.split("\n").length - 1 }),
    ),
  );
  return cases;
}

function auditCases(db: Db, v: Viewers, picks: Picks): Case[] {
  const q = (extra: Partial<AuditQuery>): AuditQuery => ({ page: 1, size: 50, ...extra });
  // The youth and the person with the most entries: the heaviest single-youth and single-person pages.
  const busiest = (column: "youth_id" | "actor_user_id") =>
    db.$client
      .prepare(`SELECT ${column} AS id FROM audit_events WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY count(*) DESC LIMIT 1`)
      .get() as { id: number } | undefined;
  const youthId = busiest("youth_id")?.id ?? picks.packetYouthId;
  const actorId = busiest("actor_user_id")?.id;
  const actor = actorId
    ? (db.$client.prepare("SELECT email FROM users WHERE id = ?").get(actorId) as { email: string } | undefined)?.email
    : undefined;
  const list: Array<[string, AuditQuery]> = [
    ["audit lead: newest first p1", q({})],
    ["audit lead: page 100", q({ page: 100 })],
    ["audit lead: page 10,000 (capped)", q({ page: 10_000 })],
    ["audit lead: action youth.view", q({ action: "youth.view" })],
    ["audit lead: action csec.confirm (rare)", q({ action: "csec.confirm" })],
    ["audit lead: one month", q({ from: "2026-06-01", to: "2026-06-30" })],
    ["audit lead: the busiest youth", q({ youthId })],
    ["audit lead: youth text 'DK-1'", q({ youthText: "DK-1" })],
    [`audit lead: who '${v.sup.name}'`, q({ who: v.sup.name })],
    ...(actor ? [[`audit lead: the busiest person (${actor})`, q({ who: actor })] as [string, AuditQuery]] : []),
    ["audit lead: who 'advocate.b' (500 people)", q({ who: "advocate.b" })],
  ];
  return list.map(([label, query]) =>
    mk(
      GROUPS.audit,
      label,
      false,
      () => listAuditEvents(v.lead, query, db),
      (r) => ({ total: r.total, rows: r.rows.length }),
    ),
  );
}

function buildCases(db: Db, v: Viewers, picks: Picks): Case[] {
  return [
    ...youthCases(db, v),
    ...queueCases(db, v),
    ...mineCases(db, v),
    ...pageCases(db, v, picks),
    ...homeCases(db, v),
    ...reportCases(db, v),
    ...auditCases(db, v, picks),
  ];
}

/**
 * The meeting for `getMeeting`: of the advocate's current youth, the latest one that has taken
 * place (so its agenda covers "since the last meeting") and that the advocate may see; and the
 * youth for the packets: of the youth both supervisor@ and advocate@ have, the one with the most
 * records (actions, requests, contacts).
 */
function pickRecords(db: Db, v: Viewers): Picks {
  const client = db.$client;
  const meetings = client
    .prepare(
      `SELECT m.id FROM mdt_meetings m
        WHERE m.youth_id IN (SELECT youth_id FROM youth_assignments WHERE user_id = ? AND kind = 'advocate' AND ended_on IS NULL)
          AND m.status <> 'cancelled' AND m.scheduled_at <= ?
        ORDER BY m.scheduled_at DESC, m.id`,
    )
    .all(v.adv.userId, new Date().toISOString()) as { id: number }[];
  let meetingId: number | undefined;
  for (const { id } of meetings) {
    try {
      getMeeting(v.adv, id, db);
      meetingId = id;
      break;
    } catch {
      // Not visible to the advocate (a CSEC MDT of a youth whose concern they may not know of).
    }
  }
  const youthRow = client
    .prepare(
      `SELECT y.id,
              (SELECT count(*) FROM action_items WHERE youth_id = y.id)
            + (SELECT count(*) FROM resource_requests WHERE youth_id = y.id)
            + (SELECT count(*) FROM contacts WHERE youth_id = y.id) AS n
         FROM youth y
        WHERE y.id IN (SELECT youth_id FROM youth_assignments WHERE user_id = ? AND kind = 'supervisor' AND ended_on IS NULL)
        ORDER BY (y.id IN (SELECT youth_id FROM youth_assignments WHERE user_id = ? AND kind = 'advocate' AND ended_on IS NULL)) DESC,
                 n DESC, y.id
        LIMIT 1`,
    )
    .get(v.sup.userId, v.adv.userId) as { id: number } | undefined;
  return { meetingId, packetYouthId: youthRow?.id };
}

type Result = {
  c: Case;
  times: number[];
  total: string;
  rows: string;
  /** Median SQL time per statement kind (list cases), and of all statements ("sql"). */
  perKind: Record<string, number>;
  /** Statements one call runs. */
  statementCount: number;
  statements: Captured[];
};

function runCase(db: Db, c: Case, opts: Options): Result {
  for (let i = 0; i < opts.warmup; i++) c.call();
  const times: number[] = [];
  let last: unknown;
  const started = performance.now();
  while (times.length < opts.runs && (times.length === 0 || performance.now() - started < opts.budgetMs)) {
    const t0 = performance.now();
    last = c.call();
    times.push(performance.now() - t0);
  }
  // Per-statement breakdown: a few instrumented calls, median per kind.
  const byKind = new Map<string, number[]>();
  let statements: Captured[] = [];
  const instrumented = Math.min(3, times.length);
  for (let i = 0; i < instrumented; i++) {
    const { statements: st } = capture(db.$client, c.call);
    statements = st;
    const sums = new Map<string, number>([["sql", 0]]);
    for (const s of st) {
      if (c.list) sums.set(statementKind(s.sql), (sums.get(statementKind(s.sql)) ?? 0) + s.ms);
      sums.set("sql", sums.get("sql")! + s.ms);
    }
    for (const [k, v] of sums) byKind.set(k, [...(byKind.get(k) ?? []), v]);
  }
  const perKind: Record<string, number> = {};
  for (const [k, v] of byKind) perKind[k] = median(v);
  const { total, rows } = c.summarize(last);
  return { c, times, total, rows, perKind, statementCount: statements.length, statements };
}

// =============================================================================================
// Plans

function printPlan(client: BetterSqlite3.Database, s: Captured): void {
  const rows = client.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  for (const r of rows) {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    console.log(`    ${"  ".repeat(d - 1)}${r.detail}`);
  }
}

// =============================================================================================

async function main(argv: string[]): Promise<void> {
  const opts = parseArgs(argv);
  const created = !existsSync(opts.database);
  const db = openDatabase(opts.database);
  const client = db.$client;
  try {
    if (created) {
      console.log(`${opts.database} does not exist: seeding the demo data and ${opts.youth} generated youth...`);
      const t0 = performance.now();
      await seedLarge(db, { youth: opts.youth });
      console.log(`Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    } else {
      console.log(`Using the existing ${opts.database} (--youth is ignored).`);
    }
    const hasStats = (client.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`).get() as { n: number }).n > 0;
    if (opts.analyze && (created || !hasStats)) {
      const t0 = performance.now();
      client.exec("ANALYZE");
      console.log(`Ran ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    } else {
      console.log(
        opts.analyze
          ? "Not running ANALYZE: the database already has statistics (sqlite_stat1)."
          : `Skipping ANALYZE (--no-analyze); statistics ${hasStats ? "present" : "absent"}.`,
      );
    }
    if (hasStats || (opts.analyze && created)) {
      // Indexes created after the last ANALYZE (by a later migration) have no statistics: the
      // planner then guesses their selectivity. (ANALYZE writes no row for an empty table's index.)
      const unanalyzed = client
        .prepare(
          `SELECT i.name FROM sqlite_master i
            WHERE i.type = 'index' AND i.name NOT LIKE 'sqlite_autoindex_%'
              AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = i.name)
              AND EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = i.tbl_name)
            ORDER BY i.name`,
        )
        .all() as { name: string }[];
      if (unanalyzed.length) {
        console.log(
          `Indexes without statistics (created after the last ANALYZE; run ANALYZE to include them): ${unanalyzed.map((u) => u.name).join(", ")}.`,
        );
      }
    }

    const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
    const sqliteVersion = (client.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
    const sizeMb = statSync(opts.database).size / 1024 / 1024;
    console.log(
      `Node ${process.version}, SQLite ${sqliteVersion}, ${sizeMb.toFixed(0)} MB; ` +
        `${count("SELECT count(*) AS n FROM youth")} youth, ${count("SELECT count(*) AS n FROM users")} users, ` +
        `${count("SELECT count(*) AS n FROM youth_assignments")} assignments, ${count("SELECT count(*) AS n FROM placements")} placements.`,
    );

    const bigSupEmail = busiestGeneratedSupervisor(db);
    const viewers = {
      lead: viewerByEmail(db, "lead@example.org"),
      bigSup: bigSupEmail ? viewerByEmail(db, bigSupEmail) : undefined,
      sup: viewerByEmail(db, "supervisor@example.org"),
      adv: viewerByEmail(db, "advocate@example.org"),
    };
    console.log("Viewers (youth in scope, open and closed):");
    for (const [key, v] of Object.entries(viewers)) {
      if (v) console.log(`  ${key.padEnd(6)} ${v.email} (${v.role}, user ${v.userId}): ${caseload(db, v)}`);
    }

    const picks = pickRecords(db, viewers);
    console.log(
      `Records: getMeeting on meeting ${picks.meetingId ?? "(none visible to advocate@)"}` +
        `, packets on youth ${picks.packetYouthId ?? "(none in supervisor@'s scope)"}.`,
    );

    let cases = buildCases(db, viewers, picks);
    if (opts.only) cases = cases.filter((c) => c.label.includes(opts.only!));
    console.log(
      `\n${cases.length} cases; each: ${opts.warmup} warm-up calls, then up to ${opts.runs} timed calls or ${opts.budgetMs} ms. ` +
        `Times in ms.\n` +
        `total/rows: lists: matching rows / rows on the page; my actions: items; meetings: upcoming+recent / "upcoming/recent"; ` +
        `getMeeting: agenda entries / action items; prep packet: team+actions+requests+contacts.\n` +
        `stmts: SQL statements per call. sql, count/page/opts: median over 3 instrumented calls of the SQL time (better-sqlite3 all/get) ` +
        `of all the statements, and (lists) of those for the total, the page's rows, and the filter options.\n`,
    );

    const results: Result[] = [];
    for (const c of cases) {
      if (process.stderr.isTTY) process.stderr.write(`  ${c.label}...\r`);
      results.push(runCase(db, c, opts));
      if (process.stderr.isTTY) process.stderr.write(`\x1b[2K`);
    }

    const rows: Array<string[] | string> = [];
    let group: string | undefined;
    for (const r of results) {
      if (r.c.group !== group) rows.push(`== ${(group = r.c.group)}`);
      const s = [...r.times].sort((a, b) => a - b);
      rows.push([
        r.c.label,
        String(r.times.length),
        ms(median(r.times)),
        ms(quantile(s, 0.95)),
        ms(s[s.length - 1]!),
        r.total,
        r.rows,
        String(r.statementCount),
        ms(r.perKind.sql ?? NaN),
        ms(r.perKind.count ?? NaN),
        ms(r.perKind.page ?? NaN),
        ms(r.perKind.options ?? NaN),
      ]);
    }
    printTable(["case", "runs", "median", "p95", "max", "total", "rows", "stmts", "sql", "count", "page", "opts"], rows);

    // A case of many statements (a packet) shows the plans of its slowest few only, in call order.
    const MAX_PLANS_PER_CASE = 6;
    const slowest = [...results].sort((a, b) => median(b.times) - median(a.times)).slice(0, opts.plans);
    slowest.forEach((r, i) => {
      console.log(`\n== Query plans, #${i + 1} slowest: ${r.c.label} (median ${ms(median(r.times))} ms)`);
      const shown = new Set([...r.statements].sort((a, b) => b.ms - a.ms).slice(0, MAX_PLANS_PER_CASE));
      if (shown.size < r.statements.length) {
        const rest = r.statements.filter((s) => !shown.has(s));
        console.log(
          `  (${r.statements.length} statements; the ${shown.size} slowest below, the other ${rest.length} took ${ms(rest.reduce((a, s) => a + s.ms, 0))} ms together)`,
        );
      }
      for (const s of r.statements) {
        if (!shown.has(s)) continue;
        console.log(`\n  [${r.c.list ? statementKind(s.sql) : "sql"}] ${ms(s.ms)} ms, params ${JSON.stringify(s.params)}`);
        if (i === 0) console.log(`    SQL: ${s.sql.replace(/\s+/g, " ")}`);
        printPlan(client, s);
      }
    });
  } finally {
    client.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
