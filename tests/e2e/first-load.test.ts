/**
 * What a page's first load downloads (issue 15: first-load JavaScript within budget): the
 * scripts its HTML names (module scripts and `modulepreload` links), read from the built app
 * served for real. Pages that only show records carry neither zod (the form schemas load with
 * the actions that read them, domain/*-forms.ts) nor recharts (drawn after hydration), and nor
 * do the pages whose forms are only checked at their action: a youth, a meeting, the court draft.
 */
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { signIn, type Client } from "../helpers/http";
import { startServer, type TestServer } from "../helpers/server";
import { openReadOnly, youthIdByName } from "../helpers/wire";

let server: TestServer;
let db: Database.Database;
let lead: Client;
let advocate: Client;
/** The advocate's youth (DEMO_YOUTH.advocateNone), one of its upcoming and one of its held meetings. */
let ids: { youth: number; upcomingMeeting: number; heldMeeting: number };

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  lead = await signIn(server.url, "lead@example.org", DEMO_PASSWORD);
  advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
  const youth = youthIdByName(db, DEMO_YOUTH.advocateNone);
  const meeting = (status: string, order: "asc" | "desc") =>
    (
      db
        .prepare(`select id from mdt_meetings where youth_id = ? and status = ? order by scheduled_at ${order} limit 1`)
        .get(youth, status) as { id: number } | undefined
    )?.id;
  const upcomingMeeting = meeting("scheduled", "asc");
  const heldMeeting = meeting("held", "desc");
  if (!upcomingMeeting || !heldMeeting) throw new Error("The demo seed lacks a scheduled and a held meeting for DEMO_YOUTH.advocateNone");
  ids = { youth, upcomingMeeting, heldMeeting };
});

afterAll(async () => {
  db?.close();
  await server?.stop();
});

/** The scripts a page's HTML has the browser fetch on its first load, with their text. */
async function firstLoadScripts(client: Client, path: string): Promise<{ url: string; text: string }[]> {
  const page = await client.get(path);
  expect(page.status, path).toBe(200);
  const urls = new Set<string>();
  for (const m of page.text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of page.text.matchAll(/import\s*\(?\s*"(\/assets\/[^"]+\.js)"/g)) urls.add(m[1]!);
  expect(urls.size, path).toBeGreaterThan(0);
  return Promise.all(
    [...urls].map(async (url) => {
      const res = await client.get(url);
      expect(res.status, url).toBe(200);
      return { url, text: res.text };
    }),
  );
}

// zod's and recharts' own markers, found in their code and nowhere else in the app.
const ZOD = "_zod";
const RECHARTS = "recharts-cartesian-axis";

describe("first loads", () => {
  it("the pages that show requests, reports and prep packets load no zod and no recharts", async () => {
    for (const path of ["/", "/requests", "/reports", "/reports/summary", "/prep", "/meetings", "/audit"]) {
      for (const s of await firstLoadScripts(lead, path)) {
        expect(s.text.includes(ZOD), `${path}: ${s.url} carries zod`).toBe(false);
        expect(s.text.includes(RECHARTS), `${path}: ${s.url} carries recharts`).toBe(false);
      }
    }
    for (const s of await firstLoadScripts(advocate, "/actions")) expect(s.text.includes(ZOD), s.url).toBe(false);
  });

  it("a youth's page, a meeting and the court draft load no zod: their forms are checked at the action", async () => {
    const paths = [
      `/youth/${ids.youth}`,
      `/meetings/${ids.upcomingMeeting}`,
      `/meetings/${ids.heldMeeting}`,
      `/youth/${ids.youth}/court-draft`,
    ];
    for (const client of [advocate, lead]) {
      for (const path of paths) {
        for (const s of await firstLoadScripts(client, path)) expect(s.text.includes(ZOD), `${path}: ${s.url} carries zod`).toBe(false);
      }
    }
  });

  it("a page with a form still has its schemas where the browser needs them (the check can fail)", async () => {
    // The new-youth form reads MAX_ADVOCATES from case-forms.ts, which builds the intake schema: its first load carries zod.
    const scripts = await firstLoadScripts(lead, "/youth/new");
    expect(scripts.some((s) => s.text.includes(ZOD))).toBe(true);
  });
});
