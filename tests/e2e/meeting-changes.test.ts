/**
 * Rescheduling and cancelling a meeting in Chromium (issue 13): the advocate moves an upcoming
 * MDT with a reason, then cancels it; the meeting page shows both changes and their reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD } from "../../db/seed";
import { launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const localIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleString("sv-SE", { timeZone: "America/Los_Angeles" }).slice(0, 16).replace(" ", "T");

describe("a meeting moved, then called off", () => {
  it("the advocate reschedules an upcoming meeting with a reason, then cancels it", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/meetings`);
      await waitForHydration(page);
      const href = await page.locator('main a[href^="/meetings/"]').first().getAttribute("href");
      await page.goto(`${server.url}${href}`);
      await waitForHydration(page);

      await page.getByLabel("New date and time").fill(localIn(11));
      await page.getByLabel("Why it moves").fill("The CSW is on leave that week");
      await page.getByRole("button", { name: "Move the meeting" }).click();
      await page.getByText("Meeting moved.").waitFor();
      const changes = page.getByRole("region", { name: "Changes to this meeting" });
      await changes.getByText("The CSW is on leave that week").waitFor();
      expect(await changes.getByText("Moved").count()).toBe(1);

      await page.getByLabel("Why it is cancelled").fill("The case is being transferred");
      await page.getByRole("button", { name: "Cancel the meeting" }).click();
      await page.getByText("Meeting cancelled.").waitFor();
      await changes.getByText("The case is being transferred").waitFor();
      expect(await page.getByRole("button", { name: "Move the meeting" }).count()).toBe(0);
      expect(await page.locator("dd strong", { hasText: "Cancelled" }).count()).toBe(1);
    } finally {
      await close();
    }
  });
});
