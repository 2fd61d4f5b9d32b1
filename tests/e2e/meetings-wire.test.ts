/**
 * What crosses the wire for MDT meetings (issue 5), from the built app served for real: the court
 * report draft for a youth with an unconfirmed concern (printed by a supervisor or the program
 * lead) carries no trace of it, and the youth's CSEC MDT does not exist for the advocate, who may
 * not see the concern: not in /meetings, the youth's page, the prep packets, and its own URL is a
 * 404. Hidden means never sent, so these tests read bytes (HTML and `.data`), not the screen.
 *
 * The tests run in order and share one server: DEMO_YOUTH.advocateConcernBySomeoneElse is checked
 * hidden first; the last block confirms its status and checks the court draft then says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { redFlagLabel } from "../../app/domain/red-flags";
import { requestTypeLabel } from "../../app/domain/requests";
import { signIn, type Client, type WireResponse } from "../helpers/http";
import { localDate, utcDaysAgo } from "../helpers/dates";
import { SENSITIVE_ACTION_SQL } from "../helpers/meetings";
import { startServer, type TestServer } from "../helpers/server";
import { concernTraces, decodeData, expectAbsent, fullName, openReadOnly, routeData, withoutNonce, youthIdByName } from "../helpers/wire";

let server: TestServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const TZ = "America/Los_Angeles";
const concernYouth = DEMO_YOUTH.advocateConcernBySomeoneElse;

/** The text a reader would find: React's `<!-- -->` separators out, the common entities decoded. */
function readable(body: string): string {
  return body
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** "Dec 4, 2026" for a calendar date, as the app formats one. */
function formatDay(day: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
/** "Dec 4, 2026, 1:00 PM" for an instant in the program's zone, as the app formats one. */
function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: TZ,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}
/** The calendar date of an instant in the program's zone. */
const localDay = (iso: string) => localDate(new Date(iso), TZ);

/** A link to meeting `id` (and not to meeting `id`0 ...). */
const meetingLink = (id: number) => new RegExp(`/meetings/${id}(?![0-9])`);

type CsecMeeting = { id: number; scheduled_at: string; notes: string | null; decisions: string | null };

let youthId: number;
let csecMeetings: CsecMeeting[];
/** Everything stored that reveals the concern; captured before the status changes. */
let secrets: string[];
let csecPartyName: string;

/** A CSEC MDT the supervisor held on the youth last week, with decisions and an action item: court-facing output must leave it out. */
const HELD_DECISIONS = `Refer to the specialised CSEC advocate program (wire ${Date.now().toString(36)})`;
const HELD_ACTION = `Follow up with the CSEC unit after the CSEC MDT (wire ${Date.now().toString(36)})`;

beforeAll(async () => {
  youthId = youthIdByName(db, concernYouth);
  const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
  const when = new Date(Date.now() - 9 * 86_400_000);
  const p: Record<string, string> = {};
  for (const x of new Intl.DateTimeFormat("en-US", {
    timeZone: TZ,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(when)) {
    p[x.type] = x.value;
  }
  const scheduled = await supervisor.post(`/youth/${youthId}/meetings/new`, {
    scheduledAt: `${p.year}-${p.month}-${p.day}T10:00`,
    type: "csec_mdt",
    location: "CASA office, small room",
  });
  expect(scheduled.status, scheduled.text.slice(0, 300)).toBeGreaterThanOrEqual(300);
  const heldId = Number(/^\/meetings\/(\d+)/.exec(scheduled.location ?? "")?.[1]);
  expect(heldId).toBeGreaterThan(0);
  // A meeting just scheduled is at version 1, the version its record form carries.
  const recorded = await supervisor.post(`/meetings/${heldId}`, {
    intent: "record",
    decisions: HELD_DECISIONS,
    notes: "Held with the CSW.",
    baseVersion: "1",
  });
  expect([302, 303]).toContain(recorded.status);
  const added = await supervisor.post(`/meetings/${heldId}`, {
    intent: "add-action",
    description: HELD_ACTION,
    owner: "role:csw",
    dueOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
  });
  expect([302, 303]).toContain(added.status);
});

beforeAll(() => {
  csecMeetings = db
    .prepare("select id, scheduled_at, notes, decisions from mdt_meetings where youth_id = ? and type = 'csec_mdt' order by id")
    .all(youthId) as CsecMeeting[];
  const flagLabels = (
    db.prepare("select distinct indicator from red_flags where youth_id = ?").all(youthId) as Array<{ indicator: string }>
  ).map((r) => redFlagLabel(r.indicator));
  const parties = db
    .prepare("select name, organization, phone, email from case_parties where youth_id = ? and role = 'csec_advocate'")
    .all(youthId) as Array<Record<string, string | null>>;
  csecPartyName = parties[0]?.name ?? "";
  const sensitiveActions = (
    db.prepare(`select a.description from action_items a where a.youth_id = ? and ${SENSITIVE_ACTION_SQL}`).all(youthId) as Array<{
      description: string;
    }>
  ).map((r) => r.description);
  const agenda = (
    db
      .prepare(
        "select text from meeting_agenda_items where csec_sensitive = 1 and meeting_id in (select id from mdt_meetings where youth_id = ?)",
      )
      .all(youthId) as Array<{ text: string }>
  ).map((r) => r.text);
  secrets = [
    ...concernTraces(db, youthId),
    ...DEMO_SECRET_MARKERS,
    ...flagLabels,
    ...parties.flatMap((p) => [p.name, p.organization, p.phone, p.email]).filter((v): v is string => !!v),
    ...sensitiveActions,
    ...agenda,
    ...csecMeetings.flatMap((m) => [m.scheduled_at, m.notes, m.decisions]).filter((v): v is string => !!v),
  ];
});

describe("the demo facts these tests rely on", () => {
  it("the youth has a concern, red flags, a CSEC advocate, CSEC requests, an upcoming and a held CSEC MDT and CSEC-sensitive actions", () => {
    expect((db.prepare("select status from youth_csec_status where youth_id = ?").get(youthId) as { status: string }).status).toBe(
      "concern",
    );
    expect(csecMeetings.length).toBeGreaterThan(1);
    expect(csecMeetings.some((m) => m.scheduled_at > new Date().toISOString())).toBe(true);
    expect(csecMeetings.some((m) => m.decisions === HELD_DECISIONS)).toBe(true);
    expect(secrets).toEqual(expect.arrayContaining([HELD_DECISIONS, HELD_ACTION]));
    expect(csecPartyName).not.toBe("");
    const types = (db.prepare("select type from resource_requests where youth_id = ?").all(youthId) as Array<{ type: string }>).map(
      (r) => r.type,
    );
    expect(types).toEqual(expect.arrayContaining(["restoration_funds", "csec_advocate"]));
    expect(secrets.length).toBeGreaterThan(10);
  });
});

// ------------------------------------------------------------------------------------------

/** What the court draft must never carry while the status is a concern. */
function courtDraftNeedles(): Array<string | RegExp> {
  const needles: Array<string | RegExp> = [
    ...secrets,
    requestTypeLabel("restoration_funds"),
    requestTypeLabel("csec_advocate"),
    "Restoration funds",
    "CSEC advocate",
    "restoration_funds",
    "csec_advocate",
    "CSEC MDT",
    "csec_mdt",
    /\\?"concern\\?"/,
    /Concern \(unconfirmed\)|Concern, unconfirmed/,
    /CSEC status: /,
  ];
  // The CSEC MDTs' days, unless something the draft may show happened (or is due) that very day.
  const legit = new Set<string>();
  const days = (query: string) =>
    (db.prepare(query).all(youthId) as Array<{ v: string | null }>).forEach(
      (r) => r.v && legit.add(r.v.length === 10 ? r.v : localDay(r.v)),
    );
  days(`select a.due_on as v from action_items a where a.youth_id = ? and not ${SENSITIVE_ACTION_SQL}`);
  days(`select a.done_at as v from action_items a where a.youth_id = ? and not ${SENSITIVE_ACTION_SQL}`);
  days("select occurred_at as v from contacts where youth_id = ?");
  days("select requested_at as v from resource_requests where youth_id = ?");
  days("select closed_at as v from resource_requests where youth_id = ?");
  days("select started_on as v from placements where youth_id = ?");
  days("select ended_on as v from placements where youth_id = ?");
  days("select scheduled_at as v from mdt_meetings where youth_id = ? and type != 'csec_mdt'");
  for (const m of csecMeetings) {
    const day = localDay(m.scheduled_at);
    if (!legit.has(day)) needles.push(formatDay(day));
    needles.push(formatInstant(m.scheduled_at));
  }
  return needles;
}

/** What the default (six-month) court draft of the youth must show: non-sensitive, court-facing facts. */
function courtDraftExpected(): string[] {
  const since = new Date(Date.now() - 150 * 86_400_000).toISOString();
  const decisions = (
    db
      .prepare(
        "select decisions from mdt_meetings where youth_id = ? and type != 'csec_mdt' and status = 'held' and decisions is not null and scheduled_at >= ? and scheduled_at < ?",
      )
      .all(youthId, since, new Date().toISOString()) as Array<{ decisions: string }>
  ).map((r) => r.decisions);
  const openActions = (
    db
      .prepare(`select a.description from action_items a where a.youth_id = ? and a.status = 'open' and not ${SENSITIVE_ACTION_SQL}`)
      .all(youthId) as Array<{
      description: string;
    }>
  ).map((r) => r.description);
  const team = (
    db
      .prepare("select name from case_parties where youth_id = ? and ended_on is null and role in ('csw', 'attorney')")
      .all(youthId) as Array<{ name: string }>
  ).map((r) => r.name);
  const expected = [...decisions, ...openActions, ...team];
  expect(expected.length).toBeGreaterThan(2);
  return expected;
}

async function courtDraft(client: Client): Promise<{ html: WireResponse; data: WireResponse }> {
  const html = await client.get(`/youth/${youthId}/court-draft`);
  const data = await client.get(`/youth/${youthId}/court-draft.data`);
  return { html, data };
}

for (const email of ["supervisor@example.org", "lead@example.org"]) {
  describe(`the court draft printed by ${email} for a youth with an unconfirmed concern`, () => {
    it("is there, says only a confirmed status is included, and has no trace of the concern (HTML and .data)", async () => {
      const client = await signIn(server.url, email, DEMO_PASSWORD);
      const { html, data } = await courtDraft(client);
      expect(html.status).toBe(200);
      expect(data.status).toBe(200);
      const page = readable(html.text);
      expect(page).toContain("Only confirmed CSEC status is included");
      expect(page).toContain(fullName(concernYouth));
      expect(page).toContain("CASA court report");
      expect(data.text).toContain(concernYouth.lastName);

      for (const [where, body] of [
        ["HTML", page],
        [".data", readable(data.text)],
      ] as const) {
        for (const needle of courtDraftNeedles()) expectAbsent(body, needle, `${email} court draft ${where}`, 150);
      }

      // Not an empty draft: what the court may see is there (the team, the regular MDT's decisions, open actions).
      for (const text of courtDraftExpected()) expect(page.includes(text), `${email} court draft shows "${text}"`).toBe(true);

      const draft = routeData<{ draft: { csec: { kind: string }; team: Array<{ name: string }>; meetings: unknown[] } }>(
        await decodeData(data.text),
        "routes/court-draft",
      );
      expect(draft?.draft.csec).toEqual({ kind: "hidden" });
      expect(draft?.draft.team.map((t) => t.name)).not.toContain(csecPartyName);
    });

    it("the same with any period asked for", async () => {
      const client = await signIn(server.url, email, DEMO_PASSWORD);
      const to = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      for (const query of [`?from=2000-01-01&to=${to}`, `?from=${utcDaysAgo(30)}&to=${to}`]) {
        for (const suffix of ["", ".data"]) {
          const res = await client.get(`/youth/${youthId}/court-draft${suffix}${query}`);
          expect(res.status).toBe(200);
          for (const needle of courtDraftNeedles()) expectAbsent(readable(res.text), needle, `${email} court draft${suffix}${query}`, 150);
        }
      }
    });
  });
}

describe("the court draft of a youth with no CSEC status at all", () => {
  it("lists its open action items, whoever owns them (a team role or a user)", async () => {
    const none = youthIdByName(db, DEMO_YOUTH.advocateNone);
    const open = db
      .prepare(
        `select a.description, a.owner_user_id from action_items a where a.youth_id = ? and a.status = 'open' and not ${SENSITIVE_ACTION_SQL}`,
      )
      .all(none) as Array<{ description: string; owner_user_id: number | null }>;
    // The seed gives this youth open items owned by the advocate (a user).
    expect(open.filter((a) => a.owner_user_id !== null).length).toBeGreaterThan(0);
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const page = readable((await supervisor.get(`/youth/${none}/court-draft`)).text);
    for (const a of open)
      expect(page.includes(a.description), `the draft lists the open item "${a.description}" (owner user ${a.owner_user_id ?? "-"})`).toBe(
        true,
      );
  });
});

// ------------------------------------------------------------------------------------------

/**
 * What must not reach the advocate anywhere: the CSEC MDT, by link, time or contents. (The words
 * "CSEC MDT" themselves may: the advocate may see the CSEC MDTs of a youth who is confirmed.)
 */
function meetingNeedles(): Array<string | RegExp> {
  return [...secrets, ...csecMeetings.flatMap((m) => [meetingLink(m.id), m.scheduled_at, formatInstant(m.scheduled_at)])];
}

/** The table rows (`<tr>...</tr>`) of an HTML page that link to the youth. */
function rowsOfYouth(html: string): string[] {
  return (html.match(/<tr[\s\S]*?<\/tr>/g) ?? []).filter((row) => new RegExp(`/youth/${youthId}(?![0-9])`).test(row));
}

/** A visible (not CSEC) meeting of the youth in the next `days` days, if any. */
function otherUpcomingMeeting(days: number): boolean {
  const now = new Date();
  const row = db
    .prepare(
      "select count(*) as n from mdt_meetings where youth_id = ? and type != 'csec_mdt' and status = 'scheduled' and scheduled_at >= ? and scheduled_at < ?",
    )
    .get(youthId, now.toISOString(), new Date(now.getTime() + days * 86_400_000).toISOString()) as { n: number };
  return row.n > 0;
}

describe("the youth's CSEC MDT, for advocate@example.org (who may not see the concern)", () => {
  let advocate: Client;
  beforeAll(async () => {
    advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
  });

  async function expectNothing(path: string, extra: Array<string | RegExp> = []) {
    for (const suffix of ["", ".data"]) {
      const [base, query] = path.split("?") as [string, string | undefined];
      const url = `${base}${suffix}${query ? `?${query}` : ""}`;
      const res = await advocate.get(url);
      expect(res.status, url).toBe(200);
      const body = readable(res.text);
      for (const needle of [...meetingNeedles(), ...extra]) expectAbsent(body, needle, `advocate ${url}`, 150);
    }
  }

  it("is not in /meetings (HTML and .data)", async () => {
    await expectNothing("/meetings");
    const html = readable((await advocate.get("/meetings")).text);
    // The list itself works: the advocate's other meetings are there ...
    expect(html).toContain(fullName(DEMO_YOUTH.advocateNone));
    // ... and no row of this youth is a CSEC MDT.
    for (const row of rowsOfYouth(html)) expectAbsent(row, "CSEC MDT", "advocate /meetings, a row of the youth", 150);
    type Rows = { rows: Array<{ youthId: number; type: string }>; total: number };
    const data = routeData<{ upcoming: Rows; recent: Rows }>(
      await decodeData((await advocate.get("/meetings.data")).text),
      "routes/meetings-list",
    );
    expect(data?.upcoming.rows.length).toBeGreaterThan(0);
    // Every one of the advocate's meetings is on the first page: nothing is hidden by paging.
    expect(data?.upcoming.rows.length).toBe(data?.upcoming.total);
    expect(data?.recent.rows.length).toBe(data?.recent.total);
    const ofYouth = [...(data?.upcoming.rows ?? []), ...(data?.recent.rows ?? [])].filter((m) => m.youthId === youthId);
    expect(ofYouth.map((m) => m.type)).not.toContain("csec_mdt");
  });

  it("is not on the youth's page (HTML and .data)", async () => {
    await expectNothing(`/youth/${youthId}`, ["CSEC MDT", "csec_mdt"]);
    expect(readable((await advocate.get(`/youth/${youthId}`)).text)).toContain(fullName(concernYouth));
  });

  it("is not in the youth's prep packet (HTML and .data)", async () => {
    await expectNothing(`/youth/${youthId}/prep`, ["CSEC MDT", "csec_mdt"]);
    const page = readable((await advocate.get(`/youth/${youthId}/prep`)).text);
    expect(page).toContain(fullName(concernYouth));
    if (!otherUpcomingMeeting(3650)) expect(page).toContain("No meeting scheduled.");
  });

  it("is not in the 7-day prep packets, nor is the youth there because of it (HTML and .data)", async () => {
    const extra = otherUpcomingMeeting(7) ? [] : [fullName(concernYouth), concernYouth.lastName];
    await expectNothing("/prep", extra);
    expect(readable((await advocate.get("/prep")).text)).toContain(fullName(DEMO_YOUTH.advocateNone));
  });

  it("its URL is a 404 (HTML and .data), the same 404 as a meeting that does not exist", async () => {
    const missingId = 9_999_999;
    for (const m of csecMeetings) {
      for (const suffix of ["", ".data"]) {
        const res = await advocate.get(`/meetings/${m.id}${suffix}`);
        expect(res.status, `/meetings/${m.id}${suffix}`).toBe(404);
        const body = readable(res.text);
        for (const needle of [...secrets, "CSEC MDT", "csec_mdt", concernYouth.lastName])
          expectAbsent(body, needle, `advocate /meetings/${m.id}${suffix}`, 150);
        const none = await advocate.get(`/meetings/${missingId}${suffix}`);
        expect(none.status).toBe(404);
        const same = (text: string, id: number) => withoutNonce(text).replaceAll(`/meetings/${id}`, "/meetings/ID");
        expect(same(res.text, m.id)).toBe(same(none.text, missingId));
      }
    }
  });
});

describe("the youth's CSEC MDT, for supervisor@example.org (who may)", () => {
  let supervisor: Client;
  beforeAll(async () => {
    supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
  });

  it("is in /meetings, on the youth's page, in the prep packets, and its page opens", async () => {
    const upcoming = csecMeetings.find((m) => m.scheduled_at > new Date().toISOString())!;
    for (const path of ["/meetings", `/youth/${youthId}`]) {
      const html = readable((await supervisor.get(path)).text);
      expect(html, path).toMatch(meetingLink(upcoming.id));
      expect(html, path).toContain("CSEC MDT");
      expect((await supervisor.get(`${path}.data`)).text, `${path}.data`).toContain(upcoming.scheduled_at);
    }
    for (const path of [`/youth/${youthId}/prep`, "/prep"]) {
      const html = readable((await supervisor.get(path)).text);
      expect(html, path).toContain(fullName(concernYouth));
      expect(html, path).toContain(`Next meeting: CSEC MDT, ${formatInstant(upcoming.scheduled_at)}`);
    }
    const page = await supervisor.get(`/meetings/${upcoming.id}`);
    expect(page.status).toBe(200);
    expect(readable(page.text)).toContain(`CSEC MDT for ${fullName(concernYouth)}`);
    expect((await supervisor.get(`/meetings/${upcoming.id}.data`)).status).toBe(200);
  });
});

// ------------------------------------------------------------------------------------------

describe("once the status is confirmed", () => {
  it("the court draft says so, with the basis and its date", async () => {
    const basisOn = utcDaysAgo(4);
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const res = await supervisor.post(`/youth/${youthId}/csec`, {
      intent: "confirm",
      basis: "court_finding",
      basisOn,
      note: "Finding at the review hearing.",
    });
    expect([302, 303]).toContain(res.status);
    expect(db.prepare("select status, basis, basis_on from youth_csec_status where youth_id = ?").get(youthId)).toEqual({
      status: "confirmed",
      basis: "court_finding",
      basis_on: basisOn,
    });

    for (const email of ["supervisor@example.org", "lead@example.org"]) {
      const client = await signIn(server.url, email, DEMO_PASSWORD);
      const { html, data } = await courtDraft(client);
      expect(html.status).toBe(200);
      const page = readable(html.text);
      expect(page).toContain("Only confirmed CSEC status is included");
      expect(page).toContain(`CSEC status: confirmed (Court finding, ${formatDay(basisOn)}).`);
      const draft = routeData<{ draft: { csec: unknown; team: Array<{ name: string }> } }>(
        await decodeData(data.text),
        "routes/court-draft",
      );
      expect(draft?.draft.csec).toEqual({ kind: "confirmed", basis: "court_finding", basisOn });
      // What was held back before is now allowed (the needles above were real ones).
      expect(page).toContain(csecPartyName);
      expect(page).toContain("Restoration funds");
      expect(page).toContain("CSEC MDT");
      expect(page).toContain(HELD_DECISIONS);
      expect(page).toContain(HELD_ACTION);
    }
  });
});
