/**
 * Phones (issue 13): advocates log contacts right after a visit, on a phone. At 390 px wide no
 * page scrolls sideways: the header and its menu wrap, tables scroll inside their own box, forms
 * are one column. Every page of every role is opened in Chromium at 390 px and the document's
 * width is compared with the screen's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
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

/** How far the page reaches past the right edge of the screen, in CSS pixels, and what sticks out. */
async function overflowOf(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        // Inside a box that scrolls on its own is fine: only what widens the document counts.
        let scroller = el.parentElement;
        let contained = false;
        while (scroller && scroller !== document.body) {
          const style = getComputedStyle(scroller);
          if (/(auto|scroll|hidden)/.test(style.overflowX) && scroller.getBoundingClientRect().right <= width + 1) contained = true;
          scroller = scroller.parentElement;
        }
        if (!contained) culprits.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}`);
      }
    }
    return { overflow: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 6) };
  });
}

/** The first link on `path` whose href matches `pattern` (to reach a real record of the demo). */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(`${server.url}${path}`);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link like ${pattern} on ${path}`);
  return href.split("?")[0]!.split("#")[0]!;
}

const ROLES: Array<{ email: string; pages: (links: { youth: string; request: string; meeting: string }) => string[] }> = [
  {
    email: "advocate@example.org",
    pages: ({ youth, request, meeting }) => [
      "/",
      "/youth",
      youth,
      `${youth}/parties/new`,
      `${youth}/safety-plan`,
      `${youth}/concern`,
      `${youth}/requests/new`,
      `${youth}/meetings/new`,
      `${youth}/missing`,
      `${youth}/prep`,
      `${youth}/court-draft`,
      "/requests",
      request,
      "/meetings",
      meeting,
      "/actions",
      "/actions?who=caseload",
      "/prep",
      "/caseload",
      "/inbox",
      "/settings",
      "/settings/password",
    ],
  },
  {
    email: "supervisor@example.org",
    pages: ({ youth, request }) => [
      "/",
      "/youth",
      youth,
      `${youth}/csec`,
      `${youth}/case`,
      "/youth/new",
      request,
      "/caseload",
      "/concerns",
      "/reports",
      "/inbox",
    ],
  },
  {
    email: "lead@example.org",
    pages: ({ youth }) => [
      "/",
      "/youth?stale=1",
      youth,
      "/requests",
      "/caseload",
      "/reports/summary",
      "/audit",
      "/admin/users",
      "/admin/users/new",
    ],
  },
  { email: "admin@example.org", pages: () => ["/admin/users", "/admin/users/new", "/admin/program", "/settings/password"] },
];

describe("at 390 px wide (a phone) no page scrolls sideways", () => {
  for (const role of ROLES) {
    it(role.email, async () => {
      const { page, close } = await newPage(browser, { viewport: { width: 390, height: 844 } });
      try {
        await signInAs(page, server.url, role.email, DEMO_PASSWORD);
        const links =
          role.email === "admin@example.org"
            ? { youth: "", request: "", meeting: "" }
            : {
                youth: await firstLink(page, "/youth", /^\/youth\/\d+$/),
                request: await firstLink(page, "/requests", /^\/requests\/\d+$/),
                meeting: await firstLink(page, "/meetings", /^\/meetings\/\d+$/),
              };
        const wide: string[] = [];
        for (const path of role.pages(links)) {
          await page.goto(`${server.url}${path}`);
          await waitForHydration(page);
          const { overflow, culprits } = await overflowOf(page);
          if (overflow > 0) wide.push(`${path}: ${overflow}px (${culprits.join(", ")})`);
          // The menu (with sign-out) is reachable on every page.
          expect(await page.getByText(/Account menu for/).count(), path).toBe(1);
        }
        expect(wide, "pages wider than the screen").toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
