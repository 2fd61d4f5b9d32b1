/**
 * Contacts as an advocate logs them, in Chromium (issue 13): from the youth page's header, "Log a
 * contact" with the youth and the CSW ticked; the contact is listed with both names; then,
 * from its correction page, it is deleted and gone from the page and from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
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

describe("an advocate logs a contact with two people, then deletes it", () => {
  const y = DEMO_YOUTH.advocateCleared;

  it("ticks the youth and the CSW, sees both named, deletes it from its correction page", async () => {
    const youthId = youthIdByName(db, y);
    const csw = db.prepare("select id, name from case_parties where youth_id = ? and role = 'csw' and ended_on is null").get(youthId) as
      { id: number; name: string } | undefined;
    expect(csw, "the demo youth has a current CSW").toBeDefined();
    const cswLabel = `${csw!.name} (Children's social worker (CSW))`;
    const summary = `Visit at the placement; the CSW came too (e2e ${Date.now()}).`;
    const rowsOf = (text: string) =>
      db.prepare("select id, party_id from contacts where youth_id = ? and summary = ?").all(youthId, text) as Array<{
        id: number;
        party_id: number | null;
      }>;

    const { page, close } = await newPage(browser);
    await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD, { to: "/youth" });
    await page.goto(`${server.url}/youth/${youthId}`);
    await page.getByRole("heading", { level: 1, name: fullName(y) }).waitFor();
    expect(await waitForHydration(page)).toBe(true);

    // The header's main action takes the advocate to the form.
    await page.locator(".main-actions").getByRole("link", { name: "Log a contact" }).click();
    await page.waitForURL((url) => url.hash === "#log-contact-heading");
    const form = page.getByRole("form", { name: "Log a contact" });
    const who = form.getByRole("group", { name: "Who took part" });
    const youthBox = who.getByRole("checkbox", { name: "The youth", exact: true });
    expect(await youthBox.isChecked()).toBe(true);
    await who.getByRole("checkbox", { name: cswLabel, exact: true }).check();
    await form.getByLabel("How", { exact: true }).selectOption({ label: "In person" });
    await form.getByLabel(/^Minutes/).fill("40");
    await form.getByLabel("Summary", { exact: true }).fill(summary);
    await form.getByRole("button", { name: "Log contact" }).click();
    await page.getByRole("status").filter({ hasText: "Contact logged." }).waitFor();
    await waitForHydration(page);

    const stored = rowsOf(summary);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.party_id).toBeNull();
    expect(db.prepare("select party_id from contact_parties where contact_id = ?").all(stored[0]!.id)).toEqual([{ party_id: csw!.id }]);

    const contacts = page.getByRole("region", { name: "Contacts" });
    const listed = contacts.getByRole("listitem").filter({ hasText: summary });
    const text = await elementText(listed);
    expect(text).toContain(`The youth, ${cswLabel}`);
    expect(text).toContain("In person");
    expect(text).toContain("40 min");

    // Its correction page offers the deletion.
    await listed.getByRole("link", { name: "Correct or delete" }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}/contacts/${stored[0]!.id}/edit`);
    await page.getByRole("heading", { level: 1, name: "Correct or delete a contact" }).waitFor();
    await waitForHydration(page);
    expect(await elementText(page.locator(".intro"))).toContain(`With The youth, ${cswLabel}.`);
    const deleteForm = page.getByRole("form", { name: "Delete this contact" });
    await deleteForm.getByLabel(/^Why/).fill("Logged twice by mistake");
    await deleteForm.getByRole("button", { name: "Delete this contact for good" }).click();
    await page.waitForURL((url) => url.pathname === `/youth/${youthId}` && url.searchParams.get("saved") === "contact-deleted");
    await page.getByRole("status").filter({ hasText: "Contact deleted." }).waitFor();

    expect(await page.getByRole("region", { name: "Contacts" }).getByText(summary).count()).toBe(0);
    expect(rowsOf(summary)).toEqual([]);
    expect(db.prepare("select party_ids, with_youth, reason from contact_deletions where contact_id = ?").get(stored[0]!.id)).toEqual({
      party_ids: JSON.stringify([csw!.id]),
      with_youth: 1,
      reason: "Logged twice by mistake",
    });
    await close();
  });
});
