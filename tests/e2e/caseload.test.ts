/**
 * The caseload table in Chromium (issue 10): the supervisor's home lists their caseload with
 * youth missing now first; sorting by a column (a link, sorted by the server) keeps them first
 * and orders the rest; a figure links to where it is dealt with. The program lead opens a
 * supervisor's caseload from the caseloads by supervisor.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";
import { fullName, openReadOnly } from "../helpers/wire";

let server: TestServer;
let browser: Browser;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  db?.close();
  await server?.stop();
});

/** The caseload table's rows: the youth's name (the row header) and the cell of one column. */
async function rows(page: Page, tableName: string, column: string): Promise<Array<{ name: string; cell: string; missing: boolean }>> {
  const table = page.getByRole("table", { name: tableName, exact: true });
  const headers = (await table.locator("thead th").allTextContents()).map((t) => t.replace(/[▲▼↕]|\(sort \w+\)/g, "").trim());
  const index = headers.indexOf(column);
  expect(index, `a "${column}" column among ${headers.join(", ")}`).toBeGreaterThan(0);
  const out = [];
  for (const row of await table.locator("tbody tr").all()) {
    const name = (await row.locator("th a").first().textContent())?.trim() ?? "";
    const cell = (await elementText(row.locator("th, td").nth(index))).trim();
    const missing = (await row.locator(".badge-alert").count()) > 0;
    out.push({ name, cell, missing });
  }
  return out;
}

const HOME_TABLE = "Your caseload, youth by youth";
const count = (cell: string) => Number(/^\d+/.exec(cell)?.[0] ?? 0);

describe("the supervisor's caseload on their home", () => {
  it("lists the youth missing now first, then sorts the rest by the column clicked, on the server", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "supervisor@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/`);
      await waitForHydration(page);
      const missingName = fullName(DEMO_YOUTH.missingNow);
      const first = await rows(page, HOME_TABLE, "Overdue actions");
      expect(first.length).toBeGreaterThan(5);
      expect(first[0]!.missing).toBe(true);
      expect(first.map((r) => r.name)).toContain(missingName);

      // Twice: ascending, then descending.
      const table = page.getByRole("table", { name: HOME_TABLE, exact: true });
      for (const expected of ["ascending", "descending"]) {
        await table.getByRole("link", { name: /Overdue actions/ }).click();
        await page.waitForURL((url) => url.searchParams.get("sort") === `overdueActions.${expected === "ascending" ? "asc" : "desc"}`);
        await waitForHydration(page);
        await expect(table.locator('th[aria-sort="' + expected + '"]').count()).resolves.toBe(1);
        const sorted = await rows(page, HOME_TABLE, "Overdue actions");
        const firstRest = sorted.findIndex((r) => !r.missing);
        expect(firstRest).toBeGreaterThan(0);
        expect(sorted.slice(0, firstRest).every((r) => r.missing)).toBe(true);
        const counts = sorted.slice(firstRest).map((r) => count(r.cell));
        const ordered = [...counts].sort((a, b) => (expected === "ascending" ? a - b : b - a));
        expect(counts).toEqual(ordered);
        expect(new Set(counts).size).toBeGreaterThan(1);
      }

      // A figure opens the youth's page where it is dealt with.
      const busiest = table
        .locator("tbody tr")
        .filter({ hasNot: page.locator(".badge-alert") })
        .first();
      const name = (await busiest.locator("th a").first().textContent())!.trim();
      await busiest.getByRole("link", { name: /overdue action items/ }).click();
      await page.waitForURL((url) => /^\/youth\/\d+$/.test(url.pathname) && url.hash === "#actions");
      await waitForHydration(page);
      await expect(elementText(page.getByRole("heading", { level: 1 }))).resolves.toContain(name);
    } finally {
      await close();
    }
  });
});

describe("the program lead's caseloads by supervisor", () => {
  it("opens a supervisor's caseload, youth by youth, and comes back", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/`);
      await waitForHydration(page);
      const bySupervisor = page.getByRole("table", { name: "Caseloads by supervisor" });
      const supervisorName = (db.prepare("select name from users where email = 'supervisor@example.org'").get() as { name: string }).name;
      const row = bySupervisor.locator("tbody tr").filter({ hasText: supervisorName });
      const youthCount = Number((await row.locator("td").first().textContent())?.trim());
      expect(youthCount).toBeGreaterThan(5);
      await row.getByRole("link", { name: supervisorName }).click();
      await page.waitForURL((url) => url.pathname === "/caseload" && url.searchParams.has("supervisor"));
      await waitForHydration(page);
      await expect(elementText(page.getByRole("heading", { level: 1 }))).resolves.toBe(`${supervisorName}'s caseload`);
      const youthRows = await rows(page, `${supervisorName}'s caseload`, "Concerns to review");
      expect(youthRows).toHaveLength(youthCount);
      await page.getByRole("link", { name: "All supervisors" }).click();
      await page.waitForURL((url) => url.pathname === "/caseload" && !url.searchParams.has("supervisor"));
      await waitForHydration(page);
      await expect(page.getByRole("table", { name: "Caseloads by supervisor" }).count()).resolves.toBe(1);
    } finally {
      await close();
    }
  });
});
