/**
 * The request queue (`/requests`, issue 4): counts, filters, sorting and paging against the seeded
 * demo data, each checked against SQL written here from the issue's rules (not by calling the
 * function under test a second time), and proof that the work happens in SQL: the statements run
 * carry the LIMIT / ORDER BY / filter predicates, and no statement fetches more than a page.
 *
 * Who sees what (issue 4 + DOMAIN.md): advocates the requests of the youth currently assigned to
 * them, supervisors their caseload's, leads the whole program's; a CSEC-sensitive request (CSEC
 * advocate, restoration funds) only where the viewer may see the youth's CSEC status (for an
 * advocate: confirmed only).
 */
import { describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { loader } from "~/routes/requests-queue";
import { listRequestQueue } from "~/server/requests.server";
import { getViewer } from "~/server/session.server";
import { DEMO_YOUTH } from "../../db/seed";
import { localDate, PROGRAM_ONE_TZ } from "../helpers/dates";
import { demoYouthId, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { getAs, settle } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

type LoaderData = Awaited<ReturnType<typeof loader>>;

async function queueAs(email: string, query = ""): Promise<LoaderData> {
  const request = await getAs(db, email, `/requests${query ? `?${query}` : ""}`);
  return loader({ request, params: {}, context: {} } as never);
}

// ------------------------------------------------------------------------------------------
// The independent model: which requests a viewer may know exist, in plain SQL

const SENSITIVE = ["csec_advocate", "restoration_funds"];
const OPEN = ["draft", "submitted", "approved"];
const STATUSES = ["draft", "submitted", "approved", "denied", "fulfilled", "withdrawn"] as const;

type Viewer = { email: string; userId: number; programId: number; role: string };

function viewerOf(email: string): Viewer {
  const row = c
    .prepare("select u.id, m.program_id as programId, m.role from users u join memberships m on m.user_id = u.id where u.email = ?")
    .get(email) as { id: number; programId: number; role: string };
  return { email, userId: row.id, programId: row.programId, role: row.role };
}

/** A WHERE clause (on `r` = resource_requests, `y` = youth) and its parameters. */
function visibleWhere(v: Viewer): { where: string; params: unknown[] } {
  const parts = ["y.program_id = ?"];
  const params: unknown[] = [v.programId];
  if (v.role === "advocate" || v.role === "supervisor") {
    parts.push(
      `exists (select 1 from youth_assignments a where a.youth_id = y.id and a.user_id = ? and a.kind = ? and a.ended_on is null)`,
    );
    params.push(v.userId, v.role);
  }
  if (v.role === "advocate") {
    parts.push(
      `(r.type not in (${SENSITIVE.map(() => "?").join(", ")})
        or coalesce((select s.status from youth_csec_status s where s.youth_id = y.id), 'none') = 'confirmed')`,
    );
    params.push(...SENSITIVE);
  }
  return { where: parts.join(" and "), params };
}

type Row = {
  id: number;
  type: string;
  status: string;
  due_on: string | null;
  amount_cents: number | null;
  requested_at: string;
  closed_at: string | null;
  first_name: string;
  last_name: string;
  case_number: string;
  youth_id: number;
};

/** Visible requests matching an extra predicate, in an ORDER BY of our own. */
function expected(v: Viewer, extra = "1", extraParams: unknown[] = [], orderBy = "r.id"): Row[] {
  const { where, params } = visibleWhere(v);
  return c
    .prepare(
      `select r.id, r.type, r.status, r.due_on, r.amount_cents, r.requested_at, r.closed_at, y.first_name, y.last_name, y.case_number, y.id as youth_id
       from resource_requests r join youth y on y.id = r.youth_id
       where ${where} and (${extra}) order by ${orderBy}`,
    )
    .all(...params, ...extraParams) as Row[];
}

function expectedCounts(v: Viewer, extra = "1", extraParams: unknown[] = []): Record<string, number> {
  const { where, params } = visibleWhere(v);
  const rows = c
    .prepare(
      `select r.status, count(*) as n from resource_requests r join youth y on y.id = r.youth_id
       where ${where} and (${extra}) group by r.status`,
    )
    .all(...params, ...extraParams) as Array<{ status: string; n: number }>;
  const out: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const r of rows) out[r.status] = r.n;
  return out;
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const todayLA = () => localDate(new Date(), PROGRAM_ONE_TZ);
const openIn = `r.status in (${OPEN.map((s) => `'${s}'`).join(", ")})`;

const VIEWERS = [
  "advocate@example.org",
  "supervisor@example.org",
  "supervisor2@example.org",
  "lead@example.org",
  "lead@second.example.org",
];

// ------------------------------------------------------------------------------------------

describe("who sees which requests, and the counts per status", () => {
  for (const email of VIEWERS) {
    it(`${email}: the rows and the counts per status are exactly the visible requests`, async () => {
      const v = viewerOf(email);
      const want = expected(v);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThanOrEqual(100);
      const { queue } = await queueAs(email, "size=100");
      expect(queue.total).toBe(want.length);
      expect(sorted(ids(queue.rows))).toEqual(ids(want));
      expect(queue.counts).toEqual(expectedCounts(v));
    });
  }

  it("the advocate's counts leave out the CSEC-sensitive requests on youth whose status they may not see", async () => {
    const v = viewerOf("advocate@example.org");
    const concernYouth = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);
    const hidden = c
      .prepare(`select id, status from resource_requests where youth_id = ? and type in ('csec_advocate', 'restoration_funds')`)
      .all(concernYouth) as Array<{ id: number; status: string }>;
    expect(hidden.length).toBe(2);
    const { queue } = await queueAs(v.email, "size=100");
    for (const h of hidden) expect(ids(queue.rows)).not.toContain(h.id);
    // Counting every request of the advocate's youth would include them: the counts must not.
    const everyOnTheirYouth = c
      .prepare(
        `select count(*) as n from resource_requests r join youth y on y.id = r.youth_id where r.status = 'submitted' and exists
          (select 1 from youth_assignments a where a.youth_id = y.id and a.user_id = ? and a.kind = 'advocate' and a.ended_on is null)`,
      )
      .get(v.userId) as { n: number };
    expect(queue.counts.submitted).toBeLessThan(everyOnTheirYouth.n);
    expect(queue.counts.submitted).toBe(expectedCounts(v).submitted);
  });

  it("a lead's counts (read from the kept counts) follow every write, with and without a type", async () => {
    const v = viewerOf("lead@example.org");
    const check = async () => {
      expect((await queueAs(v.email, "size=1")).queue.counts).toEqual(expectedCounts(v));
      for (const type of ["therapy", "restoration_funds"])
        expect((await queueAs(v.email, `size=1&type=${type}`)).queue.counts, type).toEqual(expectedCounts(v, "r.type = ?", [type]));
    };
    await check();
    const some = c
      .prepare(`select id, status, type from resource_requests where program_id = ? order by id limit 3`)
      .all(v.programId) as Array<{
      id: number;
      status: string;
      type: string;
    }>;
    const youthId = c.prepare(`select youth_id as id from resource_requests where id = ?`).get(some[0]!.id) as { id: number };
    c.exec("savepoint kept");
    try {
      c.prepare(`update resource_requests set status = 'withdrawn' where id = ?`).run(some[0]!.id);
      c.prepare(`update resource_requests set type = 'therapy' where id = ?`).run(some[1]!.id);
      c.prepare(`delete from request_status_events where request_id = ?`).run(some[2]!.id);
      c.prepare(`delete from resource_requests where id = ?`).run(some[2]!.id);
      c.prepare(
        `insert into resource_requests (program_id, youth_id, type, status, requested_by_user_id, requested_at) values (?, ?, 'therapy', 'submitted', ?, ?)`,
      ).run(v.programId, youthId.id, v.userId, new Date().toISOString());
      await check();
    } finally {
      c.exec("rollback to kept; release kept");
    }
    await check();
  });

  it("admins get a 403, not a queue", async () => {
    const result = await settle(() => queueAs("admin@example.org"));
    expect(result).toMatchObject({ init: { status: 403 } });
  });
});

describe("filters", () => {
  type FilterCase = { name: string; email: string; query: string; extra: string; params?: unknown[]; nonEmpty?: boolean };
  // "{id:EMAIL}" stands for that user's id, resolved once the demo data is seeded.
  const advocate2Id = () => "{id:advocate2@example.org}";
  const advocate5Id = () => "{id:advocate5@example.org}";
  const resolve = (text: string) => text.replace(/\{id:([^}]+)\}/g, (_, email: string) => String(userId(c, email)));
  const resolved = (f: FilterCase): FilterCase => ({
    ...f,
    query: resolve(f.query),
    params: f.params?.map((p) => (typeof p === "string" ? resolve(p) : p)),
  });

  const cases: () => FilterCase[] = () => [
    { name: "type therapy", email: "lead@example.org", query: "type=therapy", extra: "r.type = 'therapy'" },
    {
      name: "type restoration funds (advocate: confirmed youth only)",
      email: "advocate@example.org",
      query: "type=restoration_funds",
      extra: "r.type = 'restoration_funds'",
    },
    {
      name: "type CSEC advocate (supervisor)",
      email: "supervisor@example.org",
      query: "type=csec_advocate",
      extra: "r.type = 'csec_advocate'",
    },
    { name: "status submitted", email: "lead@example.org", query: "status=submitted", extra: "r.status = 'submitted'" },
    { name: "status submitted (advocate)", email: "advocate@example.org", query: "status=submitted", extra: "r.status = 'submitted'" },
    { name: "status fulfilled", email: "supervisor2@example.org", query: "status=fulfilled", extra: "r.status = 'fulfilled'" },
    {
      name: "youth by partial name, any case",
      email: "lead@example.org",
      query: `youth=${DEMO_YOUTH.advocateConcernBySomeoneElse.lastName.slice(0, 5).toUpperCase()}`,
      extra: "instr(lower(y.first_name || ' ' || y.last_name), lower(?)) > 0 or instr(lower(y.case_number), lower(?)) > 0",
      params: [DEMO_YOUTH.advocateConcernBySomeoneElse.lastName.slice(0, 5), DEMO_YOUTH.advocateConcernBySomeoneElse.lastName.slice(0, 5)],
    },
    {
      name: "youth by partial name (advocate: the concern youth's sensitive requests stay out)",
      email: "advocate@example.org",
      query: `youth=${DEMO_YOUTH.advocateConcernBySomeoneElse.lastName}`,
      extra: "y.last_name = ?",
      params: [DEMO_YOUTH.advocateConcernBySomeoneElse.lastName],
      nonEmpty: false,
    },
    {
      name: "youth by full name",
      email: "supervisor@example.org",
      query: `youth=${encodeURIComponent(`${DEMO_YOUTH.advocateConfirmed.firstName} ${DEMO_YOUTH.advocateConfirmed.lastName}`)}`,
      extra: "y.first_name = ? and y.last_name = ?",
      params: [DEMO_YOUTH.advocateConfirmed.firstName, DEMO_YOUTH.advocateConfirmed.lastName],
    },
    {
      name: "youth by case number",
      email: "lead@example.org",
      query: `youth=${DEMO_YOUTH.advocateNone.caseNumber}`,
      extra: "y.case_number = ?",
      params: [DEMO_YOUTH.advocateNone.caseNumber],
    },
    { name: "youth '%' is a literal, not a wildcard", email: "lead@example.org", query: "youth=%25", extra: "0", nonEmpty: false },
    { name: "youth '_' is a literal, not a wildcard", email: "lead@example.org", query: "youth=_", extra: "0", nonEmpty: false },
    {
      name: "advocate (advocate2)",
      email: "lead@example.org",
      query: `advocate=${advocate2Id()}`,
      extra:
        "exists (select 1 from youth_assignments a where a.youth_id = y.id and a.kind = 'advocate' and a.user_id = ? and a.ended_on is null)",
      params: [advocate2Id()],
    },
    {
      name: "advocate (advocate5, supervisor2's caseload)",
      email: "supervisor2@example.org",
      query: `advocate=${advocate5Id()}`,
      extra:
        "exists (select 1 from youth_assignments a where a.youth_id = y.id and a.kind = 'advocate' and a.user_id = ? and a.ended_on is null)",
      params: [advocate5Id()],
    },
    {
      name: "an advocate outside the supervisor's caseload finds nothing",
      email: "supervisor@example.org",
      query: `advocate=${advocate5Id()}`,
      extra: "0",
      nonEmpty: false,
    },
    { name: "overdue", email: "lead@example.org", query: "overdue=1", extra: `r.due_on < ? and ${openIn}`, params: [todayLA()] },
    {
      name: "overdue (advocate)",
      email: "advocate@example.org",
      query: "overdue=1",
      extra: `r.due_on < ? and ${openIn}`,
      params: [todayLA()],
    },
    {
      name: "open more than 20 days",
      email: "lead@example.org",
      query: "openDays=20",
      extra: `${openIn} and julianday('now') - julianday(r.requested_at) >= 20`,
    },
    {
      name: "open more than 0 days",
      email: "supervisor@example.org",
      query: "openDays=0",
      extra: `${openIn}`,
    },
    {
      name: "type + overdue + status together",
      email: "lead@example.org",
      query: `overdue=1&status=submitted&youth=a`,
      extra: `r.due_on < ? and ${openIn} and r.status = 'submitted' and (instr(lower(y.first_name || ' ' || y.last_name), 'a') > 0 or instr(lower(y.case_number), 'a') > 0)`,
      params: [todayLA()],
    },
  ];

  it("the seed gives each filter something to find", () => {
    for (const f of cases().map(resolved)) {
      if (f.nonEmpty === false) continue;
      expect(expected(viewerOf(f.email), f.extra, f.params).length, f.name).toBeGreaterThan(0);
    }
  });

  for (const unresolved of cases()) {
    it(`${unresolved.email}: ${unresolved.name}`, async () => {
      const f = resolved(unresolved);
      const v = viewerOf(f.email);
      const want = expected(v, f.extra, f.params);
      const { queue } = await queueAs(f.email, `size=100&${f.query}`);
      expect(sorted(ids(queue.rows))).toEqual(ids(want));
      expect(queue.total).toBe(want.length);
      // Counts honour every filter but the status (so the status tabs stay meaningful).
      const statusFree = f.extra.replace(/ and r\.status = '\w+'|^r\.status = '\w+'$/, "") || "1";
      expect(queue.counts).toEqual(expectedCounts(v, statusFree, f.params));
    });
  }

  it("marks exactly the overdue rows", async () => {
    const v = viewerOf("lead@example.org");
    const overdue = ids(expected(v, `r.due_on < ? and ${openIn}`, [todayLA()]));
    const { queue } = await queueAs(v.email, "size=100");
    expect(sorted(queue.rows.filter((r) => r.overdue).map((r) => r.id))).toEqual(overdue);
  });

  it("ignores filter values that are not allowed instead of failing or leaking", async () => {
    const all = await queueAs("advocate@example.org", "size=100");
    for (const query of [
      "type=pony",
      "status=concern",
      "advocate=abc",
      "openDays=-5",
      "openDays=abc",
      "openDays=99999",
      "overdue=yes",
      "type=",
      "status=",
    ]) {
      const { queue } = await queueAs("advocate@example.org", `size=100&${query}`);
      expect(sorted(ids(queue.rows)), query).toEqual(sorted(ids(all.queue.rows)));
    }
  });
});

describe("sorting", () => {
  const NOW = () => new Date().toISOString();
  // Sort keys, computed in SQL here; "nulls last whichever the direction" for due date and amount.
  const FIELDS: Record<string, { key: string; nullsLast?: boolean; then?: string }> = {
    requestedAt: { key: "r.requested_at" },
    dueOn: { key: "r.due_on", nullsLast: true },
    daysOpen: { key: "julianday(coalesce(r.closed_at, ?)) - julianday(r.requested_at)" },
    type: { key: "r.type" },
    status: { key: "r.status" },
    youth: { key: "y.last_name", then: "y.first_name" },
    amount: { key: "r.amount_cents", nullsLast: true },
  };

  function keyed(v: Viewer, field: string, desc: boolean): Array<{ id: number; k: unknown }> {
    const f = FIELDS[field]!;
    const dir = desc ? "desc" : "asc";
    const keyExpr = f.then ? `${f.key} || char(0) || ${f.then}` : f.key;
    const order = [f.nullsLast ? `(${f.key}) is null` : null, `${f.key} ${dir}`, f.then ? `${f.then} ${dir}` : null]
      .filter(Boolean)
      .join(", ");
    const { where, params } = visibleWhere(v);
    // daysOpen's key has one "?" (now) in the select list and one in the ORDER BY.
    const now = NOW();
    const selectParams = field === "daysOpen" ? [now] : [];
    const orderParams = field === "daysOpen" ? [now] : [];
    return c
      .prepare(`select r.id, ${keyExpr} as k from resource_requests r join youth y on y.id = r.youth_id where ${where} order by ${order}`)
      .all(...selectParams, ...params, ...orderParams) as Array<{ id: number; k: unknown }>;
  }

  for (const email of ["lead@example.org", "advocate@example.org"]) {
    for (const field of Object.keys(FIELDS)) {
      for (const desc of [false, true]) {
        it(`${email}: sort=${field}.${desc ? "desc" : "asc"} follows an ORDER BY on ${FIELDS[field]!.key}`, async () => {
          const v = viewerOf(email);
          const want = keyed(v, field, desc);
          const keyOf = new Map(want.map((w) => [w.id, w.k]));
          const { queue, sort } = await queueAs(email, `size=100&sort=${field}.${desc ? "desc" : "asc"}`);
          expect(sort).toEqual({ id: field, desc });
          expect(queue.rows).toHaveLength(want.length);
          // Same sequence of sort keys (ties may come in any order) ...
          const got = queue.rows.map((r) => keyOf.get(r.id));
          if (field === "daysOpen") {
            // Fractional days move on while the test runs: compare the order, not the values.
            const g = got as number[];
            for (let i = 1; i < g.length; i++) {
              if (desc) expect(g[i - 1]! + 1e-6, `row ${i}`).toBeGreaterThanOrEqual(g[i]!);
              else expect(g[i - 1]!, `row ${i}`).toBeLessThanOrEqual(g[i]! + 1e-6);
            }
          } else {
            expect(got).toEqual(want.map((w) => w.k));
          }
          // ... over exactly the same rows.
          expect(sorted(ids(queue.rows))).toEqual(sorted(ids(want)));
        });
      }
    }
  }

  it("sorting by days open puts the displayed days open in order", async () => {
    for (const desc of [false, true]) {
      const { queue } = await queueAs("lead@example.org", `size=100&sort=daysOpen.${desc ? "desc" : "asc"}`);
      const shown = queue.rows.map((r) => r.daysOpen);
      const inOrder = [...shown].sort((a, b) => (desc ? b - a : a - b));
      expect(shown, `daysOpen.${desc ? "desc" : "asc"}`).toEqual(inOrder);
    }
  });

  it("a sort field outside the whitelist, or garbage, falls back to newest first", async () => {
    const fallback = await queueAs("lead@example.org", "size=100");
    expect(fallback.sort).toEqual({ id: "requestedAt", desc: true });
    const newestFirst = keyed(viewerOf("lead@example.org"), "requestedAt", true).map((w) => w.k);
    const keyOf = new Map(keyed(viewerOf("lead@example.org"), "requestedAt", true).map((w) => [w.id, w.k]));
    expect(fallback.queue.rows.map((r) => keyOf.get(r.id))).toEqual(newestFirst);
    for (const bad of [
      "id.asc",
      "requested_at.asc",
      "amount_cents.desc",
      "youth.sideways",
      "type",
      "type.asc;drop table users",
      "(select 1).asc",
      ".asc",
    ]) {
      const got = await queueAs("lead@example.org", `size=100&sort=${encodeURIComponent(bad)}`);
      expect(got.sort, bad).toEqual({ id: "requestedAt", desc: true });
      expect(ids(got.queue.rows), bad).toEqual(ids(fallback.queue.rows));
    }
    // The server function itself refuses an unknown field too (it ends up in an ORDER BY).
    const viewer = (await getViewer(await getAs(db, "lead@example.org", "/requests")))!;
    const direct = listRequestQueue(viewer, { page: 1, size: 100, sort: { id: "id; drop table users", desc: true } });
    expect(ids(direct.rows)).toEqual(ids(fallback.queue.rows));
  });
});

describe("paging", () => {
  it("size 10, page 2: ten rows, none of page 1's, the right ones, and the right total", async () => {
    const v = viewerOf("lead@example.org");
    const want = keyed(v);
    expect(want.length).toBeGreaterThan(20);
    const p1 = await queueAs(v.email, "size=10&page=1");
    const p2 = await queueAs(v.email, "size=10&page=2");
    expect(p1.queue.rows).toHaveLength(10);
    expect(p2.queue.rows).toHaveLength(10);
    expect(p2.queue.page).toBe(2);
    expect(p2.queue.size).toBe(10);
    expect(p2.queue.total).toBe(want.length);
    const first = new Set(ids(p1.queue.rows));
    expect(ids(p2.queue.rows).filter((id) => first.has(id))).toEqual([]);
    // Newest first: page 2 is rows 11-20 of our own ORDER BY.
    expect(ids(p1.queue.rows)).toEqual(want.slice(0, 10).map((w) => w.id));
    expect(ids(p2.queue.rows)).toEqual(want.slice(10, 20).map((w) => w.id));

    function keyed(viewer: Viewer) {
      const { where, params } = visibleWhere(viewer);
      return c
        .prepare(
          `select r.id from resource_requests r join youth y on y.id = r.youth_id where ${where} order by r.requested_at desc, r.id desc`,
        )
        .all(...params) as Array<{ id: number }>;
    }
  });

  it("walking every page, sorted by a column with many ties, returns each visible row exactly once", async () => {
    const v = viewerOf("lead@example.org");
    const all = expected(v);
    const allSeen: number[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 10); page++) {
      const { queue } = await queueAs(v.email, `size=10&page=${page}&sort=status.asc`);
      expect(queue.rows.length, `page ${page}`).toBe(Math.min(10, all.length - (page - 1) * 10));
      allSeen.push(...ids(queue.rows));
    }
    expect(allSeen).toHaveLength(all.length);
    expect(sorted(allSeen)).toEqual(ids(all));
    expect(new Set(allSeen).size).toBe(allSeen.length);
  });

  // Days open is paged by merging open requests (by when made) with closed ones (by how long they
  // were open): every page, in both directions, in any scope and under filters, must be exactly
  // that page of one ORDER BY over all of them.
  for (const [email, filter, where] of [
    ["lead@example.org", "", "1"],
    ["advocate@example.org", "", "1"],
    ["lead@example.org", "status=submitted", "r.status = 'submitted'"],
    ["lead@example.org", "overdue=1", `r.due_on < '${todayLA()}' and r.status in ('draft', 'submitted', 'approved')`],
    ["lead@example.org", "type=therapy", "r.type = 'therapy'"],
  ] as const) {
    for (const desc of [true, false]) {
      it(`${email}${filter ? `, ${filter}` : ""}: every page by days open ${desc ? "(longest first)" : "(shortest first)"} is that page of the whole order`, async () => {
        const v = viewerOf(email);
        const visible = visibleWhere(v);
        const dir = desc ? "desc" : "asc";
        const want = (
          c
            .prepare(
              `select r.id from resource_requests r join youth y on y.id = r.youth_id where ${visible.where} and ${where}
                order by julianday(coalesce(r.closed_at, ?)) - julianday(r.requested_at) ${dir}, r.id desc`,
            )
            .all(...visible.params, new Date().toISOString()) as Array<{ id: number }>
        ).map((r) => r.id);
        expect(want.length, "the demo has requests for this case").toBeGreaterThan(0);
        const seen: number[] = [];
        for (let page = 1; page <= Math.ceil(want.length / 10); page++) {
          const { queue } = await queueAs(email, `size=10&page=${page}&sort=daysOpen.${dir}${filter ? `&${filter}` : ""}`);
          expect(queue.page).toBe(page);
          expect(queue.total).toBe(want.length);
          seen.push(...ids(queue.rows));
        }
        expect(seen).toEqual(want);
      });
    }
  }

  it("overdue, newest first, page by page, is exactly the overdue requests in that order", async () => {
    const v = viewerOf("lead@example.org");
    const visible = visibleWhere(v);
    const want = (
      c
        .prepare(
          `select r.id from resource_requests r join youth y on y.id = r.youth_id where ${visible.where}
            and r.due_on < ? and r.status in ('draft', 'submitted', 'approved') order by r.requested_at desc, r.id desc`,
        )
        .all(...visible.params, todayLA()) as Array<{ id: number }>
    ).map((r) => r.id);
    expect(want.length).toBeGreaterThan(1);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(want.length / 10); page++) {
      seen.push(...ids((await queueAs(v.email, `size=10&page=${page}&overdue=1`)).queue.rows));
    }
    expect(seen).toEqual(want);
  });

  it("a page past the end shows the last page; garbage pages and sizes fall back safely", async () => {
    const v = viewerOf("lead@example.org");
    const total = expected(v).length;
    const lastPage = Math.ceil(total / 10);
    const past = await queueAs(v.email, "size=10&page=999");
    expect(past.queue.page).toBe(lastPage);
    expect(past.queue.rows).toHaveLength(total - (lastPage - 1) * 10);
    for (const page of ["0", "-1", "abc", "1.5", "1e2", ""]) {
      const got = await queueAs(v.email, `size=10&page=${encodeURIComponent(page)}`);
      expect(got.queue.page, `page=${page}`).toBe(1);
      expect(got.queue.rows, `page=${page}`).toHaveLength(10);
    }
    for (const size of ["7", "0", "100000", "-10", "abc"]) {
      const got = await queueAs(v.email, `size=${encodeURIComponent(size)}`);
      expect(got.queue.size, `size=${size}`).toBe(25);
      expect(got.queue.rows, `size=${size}`).toHaveLength(Math.min(25, total));
    }
  });
});

describe("it happens in SQL, not in memory", () => {
  type Captured = { sql: string; rows: number };

  /** Runs `fn` while recording every statement prepared on the app's connection and how many rows each returned. */
  async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Captured[] }> {
    const client = c as Database.Database & { prepare: Database.Database["prepare"] };
    const original = client.prepare;
    const statements: Captured[] = [];
    client.prepare = function (this: Database.Database, source: string) {
      const stmt = original.call(this, source) as Database.Statement;
      const record: Captured = { sql: source, rows: 0 };
      statements.push(record);
      const wrap = (name: "all" | "get" | "iterate") => {
        const fnOrig = stmt[name] as (...args: unknown[]) => unknown;
        (stmt as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
          const out = fnOrig.apply(stmt, args);
          if (name === "all") record.rows += (out as unknown[]).length;
          else if (name === "get") record.rows += out === undefined ? 0 : 1;
          else {
            const it = out as IterableIterator<unknown>;
            return (function* () {
              for (const x of it) {
                record.rows += 1;
                yield x;
              }
            })();
          }
          return out;
        };
      };
      wrap("all");
      wrap("get");
      wrap("iterate");
      return stmt;
    } as typeof original;
    try {
      return { result: await fn(), statements };
    } finally {
      client.prepare = original;
    }
  }

  const onRequests = (s: Captured) => /"resource_requests"|\bresource_requests\b/i.test(s.sql);

  it("the page of rows comes from one LIMIT/OFFSET query with ORDER BY, fetching exactly one page", async () => {
    const v = viewerOf("lead@example.org");
    const total = expected(v).length;
    expect(total).toBeGreaterThan(20);
    const { result, statements } = await capture(() => queueAs(v.email, "size=10&page=2&sort=amount.desc"));
    expect(result.queue.rows).toHaveLength(10);
    const pageQueries = statements.filter((s) => onRequests(s) && /\blimit\b/i.test(s.sql));
    expect(pageQueries, statements.map((s) => s.sql).join("\n---\n")).toHaveLength(1);
    const page = pageQueries[0]!;
    expect(page.sql).toMatch(/\border by\b/i);
    expect(page.sql).toMatch(/"amount_cents"/);
    expect(page.sql).toMatch(/\boffset\b/i);
    expect(page.rows).toBe(10);
    // Counts come from the database too (grouped), not from fetching every request: for a lead
    // without filters, summed from the counts kept by triggers, not counted over the requests.
    const countQueries = statements.filter((s) => /\b(count|sum)\(/i.test(s.sql) && /group by/i.test(s.sql));
    expect(countQueries.some((s) => /"report_request_counts"/.test(s.sql))).toBe(true);
    expect(countQueries.some((s) => onRequests(s) && /group by "resource_requests"\."status"/i.test(s.sql))).toBe(false);
    // No statement run for the page fetched more than a page's worth of rows.
    for (const s of statements) expect(s.rows, s.sql).toBeLessThanOrEqual(10);
    const fetched = statements.filter(onRequests).reduce((n, s) => n + s.rows, 0);
    expect(fetched).toBeLessThan(total);
  });

  const filterCases: Array<{ query: string; predicate: RegExp }> = [
    { query: "type=therapy", predicate: /"resource_requests"\."type" = \?/ },
    { query: "youth=ramir", predicate: /youth_search match \?/i },
    { query: "youth=ra", predicate: /like \? escape/i },
    { query: "overdue=1", predicate: /"resource_requests"\."due_on" < \?/ },
    { query: "openDays=10", predicate: /"resource_requests"\."requested_at" <= \?/ },
    { query: "status=submitted", predicate: /"resource_requests"\."status" = \?/ },
    { query: `advocate=ADVOCATE2`, predicate: /"youth_assignments"/ },
  ];
  for (const f of filterCases) {
    it(`filter ${f.query} is a WHERE predicate of the page query, and the page fetched is the page shown`, async () => {
      const query = f.query.replace("ADVOCATE2", String(userId(c, "advocate2@example.org")));
      const { result, statements } = await capture(() => queueAs("lead@example.org", `size=10&${query}`));
      const page = statements.filter((s) => onRequests(s) && /\blimit\b/i.test(s.sql));
      expect(page).toHaveLength(1);
      const where = page[0]!.sql.slice(page[0]!.sql.search(/\bwhere\b/i));
      expect(where).toMatch(f.predicate);
      expect(page[0]!.rows).toBe(result.queue.rows.length);
      expect(page[0]!.rows).toBeLessThanOrEqual(10);
    });
  }
});
