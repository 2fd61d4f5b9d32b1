/**
 * The new-request form in Chromium (issue 13): it shows only the fields of the chosen kind (the
 * options of that kind, an amount only for funds), and one submit names every problem at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";
import { openReadOnly, youthIdByName } from "../helpers/wire";

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

describe("the new-request form", () => {
  it("follows the chosen kind, and reports every problem in one reply", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD);
      const confirmed = youthIdByName(db, DEMO_YOUTH.advocateConfirmed);
      await page.goto(`${server.url}/youth/${confirmed}/requests/new`);
      await waitForHydration(page);
      const kind = page.getByLabel("Kind of resource");
      const subtype = page.getByLabel("Which kind (therapy, documents)");
      const amount = page.getByLabel(/^Amount in dollars/);

      await expect.poll(() => subtype.count()).toBe(0);
      await kind.selectOption("medical");
      expect(await subtype.count()).toBe(0);
      expect(await amount.count()).toBe(0);

      await kind.selectOption("therapy");
      await subtype.waitFor();
      const options = await subtype.locator("option").allTextContents();
      expect(options.slice(1).every((o) => o.startsWith("Therapy: "))).toBe(true);
      expect(await amount.count()).toBe(0);

      await kind.selectOption("restoration_funds");
      await amount.waitFor();
      expect(await subtype.count()).toBe(0);

      // Submitted with nothing else filled in: the amount and who it goes to, both named at once.
      await page.getByRole("button", { name: "Submit the request" }).click();
      await page.getByText("2 fields need your attention.").waitFor();
      expect(await page.locator(".field-error").allTextContents()).toEqual(
        expect.arrayContaining(["Choose who the request goes to.", "Enter the amount requested, in dollars."]),
      );
      expect(await kind.inputValue()).toBe("restoration_funds");
    } finally {
      await close();
    }
  });
});
