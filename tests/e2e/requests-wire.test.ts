/**
 * What crosses the wire about resource requests (issue 4), from the built app served for real.
 *
 * DEMO_YOUTH.advocateConcernBySomeoneElse is advocate@example.org's youth, with a concern raised
 * by the supervisor that the advocate may not see, and two submitted CSEC-sensitive requests (by
 * the supervisor): restoration funds and a CSEC advocate. For the advocate they do not exist:
 * not on the youth page, not in the queue (HTML or `.data`, whatever the filter), not at their
 * URL (404, the same page as for an id that never existed), not in the status counts. Once the
 * supervisor confirms the youth's status, the advocate sees them.
 *
 * The tests in this file run in order and share one server: hidden first, then confirmed, then
 * visible.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { signIn, type Client } from "../helpers/http";
import { localDate, PROGRAM_ONE_TZ } from "../helpers/dates";
import { demoYouthId, userId } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";
import { decodeData, expectAbsent, openReadOnly, routeData, textOf, withoutNonce } from "../helpers/wire";

let server: TestServer;
let db: Database.Database;
let advocate: Client;

type Hidden = {
  id: number;
  type: string;
  status: string;
  amount_cents: number | null;
  addressed_to_agency: string | null;
  party_name: string | null;
  description: string | null;
};

let youthId: number;
let hidden: Hidden[];
/** The advocate's "Submitted N" before the confirmation. */
let submittedBefore = Number.NaN;

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
  youthId = demoYouthId(db, DEMO_YOUTH.advocateConcernBySomeoneElse);
  hidden = db
    .prepare(
      `select r.id, r.type, r.status, r.amount_cents, r.addressed_to_agency, p.name as party_name, r.description
       from resource_requests r left join case_parties p on p.id = r.addressed_to_party_id
       where r.youth_id = ? and r.type in ('restoration_funds', 'csec_advocate') order by r.type desc`,
    )
    .all(youthId) as Hidden[];
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

function dollars(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
}

/** What would give a hidden request away, wherever it appears. */
function tracesOf(r: Hidden): Array<string | RegExp> {
  const out: Array<string | RegExp> = [`/requests/${r.id}"`, `/requests/${r.id}<`, new RegExp(`/requests/${r.id}(?![0-9])`)];
  if (r.amount_cents) out.push(dollars(r.amount_cents), new RegExp(`(?<![0-9])${r.amount_cents}(?![0-9])`));
  if (r.addressed_to_agency) out.push(r.addressed_to_agency);
  if (r.party_name) out.push(r.party_name);
  if (r.description) out.push(r.description);
  return out;
}

/** Agency names, party names and descriptions of requests the advocate does see (before the confirmation). */
function sharedWithVisible(): Set<string> {
  const rows = db
    .prepare(
      `select r.addressed_to_agency as a, p.name as p, r.description as d
       from resource_requests r join youth y on y.id = r.youth_id left join case_parties p on p.id = r.addressed_to_party_id
       where exists (select 1 from youth_assignments x where x.youth_id = y.id and x.user_id = ? and x.kind = 'advocate' and x.ended_on is null)
         and (r.type not in ('restoration_funds', 'csec_advocate')
              or coalesce((select s.status from youth_csec_status s where s.youth_id = y.id), 'none') = 'confirmed')`,
    )
    .all(userId(db, "advocate@example.org")) as Array<{ a: string | null; p: string | null; d: string | null }>;
  return new Set(rows.flatMap((r) => [r.a, r.p, r.d]).filter((v): v is string => v !== null));
}

/** Traces plus the type's own words: for pages that have no business naming a CSEC type at all. */
function tracesWithType(r: Hidden): Array<string | RegExp> {
  return [...tracesOf(r), "Restoration funds", "restoration_funds", "CSEC advocate", "csec_advocate", "Saving Innocence"];
}

/** Submitted requests on the advocate's youth, with and without the CSEC-sensitive ones they may not see. */
function submittedCounts(extra = "1"): { all: number; visible: number } {
  const advocateId = userId(db, "advocate@example.org");
  const base = `from resource_requests r join youth y on y.id = r.youth_id
    where r.status = 'submitted' and (${extra}) and exists (select 1 from youth_assignments a where a.youth_id = y.id
      and a.user_id = ? and a.kind = 'advocate' and a.ended_on is null)`;
  const all = (db.prepare(`select count(*) as n ${base}`).get(advocateId) as { n: number }).n;
  const visible = (
    db
      .prepare(
        `select count(*) as n ${base} and (r.type not in ('restoration_funds', 'csec_advocate')
          or coalesce((select s.status from youth_csec_status s where s.youth_id = y.id), 'none') = 'confirmed')`,
      )
      .get(advocateId) as { n: number }
  ).n;
  return { all, visible };
}

/** The "Submitted N" tab count in the queue's HTML. */
function submittedInHtml(html: string): number {
  const m = /Submitted\s*<span class="count">(\d+)<\/span>/.exec(textOf(html));
  if (!m) throw new Error("no Submitted count in the page");
  return Number(m[1]);
}

type QueueData = { queue: { rows: Array<{ id: number }>; counts: Record<string, number>; total: number } };
type YouthData = { requests: Array<{ id: number }> };

describe("as advocate@example.org, before the concern is confirmed", () => {
  it("the seed has the two hidden requests this file is about", () => {
    expect(hidden.map((h) => [h.type, h.status])).toEqual([
      ["restoration_funds", "submitted"],
      ["csec_advocate", "submitted"],
    ]);
    expect(hidden[0]!.amount_cents).toBeGreaterThan(0);
    const status = db.prepare("select status from youth_csec_status where youth_id = ?").get(youthId) as { status: string };
    expect(status.status).toBe("concern");
  });

  it("the youth page, as HTML and .data, lists the youth's other requests but not these", async () => {
    const html = await advocate.get(`/youth/${youthId}`);
    const data = await advocate.get(`/youth/${youthId}.data`);
    expect(html.status).toBe(200);
    expect(data.status).toBe(200);
    const decoded = routeData<YouthData>(await decodeData(data.text), "routes/youth-detail");
    expect(decoded, "youth-detail loader data").toBeDefined();
    const shown = decoded!.requests.map((r) => r.id);
    const others = (
      db
        .prepare("select id from resource_requests where youth_id = ? and type not in ('restoration_funds', 'csec_advocate') order by id")
        .all(youthId) as Array<{ id: number }>
    ).map((r) => r.id);
    expect([...shown].sort((a, b) => a - b)).toEqual(others);
    for (const h of hidden) {
      expect(shown).not.toContain(h.id);
      for (const body of [html.text, data.text]) for (const t of tracesWithType(h)) expectAbsent(body, t, `/youth/${youthId}`);
    }
  });

  for (const query of [
    "",
    "?type=restoration_funds",
    "?type=csec_advocate",
    "?status=submitted",
    `?youth=${DEMO_YOUTH.advocateConcernBySomeoneElse.lastName}`,
    "?size=100",
  ]) {
    it(`/requests${query} and its .data leave them out`, async () => {
      const html = await advocate.get(`/requests${query}`);
      const data = await advocate.get(`/requests.data${query}`);
      expect(html.status).toBe(200);
      expect(data.status).toBe(200);
      const decoded = routeData<QueueData>(await decodeData(data.text), "routes/requests-queue");
      expect(decoded, "requests-queue loader data").toBeDefined();
      for (const h of hidden) {
        expect(decoded!.queue.rows.map((r) => r.id)).not.toContain(h.id);
        // The queue's type filter names every type (the catalogue is public), and an agency may also
        // serve a request the advocate does see (a confirmed youth's); everything else must be absent.
        const shared = sharedWithVisible();
        const traces = tracesOf(h).filter((t) => typeof t !== "string" || !shared.has(t));
        expect(traces.length).toBeGreaterThanOrEqual(3);
        for (const body of [html.text, data.text]) for (const t of traces) expectAbsent(body, t, `/requests${query}`);
      }
      if (query.startsWith("?type=")) {
        // Only the ones on youth whose status is confirmed (Keyonna's) are counted.
        const type = query.slice("?type=".length);
        const submitted = submittedCounts(`r.type = '${type}'`);
        expect(submitted.all - submitted.visible).toBeGreaterThanOrEqual(1);
        expect(decoded!.queue.counts.submitted).toBe(submitted.visible);
        expect(submittedInHtml(html.text)).toBe(submitted.visible);
        const visibleOfType = (
          db
            .prepare(
              `select count(*) as n from resource_requests r join youth y on y.id = r.youth_id where r.type = ?
               and exists (select 1 from youth_assignments a where a.youth_id = y.id and a.user_id = ? and a.kind = 'advocate' and a.ended_on is null)
               and coalesce((select s.status from youth_csec_status s where s.youth_id = y.id), 'none') = 'confirmed'`,
            )
            .get(type, userId(db, "advocate@example.org")) as { n: number }
        ).n;
        expect(decoded!.queue.total).toBe(visibleOfType);
      }
    });
  }

  it("the Submitted count, in HTML and .data, leaves them out", async () => {
    const { all, visible } = submittedCounts();
    expect(all - visible).toBeGreaterThanOrEqual(2);
    const html = await advocate.get("/requests");
    const data = routeData<QueueData>(await decodeData((await advocate.get("/requests.data")).text), "routes/requests-queue")!;
    expect(submittedInHtml(html.text)).toBe(visible);
    expect(data.queue.counts.submitted).toBe(visible);
    submittedBefore = visible;
    // Filtered to the youth, the count is still only what the advocate may see.
    const lastName = DEMO_YOUTH.advocateConcernBySomeoneElse.lastName;
    const forYouth = submittedCounts(`y.last_name = '${lastName.replace(/'/g, "''")}'`);
    expect(forYouth.all - forYouth.visible).toBe(2);
    const filtered = await advocate.get(`/requests?youth=${encodeURIComponent(lastName)}`);
    expect(submittedInHtml(filtered.text)).toBe(forYouth.visible);
  });

  it("their URLs are 404, the very same page as for a request that never existed", async () => {
    const never = 987_654;
    const normalize = (body: string, id: number) =>
      withoutNonce(body).replaceAll(`/requests/${id}`, "/requests/ID").replaceAll(`"${id}"`, '"ID"');
    const missingHtml = await advocate.get(`/requests/${never}`);
    const missingData = await advocate.get(`/requests/${never}.data`);
    expect(missingHtml.status).toBe(404);
    expect(missingData.status).toBe(404);
    for (const h of hidden) {
      const html = await advocate.get(`/requests/${h.id}`);
      const data = await advocate.get(`/requests/${h.id}.data`);
      expect(html.status, `/requests/${h.id}`).toBe(404);
      expect(data.status, `/requests/${h.id}.data`).toBe(404);
      for (const body of [html.text, data.text]) for (const t of tracesWithType(h)) expectAbsent(body, t, `/requests/${h.id}`);
      expect(normalize(html.text, h.id)).toBe(normalize(missingHtml.text, never));
      expect(normalize(data.text, h.id)).toBe(normalize(missingData.text, never));
      // Acting on it is a 404 too, and changes nothing.
      const before = db.prepare("select status, version from resource_requests where id = ?").get(h.id);
      const post = await advocate.post(`/requests/${h.id}`, { action: "withdraw", version: "2" });
      expect(post.status).toBe(404);
      for (const t of tracesWithType(h)) expectAbsent(post.text, t, `POST /requests/${h.id}`);
      expect(db.prepare("select status, version from resource_requests where id = ?").get(h.id)).toEqual(before);
    }
  });

  it("the supervisor sees them meanwhile", async () => {
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    for (const h of hidden) {
      const page = await supervisor.get(`/requests/${h.id}`);
      expect(page.status).toBe(200);
    }
    const html = await supervisor.get(`/youth/${youthId}`);
    expect(textOf(html.text)).toContain("Restoration funds");
    expect(html.text).toContain(dollars(hidden[0]!.amount_cents!));
  });
});

describe("as advocate@example.org, a request addressed to the youth's (hidden) CSEC advocate", () => {
  it("does not reveal the CSEC advocate through its addressee, on the youth page, in the queue or at its URL", async () => {
    // The lead, who may see the concern, asks the youth's CSEC advocate for a medical referral:
    // an ordinary type, but its addressee is a CSEC advocate whom the advocate may not know of.
    const party = db
      .prepare("select id, name from case_parties where youth_id = ? and role = 'csec_advocate' and ended_on is null")
      .get(youthId) as { id: number; name: string } | undefined;
    expect(party, "the seed gives this youth a CSEC advocate party").toBeDefined();
    const lead = await signIn(server.url, "lead@example.org", DEMO_PASSWORD);
    const created = await lead.post(`/youth/${youthId}/requests/new`, {
      type: "medical",
      description: "Referral for a sexual-health check-up",
      addressedTo: String(party!.id),
      intent: "draft",
    });
    expect(created.status, created.text.slice(0, 300)).toBe(302);
    const id = Number(/\/requests\/(\d+)/.exec(created.location ?? "")?.[1]);
    expect(id).toBeGreaterThan(0);

    const leaks = [party!.name, "(CSEC advocate"];
    const pages = [
      `/youth/${youthId}`,
      `/youth/${youthId}.data`,
      "/requests",
      "/requests.data",
      `/requests?youth=${DEMO_YOUTH.advocateConcernBySomeoneElse.lastName}`,
    ];
    for (const path of pages) {
      const res = await advocate.get(path);
      expect(res.status, path).toBe(200);
      for (const leak of leaks) expectAbsent(res.text, leak, `${path} (request ${id} addressed to the CSEC advocate)`);
    }
    for (const path of [`/requests/${id}`, `/requests/${id}.data`]) {
      const res = await advocate.get(path);
      // Hidden altogether (404) or shown without its addressee: either way, no CSEC advocate.
      expect([200, 404], path).toContain(res.status);
      for (const leak of leaks) expectAbsent(res.text, leak, path);
    }
  });
});

describe("after supervisor@example.org confirms the youth's status", () => {
  it("the supervisor confirms it", async () => {
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const basisOn = localDate(new Date(Date.now() - 2 * 86_400_000), PROGRAM_ONE_TZ);
    const res = await supervisor.post(`/youth/${youthId}/csec`, { intent: "confirm", basis: "agency_csec_unit", basisOn });
    expect(res.status, res.text.slice(0, 300)).toBe(302);
    expect(res.location).toBe(`/youth/${youthId}?saved=confirmed#concerns`);
    const status = db.prepare("select status from youth_csec_status where youth_id = ?").get(youthId) as { status: string };
    expect(status.status).toBe("confirmed");
  });

  it("the advocate sees both requests on the youth page, in the queue, at their URLs, and in the counts", async () => {
    const youthData = routeData<YouthData>(await decodeData((await advocate.get(`/youth/${youthId}.data`)).text), "routes/youth-detail")!;
    const youthHtml = await advocate.get(`/youth/${youthId}`);
    for (const h of hidden) {
      expect(youthData.requests.map((r) => r.id)).toContain(h.id);
      expect(youthHtml.text).toContain(`/requests/${h.id}"`);
    }
    expect(textOf(youthHtml.text)).toContain("Restoration funds");
    expect(youthHtml.text).toContain(dollars(hidden[0]!.amount_cents!));

    const queue = routeData<QueueData>(
      await decodeData((await advocate.get("/requests.data?status=submitted&size=100")).text),
      "routes/requests-queue",
    )!;
    for (const h of hidden) expect(queue.queue.rows.map((r) => r.id)).toContain(h.id);
    const funds = routeData<QueueData>(
      await decodeData((await advocate.get("/requests.data?type=restoration_funds")).text),
      "routes/requests-queue",
    )!;
    expect(funds.queue.rows.map((r) => r.id)).toContain(hidden[0]!.id);

    const { visible } = submittedCounts();
    const html = await advocate.get("/requests");
    expect(submittedInHtml(html.text)).toBe(visible);
    expect(queue.queue.counts.submitted).toBe(visible);
    // Now the two are in the count: it went up by exactly two since the confirmation.
    expect(submittedInHtml(html.text)).toBe(submittedBefore + 2);

    for (const h of hidden) {
      const page = await advocate.get(`/requests/${h.id}`);
      expect(page.status).toBe(200);
      const data = await advocate.get(`/requests/${h.id}.data`);
      expect(data.status).toBe(200);
    }
    const funded = await advocate.get(`/requests/${hidden[0]!.id}`);
    expect(textOf(funded.text)).toContain("Restoration funds");
    expect(funded.text).toContain(dollars(hidden[0]!.amount_cents!));
  });
});
