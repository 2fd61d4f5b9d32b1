/**
 * The private calendar feed over HTTP from the production server (issue 14), as a calendar
 * service fetches it: no cookie sent or set, iCalendar with the private no-store headers, only
 * neutral events linking to APP_URL; an unknown token is a bare 404.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { demoYouthId } from "../helpers/db";
import { startServer, type TestServer } from "../helpers/server";
import { concernTraces } from "../helpers/wire";

const APP_URL = "https://casa.example.org";
let server: TestServer;
let token: string;
/** The CSEC MDT of the advocate's youth with a concern someone else raised, and every stored trace of that concern. */
let hiddenMeetings: number[];
let traces: string[];

beforeAll(async () => {
  server = await startServer({ env: { APP_URL } });
  token = randomBytes(32).toString("base64url");
  const db = new Database(server.databasePath);
  try {
    db.prepare("update users set calendar_token = ?, calendar_actions = 1 where email = 'advocate@example.org'").run(token);
    const concernYouth = demoYouthId(db, DEMO_YOUTH.advocateConcernBySomeoneElse);
    hiddenMeetings = (
      db.prepare("select id from mdt_meetings where youth_id = ? and type = 'csec_mdt'").all(concernYouth) as Array<{ id: number }>
    ).map((m) => m.id);
    traces = concernTraces(db, concernYouth);
  } finally {
    db.close();
  }
});
afterAll(async () => {
  await server?.stop();
});

describe("GET /calendar/<token>.ics", () => {
  it("serves the advocate's neutral feed with private, uncached headers and no cookie", async () => {
    const res = await fetch(`${server.url}/calendar/${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = (await res.text()).replace(/\r?\n[ \t]/g, "");
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const summaries = [...body.matchAll(/^SUMMARY:(.*)\r$/gm)].map((m) => m[1]);
    expect(summaries.length).toBeGreaterThan(3);
    for (const s of summaries) expect(s).toMatch(/^(MDT meeting|Action item due) \((\p{Lu}\. )*\p{Lu}\.\)$/u);
    expect(body).toMatch(new RegExp(`^URL;VALUE=URI:${APP_URL.replace(/\./g, "\\.")}/meetings/\\d+\r$`, "m"));
    expect(body).not.toMatch(/csec|exploit|traffick/i);
    // Nothing of the unconfirmed concern on the advocate's youth: not its CSEC MDT, not a trace of it.
    expect(hiddenMeetings.length).toBeGreaterThan(0);
    for (const id of hiddenMeetings) expect(body).not.toContain(`/meetings/${id}\r`);
    for (const t of [...traces, ...DEMO_SECRET_MARKERS]) expect(body.includes(t), t).toBe(false);
  });

  it("answers an unknown or malformed token with a bare 404", async () => {
    for (const path of [`/calendar/${randomBytes(32).toString("base64url")}.ics`, "/calendar/nothing.ics", `/calendar/${token}`]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe("Not found\n");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });
});
