/**
 * The reports in Chromium (issue 11): the program lead reaches them from their home, the page
 * draws its charts beside tables with the same numbers, a table downloads as CSV and as an Excel
 * workbook holding what the page shows, and recharts is downloaded by the report page only, after its first load: the
 * first load of `/youth` fetches none of it.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Response } from "playwright-core";
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { DEMO_PASSWORD } from "../../db/seed";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
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

/** A table's body as text, row by row (row header first). */
async function tableText(page: Page, figureId: string): Promise<string[][]> {
  const rows = page.locator(`#${figureId} table tbody tr, #${figureId} table tfoot tr`);
  const out: string[][] = [];
  for (const row of await rows.all()) {
    const cells = [];
    for (const cell of await row.locator("th, td").all()) cells.push(await elementText(cell));
    out.push(cells);
  }
  return out;
}

/** Whether any script the page downloaded while `load` ran is recharts' code. */
async function scriptsWhile(page: Page, load: () => Promise<unknown>): Promise<{ urls: string[]; recharts: string[] }> {
  const scripts: { url: string; body: Promise<string> }[] = [];
  const onResponse = (res: Response) => {
    if (res.request().resourceType() === "script" || res.url().endsWith(".js"))
      scripts.push({ url: res.url(), body: res.text().catch(() => "") });
  };
  page.on("response", onResponse);
  await load();
  await waitForHydration(page);
  page.off("response", onResponse);
  const recharts: string[] = [];
  // recharts' own class names are in its code and nowhere else in the app.
  for (const s of scripts) if ((await s.body).includes("recharts-cartesian-axis")) recharts.push(s.url);
  return { urls: scripts.map((s) => s.url), recharts };
}

describe("reports in the browser", () => {
  it("the lead opens them from the home: charts in figures, the same numbers in tables", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/`);
      await waitForHydration(page);
      await page.locator(".home-reports").getByRole("link", { name: "Reports" }).click();
      await page.waitForURL(/\/reports$/);
      await page.getByLabel("Period", { exact: true }).selectOption("year_to_date");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(/period=year_to_date/);
      await waitForHydration(page);
      await expect.poll(() => page.locator("figure .report-chart svg.recharts-surface").count()).toBeGreaterThanOrEqual(7);
      const figures = page.locator("figure.report-figure");
      expect(await figures.count()).toBeGreaterThanOrEqual(13);
      for (const f of await figures.all()) {
        expect(await f.locator("figcaption h3").count()).toBe(1);
        expect((await f.locator("table").count()) + (await f.getByText("Nothing in this period.").count())).toBeGreaterThan(0);
      }
      // Each chart's figure has its table and the chart is described as such for screen readers.
      const chart = page.locator("#funds-by-month .report-chart");
      expect(await chart.getAttribute("role")).toBe("img");
      expect(await chart.getAttribute("aria-label")).toMatch(/table below has the same numbers/);
      // The lead sees concerns; the summary links are there.
      await expect.poll(() => page.locator("#csec-concerns").count()).toBe(1);
      expect(await page.getByRole("link", { name: "One-page summary to print" }).count()).toBe(1);
    } finally {
      await close();
    }
  });

  it("a table downloads as CSV and as an Excel workbook with the page's numbers", async () => {
    const { page, close } = await newPage(browser, { acceptDownloads: true });
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/reports?period=year_to_date`);
      await waitForHydration(page);
      const onPage = await tableText(page, "funds-by-month");
      expect(onPage.length).toBeGreaterThan(1);

      const figure = page.locator("#funds-by-month");
      const [csvDownload] = await Promise.all([page.waitForEvent("download"), figure.getByRole("link", { name: /^CSV/ }).click()]);
      expect(csvDownload.suggestedFilename()).toMatch(/^funds-by-month-\d{4}-01-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = parseCsv(readFileSync(await csvDownload.path(), "utf8").replace(/^\uFEFF/, ""));
      expect(csv[0]).toEqual(["Month", "Requested (USD)", "Approved (USD)", "Paid (USD)"]);
      // "$1,275.00" on the page is 1275.00 in the file; the months line up, the total row last.
      const dollars = (text: string) => text.replace(/[$,]/g, "");
      expect(csv.slice(1).map((row) => row.slice(1))).toEqual(onPage.map((row) => row.slice(1).map(dollars)));

      const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), figure.getByRole("link", { name: /^Excel/ }).click()]);
      expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(readFileSync(await xlsxDownload.path())).buffer);
      const sheet = workbook.worksheets[0]!;
      const fromSheet: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        fromSheet.push((row.values as unknown[]).slice(2).map((v) => (typeof v === "number" ? v.toFixed(2) : String(v))));
      });
      expect(fromSheet).toEqual(onPage.map((row) => row.slice(1).map(dollars)));
      // Months are real dates in the workbook.
      expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    } finally {
      await close();
    }
  });

  it("the first load of /youth fetches no recharts code; the report page does", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      const youth = await scriptsWhile(page, () => page.goto(`${server.url}/youth`));
      expect(youth.urls.length).toBeGreaterThan(0);
      expect(youth.recharts).toEqual([]);
      const reports = await scriptsWhile(page, async () => {
        await page.goto(`${server.url}/reports`);
        await expect.poll(() => page.locator("svg.recharts-surface").count()).toBeGreaterThan(0);
      });
      expect(reports.recharts.length).toBe(1);
      // Fetched once the page runs, not on its first load: the HTML names none of it.
      const html = await (await page.request.get(`${server.url}/reports`)).text();
      expect(html).toContain('rel="modulepreload"');
      for (const url of reports.recharts) expect(html).not.toContain(new URL(url).pathname);
    } finally {
      await close();
    }
  });

  it("the one-page summary prints on one page, without the page's controls", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/reports/summary?period=year_to_date`);
      await waitForHydration(page);
      expect(await page.getByRole("button", { name: "Print this summary" }).count()).toBe(1);
      await page.emulateMedia({ media: "print" });
      expect(await page.getByRole("button", { name: "Print this summary" }).isVisible()).toBe(false);
      expect(await page.locator(".app-header").isVisible()).toBe(false);
      const pages = async (format: string) => (await page.pdf({ format })).toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      for (const format of ["Letter", "A4"]) expect(await pages(format), format).toBe(1);
      // The count is of real pages: the whole report, with its thirteen figures, takes several.
      await page.goto(`${server.url}/reports?period=year_to_date`);
      await waitForHydration(page);
      expect(await pages("Letter")).toBeGreaterThan(3);
    } finally {
      await close();
    }
  });

  it("at 390 px wide (a phone) neither report page scrolls sideways, the menu included", async () => {
    const { page, close } = await newPage(browser, { viewport: { width: 390, height: 800 } });
    try {
      await signInAs(page, server.url, "lead@example.org", DEMO_PASSWORD);
      for (const path of ["/reports?period=year_to_date", "/reports/summary"]) {
        await page.goto(`${server.url}${path}`);
        await waitForHydration(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBe(0);
        expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).isVisible()).toBe(true);
      }
    } finally {
      await close();
    }
  });

  it("the supervisor has reports in the menu; an advocate has none and is refused", async () => {
    const { page, close } = await newPage(browser);
    try {
      await signInAs(page, server.url, "supervisor@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/`);
      expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).count()).toBe(1);
    } finally {
      await close();
    }
    const advocate = await newPage(browser);
    try {
      await signInAs(advocate.page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await advocate.page.goto(`${server.url}/`);
      expect(await advocate.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).count()).toBe(0);
      const res = await advocate.page.goto(`${server.url}/reports`);
      expect(res?.status()).toBe(403);
    } finally {
      await advocate.close();
    }
  });
});
