/**
 * People and cases in Chromium (issue 12): an administrator adds an advocate and gets a one-time
 * link; a supervisor takes in a youth and assigns that advocate; the advocate opens the link in
 * their own browser, sets a password, signs in with it and sees the youth; the link does not
 * work twice.
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

describe("a new advocate's first case", () => {
  it("the administrator adds them, a supervisor takes in a youth for them, and they sign in with the link and see the youth", async () => {
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
      await admin.page.getByLabel("Usual supervisor (for an advocate)").selectOption({ label: "Nadia Haddad (supervisor@example.org)" });
      await admin.page.getByRole("button", { name: "Add the person" }).click();
      await admin.page.getByText("The account of Olu Adebayo is ready.").waitFor();
      link = await admin.page.locator("#one-time-link-url").inputValue();
      expect(link).toMatch(new RegExp(`^${server.url}/reset-password/`));
    } finally {
      await admin.close();
    }

    const supervisor = await newPage(browser);
    let youthUrl = "";
    try {
      await signInAs(supervisor.page, server.url, "supervisor@example.org", DEMO_PASSWORD);
      await supervisor.page.goto(`${server.url}/youth`);
      await waitForHydration(supervisor.page);
      await supervisor.page.getByRole("link", { name: "Take in a youth" }).click();
      await supervisor.page.waitForURL(/\/youth\/new$/);
      await supervisor.page.getByRole("heading", { name: "Take in a youth" }).waitFor();
      await supervisor.page.getByLabel("First name or initial").fill("Q.");
      await supervisor.page.getByLabel("Last name or initial").fill("Z.");
      await supervisor.page.getByLabel("Date of birth").fill("2011-06-15");
      await supervisor.page.getByLabel("Dependency case number").fill("DK-77001");
      await supervisor.page.getByLabel("Type").selectOption("relative");
      await supervisor.page.getByLabel("Placed there since").fill("2026-11-01");
      // A mistake first: the form comes back with the message and everything typed still there.
      await supervisor.page.getByLabel("Advocate", { exact: true }).selectOption({ label: "Olu Adebayo (olu@example.org)" });
      await supervisor.page.getByLabel("Date of birth").fill("2099-01-01");
      await supervisor.page.getByRole("button", { name: "Open the case" }).click();
      await supervisor.page.getByText("The date of birth cannot be in the future.").waitFor();
      expect(await supervisor.page.getByLabel("Dependency case number").inputValue()).toBe("DK-77001");
      expect(await supervisor.page.getByLabel("Advocate", { exact: true }).inputValue()).not.toBe("");
      await supervisor.page.getByLabel("Date of birth").fill("2011-06-15");
      await supervisor.page.getByRole("button", { name: "Open the case" }).click();
      await supervisor.page.waitForURL(/\/youth\/\d+\?saved=youth-created/);
      await supervisor.page.getByRole("heading", { name: "Q. Z." }).waitFor();
      await supervisor.page.getByText("Case opened.").waitFor();
      youthUrl = supervisor.page.url().split("?")[0]!;
      await supervisor.page.getByRole("link", { name: "Placement, assignments, close case" }).click();
      await supervisor.page.getByRole("heading", { name: "Case and assignments" }).waitFor();
      await expect(supervisor.page.getByRole("cell", { name: "Olu Adebayo" }).count()).resolves.toBe(1);
    } finally {
      await supervisor.close();
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
      await advocate.page.goto(`${server.url}/youth`);
      await advocate.page.getByRole("link", { name: "Q. Z." }).click();
      await advocate.page.waitForURL(youthUrl);
      await advocate.page.getByRole("heading", { name: "Q. Z." }).waitFor();
      // The link was for once.
      const again = await advocate.page.goto(link);
      expect(again?.status()).toBe(404);
    } finally {
      await advocate.close();
    }
  });
});
