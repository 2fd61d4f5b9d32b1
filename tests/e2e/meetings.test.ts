/**
 * MDT meetings in Chromium (issue 5): the advocate opens a youth, schedules a meeting (in the
 * past, so that it can be recorded), adds two action items with owners (a team role and a user)
 * and due dates, marks one done, records the meeting, schedules the next one, opens it and finds
 * the other item carried over in its agenda (and not the done one); then opens the prep packet
 * and prints it: in print media the navigation and header are hidden, the packet is not.
 *
 * The steps run in order on one page (one browser context) and build on one another.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { elementText, launchBrowser, signInAs, waitForHydration } from "../helpers/browser";
import { DAY_MS, dayFromToday, meetingTime, PROGRAM_ONE_TZ } from "../helpers/dates";
import { meetingRow, type ActionItemDb } from "../helpers/meetings";
import { startServer, type TestServer } from "../helpers/server";
import { openReadOnly, youthIdByName } from "../helpers/wire";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  db?.close();
  await server?.stop();
});

const y = DEMO_YOUTH.advocateNone;
const fullName = `${y.firstName} ${y.lastName}`;
const stamp = Date.now().toString(36);
const ITEM_ROLE = `Ask the CSW for the school records (e2e ${stamp})`;
const ITEM_USER = `Bring the library card form to the visit (e2e ${stamp})`;
const FIRST = meetingTime(PROGRAM_ONE_TZ, -6 * DAY_MS);
const NEXT = meetingTime(PROGRAM_ONE_TZ, 12 * DAY_MS);

function itemByText(description: string): ActionItemDb | undefined {
  return db.prepare("select * from action_items where description = ?").get(description) as ActionItemDb | undefined;
}
function meetingIdOf(p: Page): number {
  const m = /^\/meetings\/(\d+)$/.exec(new URL(p.url()).pathname);
  if (!m) throw new Error(`not on a meeting page: ${p.url()}`);
  return Number(m[1]);
}

/** From the youth's page: "Schedule a meeting", fill the form, submit; lands on the new meeting. */
async function scheduleFromYouthPage(when: { local: string }, place: string, invite: Array<string | RegExp>): Promise<number> {
  await page.getByRole("link", { name: "Schedule a meeting" }).click();
  await page.waitForURL((url) => url.pathname === `/youth/${youthId}/meetings/new`);
  await page.getByRole("heading", { level: 1, name: "Schedule an MDT meeting" }).waitFor();
  await waitForHydration(page);
  await page.getByLabel("Date and time").fill(when.local);
  await page.getByLabel("Kind of meeting").selectOption({ label: "Regular MDT" });
  await page.getByLabel("Place").fill(place);
  const invited = page.getByRole("group", { name: "Invite" });
  for (const who of invite) await invited.getByRole("checkbox", { name: who, exact: typeof who === "string" }).check();
  await page.getByRole("button", { name: "Schedule the meeting" }).click();
  await page.waitForURL((url) => /^\/meetings\/\d+$/.test(url.pathname));
  await page.getByRole("status").filter({ hasText: "Meeting scheduled." }).waitFor();
  await waitForHydration(page);
  return meetingIdOf(page);
}

let youthId: number;
let advocateId: number;
let firstMeeting: number;
let nextMeeting: number;

describe("an MDT meeting, its action items and the next meeting's agenda, as advocate@example.org", () => {
  it("signs in and opens the youth", async () => {
    youthId = youthIdByName(db, y);
    advocateId = (db.prepare("select id from users where email = 'advocate@example.org'").get() as { id: number }).id;
    await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });
    await page.getByLabel("Name or case number").fill(y.lastName);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === y.lastName);
    await page.getByRole("link", { name: fullName, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
    await page.getByRole("heading", { level: 1, name: fullName }).waitFor();
    await waitForHydration(page);
  });

  it("schedules a meeting (last week) with the CSW and themself invited", async () => {
    firstMeeting = await scheduleFromYouthPage(FIRST, "Family resource center, room 2", [
      / \(Children's social worker \(CSW\)\)$/,
      "Elena Novak (advocate; CASA advocate)",
    ]);
    expect(meetingRow(db, firstMeeting)).toMatchObject({
      youth_id: youthId,
      type: "regular_mdt",
      scheduled_at: FIRST.utc,
      status: "scheduled",
      created_by_user_id: advocateId,
    });
    await page.getByRole("heading", { level: 1, name: `Regular MDT for ${fullName}` }).waitFor();
  });

  it("adds two action items with owners (the CSW role, and themself) and due dates", async () => {
    const form = page.getByRole("form", { name: "Add an action item" });
    const items: Array<[string, string, string]> = [
      [ITEM_ROLE, "role:csw", dayFromToday(PROGRAM_ONE_TZ, 9)],
      [ITEM_USER, `user:${advocateId}`, dayFromToday(PROGRAM_ONE_TZ, 4)],
    ];
    for (const [description, owner, due] of items) {
      await form.getByLabel("What", { exact: true }).fill(description);
      await form.getByLabel("Owner", { exact: true }).selectOption(owner);
      await form.getByLabel("Due", { exact: true }).fill(due);
      await form.getByRole("button", { name: "Add action item" }).click();
      await page.getByRole("status").filter({ hasText: "Action item added." }).waitFor();
      await waitForHydration(page);
      expect(itemByText(description)).toMatchObject({ meeting_id: firstMeeting, due_on: due, status: "open" });
    }
    expect(itemByText(ITEM_ROLE)).toMatchObject({ owner_party_role: "csw", owner_user_id: null });
    expect(itemByText(ITEM_USER)).toMatchObject({ owner_party_role: null, owner_user_id: advocateId });

    const fromThisMeeting = page.getByRole("region", { name: "Action items from this meeting" });
    const listed = await elementText(fromThisMeeting);
    expect(listed).toContain(ITEM_ROLE);
    expect(listed).toContain("Owner: Children's social worker (CSW)");
    expect(listed, "the item the advocate owns is listed on the meeting").toContain(ITEM_USER);
    expect(listed).toContain("Owner: Elena Novak");
  });

  it("marks the CSW's item done", async () => {
    const row = page.getByRole("region", { name: "Action items from this meeting" }).getByRole("listitem").filter({ hasText: ITEM_ROLE });
    await row.getByRole("button", { name: /^Mark done/ }).click();
    await page.getByRole("status").filter({ hasText: "Action item marked done." }).waitFor();
    await waitForHydration(page);
    expect(itemByText(ITEM_ROLE)).toMatchObject({ status: "done" });
    expect(itemByText(ITEM_ROLE)!.done_at).toBeTruthy();
    expect(itemByText(ITEM_USER)).toMatchObject({ status: "open" });
  });

  it("records who attended, the notes and the decisions", async () => {
    const record = page.getByRole("form", { name: "Record the meeting" });
    await record.getByRole("checkbox", { name: "Elena Novak", exact: true }).check();
    await record.getByLabel("Notes").fill(`School and visits discussed (e2e ${stamp}).`);
    await record.getByLabel("Decisions").fill(`Keep the placement (e2e ${stamp}).`);
    await record.getByRole("button", { name: "Save the record" }).click();
    await page.getByRole("status").filter({ hasText: "Meeting recorded." }).waitFor();
    await waitForHydration(page);
    expect(meetingRow(db, firstMeeting)).toMatchObject({ status: "held", decisions: `Keep the placement (e2e ${stamp}).` });
    const attended = db.prepare("select user_id from meeting_attendees where meeting_id = ? and attended = 1").all(firstMeeting);
    expect(attended).toEqual([{ user_id: advocateId }]);
    expect(await elementText(page.getByRole("region", { name: "Attendance, notes and decisions" }))).toContain("Elena Novak: attended");
  });

  it("schedules the next meeting, and its agenda carries the open item over, not the done one", async () => {
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: fullName }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}`);
    await page.getByRole("heading", { level: 1, name: fullName }).waitFor();
    await waitForHydration(page);
    nextMeeting = await scheduleFromYouthPage(NEXT, "Family resource center, room 3", ["Elena Novak (advocate; CASA advocate)"]);
    expect(nextMeeting).not.toBe(firstMeeting);
    expect(meetingRow(db, nextMeeting)).toMatchObject({ scheduled_at: NEXT.utc, status: "scheduled" });

    const agenda = page.getByRole("region", { name: "Agenda" });
    const text = await elementText(agenda);
    expect(text).toContain("Open action items carried over");
    expect(text, "the open item from the first meeting is carried over").toContain(ITEM_USER);
    expect(text).not.toContain(ITEM_ROLE);
    // It links back to the meeting it came from.
    const carried = agenda.getByRole("listitem").filter({ hasText: ITEM_USER });
    expect(await carried.getByRole("link", { name: "from a meeting" }).getAttribute("href")).toBe(`/meetings/${firstMeeting}`);
    await page.screenshot({ path: "/tmp/meetings-e2e-next-meeting.png", fullPage: true });
  });

  it("opens the prep packet and prints it: navigation and header hidden, the packet shown", async () => {
    await page.getByRole("link", { name: "Prep packet", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}/prep`);
    await page.getByRole("heading", { level: 1, name: "MDT prep packet" }).waitFor();
    await waitForHydration(page);

    const nav = page.getByRole("navigation", { name: "Main" });
    const header = page.locator("header.app-header");
    const packet = page.locator("article.packet");
    const packetHeading = packet.getByRole("heading", { level: 2, name: fullName });
    const printButton = page.getByRole("button", { name: "Print" });
    // On screen, everything is there.
    expect(await nav.isVisible()).toBe(true);
    expect(await header.isVisible()).toBe(true);
    expect(await printButton.isVisible()).toBe(true);
    expect(await packetHeading.isVisible()).toBe(true);
    const packetText = await elementText(packet);
    expect(packetText, "the open item is in the packet").toContain(ITEM_USER);
    expect(packetText).not.toContain(ITEM_ROLE);

    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => matchMedia("print").matches)).toBe(true);
    expect(await nav.isVisible()).toBe(false);
    expect(await header.isVisible()).toBe(false);
    expect(await page.locator(".user-menu").isVisible()).toBe(false);
    expect(await printButton.isVisible()).toBe(false);
    expect(await page.getByRole("navigation", { name: "Breadcrumb" }).isVisible()).toBe(false);
    expect(await packet.isVisible()).toBe(true);
    expect(await packetHeading.isVisible()).toBe(true);
    expect(await packet.getByText(ITEM_USER).isVisible()).toBe(true);
    // On paper it says it is confidential, who printed it and when; on screen that line is not there.
    const printedBy = page.locator(".printed-by");
    expect(await printedBy.isVisible()).toBe(true);
    expect(await elementText(printedBy)).toMatch(/^Confidential: a case record of .+\. Printed .+ by Elena Novak\./);
    await page.screenshot({ path: "/tmp/meetings-e2e-prep-print.png", fullPage: true });
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator(".printed-by").isVisible()).toBe(false);
  });
});
