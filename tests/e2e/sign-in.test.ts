/** Each demo role signs in through the real form in Chromium, sees its list, and signs out. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";
import { fullName } from "../helpers/wire";

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

async function signOut(page: Page) {
  await page.locator(".user-menu summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

describe("signing in as each demo role", () => {
  const roles = [
    {
      email: "advocate@example.org",
      sees: fullName(DEMO_YOUTH.advocateConcernBySomeoneElse),
      never: fullName(DEMO_YOUTH.secondProgramConcern),
    },
    { email: "supervisor@example.org", sees: fullName(DEMO_YOUTH.advocateNone), never: fullName(DEMO_YOUTH.secondProgramConcern) },
    { email: "lead@example.org", sees: fullName(DEMO_YOUTH.concernByLead), never: fullName(DEMO_YOUTH.secondProgramConcern) },
    { email: "lead@second.example.org", sees: fullName(DEMO_YOUTH.secondProgramConcern), never: fullName(DEMO_YOUTH.advocateNone) },
  ];

  for (const { email, sees, never } of roles) {
    it(`${email} lands on their home, reaches their youth list and signs out`, async () => {
      const { page, close } = await newPage(browser);
      await signInAs(page, server.url, email, DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe("/");
      await page.getByRole("heading", { level: 1, name: "Today" }).waitFor({ state: "visible" });
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Youth" }).click();
      await page.waitForURL((url) => url.pathname === "/youth");
      // waitFor, not isVisible: a client-side navigation renders just after the URL changes.
      await page.getByRole("heading", { level: 1, name: "Youth" }).waitFor({ state: "visible" });
      // Name column cells are row headers; the list may page, so search by name.
      await page.getByLabel("Name or case number").fill(sees.split(" ").at(-1)!);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL((url) => url.searchParams.has("q"));
      // waitFor, not isVisible: a client-side navigation renders just after the URL changes.
      await page.getByRole("rowheader", { name: sees }).waitFor({ state: "visible" });
      expect(await page.content()).not.toContain(never);
      await signOut(page);
      // Signed out means signed out: the list sends us back to sign in.
      await page.goto(`${server.url}/youth`);
      expect(new URL(page.url()).pathname).toBe("/login");
      await close();
    });
  }

  it("admin@example.org lands on administration, not case content", async () => {
    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "admin@example.org", DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/admin/users");
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor({ state: "visible" });
    expect(await page.getByRole("link", { name: "Youth" }).count()).toBe(0);
    await signOut(page);
    await close();
  });

  it("a wrong password gets one message, keeps the email, and comes back to the page asked for", async () => {
    const { page, close } = await newPage(browser);
    await page.goto(`${server.url}/youth?sort=age.desc`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await waitForHydration(page);
    await page.getByLabel("Email", { exact: true }).fill("advocate@example.org");
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe("That email and password do not match an active account.");
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe("advocate@example.org");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/youth");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("age.desc");
    await close();
  });

  it("sorts and pages through the table with the keyboard-reachable links, keeping state in the URL", async () => {
    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
    await page.goto(`${server.url}/youth`);
    await waitForHydration(page);
    await page.getByRole("link", { name: /^Age/ }).click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "age.asc");
    await page.locator('th[aria-sort="ascending"]', { hasText: "Age" }).waitFor();
    await page.goto(`${server.url}/youth?size=10&sort=age.asc`);
    await page.getByRole("link", { name: /Next/ }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await page.getByText(/Showing 11–20 of \d+/).waitFor();
    await close();
  });
});
