/**
 * Paper that leaves the office (issue 13): a typical youth's prep packet fits one Letter page
 * and one A4 page; prep packets and court drafts say on paper that they are confidential, who
 * printed them and when (and, in the page margins, "CONFIDENTIAL" and the page number).
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

const pagesOf = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

describe("printed packets and drafts", () => {
  it("each of the advocate's youth has a one-page prep packet, marked confidential with who printed it", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/youth`);
      const youth = await page.locator('main a[href^="/youth/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      expect(youth.length).toBeGreaterThan(3);
      const long: string[] = [];
      for (const href of youth) {
        await page.goto(`${server.url}${href}/prep`);
        await waitForHydration(page);
        expect(await page.locator(".printed-by").isVisible(), "not on screen").toBe(false);
        await page.emulateMedia({ media: "print" });
        expect(await page.locator(".printed-by").textContent()).toMatch(/^Confidential: .+ Printed .+ by Elena Novak\./);
        for (const format of ["Letter", "A4"]) {
          const n = pagesOf(await page.pdf({ format }));
          if (n !== 1) long.push(`${href} ${format}: ${n} pages`);
        }
        await page.emulateMedia({ media: "screen" });
      }
      expect(long).toEqual([]);

      await page.goto(`${server.url}${youth[0]}/court-draft`);
      await waitForHydration(page);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".printed-by").textContent()).toMatch(/by Elena Novak/);
    } finally {
      await close();
    }
  });
});
