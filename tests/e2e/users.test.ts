/**
 * User administration in Chromium (issue 12, first part): an administrator adds an advocate and
 * gets a one-time link; the advocate opens it in their own browser, sets a password and signs
 * in with it; the link does not work twice.
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

describe("a new advocate's first sign-in", () => {
  it("the administrator adds them, hands over the link, and they set their password with it", async () => {
    const admin = await newPage(browser);
    let link = "";
    try {
      await signInAs(admin.page, server.url, "admin@example.org", DEMO_PASSWORD);
      await admin.page.goto(`${server.url}/admin/users`);
      await waitForHydration(admin.page);
      await admin.page.getByRole("link", { name: "Add a person" }).click();
      await admin.page.waitForURL(/\/admin\/users\/new$/);
      await admin.page.getByLabel("Name").fill("Olu Adebayo");
      await admin.page.getByLabel("Email").fill("olu@example.org");
      await admin.page.getByLabel("Role").selectOption("advocate");
      await admin.page.getByRole("button", { name: "Add the person" }).click();
      await admin.page.getByText("The account of Olu Adebayo is ready.").waitFor();
      link = await admin.page.locator("#one-time-link-url").inputValue();
      expect(link).toMatch(new RegExp(`^${server.url}/reset-password/`));
    } finally {
      await admin.close();
    }

    const advocate = await newPage(browser);
    try {
      await advocate.page.goto(link);
      await advocate.page.getByRole("heading", { name: "Set your password" }).waitFor();
      await advocate.page.getByLabel("New password", { exact: true }).fill("olu sets a long password");
      await advocate.page.getByLabel("The same password again").fill("olu sets a long password");
      await advocate.page.getByRole("button", { name: "Set my password" }).click();
      await advocate.page.waitForURL(/\/login\?saved=password-set/);
      await advocate.page.getByText("Your password is set.").waitFor();
      await signInAs(advocate.page, server.url, "olu@example.org", "olu sets a long password");
      await advocate.page.goto(`${server.url}/`);
      await advocate.page.getByRole("heading", { name: "Today" }).waitFor();
      // The link was for once.
      const again = await advocate.page.goto(link);
      expect(again?.status()).toBe(404);
    } finally {
      await advocate.close();
    }
  });
});
