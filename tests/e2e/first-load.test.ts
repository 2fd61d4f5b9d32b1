/**
 * What a page's first load downloads (issue 15: first-load JavaScript within budget): the
 * scripts its HTML names (module scripts and `modulepreload` links), read from the built app
 * served for real. Pages that only show records carry neither zod (the form schemas load with
 * the actions that read them, domain/*-forms.ts) nor recharts (drawn after hydration), and nor
 * do the pages whose forms are only checked at their action: a youth, a meeting, the court draft,
 * taking a youth in and a case's page, the settings, passwords and the administrator's forms
 * (the constants they show live apart from the schemas: case-lifecycle.ts, passwords.ts,
 * email-frequency.ts, program-setting-fields.ts).
 */
import type Database from "better-sqlite3";
import { build, type Rollup } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { createClient, signIn, type Client } from "../helpers/http";
import { REPO_ROOT, startServer, type TestServer } from "../helpers/server";
import { openReadOnly, youthIdByName } from "../helpers/wire";

let server: TestServer;
let db: Database.Database;
let lead: Client;
let advocate: Client;
let admin: Client;
/** An account no test here signs in as (advocate6@example.org), and a one-time password link's token for it. */
let reset: { userId: number; token: string };
/** The advocate's youth (DEMO_YOUTH.advocateNone), one of its upcoming and one of its held meetings. */
let ids: { youth: number; upcomingMeeting: number; heldMeeting: number };

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  lead = await signIn(server.url, "lead@example.org", DEMO_PASSWORD);
  advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
  admin = await signIn(server.url, "admin@example.org", DEMO_PASSWORD);
  const other = db.prepare("select id from users where email = ?").get("advocate6@example.org") as { id: number } | undefined;
  if (!other) throw new Error("The demo seed lacks advocate6@example.org");
  const issued = await admin.post(`/admin/users/${other.id}`, { intent: "link" });
  const token = /\/reset-password\/([A-Za-z0-9_-]{20,100})/.exec(issued.text)?.[1];
  if (issued.status !== 200 || !token) throw new Error(`No one-time link from POST /admin/users/${other.id}: ${issued.status}`);
  reset = { userId: other.id, token };
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

  it("the pages with forms load no zod: their forms are checked at the action", async () => {
    const shown = [
      `/youth/${ids.youth}`,
      `/meetings/${ids.upcomingMeeting}`,
      `/meetings/${ids.heldMeeting}`,
      `/youth/${ids.youth}/court-draft`,
      "/settings",
      "/settings/password",
    ];
    const pages: [string, Client, string[]][] = [
      ["advocate", advocate, shown],
      ["lead", lead, [...shown, "/youth/new", `/youth/${ids.youth}/case`]],
      ["admin", admin, ["/settings", "/settings/password", "/admin/program", "/admin/users/new", `/admin/users/${reset.userId}`]],
      ["a visitor with a one-time link", createClient(server.url), [`/reset-password/${reset.token}`]],
    ];
    for (const [who, client, paths] of pages) {
      for (const path of paths) {
        for (const s of await firstLoadScripts(client, path))
          expect(s.text.includes(ZOD), `${who}, ${path}: ${s.url} carries zod`).toBe(false);
      }
    }
  });

  it("zod, bundled and minified as the build does, carries the marker (the check can fail)", async () => {
    // No page's first load carries zod now, so the proof that the marker finds it is zod itself,
    // built by the same Vite the app's build uses, in memory.
    const out = (await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: "silent",
      plugins: [
        {
          name: "zod-probe",
          resolveId: (id) => (id === "zod-probe" ? "\0zod-probe" : null),
          load: (id) =>
            id === "\0zod-probe" ? 'import { z } from "zod"; export const probe = z.object({ name: z.string().min(1) });' : null,
        },
      ],
      build: { write: false, minify: true, rollupOptions: { input: "zod-probe" } },
    })) as Rollup.RollupOutput;
    const code = out.output.flatMap((o) => (o.type === "chunk" ? [o.code] : [])).join("\n");
    expect(code.length).toBeGreaterThan(10_000);
    expect(code.includes(ZOD)).toBe(true);
  });
});
