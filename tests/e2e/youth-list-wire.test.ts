/**
 * What crosses the wire for /youth: the HTML and the `.data` loader response, from the built app
 * served for real. Hidden means never sent, so these tests read bytes, not the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { createClient, signIn } from "../helpers/http";
import { startServer, type TestServer } from "../helpers/server";
import { concernTraces, openReadOnly, youthIdByName } from "../helpers/wire";

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

const fullName = (y: { firstName: string; lastName: string }) => `${y.firstName} ${y.lastName}`;

describe("/youth as advocate@example.org", () => {
  it("lists the concern youth but sends no trace of the concern or its history, in HTML or .data", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const html = await advocate.get("/youth");
    const data = await advocate.get("/youth.data");
    expect(html.status).toBe(200);
    expect(data.status).toBe(200);

    const concernYouth = DEMO_YOUTH.advocateConcernBySomeoneElse;
    // The youth is theirs, so the youth is there ...
    expect(html.text).toContain(fullName(concernYouth));
    expect(data.text).toContain(concernYouth.lastName);

    // ... but not the concern: no status value, no badge, no filter option, no note, no date.
    const traces = concernTraces(db, youthIdByName(db, concernYouth));
    expect(traces.length).toBeGreaterThan(3);
    for (const body of [html.text, data.text]) {
      expect(body).not.toContain('"concern"');
      expect(body).not.toMatch(/Concern, unconfirmed|Concern \(unconfirmed\)/);
      expect(body).not.toMatch(/value="concern"/);
      for (const trace of [...traces, ...DEMO_SECRET_MARKERS]) expect(body).not.toContain(trace);
    }
  });

  it("sees the confirmed status with its basis, and their own concern as under review", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const html = await advocate.get("/youth");
    expect(html.text).toContain("Agency CSEC unit assigned");
    const text = html.text.replace(/<!-- -->/g, "");
    expect(text).toMatch(/You raised a concern on [A-Z][a-z]{2} \d{1,2}, \d{4}; your supervisor is reviewing it\./);
  });

  it("cannot use a forged concern filter or sort to single the youth out", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const plain = await advocate.get("/youth.data");
    const forged = await advocate.get("/youth.data?csec=concern");
    const strip = (s: string) => s.replace(/"csec"|"concern"/g, "");
    expect(forged.status).toBe(200);
    expect(strip(forged.text)).toBe(strip(plain.text));
  });
});

describe("response headers", () => {
  it("never lets a page or its data be cached, framed or sniffed", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const visitor = createClient(server.url);
    for (const [client, path] of [
      [advocate, "/youth"],
      [advocate, "/youth.data"],
      [advocate, "/nope"],
      [visitor, "/login"],
    ] as const) {
      const res = await client.get(path);
      expect(res.status, path).not.toBe(302);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });
});

describe("/youth for others", () => {
  it("shows the supervisor the concern", async () => {
    const supervisor = await signIn(server.url, "supervisor@example.org", DEMO_PASSWORD);
    const html = await supervisor.get("/youth?csec=concern");
    expect(html.text).toContain(fullName(DEMO_YOUTH.advocateConcernBySomeoneElse));
    expect(html.text).toContain("Concern, unconfirmed");
  });

  it("gives an admin a 403 page with no youth in it", async () => {
    const admin = await signIn(server.url, "admin@example.org", DEMO_PASSWORD);
    for (const path of ["/youth", "/youth.data"]) {
      const res = await admin.get(path);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(DEMO_YOUTH.advocateNone.lastName);
      expect(res.text).not.toContain(DEMO_YOUTH.advocateConcernBySomeoneElse.lastName);
    }
  });

  it("never shows program one's youth to program two's lead", async () => {
    const lead2 = await signIn(server.url, "lead@second.example.org", DEMO_PASSWORD);
    const programOne = db
      .prepare("select last_name as n from youth where program_id = (select id from programs where slug = 'example-county')")
      .all() as Array<{ n: string }>;
    for (const path of ["/youth?status=all&size=100", "/youth.data?status=all&size=100"]) {
      const res = await lead2.get(path);
      expect(res.status).toBe(200);
      for (const { n } of programOne) expect(res.text).not.toContain(n);
    }
    expect((await lead2.get("/youth")).text).toContain(fullName(DEMO_YOUTH.secondProgramConcern));
  });

  it("sends visitors without a session to sign in, and the data URL gives away nothing", async () => {
    const visitor = createClient(server.url);
    const page = await visitor.get("/youth?page=2");
    expect(page.status).toBe(302);
    expect(page.location).toBe("/login?redirectTo=%2Fyouth%3Fpage%3D2");
    const data = await visitor.get("/youth.data");
    expect(data.text).not.toContain(DEMO_YOUTH.advocateNone.lastName);
    expect(data.text).toContain("/login");
  });
});
