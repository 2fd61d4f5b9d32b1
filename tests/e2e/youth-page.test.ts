/**
 * The youth's page in Chromium: an advocate logs a contact and raises a concern with two red
 * flags, the supervisor reviews and confirms it, and the advocate then sees it confirmed with its
 * basis. Also: forms with a missing field keep what was typed and say what is missing next to
 * the field, with JavaScript and without it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { redFlagLabel } from "../../app/domain/red-flags";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { utcDaysAgo } from "../helpers/dates";
import { startServer, type TestServer } from "../helpers/server";
import { fullName, openReadOnly, youthIdByName } from "../helpers/wire";

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

function count(table: "contacts" | "csec_concerns" | "red_flags", youthId: number): number {
  return (db.prepare(`select count(*) as n from ${table} where youth_id = ?`).get(youthId) as { n: number }).n;
}

async function signOut(page: Page) {
  // The account menu is a <details>; Playwright gives <summary> no role, so find it by its text.
  await page.locator("summary", { hasText: "Account menu for" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** From the youth list, follow the youth's name (searching by last name, as the list may page). */
async function openFromList(page: Page, y: { firstName: string; lastName: string }) {
  if (new URL(page.url()).pathname !== "/youth") {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Youth" }).click();
    await page.waitForURL((url) => url.pathname === "/youth");
    await waitForHydration(page);
  }
  await page.getByLabel("Name or case number").fill(y.lastName);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === y.lastName);
  await page.getByRole("link", { name: fullName(y), exact: true }).click();
  await page.waitForURL((url) => /^\/youth\/\d+$/.test(url.pathname));
  await page.getByRole("heading", { level: 1, name: fullName(y) }).waitFor();
  await waitForHydration(page);
}

/** The ids an element's aria-describedby points at, and the text of each. */
async function descriptions(locator: Locator): Promise<string[]> {
  const ids = ((await locator.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const page = locator.page();
  return Promise.all(ids.map(async (id) => elementText(page.locator(`[id="${id}"]`))));
}

describe("the concern -> confirmed workflow on the youth's page", () => {
  const y = DEMO_YOUTH.advocateNone;
  const flags = [redFlagLabel("older_intimate_partner"), redFlagLabel("unexplained_gifts_cash_phones")];
  const concernNote = `Came back from the weekend with a new phone and talks about a 22-year-old boyfriend (e2e ${Date.now()}).`;
  const contactSummary = `Visited at the placement; talked about the school attendance plan (e2e ${Date.now()}).`;
  const basisOn = utcDaysAgo(2);

  it("advocate logs a contact and raises a concern; supervisor confirms it; advocate sees it confirmed with the basis", async () => {
    const youthId = youthIdByName(db, y);
    const csw = db.prepare("select name from case_parties where youth_id = ? and role = 'csw' and ended_on is null").get(youthId) as
      { name: string } | undefined;
    expect(csw, "the demo youth has a current CSW").toBeDefined();
    const cswOption = `${csw!.name} (Children's social worker (CSW))`;

    // --- The advocate ------------------------------------------------------------------------
    {
      const { page, close } = await newPage(browser);
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });
      expect(new URL(page.url()).pathname).toBe("/youth");
      await page.getByRole("link", { name: fullName(y), exact: true }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
      await page.getByRole("heading", { level: 1, name: fullName(y) }).waitFor();
      await waitForHydration(page);

      // Log a contact.
      const contacts = page.getByRole("region", { name: "Contacts" });
      const form = contacts.getByRole("form", { name: "Log a contact" });
      const whoTookPart = form.getByRole("group", { name: "Who took part" });
      await whoTookPart.getByLabel("The youth", { exact: true }).uncheck();
      await whoTookPart.getByLabel(cswOption, { exact: true }).check();
      await form.getByLabel("How", { exact: true }).selectOption({ label: "Phone" });
      await form.getByLabel("Summary", { exact: true }).fill(contactSummary);
      await form.getByRole("button", { name: "Log contact" }).click();
      await page.getByRole("status").filter({ hasText: "Contact logged." }).waitFor();
      await waitForHydration(page);
      // Newest first: the contact just logged is at the top of the list.
      const firstContact = contacts.getByRole("listitem").filter({ hasText: "logged by" }).first();
      const first = await elementText(firstContact);
      expect(first).toContain(contactSummary);
      expect(first).toContain(cswOption);
      expect(first).toContain("Phone");
      expect(first).toContain("logged by Elena Novak");

      // Raise a concern with two red flags and a note.
      await page.getByRole("link", { name: "Raise a concern" }).first().click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}/concern`);
      await page.getByRole("heading", { level: 1, name: "Raise a concern" }).waitFor();
      await waitForHydration(page);
      const observed = page.getByRole("group", { name: "What you observed" });
      for (const label of flags) await observed.getByRole("checkbox", { name: label, exact: true }).check();
      expect(await page.getByLabel("Observed on", { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.getByLabel("Note").fill(concernNote);
      await page.getByRole("button", { name: "Raise the concern" }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
      await page.getByRole("status").filter({ hasText: "Concern recorded." }).waitFor();
      await waitForHydration(page);

      // Their own concern, under review.
      const concerns = page.getByRole("region", { name: "Red flags and concerns" });
      const panel = await elementText(concerns);
      expect(panel).toMatch(/You raised a concern on [A-Z][a-z]{2} \d{1,2}, \d{4}; your supervisor is reviewing it\./);
      expect(panel).toMatch(/under review/i);
      for (const label of flags) expect(panel).toContain(label);
      expect(panel).toContain(concernNote);
      expect(panel).not.toContain("Confirmed");

      await signOut(page);
      await close();
    }

    // --- The supervisor ----------------------------------------------------------------------
    {
      const { page, close } = await newPage(browser);
      await signInAs(page, server.url, "supervisor@example.org", DEMO_PASSWORD, { to: "/youth" });
      await openFromList(page, y);
      expect(new URL(page.url()).pathname).toBe(`/youth/${youthId}`);

      const concerns = page.getByRole("region", { name: "Red flags and concerns" });
      const panel = await elementText(concerns);
      expect(panel).toContain("Concern, unconfirmed");
      expect(panel).toMatch(/Elena Novak raised a concern on/);
      for (const label of flags) expect(panel).toContain(label);
      expect(panel).toContain(concernNote);
      expect(panel).toMatch(/under review/i);

      await concerns.getByRole("link", { name: "Review the concern" }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}/csec`);
      await page.getByRole("heading", { level: 1, name: "Review the concern" }).waitFor();
      await waitForHydration(page);
      const review = await elementText(page.getByRole("region", { name: "Open concerns" }));
      for (const label of flags) expect(review).toContain(label);
      expect(review).toContain(concernNote);

      const confirm = page.getByRole("form", { name: "Confirm" });
      await confirm.getByLabel("Based on", { exact: true }).selectOption({ label: "Youth disclosure" });
      await confirm.getByLabel("Date of the confirmation", { exact: true }).fill(basisOn);
      await confirm.getByRole("button", { name: "Confirm CSEC status" }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
      await page.getByRole("status").filter({ hasText: "CSEC status confirmed." }).waitFor();
      await waitForHydration(page);
      const after = await elementText(page.getByRole("region", { name: "Red flags and concerns" }));
      expect(after).toContain("Confirmed");
      expect(after).toContain("Youth disclosure");
      expect(after).not.toContain("Concern, unconfirmed");

      await signOut(page);
      await close();
    }

    // --- The advocate again ------------------------------------------------------------------
    {
      const { page, close } = await newPage(browser);
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });
      await page.getByRole("link", { name: fullName(y), exact: true }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
      await page.getByRole("heading", { level: 1, name: fullName(y) }).waitFor();
      await waitForHydration(page);

      const panel = await elementText(page.getByRole("region", { name: "Red flags and concerns" }));
      expect(panel).toContain("Confirmed");
      expect(panel).toContain("Youth disclosure");
      const shownDate = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
        new Date(`${basisOn}T12:00:00Z`),
      );
      expect(panel).toContain(`Youth disclosure, ${shownDate}`);
      expect(panel).not.toContain("your supervisor is reviewing it");
      await close();
    }
  });
});

describe("a form with a missing field keeps what was typed and says what is missing next to the field", () => {
  const y = DEMO_YOUTH.advocateCleared;

  it("log a contact with JavaScript: a missing summary gets the message next to the field, the rest stays filled", async () => {
    const youthId = youthIdByName(db, y);
    const party = db.prepare("select name from case_parties where youth_id = ? and role = 'attorney' and ended_on is null").get(youthId) as
      { name: string } | undefined;
    expect(party, "the demo youth has a current attorney").toBeDefined();
    const withLabel = `${party!.name} (Minor's attorney)`;
    const before = count("contacts", youthId);

    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });
    await page.goto(`${server.url}/youth/${youthId}`);
    expect(await waitForHydration(page)).toBe(true);

    const form = page.getByRole("form", { name: "Log a contact" });
    const whoTookPart = form.getByRole("group", { name: "Who took part" });
    const youthBox = whoTookPart.getByLabel("The youth", { exact: true });
    const withField = whoTookPart.getByLabel(withLabel, { exact: true });
    const when = form.getByLabel("When", { exact: true });
    const how = form.getByLabel("How", { exact: true });
    const summary = form.getByLabel("Summary", { exact: true });
    const occurredAt = `${utcDaysAgo(3)}T09:15`;
    await youthBox.uncheck();
    await withField.check();
    await when.fill(occurredAt);
    await how.selectOption({ label: "Video call" });

    // Nothing typed at all. The textarea is `required` and this form (unlike the app's other forms)
    // has no noValidate, so Chromium stops the submission with its own bubble and sends nothing;
    // then only spaces get past the browser to the server's check. Should the form get noValidate,
    // the empty submission reaches the server directly, and the assertions below hold either way.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await form.getByRole("button", { name: "Log contact" }).click();
    await page.waitForTimeout(500);
    if (posts.length === 0) {
      expect(await summary.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
      await summary.fill("   ");
      await form.getByRole("button", { name: "Log contact" }).click();
    }
    const message = "Write a short summary of the contact.";
    await form.getByText(message).waitFor();
    await waitForHydration(page);
    expect(posts.length).toBe(1);
    expect(await summary.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptions(summary)).toContain(message);
    expect(await elementText(form.getByRole("alert"))).toBe("One field needs your attention. Nothing was saved.");
    // What was typed is still there, and the other fields carry no message.
    expect(await withField.isChecked()).toBe(true);
    expect(await youthBox.isChecked()).toBe(false);
    expect(await when.inputValue()).toBe(occurredAt);
    expect(await how.inputValue()).toBe("video");
    for (const field of [withField, when, how]) expect(await field.getAttribute("aria-invalid")).toBeNull();
    expect(count("contacts", youthId)).toBe(before);

    // And the form still works from there.
    const text = `Spoke with the attorney about the next hearing (e2e ${Date.now()}).`;
    await summary.fill(text);
    await form.getByRole("button", { name: "Log contact" }).click();
    await page.getByRole("status").filter({ hasText: "Contact logged." }).waitFor();
    expect(count("contacts", youthId)).toBe(before + 1);
    expect(await elementText(page.getByRole("region", { name: "Contacts" }).getByRole("listitem").filter({ hasText: text }))).toContain(
      withLabel,
    );
    await close();
  });

  it("raise a concern without JavaScript: nothing ticked and no note gets the message, with the date still filled", async () => {
    const youthId = youthIdByName(db, y);
    const concernsBefore = count("csec_concerns", youthId);
    const flagsBefore = count("red_flags", youthId);
    const { page, close } = await newPage(browser, { javaScriptEnabled: false });

    // Sign in through the plain form (signInAs would wait for a hydration that never comes).
    await page.goto(`${server.url}/login?redirectTo=%2Fyouth`);
    await page.getByLabel("Email", { exact: true }).fill("advocate@example.org");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/youth");
    // No JavaScript ran: React Router never created its router in the page.
    expect(await page.evaluate(() => "__reactRouterDataRouter" in window)).toBe(false);

    await page.getByRole("link", { name: fullName(y), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
    await page.getByRole("link", { name: "Raise a concern" }).first().click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}/concern`);

    const observedOn = utcDaysAgo(4);
    await page.getByLabel("Observed on", { exact: true }).fill(observedOn);
    await page.getByRole("button", { name: "Raise the concern" }).click();
    const message = "Tick at least one indicator, or describe what you observed.";
    await page.getByText(message).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/youth/${youthId}/concern`);

    const group = page.getByRole("group", { name: "What you observed" });
    expect(await elementText(group)).toContain(message);
    expect(await descriptions(group)).toContain(message);
    expect(await elementText(page.getByRole("alert"))).toBe("One field needs your attention. Nothing was saved.");
    expect(await page.getByLabel("Observed on", { exact: true }).inputValue()).toBe(observedOn);
    expect(await page.getByLabel("Note").inputValue()).toBe("");
    expect(await group.getByRole("checkbox", { checked: true }).count()).toBe(0);
    expect(count("csec_concerns", youthId)).toBe(concernsBefore);
    expect(count("red_flags", youthId)).toBe(flagsBefore);
    await close();
  });
});
