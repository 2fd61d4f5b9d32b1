/**
 * The supervisor filter of a network in Chromium (issue 15): with more supervisors than a select
 * should hold, the lead's youth list and reports send none of them; the lead types part of a name,
 * Chromium offers the matching supervisors (fetched as they type), and applying the filter lists
 * that supervisor's youth.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "../../db/seed";
import { SUPERVISOR_LIST_MAX } from "../../app/server/youth.server";
import { launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { signIn } from "../helpers/http";
import { startServer, type TestServer } from "../helpers/server";

let server: TestServer;
let browser: Browser;
let quinnsYouth: string;

beforeAll(async () => {
  server = await startServer();
  // Program one gets more supervisors than the select shows, each supervising one of its youth.
  const db = new Database(server.databasePath);
  try {
    db.pragma("busy_timeout = 5000");
    const youth = db
      .prepare("select id, first_name || ' ' || last_name as name from youth where program_id = 1 and case_status = 'open' order by id")
      .all() as {
      id: number;
      name: string;
    }[];
    db.transaction(() => {
      for (let i = 0; i <= SUPERVISOR_LIST_MAX; i++) {
        const name = i === 0 ? "Quinn Baptiste" : `Network Supervisor ${String(i).padStart(3, "0")}`;
        const id = Number(
          db.prepare("insert into users (email, name, password_hash) values (?, ?, 'x')").run(`net${i}@sup.test`, name).lastInsertRowid,
        );
        db.prepare("insert into memberships (user_id, program_id, role) values (?, 1, 'supervisor')").run(id);
        db.prepare(
          "insert into youth_assignments (program_id, youth_id, user_id, kind, started_on) values (1, ?, ?, 'supervisor', '2025-01-01')",
        ).run(youth[i % youth.length]!.id, id);
      }
    })();
    quinnsYouth = youth[0]!.name;
  } finally {
    db.close();
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a network's supervisor filter", () => {
  it("sends no supervisor list: the youth list and the reports have a name field instead", async () => {
    const lead = await signIn(server.url, "lead@example.org", DEMO_PASSWORD);
    for (const path of ["/youth", "/reports"]) {
      const html = (await lead.get(path)).text;
      expect(html, path).toContain('name="supervisorName"');
      expect(html, path).not.toContain('id="f-supervisor"');
      expect(html, path).not.toMatch(/<option value="\d+">Network Supervisor/);
    }
  });

  it("suggests matching supervisors as the lead types, and filters the list by the one picked", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/youth`);
      await waitForHydration(page);
      const field = page.getByLabel("Supervisor name", { exact: true });
      await field.pressSequentially("quinn", { delay: 20 });
      const options = page.locator(`datalist#${await field.getAttribute("list")} option`);
      await expect.poll(() => options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(["Quinn Baptiste"]);
      await field.fill("Quinn Baptiste");
      await field.press("Enter");
      await page.waitForURL((url) => url.searchParams.get("supervisorName") === "Quinn Baptiste");
      const names = await page.getByRole("table").locator("tbody tr th a").allTextContents();
      expect(names.map((n) => n.trim())).toContain(quinnsYouth);
      expect(await page.getByLabel("Supervisor name", { exact: true }).inputValue()).toBe("Quinn Baptiste");
    } finally {
      await close();
    }
  });
});
