/**
 * The court report in Chromium and on the wire (issue 13): the advocate writes their sections,
 * downloads the draft as a Word document and reads it back; text naming CSEC words on a youth
 * whose status is not confirmed holds printing and the download until the passages are confirmed,
 * and the warned draft (HTML, .data, .docx) still carries nothing the court audience may not see.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { demoYouthId } from "../helpers/db";
import { signIn } from "../helpers/http";
import { startServer, type TestServer } from "../helpers/server";
import { concernTraces, openReadOnly, textOf } from "../helpers/wire";

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

/** Every XML part of a .docx, joined: what Word would show, and its headers and footers. */
async function docxText(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file("word/document.xml")).not.toBeNull();
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => n.endsWith(".xml"))
      .map((n) => zip.file(n)!.async("string")),
  );
  return parts.join("\n");
}

async function writeObservations(page: Page, text: string) {
  await page.getByLabel("The advocate's observations").fill(text);
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL(/saved=court-sections/);
}

describe("the court report", () => {
  it("the advocate writes their sections and downloads the draft as a Word document that opens", async () => {
    const youthId = demoYouthId(db, DEMO_YOUTH.advocateNone);
    const { page, close } = await newPage(browser, { acceptDownloads: true });
    try {
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/youth/${youthId}/court-draft`);
      await waitForHydration(page);
      await writeObservations(page, "She is doing well at school and joined the art club.");
      await page.getByLabel("The youth's wishes").fill("She wants to stay with her foster family.");
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect.poll(() => page.getByText(/\(version 2\)/).count()).toBe(1);
      expect(await page.getByText("Your sections are saved as a draft").count()).toBe(1);
      // The article shows both sections; the history keeps both versions.
      const article = page.locator("article.packet");
      expect(await article.innerText()).toContain("She wants to stay with her foster family.");
      expect(await page.locator("#sections details summary").innerText()).toBe("Earlier versions (2)");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download for Word (.docx)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^court-report-draft-[A-Z]+-\d{4}-\d{2}-\d{2}\.docx$/);
      const text = await docxText(new Uint8Array(readFileSync(await download.path())));
      expect(text).toContain("She is doing well at school and joined the art club.");
      expect(text).toContain("She wants to stay with her foster family.");
      expect(text).toContain("CONFIDENTIAL");
    } finally {
      await close();
    }
  });

  it("text naming CSEC words on an unconfirmed youth is quoted, and printing and the download wait for a confirmation", async () => {
    const youthId = demoYouthId(db, DEMO_YOUTH.advocateConcernBySomeoneElse);
    const { page, close } = await newPage(browser, { acceptDownloads: true });
    try {
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/youth/${youthId}/court-draft`);
      await waitForHydration(page);
      await writeObservations(page, "School is going well. Her friend says an older man is her pimp.");

      const check = page.locator("#check");
      expect(await check.locator("h2").innerText()).toBe("Check before this goes to the court");
      expect(await check.locator("blockquote").innerText()).toBe("Her friend says an older man is her pimp.");
      expect(await page.getByRole("link", { name: "Download for Word (.docx)" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Print", exact: true }).count()).toBe(0);
      // Printed anyway (the browser's own Print): the note, not the draft.
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("article.packet").isVisible()).toBe(false);
      expect(await page.locator(".print-blocked-note").isVisible()).toBe(true);
      await page.emulateMedia({ media: "screen" });

      // Confirming without ticking the box is refused, with the reason.
      await page.getByRole("button", { name: "Confirm and allow printing" }).click();
      await expect.poll(() => page.getByText("Tick the box to confirm").count()).toBe(1);
      await page.getByLabel(/I have read each passage above/).check();
      await page.getByRole("button", { name: "Confirm and allow printing" }).click();
      await page.waitForURL(/saved=court-text-confirmed/);
      await expect.poll(() => page.locator("#check").innerText()).toContain("Confirmed by Elena Novak");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download for Word (.docx)" }).click(),
      ]);
      const text = await docxText(new Uint8Array(readFileSync(await download.path())));
      expect(text).toContain("an older man is her pimp");
      for (const marker of DEMO_SECRET_MARKERS) expect(text).not.toContain(marker);
      const confirmations = db.prepare("select count(*) as n from audit_events where action = 'court_draft.confirm_text' and youth_id = ?");
      expect(confirmations.get(youthId)).toEqual({ n: 1 });
    } finally {
      await close();
    }
  });

  // After the previous test: the passages are confirmed, so the Word file downloads.
  it("a warned draft carries nothing the court audience may not see, in HTML, .data or the Word file, even for the supervisor", async () => {
    const youthId = demoYouthId(db, DEMO_YOUTH.advocateConcernBySomeoneElse);
    const csecParties = db
      .prepare("select name, phone, email from case_parties where youth_id = ? and role = 'csec_advocate'")
      .all(youthId) as Array<Record<string, string | null>>;
    const forbidden = [
      ...concernTraces(db, youthId),
      ...DEMO_SECRET_MARKERS,
      ...csecParties.flatMap((p) => Object.values(p)).filter((v): v is string => !!v),
      "CSEC advocate",
      "CSEC MDT",
      "Restoration funds",
    ];
    expect(forbidden.length).toBeGreaterThan(6);
    for (const email of ["advocate@example.org", "supervisor@example.org"]) {
      const client = await signIn(server.url, email, DEMO_PASSWORD);
      const html = await client.get(`/youth/${youthId}/court-draft`);
      const data = await client.get(`/youth/${youthId}/court-draft.data`);
      const docx = await fetch(`${server.url}/youth/${youthId}/court-draft.docx`, { headers: { Cookie: client.cookie } });
      expect(html.status).toBe(200);
      expect(data.status).toBe(200);
      expect(docx.status).toBe(200);
      // The warning is there (the draft names "pimp"), the draft itself too ...
      expect(textOf(html.text)).toContain("Her friend says an older man is her pimp.");
      const word = await docxText(await docx.arrayBuffer());
      // ... and none of what only the small circle may know.
      for (const [label, body] of [
        ["HTML", textOf(html.text)],
        [".data", data.text],
        [".docx", word],
      ] as const) {
        for (const f of forbidden) expect(body.includes(f), `${email} ${label} carries ${JSON.stringify(f)}`).toBe(false);
      }
    }
  });
});
