/**
 * Notifications in Chromium and on the wire (issue 14): a supervisor approves an advocate's
 * request, and the advocate sees the header's unread count rise and opens the request from the
 * inbox; a concern raised by someone else on the advocate's youth changes nothing the advocate
 * is sent (inbox HTML, .data, the count).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { demoYouthId } from "../helpers/db";
import { signIn } from "../helpers/http";
import { startServer, type TestServer } from "../helpers/server";
import { concernTraces, openReadOnly, textOf, withoutNonce } from "../helpers/wire";

let server: TestServer;
let browser: Browser;
let db: ReturnType<typeof openReadOnly>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  db = openReadOnly(server.databasePath);
});
afterAll(async () => {
  db?.close();
  await browser?.close();
  await server?.stop();
});

describe("notifications", () => {
  it("a supervisor approves a request; its advocate sees the unread count rise and opens the request from the inbox", async () => {
    // A request the advocate submitted, decided by the supervisor, with no amount to enter.
    const request = db
      .prepare(
        `select r.id from resource_requests r join users u on u.id = r.requested_by_user_id
         where u.email = 'advocate@example.org' and r.status = 'submitted' and r.amount_cents is null
           and r.youth_id in (select youth_id from youth_assignments a join users s on s.id = a.user_id
             where a.kind = 'supervisor' and a.ended_on is null and s.email = 'supervisor@example.org')
         order by r.id limit 1`,
      )
      .get() as { id: number } | undefined;
    expect(request).toBeDefined();

    const advocate = await newPage(browser);
    const supervisor = await newPage(browser);
    try {
      await signInAs(advocate.page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await waitForHydration(advocate.page);
      const inboxLink = advocate.page.locator("header .inbox-link");
      const countOf = async () =>
        Number(
          (await inboxLink
            .locator(".inbox-count")
            .textContent()
            .catch(() => "0")) ?? 0,
        );
      const before = (await inboxLink.locator(".inbox-count").count()) ? await countOf() : 0;

      await signInAs(supervisor.page, server.url, "supervisor@example.org", DEMO_PASSWORD);
      await supervisor.page.goto(`${server.url}/requests/${request!.id}`);
      await waitForHydration(supervisor.page);
      await supervisor.page.getByRole("button", { name: "Approve", exact: true }).click();
      await supervisor.page.waitForURL(/saved=approve/);

      await advocate.page.goto(`${server.url}/`);
      await waitForHydration(advocate.page);
      expect(await countOf()).toBe(before + 1);
      expect(await inboxLink.getAttribute("class")).toContain("inbox-link-unread");
      expect(await inboxLink.innerText()).toContain("Inbox");

      await inboxLink.click();
      await advocate.page.waitForURL(/\/inbox$/);
      const item = advocate.page.locator(".inbox-unread a").first();
      expect(await item.innerText()).toMatch(/^Your request for .+ was approved\.$/);
      await item.click();
      await advocate.page.waitForURL(new RegExp(`/requests/${request!.id}$`));
      await expect.poll(() => advocate.page.locator("h1").innerText()).toContain("Approved");
      // Opened, so read: the count is back.
      await advocate.page.goto(`${server.url}/`);
      await waitForHydration(advocate.page);
      expect((await inboxLink.locator(".inbox-count").count()) ? await countOf() : 0).toBe(before);
    } finally {
      await advocate.close();
      await supervisor.close();
    }
  });

  it("an advocate chooses email at once and makes a calendar feed in their settings, reached from the account menu", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "advocate2@example.org", DEMO_PASSWORD);
      await waitForHydration(page);
      await page.locator(".user-menu summary").click();
      await page.getByRole("link", { name: /Your settings/ }).click();
      await page.waitForURL(/\/settings$/);
      await waitForHydration(page);
      await page.getByLabel(/At once/).check();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.waitForURL(/saved=email-frequency/);
      expect(db.prepare("select email_frequency as f from users where email = 'advocate2@example.org'").get()).toEqual({ f: "immediate" });

      await page.locator("#calendar").getByRole("button").first().click();
      await page.waitForURL(/saved=calendar-created/);
      await expect.poll(() => page.locator("#calendar-feed-url").inputValue()).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const feedPath = new URL(await page.locator("#calendar-feed-url").inputValue()).pathname;
      const feed = await fetch(`${server.url}${feedPath}`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toContain("text/calendar");
      expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    } finally {
      await close();
    }
  });

  it("a concern someone else raises on the advocate's youth changes nothing the advocate is sent", async () => {
    const youthId = demoYouthId(db, DEMO_YOUTH.advocateNone);
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const lead = await signIn(server.url, "lead@example.org", DEMO_PASSWORD);
    const read = async () => ({
      html: withoutNonce((await advocate.get("/inbox")).text),
      data: (await advocate.get("/inbox.data")).text,
      // The header's count, as every page sends it.
      count: /class="inbox-count"[^>]*>([^<]*)</u.exec((await advocate.get("/youth")).text)?.[1] ?? "none",
    });
    const before = await read();
    expect(before.html).toContain("Inbox");

    const raised = await lead.post(`/youth/${youthId}/concern`, {
      indicators: "running_away",
      observedOn: new Date().toLocaleDateString("sv-SE", { timeZone: "America/Los_Angeles" }),
      note: "Wire-test concern note (zq-inbox-wire)",
    });
    expect(raised.status).toBe(302);
    // The lead's own program's supervisor was told ...
    expect(
      db
        .prepare(
          "select count(*) as n from notifications n join users u on u.id = n.user_id where u.email = 'supervisor@example.org' and n.kind = 'concern.raised' and n.youth_id = ?",
        )
        .get(youthId),
    ).toEqual({ n: 1 });
    // ... and the advocate's inbox, its data and the header count on every page are byte for byte as before.
    const after = await read();
    expect(after.html).toBe(before.html);
    expect(after.data).toBe(before.data);
    expect(after.count).toBe(before.count);
    for (const trace of [...concernTraces(db, youthId), "zq-inbox-wire"]) {
      expect(textOf(after.html).toLowerCase().includes(trace.toLowerCase()), trace).toBe(false);
      expect(after.data.toLowerCase().includes(trace.toLowerCase()), trace).toBe(false);
    }
  });
});
