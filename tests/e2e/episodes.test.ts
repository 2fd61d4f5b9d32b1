/**
 * A youth goes missing, in Chromium (issue 10): the advocate records it from the youth's page;
 * the supervisor sees the youth at the top of the youth list with "NCMEC report not recorded";
 * the reports, the return and the return conversation are recorded on the checklist; the youth
 * then leaves the missing-now list and the episode is on the timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { PROGRAM_ONE_TZ, localDateTime } from "../helpers/dates";
import { startServer, type TestServer } from "../helpers/server";
import { fullName, openReadOnly, youthIdByName } from "../helpers/wire";

let server: TestServer;
let browser: Browser;
let db: Database.Database;
let youthId: number;
const H = 3_600_000;
const y = DEMO_YOUTH.advocateNone;

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  browser = await launchBrowser();
  youthId = youthIdByName(db, y);
});
afterAll(async () => {
  await browser?.close();
  db?.close();
  await server?.stop();
});

async function as(email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const opened = await newPage(browser);
  await signInAs(opened.page, server.url, email, DEMO_PASSWORD);
  return opened;
}

/** Opens a step's form on the checklist (its <details>), fills it and saves; waits for the saved notice. */
async function saveStep(page: Page, step: string, fill: (form: ReturnType<Page["locator"]>) => Promise<void>) {
  const form = page.getByRole("form", { name: step });
  if (!(await form.isVisible())) await page.locator("details", { has: form }).locator("summary").click();
  await fill(form);
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await waitForHydration(page);
}

describe("recording a missing youth, start to finish", () => {
  it("the advocate records the youth as missing from their page and lands on the checklist", async () => {
    const { page, close } = await as("advocate@example.org");
    try {
      await page.goto(`${server.url}/youth/${youthId}`);
      await waitForHydration(page);
      await page.locator(".youth-head").getByRole("link", { name: "Report missing" }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}/missing`);
      await waitForHydration(page);
      await page.getByLabel("Last seen or left at").fill(localDateTime(PROGRAM_ONE_TZ, -30 * H));
      await page.getByLabel("Who noticed").fill("Caregiver");
      await page.getByRole("button", { name: "Record as missing" }).click();
      await page.waitForURL((url) => /^\/youth\/\d+\/episodes\/\d+$/.test(url.pathname));
      const heading = page.getByRole("heading", { level: 2, name: /^Missing 1 day 6 h$/ });
      await heading.waitFor();
      const clocks = await elementText(page.locator(".clock-list"));
      expect(clocks).toContain("NCMEC report not recorded: 6 h overdue");
      expect(clocks).toContain("Law enforcement report not recorded: 6 h overdue");
    } finally {
      await close();
    }
  });

  it("the supervisor sees the youth at the top of the youth list, with what is unreported, whatever the sort", async () => {
    const { page, close } = await as("supervisor@example.org");
    try {
      await page.goto(`${server.url}/youth?sort=name.desc`);
      await waitForHydration(page);
      const firstRows = page.locator("tbody tr");
      const missingNames = await page.locator("tbody tr", { hasText: "NCMEC report not recorded" }).count();
      expect(missingNames).toBeGreaterThan(0);
      const top = await elementText(firstRows.first());
      expect(top).toMatch(/Missing \d/);
      const row = page.locator("tbody tr", { hasText: fullName(y) });
      expect(await elementText(row)).toContain("NCMEC report not recorded: 6 h overdue");
      // Every missing youth comes before every other row.
      const texts = await firstRows.allInnerTexts();
      const lastMissing = texts.map((t) => /Missing \d/.test(t)).lastIndexOf(true);
      expect(texts.slice(0, lastMissing + 1).every((t) => /Missing \d/.test(t))).toBe(true);
    } finally {
      await close();
    }
  });

  it("both reports, the return and the return conversation are recorded; the youth leaves the missing-now list", async () => {
    const { page, close } = await as("supervisor@example.org");
    try {
      const episode = db.prepare("select id from runaway_episodes where youth_id = ? and returned_at is null").get(youthId) as {
        id: number;
      };
      await page.goto(`${server.url}/youth/${youthId}/episodes/${episode.id}`);
      await waitForHydration(page);
      await saveStep(page, "Reported to law enforcement", async (form) => {
        await form.getByLabel("Reported at").fill(localDateTime(PROGRAM_ONE_TZ, -29 * H));
        await form.getByLabel("Agency").fill("Example County Sheriff");
        await form.getByLabel("Report number").fill("ECSD-26-000123");
      });
      await saveStep(page, "Reported to NCMEC", async (form) => {
        await form.getByLabel("Reported at").fill(localDateTime(PROGRAM_ONE_TZ, -28 * H));
        await form.getByLabel("NCMEC case number").fill("1555123");
      });
      expect(await elementText(page.locator(".clock-list"))).toContain("Reported to NCMEC 2 h after going missing");
      await saveStep(page, "Returned", async (form) => {
        await form.getByLabel("Came back or found at").fill(localDateTime(PROGRAM_ONE_TZ, -2 * H));
        await form.getByLabel("Where").fill("Bus station");
      });
      await saveStep(page, "Return conversation", async (form) => {
        await form.getByLabel("Talked at").fill(localDateTime(PROGRAM_ONE_TZ, -H));
        await form.getByRole("group", { name: "What led you to leave placement?" }).getByLabel("Asked?").selectOption("asked");
        await form
          .getByRole("group", { name: /where did you go/ })
          .getByLabel("Asked?")
          .selectOption("declined");
        await form.getByLabel("Health resources offered").check();
      });
      expect(await elementText(page.locator("#conversation"))).toMatch(/What led you to leave placement\?\s*Asked/);
      expect(await elementText(page.locator("#conversation"))).toContain("Recorded by");

      await page.goto(`${server.url}/youth?missing=now`);
      await waitForHydration(page);
      expect(await page.locator("tbody tr", { hasText: fullName(y) }).count()).toBe(0);

      await page.goto(`${server.url}/youth/${youthId}`);
      await waitForHydration(page);
      expect(await page.locator(".missing-banner").count()).toBe(0);
      const timeline = await elementText(page.locator("#timeline"));
      expect(timeline).toContain("Went missing");
      expect(timeline).toContain("Returned");
    } finally {
      await close();
    }
  });
});
