/**
 * Resource requests end to end in Chromium (issue 4): an advocate creates and submits a therapy
 * (EMDR) request addressed to a team member with a due date; the supervisor finds it in the queue
 * under "Submitted" and approves it; the youth's page shows it approved, and the request's page
 * shows its history (created as a draft, submitted, approved, and by whom).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { dayFromToday, PROGRAM_ONE_TZ } from "../helpers/dates";
import { demoYouthId, userId, userName } from "../helpers/db";
import { eventsOf, requestAuditsOf, requestRow } from "../helpers/requests";
import { startServer, type TestServer } from "../helpers/server";
import { openReadOnly } from "../helpers/wire";

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

const youth = DEMO_YOUTH.advocateNone;
const fullName = `${youth.firstName} ${youth.lastName}`;
const description = "EMDR with a trauma-informed clinician close to school (e2e)";

/** Shared between the steps (they run in order on one server). */
const state: { requestId?: number; partyId?: number; partyName?: string; dueOn?: string } = {};

describe("a therapy request from draft to approved", () => {
  it("the advocate creates and submits an EMDR request from the youth's page", async () => {
    const youthId = demoYouthId(db, youth);
    const party = db
      .prepare("select id, name from case_parties where youth_id = ? and role = 'csw' and ended_on is null order by id limit 1")
      .get(youthId) as { id: number; name: string };
    state.partyId = party.id;
    state.partyName = party.name;
    state.dueOn = dayFromToday(PROGRAM_ONE_TZ, 21);

    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });

    // One of their youth, from the list.
    await page.getByLabel("Name or case number").fill(youth.lastName);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === youth.lastName);
    await page.getByRole("link", { name: fullName, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
    await page.getByRole("heading", { level: 1, name: fullName }).waitFor();
    await waitForHydration(page);

    await page.getByRole("link", { name: "New request" }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}/requests/new`);
    await page.getByRole("heading", { level: 1, name: /New request/ }).waitFor();
    await waitForHydration(page);

    await page.getByLabel("Kind of resource").selectOption({ label: "Therapy" });
    await page.getByLabel("Which kind (therapy, documents)").selectOption({ label: "Therapy: EMDR" });
    await page.getByLabel("What is needed, and why").fill(description);
    const addressedTo = page.getByLabel("Addressed to", { exact: true });
    const partyOption = addressedTo.locator(`option[value="${party.id}"]`);
    expect(await elementText(partyOption)).toContain(party.name);
    await addressedTo.selectOption(String(party.id));
    await page.getByLabel(/^Due/).fill(state.dueOn);
    await page.getByRole("button", { name: "Submit the request" }).click();

    await page.waitForURL((url) => /^\/requests\/\d+$/.test(url.pathname));
    const id = Number(/\/requests\/(\d+)/.exec(new URL(page.url()).pathname)![1]);
    state.requestId = id;
    await page.getByRole("status").filter({ hasText: "Request submitted." }).waitFor();
    const heading = await elementText(page.getByRole("heading", { level: 1 }));
    expect(heading).toContain("Therapy: EMDR");
    expect(heading).toContain("Submitted");

    // What was stored.
    const row = requestRow(db, id)!;
    expect(row).toMatchObject({
      youth_id: youthId,
      type: "therapy",
      subtype: "emdr",
      description,
      addressed_to_party_id: party.id,
      addressed_to_agency: null,
      due_on: state.dueOn,
      status: "submitted",
      requested_by_user_id: userId(db, "advocate@example.org"),
    });
    expect(eventsOf(db, id).map((e) => [e.from_status, e.to_status])).toEqual([
      [null, "draft"],
      ["draft", "submitted"],
    ]);
    await close();
  });

  it("the supervisor filters the queue to Submitted, opens it and approves it", async () => {
    const id = state.requestId!;
    expect(id).toBeGreaterThan(0);
    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "supervisor@example.org", DEMO_PASSWORD, { to: "/youth" });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    await page.waitForURL((url) => url.pathname === "/requests");
    await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
    await waitForHydration(page);

    await page
      .getByRole("navigation", { name: "Requests by status" })
      .getByRole("link", { name: /^Submitted/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/requests" && url.searchParams.get("status") === "submitted");
    await waitForHydration(page);
    // The URL changes as the navigation commits, a moment before the new page renders: wait
    // for the tab to be marked current rather than read it at once.
    const tab = page.getByRole("navigation", { name: "Requests by status" }).getByRole("link", { name: /^Submitted/ });
    await page.locator('nav[aria-label="Requests by status"] a[aria-current="page"]', { hasText: "Submitted" }).waitFor();
    expect(await tab.getAttribute("aria-current")).toBe("page");

    // Every row shown is submitted; ours is among them, newest first.
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain("Submitted");
    const link = page.getByRole("link", { name: `Therapy: EMDR for ${fullName}` }).and(page.locator(`a[href="/requests/${id}"]`));
    await expect(link.count()).resolves.toBe(1);
    await link.click();
    await page.waitForURL((url) => url.pathname === `/requests/${id}`);
    await waitForHydration(page);

    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Request approved." }).waitFor();
    expect(await elementText(page.getByRole("heading", { level: 1 }))).toContain("Approved");

    const row = requestRow(db, id)!;
    expect(row.status).toBe("approved");
    expect(eventsOf(db, id).at(-1)).toMatchObject({
      from_status: "submitted",
      to_status: "approved",
      actor_user_id: userId(db, "supervisor@example.org"),
    });
    expect(requestAuditsOf(db, id).map((a) => a.action)).toEqual(["request.create", "request.approve"]);
    await close();
  });

  it("the youth's page shows it approved, and the request's page its history with who", async () => {
    const id = state.requestId!;
    const youthId = demoYouthId(db, youth);
    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });
    await page.goto(`${server.url}/youth/${youthId}`);
    await waitForHydration(page);

    const requests = page.getByRole("region", { name: "Requests" }).or(page.locator("section#requests"));
    const row = requests
      .first()
      .locator("tbody tr")
      .filter({ has: page.locator(`a[href="/requests/${id}"]`) });
    await expect(row.count()).resolves.toBe(1);
    const rowText = await elementText(row);
    expect(rowText).toContain("Therapy: EMDR");
    expect(rowText).toContain("Approved");
    expect(rowText).toContain(state.partyName!);
    expect(rowText).toContain(userName(db, "advocate@example.org"));

    await row.getByRole("link", { name: "Therapy: EMDR" }).click();
    await page.waitForURL((url) => url.pathname === `/requests/${id}`);
    await waitForHydration(page);
    const history = page.getByRole("region", { name: "History" }).or(page.locator("section[aria-labelledby='history-heading']"));
    const items = (await history.first().locator("li").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    const advocateName = userName(db, "advocate@example.org");
    const supervisorName = userName(db, "supervisor@example.org");
    expect(items).toHaveLength(3);
    expect(items[0]).toContain(`Created as a draft by ${advocateName}`);
    expect(items[1]).toContain(`Draft → Submitted by ${advocateName}`);
    expect(items[2]).toContain(`Submitted → Approved by ${supervisorName}`);
    // The advocate may not approve: no decision buttons for them.
    await expect(page.getByRole("button", { name: "Approve" }).count()).resolves.toBe(0);
    await close();
  });
});

describe("recording what the youth received", () => {
  it("the supervisor marks the approved request fulfilled with the day, the provider and the outcome; the page and its history show them", async () => {
    const id = state.requestId!;
    expect(requestRow(db, id)!.status).toBe("approved");
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "supervisor@example.org", DEMO_PASSWORD, { to: `/requests/${id}` });
      await waitForHydration(page);
      const form = page.getByRole("form", { name: "Record that it was provided" });
      // A provider left empty is a clear message, with the day typed kept.
      // The request was made today: it cannot have been provided before.
      const day = dayFromToday(PROGRAM_ONE_TZ, 0);
      await form.getByLabel("Day it was provided").fill(day);
      await form.getByLabel("Provided by (provider or agency)").fill("");
      await form.getByRole("button", { name: "Mark fulfilled" }).click();
      await page.getByText("Say who provided it (the provider or agency).").waitFor();
      await expect(form.getByLabel("Day it was provided").inputValue()).resolves.toBe(day);
      expect(requestRow(db, id)!.status).toBe("approved");

      await form.getByLabel("Provided by (provider or agency)").fill("Harbor Counseling");
      await form.getByLabel("Outcome").fill("Weekly EMDR sessions started.");
      await form.getByRole("button", { name: "Mark fulfilled" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: /fulfil/i })
        .waitFor();
      await waitForHydration(page);
      expect(requestRow(db, id)).toMatchObject({
        status: "fulfilled",
        fulfilled_on: day,
        fulfilled_by: "Harbor Counseling",
        outcome_note: "Weekly EMDR sessions started.",
      });
      const facts = await elementText(page.locator("dl.facts"));
      expect(facts).toContain("by Harbor Counseling");
      const history = (await page.locator("section[aria-labelledby='history-heading'] li").allTextContents()).map((t) =>
        t.replace(/\s+/g, " "),
      );
      expect(history.at(-1)).toContain("Approved → Fulfilled");
      expect(history.at(-1)).toContain("by Harbor Counseling");
      expect(history.at(-1)).toContain("Weekly EMDR sessions started.");
    } finally {
      await close();
    }
  });
});

describe("two people deciding the same request at once, in the browser", () => {
  it("the second is told it changed and sees its current state (status, history, what can be done now)", async () => {
    // A submitted request on a youth supervisor@ supervises (the program lead may decide it too).
    const youthId = demoYouthId(db, youth);
    const target = db
      .prepare(
        "select id, version from resource_requests where youth_id = ? and status = 'submitted' and type not in ('restoration_funds', 'csec_advocate') order by id limit 1",
      )
      .get(youthId) as { id: number; version: number };
    expect(target).toBeDefined();
    const supervisorName = userName(db, "supervisor@example.org");

    const supervisor = await newPage(browser);
    const lead = await newPage(browser);
    await signInAs(supervisor.page, server.url, "supervisor@example.org", DEMO_PASSWORD);
    await signInAs(lead.page, server.url, "lead@example.org", DEMO_PASSWORD);
    for (const { page } of [supervisor, lead]) {
      await page.goto(`${server.url}/requests/${target.id}`);
      await waitForHydration(page);
      expect(await elementText(page.getByRole("heading", { level: 1 }))).toContain("Submitted");
    }

    // The supervisor approves first.
    await supervisor.page.getByRole("button", { name: "Approve", exact: true }).click();
    await supervisor.page.getByRole("status").filter({ hasText: "Request approved." }).waitFor();

    // The lead, on the page loaded before, denies with a reason.
    await lead.page.getByLabel("Reason for the denial").fill("Covered by the school district instead.");
    await lead.page.getByRole("button", { name: "Deny the request" }).click();
    const alert = lead.page.getByRole("alert").filter({ hasText: /changed/i });
    await alert.waitFor();
    expect(await elementText(alert)).toMatch(/\bapproved\b/i);
    await waitForHydration(lead.page);

    // Nothing was overwritten ...
    const row = requestRow(db, target.id)!;
    expect(row.status).toBe("approved");
    expect(row.version).toBe(target.version + 1);
    expect(eventsOf(db, target.id).filter((e) => e.to_status === "denied")).toHaveLength(0);

    // ... and the lead's page now shows the request as it is: approved, with the approval in its
    // history, and no longer offering to approve or deny it.
    const heading = await elementText(lead.page.getByRole("heading", { level: 1 }));
    const history = (await lead.page.locator("section[aria-labelledby='history-heading'] li").allTextContents()).map((t) =>
      t.replace(/\s+/g, " ").trim(),
    );
    const offersDeny = await lead.page.getByRole("button", { name: "Deny the request" }).count();
    const offersApprove = await lead.page.getByRole("button", { name: "Approve", exact: true }).count();
    expect(
      { heading, lastHistory: history.at(-1), offersDeny, offersApprove },
      "after a 409 the page must show the request's current state, not the one loaded before",
    ).toMatchObject({
      heading: expect.stringContaining("Approved"),
      lastHistory: expect.stringContaining(`Submitted → Approved by ${supervisorName}`),
      offersDeny: 0,
      offersApprove: 0,
    });
    await supervisor.close();
    await lead.close();
  });
});
