/**
 * What crosses the wire for /youth/:youthId: the HTML and the `.data` loader response, from the
 * built app served for real. Hidden means never sent, so these tests read bytes, not the screen.
 *
 * The tests in this file run in order and share one server: the concern of
 * DEMO_YOUTH.advocateConcernBySomeoneElse is checked hidden first, then confirmed by the
 * supervisor, then checked visible with its basis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { redFlagLabel } from "../../app/domain/red-flags";
import { signIn, type Client } from "../helpers/http";
import { startServer, type TestServer } from "../helpers/server";
import { PROGRAM_ONE_TZ, localDateTime, utcDaysAgo } from "../helpers/dates";
import { concernTraces, decodeData, expectAbsent, fullName, openReadOnly, routeData, textOf, youthIdByName } from "../helpers/wire";

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

/** "Nov 19, 2026", as the app formats a calendar date. */
function formatCalendarDate(day: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function csecStatus(youthId: number): { status: string; basis: string | null; basis_on: string | null } | undefined {
  return db.prepare("select status, basis, basis_on from youth_csec_status where youth_id = ?").get(youthId) as
    { status: string; basis: string | null; basis_on: string | null } | undefined;
}
function countRows(table: "csec_status_events" | "contacts" | "csec_concerns", youthId: number): number {
  return (db.prepare(`select count(*) as n from ${table} where youth_id = ?`).get(youthId) as { n: number }).n;
}

type Party = { name: string; organization: string | null; phone: string | null; email: string | null };
function csecAdvocateParties(youthId: number): Party[] {
  return db
    .prepare("select name, organization, phone, email from case_parties where youth_id = ? and role = 'csec_advocate'")
    .all(youthId) as Party[];
}

describe("/youth/:id of a youth with a concern raised by someone else, as advocate@example.org", () => {
  const concernYouth = DEMO_YOUTH.advocateConcernBySomeoneElse;
  let youthId: number;
  let advocate: Client;
  /** Captured before anything changes: every stored CSEC fact of the youth. */
  let traces: string[];
  let flagLabels: string[];
  let csecParties: Party[];

  beforeAll(async () => {
    youthId = youthIdByName(db, concernYouth);
    advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    traces = concernTraces(db, youthId);
    const indicators = db.prepare("select distinct indicator from red_flags where youth_id = ?").all(youthId) as Array<{
      indicator: string;
    }>;
    flagLabels = indicators.map((r) => redFlagLabel(r.indicator));
    csecParties = csecAdvocateParties(youthId);
  });

  it("has the demo facts this test relies on", () => {
    expect(csecStatus(youthId)?.status).toBe("concern");
    expect(traces.length).toBeGreaterThan(3);
    expect(flagLabels.length).toBeGreaterThanOrEqual(2);
    // Every label is a real catalogue label, not the key echoed back.
    for (const label of flagLabels) expect(label).not.toMatch(/^[a-z_]+$/);
    expect(csecParties.length).toBeGreaterThan(0);
    expect(countRows("csec_status_events", youthId)).toBeGreaterThan(0);
  });

  it("sends the youth but no trace of the concern, its red flags, the CSEC advocate or the status history, in HTML or .data", async () => {
    const html = await advocate.get(`/youth/${youthId}`);
    const data = await advocate.get(`/youth/${youthId}.data`);
    expect(html.status).toBe(200);
    expect(data.status).toBe(200);

    // The youth is theirs, so the youth is there ...
    expect(textOf(html.text)).toContain(fullName(concernYouth));
    expect(data.text).toContain(concernYouth.firstName);
    expect(data.text).toContain(concernYouth.lastName);

    // ... but nothing of the concern.
    const partyFacts = csecParties.flatMap((p) => [p.name, p.phone, p.email, p.organization]).filter((v): v is string => !!v);
    const forbidden = [...traces, ...DEMO_SECRET_MARKERS, ...flagLabels, ...partyFacts];
    for (const [label, body] of [
      ["HTML", html.text],
      [".data", data.text],
    ] as const) {
      const text = textOf(body);
      const absent = (needle: string | RegExp) => expectAbsent(text, needle, label);
      for (const secret of forbidden) absent(secret);
      // No status value (also not JSON-escaped inside the inline hydration script), no badge, no role.
      absent(/\\?"concern\\?"/);
      absent("Concern, unconfirmed");
      absent("Concern (unconfirmed)");
      absent("csec_advocate");
      absent("CSEC advocate");
      // Not the review state of somebody else's concern ...
      absent("under_review");
      absent(/Under review/i);
      absent("You raised a concern");
      absent("your supervisor is reviewing it");
      // ... and no status-history entry: not the history panel, not a timeline entry, not its fields.
      absent("Status history");
      absent(/CSEC status: (None|Concern|Confirmed)/);
      absent("CSEC status confirmed");
      absent("fromStatus");
      absent("toStatus");
      absent("→");
      // Nor anything else tagged CSEC-sensitive on this youth (requests, the CSEC MDT).
      absent("CSEC MDT");
      absent(/csec_mdt|restoration_funds|Restoration funds/i);
    }
  });

  it("a visit the supervisor logs with the youth and the CSEC advocate together leaves no trace for the advocate", async () => {
    const youthData = async (client: Client) =>
      routeData<{ contacts: unknown[]; contactTotal: number; freshness: unknown[]; parties: unknown }>(
        await decodeData((await client.get(`/youth/${youthId}.data`)).text),
        "routes/youth-detail",
      )!;
    const before = await youthData(advocate);
    const csecPartyId = (
      db.prepare("select id from case_parties where youth_id = ? and role = 'csec_advocate' and ended_on is null").get(youthId) as {
        id: number;
      }
    ).id;
    const summary = "Visit with the youth and the CSEC advocate together (zq-wire-multi-party)";
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const logged = await supervisor.post(`/youth/${youthId}`, {
      intent: "log-contact",
      with: ["youth", String(csecPartyId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
      method: "in_person",
      summary,
    });
    expect(logged.status).toBe(302);
    const contactId = (db.prepare("select id from contacts where summary = ?").get(summary) as { id: number }).id;
    expect(db.prepare("select party_id from contact_parties where contact_id = ?").all(contactId)).toEqual([{ party_id: csecPartyId }]);

    // The supervisor, who may know of the concern, sees it (the control) ...
    expect(textOf((await supervisor.get(`/youth/${youthId}`)).text)).toContain(summary);
    // ... the advocate gets the same list, count, freshness and team as before, and not a byte of it.
    const after = await youthData(advocate);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.contactTotal).toBe(before.contactTotal);
    expect(after.freshness).toEqual(before.freshness);
    expect(after.parties).toEqual(before.parties);
    for (const path of [
      `/youth/${youthId}`,
      `/youth/${youthId}.data`,
      `/youth/${youthId}?with=youth`,
      `/youth/${youthId}?with=${csecPartyId}`,
    ]) {
      const body = textOf((await advocate.get(path)).text);
      expectAbsent(body, summary, path);
      expectAbsent(body, "zq-wire-multi-party", path);
      expectAbsent(body, `/contacts/${contactId}/`, path);
    }
  });

  it("cannot confirm the status themself: 403, and nothing changes", async () => {
    const before = csecStatus(youthId);
    const eventsBefore = countRows("csec_status_events", youthId);
    const res = await advocate.post(`/youth/${youthId}/csec`, { intent: "confirm", basis: "court_finding", basisOn: utcDaysAgo(3) });
    expect(res.status).toBe(403);
    expect(res.location).toBeNull();
    expect(csecStatus(youthId)).toEqual(before);
    expect(csecStatus(youthId)?.status).toBe("concern");
    expect(countRows("csec_status_events", youthId)).toBe(eventsBefore);
    // The 403 page says why, and still gives nothing of the concern away.
    expect(textOf(res.text)).toContain("Only the youth's supervisor or the program lead");
    for (const secret of [...traces, ...DEMO_SECRET_MARKERS, ...flagLabels]) expectAbsent(textOf(res.text), secret, "the 403 page");
  });

  it("after the supervisor confirms it (court finding), sees Confirmed with the basis and its date, and the CSEC advocate", async () => {
    const basisOn = utcDaysAgo(5);
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const res = await supervisor.post(`/youth/${youthId}/csec`, { intent: "confirm", basis: "court_finding", basisOn });
    expect([302, 303]).toContain(res.status);
    expect(res.location).toMatch(new RegExp(`^/youth/${youthId}(\\?|#|$)`));
    expect(csecStatus(youthId)).toEqual({ status: "confirmed", basis: "court_finding", basis_on: basisOn });

    const html = await advocate.get(`/youth/${youthId}`);
    const data = await advocate.get(`/youth/${youthId}.data`);
    expect(html.status).toBe(200);
    expect(data.status).toBe(200);
    const text = textOf(html.text);
    expect(text).toContain("Confirmed");
    expect(text).toContain("Court finding");
    expect(text).toContain(formatCalendarDate(basisOn));
    expect(data.text).toContain("court_finding");
    expect(data.text).toContain(basisOn);

    // Confirmed, the CSEC advocate follows the status's visibility: now the advocate sees them.
    for (const party of csecParties) {
      expect(text).toContain(party.name);
      if (party.phone) expect(text).toContain(party.phone);
      if (party.email) expect(text).toContain(party.email);
      expect(data.text).toContain(party.name);
    }
    expect(text).toContain("CSEC advocate");

    // What stays with the small circle stays there: the concern's notes and red flags, the history.
    for (const secret of DEMO_SECRET_MARKERS) {
      expectAbsent(text, secret, "HTML");
      expectAbsent(data.text, secret, ".data");
    }
    expectAbsent(text, "Status history", "HTML");
  });
});

describe("/youth/:id for others", () => {
  it("gives an admin a 403, with no case content, for the page and its data", async () => {
    const youthId = youthIdByName(db, DEMO_YOUTH.advocateNone);
    const admin = await signIn(server.url, "admin@example.org", DEMO_PASSWORD);
    for (const path of [`/youth/${youthId}`, `/youth/${youthId}.data`]) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(403);
      expect(res.text).not.toContain(DEMO_YOUTH.advocateNone.lastName);
    }
  });

  it("gives the lead of another program a 404 for program one's youth", async () => {
    const lead2 = await signIn(server.url, "lead@second.example.org", DEMO_PASSWORD);
    for (const y of [DEMO_YOUTH.advocateNone, DEMO_YOUTH.advocateConcernBySomeoneElse]) {
      const youthId = youthIdByName(db, y);
      for (const path of [`/youth/${youthId}`, `/youth/${youthId}.data`]) {
        const res = await lead2.get(path);
        expect(res.status, path).toBe(404);
        expect(res.text).not.toContain(y.lastName);
      }
    }
  });

  it("answers 404 for an id that is not a number", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    for (const path of ["/youth/abc", "/youth/1abc", "/youth/-1", "/youth/abc.data"]) {
      const res = await advocate.get(path);
      expect(res.status, path).toBe(404);
    }
  });
});

describe("logging a contact without a summary (no JavaScript: a plain form POST)", () => {
  it("answers 400 with the form still filled and the message tied to the field, and writes nothing", async () => {
    const youthId = youthIdByName(db, DEMO_YOUTH.advocateNone);
    const party = db.prepare("select id, name from case_parties where youth_id = ? and role = 'csw' and ended_on is null").get(youthId) as {
      id: number;
      name: string;
    };
    expect(party).toBeDefined();
    const contactsBefore = countRows("contacts", youthId);
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);

    const occurredAt = `${utcDaysAgo(2)}T14:35`;
    const res = await advocate.post(`/youth/${youthId}`, {
      intent: "log-contact",
      with: String(party.id),
      occurredAt,
      method: "video",
      summary: "",
    });
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    const html = res.text;

    // What was typed is still there.
    expect(html).toMatch(
      new RegExp(`<input[^>]*name="occurredAt"[^>]*value="${occurredAt}"|<input[^>]*value="${occurredAt}"[^>]*name="occurredAt"`),
    );
    // The box ticked is still ticked, and the youth (ticked by default) is not.
    expect(html).toMatch(new RegExp(`<input type="checkbox" name="with" checked="" value="${party.id}"/>`));
    expect(html).toContain('<input type="checkbox" name="with" value="youth"/>');
    expect(html).toMatch(/<option value="video" selected="">Video call<\/option>/);

    // The message sits next to the field, and the field points at it.
    expect(html).toMatch(/<p class="field-error" id="summary-error">Write a short summary of the contact\.<\/p>/);
    const textarea = html.match(/<textarea[^>]*name="summary"[^>]*>/)?.[0] ?? "";
    expect(textarea).not.toBe("");
    expect(textarea).toMatch(/aria-describedby="[^"]*\bsummary-error\b[^"]*"/);
    expect(textarea).toContain('aria-invalid="true"');
    // The other fields have no message.
    expect(html).not.toContain('id="occurredAt-error"');
    expect(html).not.toContain('id="method-error"');
    expect(html).not.toContain('id="with-error"');
    expect(textOf(html)).toContain("One field needs your attention. Nothing was saved.");

    expect(countRows("contacts", youthId)).toBe(contactsBefore);
  });
});
