/**
 * What crosses the wire for "/" (each role's home): the HTML and the `.data` loader response of
 * the built app served for real. The advocate's home carries nothing of a concern they may not
 * know of, and is byte for byte the same before and after the supervisor raises one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { RED_FLAGS } from "../../app/domain/red-flags";
import { signIn } from "../helpers/http";
import { PROGRAM_ONE_TZ, localDate } from "../helpers/dates";
import { startServer, type TestServer } from "../helpers/server";
import { concernTraces, openReadOnly, withoutNonce, youthIdByName } from "../helpers/wire";

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

describe("/ as advocate@example.org", () => {
  it("holds no trace of the concern on their youth that someone else raised, in HTML or .data", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const html = await advocate.get("/");
    const data = await advocate.get("/_root.data");
    expect(html.status).toBe(200);
    expect(data.status).toBe(200);
    expect(html.text).toContain("Missing now");
    const traces = concernTraces(db, youthIdByName(db, DEMO_YOUTH.advocateConcernBySomeoneElse));
    for (const body of [html.text, data.text]) {
      expect(body).not.toContain('"concerns"');
      expect(body).not.toMatch(/awaiting review/);
      for (const trace of [...traces, ...DEMO_SECRET_MARKERS]) expect(body).not.toContain(trace);
    }
  });

  it("/caseload holds no trace of it either, and no concerns column", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const traces = concernTraces(db, youthIdByName(db, DEMO_YOUTH.advocateConcernBySomeoneElse));
    for (const path of ["/caseload", "/caseload.data", "/caseload?sort=concerns.desc", "/caseload.data?sort=concerns.desc"]) {
      const res = await advocate.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain('"concerns"');
      expect(res.text, path).not.toMatch(/to review|awaiting review/);
      for (const trace of [...traces, ...DEMO_SECRET_MARKERS]) expect(res.text, path).not.toContain(trace);
    }
  });

  it("does not change, by a byte, when the supervisor raises a concern on one of the advocate's youth", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const pages = ["/", "/_root.data", "/caseload", "/caseload.data", "/youth?stale=1", "/actions?who=caseload"];
    const snapshot = async () => Promise.all(pages.map(async (p) => withoutNonce((await advocate.get(p)).text)));
    const pagesBefore = await snapshot();
    const before = { html: withoutNonce((await advocate.get("/")).text), data: (await advocate.get("/_root.data")).text };
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const youthId = youthIdByName(db, DEMO_YOUTH.advocateNone);
    const raised = await supervisor.post(`/youth/${youthId}/concern`, {
      indicators: RED_FLAGS[0].key,
      observedOn: localDate(new Date(), PROGRAM_ONE_TZ),
      note: "WIRE-HOME-MARKER",
    });
    expect(raised.status).toBe(302);
    expect((db.prepare("select status from youth_csec_status where youth_id = ?").get(youthId) as { status: string }).status).toBe(
      "concern",
    );
    const after = { html: withoutNonce((await advocate.get("/")).text), data: (await advocate.get("/_root.data")).text };
    expect(after.html).toBe(before.html);
    expect(after.data).toBe(before.data);
    const pagesAfter = await snapshot();
    pages.forEach((p, i) => expect(pagesAfter[i], p).toBe(pagesBefore[i]));
    // The control: the supervisor's home counts it.
    expect((await supervisor.get("/")).text).toMatch(/awaiting review/);
  });
});
