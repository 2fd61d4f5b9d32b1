/**
 * Automated accessibility check of every main page in Chromium with axe-core (WCAG 2.0/2.1 A and
 * AA rules): each demo role signs in and visits its pages, including the 404 and 403 pages, pages
 * with every <details> disclosure opened (axe skips hidden content) and forms in their error state
 * (submitted empty). A page fails on any violation of impact "serious" or "critical" (and on
 * duplicate-id-aria, which axe files under "needs review": see FAIL_ON_REVIEW); every violation
 * (minor and moderate too) is printed with its rule, impact, help text and the first nodes, so a
 * failure says what to fix. A summary, grouped by rule, is printed at the end, with what axe left
 * for manual review. Plus one keyboard check: the first Tab stop is the "Skip to content" link,
 * and following it moves focus to <main>.
 *
 * Set A11Y_REPORT=path/to/file.json to also write every result as JSON.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AxeResults, ImpactValue, NodeResult, Result } from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { launchBrowser, signInAs, waitForHydration } from "../helpers/browser";
import { startServer, type TestServer } from "../helpers/server";
import { openReadOnly, youthIdByName } from "../helpers/wire";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING: ReadonlySet<ImpactValue> = new Set<ImpactValue>(["serious", "critical"]);
/**
 * axe reports these rules as "needs review" (reviewOnFail) rather than as violations, but a hit is a
 * real failure here and they fail the page like a violation. duplicate-id-aria (critical): an id
 * used by <label for> or aria-* occurs twice, so the label or description attaches to the first
 * element only and the others have no accessible name (axe's own `label` rule does not notice).
 */
const FAIL_ON_REVIEW: ReadonlySet<string> = new Set(["duplicate-id-aria"]);

let server: TestServer;
let browser: Browser;
let db: Database.Database;

/** Youth and records the pages are about, looked up from the seeded database. */
let ids: {
  /** The advocate's youth with no CSEC status: team, contacts, requests, meetings, action items. */
  youth: number;
  /** The advocate's youth with a concern under review (raised by the supervisor): the supervisor's review form. */
  concernYouth: number;
  /** A youth of program two: out of every program-one user's scope (a 404). */
  outOfScopeYouth: number;
  /** A submitted, not CSEC-sensitive request on `youth`: every case role sees it, the supervisor may approve or deny it. */
  request: number;
  /** Approved, on the supervisor's caseload: the fulfilment form. */
  approvedRequest: number;
  /** Restoration funds, submitted, on the supervisor's caseload: the approve-an-amount form. */
  fundsRequest: number;
  /** The upcoming (scheduled) meeting on `youth`: agenda and the record form. */
  upcomingMeeting: number;
  /** A held meeting on `youth`: notes, decisions, action items. */
  heldMeeting: number;
  /** The advocate's youth missing now, and its open runaway episode (the checklist). */
  missingYouth: number;
  episode: number;
};

type PageResult = {
  role: string;
  label: string;
  url: string;
  violations: Result[];
  /** What axe could not decide (e.g. contrast over a background it cannot compute): not asserted, only reported. */
  incomplete: Result[];
};
const results: PageResult[] = [];

beforeAll(async () => {
  server = await startServer();
  db = openReadOnly(server.databasePath);
  browser = await launchBrowser();
  const youth = youthIdByName(db, DEMO_YOUTH.advocateNone);
  const request = db
    .prepare(
      "select id from resource_requests where youth_id = ? and status = 'submitted' and type not in ('restoration_funds', 'csec_advocate') order by id limit 1",
    )
    .get(youth) as { id: number } | undefined;
  const upcoming = db
    .prepare("select id from mdt_meetings where youth_id = ? and status = 'scheduled' order by scheduled_at limit 1")
    .get(youth) as { id: number } | undefined;
  const held = db
    .prepare("select id from mdt_meetings where youth_id = ? and status = 'held' order by scheduled_at desc limit 1")
    .get(youth) as { id: number } | undefined;
  const supervised = `youth_id in (select youth_id from youth_assignments a join users u on u.id = a.user_id
      where u.email = 'supervisor@example.org' and a.kind = 'supervisor' and a.ended_on is null)`;
  const approved = db.prepare(`select id from resource_requests where status = 'approved' and ${supervised} order by id limit 1`).get() as
    { id: number } | undefined;
  const funds = db
    .prepare(
      `select id from resource_requests where status = 'submitted' and type = 'restoration_funds' and ${supervised} order by id limit 1`,
    )
    .get() as { id: number } | undefined;
  if (!approved || !funds)
    throw new Error("The demo seed lacks an approved request and submitted restoration funds on supervisor@'s caseload");
  if (!request || !upcoming || !held)
    throw new Error("The demo seed lacks a submitted request or a scheduled and a held meeting for DEMO_YOUTH.advocateNone");
  ids = {
    youth,
    concernYouth: youthIdByName(db, DEMO_YOUTH.advocateConcernBySomeoneElse),
    outOfScopeYouth: youthIdByName(db, DEMO_YOUTH.secondProgramConcern),
    request: request.id,
    approvedRequest: approved.id,
    fundsRequest: funds.id,
    upcomingMeeting: upcoming.id,
    heldMeeting: held.id,
    missingYouth: youthIdByName(db, DEMO_YOUTH.missingNow),
    episode: (
      db
        .prepare("select id from runaway_episodes where youth_id = ? and returned_at is null")
        .get(youthIdByName(db, DEMO_YOUTH.missingNow)) as { id: number }
    ).id,
  };
});

afterAll(async () => {
  await browser?.close();
  db?.close();
  await server?.stop();
  if (results.length > 0) {
    console.log(summary(results));
    if (process.env.A11Y_REPORT) writeFileSync(process.env.A11Y_REPORT, JSON.stringify(results, null, 2));
  }
});

async function newContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

// ---------------------------------------------------------------------------------------------
// axe

/** Injects axe-core into the page (once per document) and runs the WCAG 2.x A/AA rules on it. */
async function runAxe(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's
  // Content-Security-Policy (rightly) refuses a script without its nonce.
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations", "incomplete"],
      }),
    WCAG_TAGS,
  );
}

function describeNode(node: NodeResult): string {
  const target = node.target.map((t) => (Array.isArray(t) ? t.join(" >> ") : String(t))).join(" ");
  const html = node.html.replace(/\s+/g, " ").slice(0, 240);
  const why = node.failureSummary ? `\n          ${node.failureSummary.replace(/\s*\n\s*/g, " / ")}` : "";
  return `        - ${target}\n          ${html}${why}`;
}

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 3).map(describeNode).join("\n");
      const more = v.nodes.length > 3 ? `\n        … and ${v.nodes.length - 3} more` : "";
      return `  [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"})\n      ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

/** Checks the page as it is now (once hydrated): prints every violation and fails on serious or critical ones. */
async function check(page: Page, role: string, label: string): Promise<void> {
  if (!(await waitForHydration(page))) console.warn(`axe: ${label} as ${role} did not hydrate; checking the server-rendered page`);
  const axe = await runAxe(page);
  const url = new URL(page.url());
  const entry: PageResult = {
    role,
    label,
    url: url.pathname + url.search,
    violations: axe.violations,
    incomplete: axe.incomplete,
  };
  results.push(entry);
  const header = `axe: ${label} as ${role} (${entry.url})`;
  const reviewFailures = axe.incomplete.filter((r) => FAIL_ON_REVIEW.has(r.id));
  const reported = [...axe.violations, ...reviewFailures];
  if (reported.length > 0) console.log(`${header}: ${reported.length} violation(s)\n${describeViolations(reported)}`);
  else console.log(`${header}: no violations`);
  const blocking = [...axe.violations.filter((v) => v.impact && BLOCKING.has(v.impact)), ...reviewFailures];
  expect(
    blocking.map((v) => `${v.id} (${v.impact})`),
    `serious/critical accessibility violations on ${label} as ${role} (${entry.url}):\n${describeViolations(blocking)}`,
  ).toEqual([]);
}

/**
 * Opens a path, checks it answered with `status` (a page the role may see), and runs axe on it.
 * With `disclosures: "open"` every <details> is opened first, so that the forms and history behind
 * them (the account menu, "Drop" on action items, earlier versions...) are checked too: axe skips
 * hidden content.
 */
async function visit(
  page: Page,
  role: string,
  path: string,
  label = path,
  opts: { status?: number; disclosures?: "open" } = {},
): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(new URL(page.url()).pathname, `${path} as ${role} redirected`).toBe(path.split("?")[0]);
  expect(response?.status(), `${path} as ${role}`).toBe(opts.status ?? 200);
  if (opts.disclosures === "open") {
    await waitForHydration(page);
    const opened = await page.evaluate(() => {
      const all = [...document.querySelectorAll("details")];
      for (const d of all) d.open = true;
      return all.length;
    });
    expect(opened, `${path} has disclosures to open`).toBeGreaterThan(0);
  }
  await check(page, role, label);
}

/** Opens a form page, submits the given form as it is (nothing filled in), waits for the error alert, runs axe. */
async function submitEmpty(page: Page, role: string, path: string, form: string, label: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await waitForHydration(page);
  const theForm = page.locator(form);
  const submit = theForm.locator('button[type="submit"]').first();
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await submit.click();
  const response = await posted;
  expect(response.status(), `submitting ${label} empty`).toBe(400);
  await theForm.locator('[role="alert"]').first().waitFor();
  expect(new URL(page.url()).pathname).toBe(path);
  await check(page, role, label);
}

// ---------------------------------------------------------------------------------------------
// The pages

describe("accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violations", () => {
  describe("signed out", () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => ({ context, page } = await newContext()));
    afterAll(async () => context?.close());

    it("/login", async () => {
      await visit(page, "signed out", "/login");
    });

    it("/login after a wrong password (error state)", async () => {
      await page.goto(`${server.url}/login`);
      await waitForHydration(page);
      await page.getByLabel("Email", { exact: true }).fill("advocate@example.org");
      await page.getByLabel("Password", { exact: true }).fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").waitFor();
      await check(page, "signed out", "/login after a wrong password");
    });

    it("/login after submitting it empty (error state)", async () => {
      await page.goto(`${server.url}/login`);
      await waitForHydration(page);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The login form shows only field messages (no alert) for missing fields.
      await page.locator('#email[aria-invalid="true"]').waitFor();
      await check(page, "signed out", "/login submitted empty");
    });
  });

  describe("advocate@example.org", () => {
    const role = "advocate@example.org";
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newContext());
      await signInAs(page, server.url, role, DEMO_PASSWORD);
    });
    afterAll(async () => context?.close());

    const pages: Array<[string, () => string]> = [
      ["/ (home)", () => "/"],
      ["/youth", () => "/youth"],
      ["/youth/:id", () => `/youth/${ids.youth}`],
      ["/youth/:id/parties/new", () => `/youth/${ids.youth}/parties/new`],
      ["/youth/:id/safety-plan", () => `/youth/${ids.youth}/safety-plan`],
      ["/youth/:id/concern", () => `/youth/${ids.youth}/concern`],
      ["/youth/:id/requests/new", () => `/youth/${ids.youth}/requests/new`],
      ["/youth/:id/meetings/new", () => `/youth/${ids.youth}/meetings/new`],
      ["/youth/:id/prep", () => `/youth/${ids.youth}/prep`],
      ["/youth/:id/court-draft", () => `/youth/${ids.youth}/court-draft`],
      ["/youth/:id/missing (report missing)", () => `/youth/${ids.youth}/missing`],
      ["/youth/:id (missing now)", () => `/youth/${ids.missingYouth}`],
      ["/youth/:id/episodes/:id (the checklist)", () => `/youth/${ids.missingYouth}/episodes/${ids.episode}`],
      ["/requests", () => "/requests"],
      ["/requests/:id (submitted)", () => `/requests/${ids.request}`],
      ["/meetings", () => "/meetings"],
      ["/meetings/:id (upcoming)", () => `/meetings/${ids.upcomingMeeting}`],
      ["/meetings/:id (held)", () => `/meetings/${ids.heldMeeting}`],
      ["/actions", () => "/actions"],
      ["/prep", () => "/prep"],
      ["/caseload", () => "/caseload"],
      ["/inbox", () => "/inbox"],
      ["/settings", () => "/settings"],
    ];
    for (const [label, path] of pages) {
      it(label, async () => {
        await visit(page, role, path(), label);
      });
    }

    const withDisclosures: Array<[string, () => string]> = [
      ["/youth/:id with every disclosure open", () => `/youth/${ids.youth}`],
      ["/actions with every disclosure open", () => "/actions"],
      ["/meetings/:id (upcoming) with every disclosure open", () => `/meetings/${ids.upcomingMeeting}`],
    ];
    for (const [label, path] of withDisclosures) {
      it(label, async () => {
        await visit(page, role, path(), label, { disclosures: "open" });
      });
    }

    it("/actions with a 'Drop' form submitted empty (error state)", async () => {
      await page.goto(`${server.url}/actions`);
      await waitForHydration(page);
      const drop = page.locator("details.drop").first();
      await drop.locator("summary").click();
      const posted = page.waitForResponse((r) => r.request().method() === "POST");
      await drop.getByRole("button", { name: "Drop the item" }).click();
      expect((await posted).status(), "dropping without a reason").toBe(400);
      await page.locator('details.drop input[aria-invalid="true"]').first().waitFor();
      await check(page, role, "/actions Drop submitted empty");
    });

    it("404 page (/nope)", async () => {
      await visit(page, role, "/nope", "404 (/nope)", { status: 404 });
    });

    it("404 page for a youth out of scope (/youth/:otherProgramId)", async () => {
      await visit(page, role, `/youth/${ids.outOfScopeYouth}`, "404 (/youth/:id out of scope)", { status: 404 });
    });

    it("403 page (/youth/:id/csec, supervisors only)", async () => {
      await visit(page, role, `/youth/${ids.youth}/csec`, "403 (/youth/:id/csec as advocate)", { status: 403 });
    });

    it("/requests/:id/edit and /youth/:id/contacts/:id/edit (a draft and a contact of the advocate's own)", async () => {
      await page.goto(`${server.url}/youth/${ids.youth}/requests/new`);
      await waitForHydration(page);
      await page.getByLabel("Kind of resource").selectOption("medical");
      await page.getByLabel("Addressed to", { exact: true }).selectOption("agency");
      await page.getByLabel(/^Agency or organisation/).fill("County clinic");
      await page.getByRole("button", { name: "Save as draft" }).click();
      await page.waitForURL(/\/requests\/\d+\?saved=draft/);
      const requestId = /\/requests\/(\d+)/.exec(page.url())![1]!;
      await visit(page, role, `/requests/${requestId}/edit`, "/requests/:id/edit");

      await page.goto(`${server.url}/youth/${ids.youth}`);
      await waitForHydration(page);
      const form = page.getByRole("form", { name: "Log a contact" });
      await form.getByLabel("How").selectOption("phone");
      await form.getByLabel(/^Summary/).fill("Called to confirm the visit (accessibility test)");
      await form.getByRole("button", { name: "Log contact" }).click();
      await page.waitForURL(/saved=contact/);
      const href = await page.locator('a[href*="/contacts/"][href$="/edit"]').first().getAttribute("href");
      await visit(page, role, href!, "/youth/:id/contacts/:id/edit");
    });

    it("/youth/:id/concern submitted with nothing ticked (error state)", async () => {
      await submitEmpty(page, role, `/youth/${ids.youth}/concern`, "form.card-form", "/youth/:id/concern submitted empty");
    });

    it("/youth/:id/parties/new submitted empty (error state)", async () => {
      await submitEmpty(page, role, `/youth/${ids.youth}/parties/new`, "form.card-form", "/youth/:id/parties/new submitted empty");
    });

    it("/youth/:id with the contact form submitted empty (error state)", async () => {
      await submitEmpty(
        page,
        role,
        `/youth/${ids.youth}`,
        'form[aria-labelledby="log-contact-heading"]',
        "/youth/:id log-a-contact submitted empty",
      );
    });
  });

  describe("supervisor@example.org", () => {
    const role = "supervisor@example.org";
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newContext());
      await signInAs(page, server.url, role, DEMO_PASSWORD);
    });
    afterAll(async () => context?.close());

    const pages: Array<[string, () => string]> = [
      ["/ (home)", () => "/"],
      ["/youth", () => "/youth"],
      ["/youth/:id (concern under review)", () => `/youth/${ids.concernYouth}`],
      ["/youth/:id/csec", () => `/youth/${ids.concernYouth}/csec`],
      ["/requests/:id (submitted: approve / deny)", () => `/requests/${ids.request}`],
      ["/meetings", () => "/meetings"],
      ["/actions", () => "/actions"],
      ["/actions?who=caseload&overdue=1 (overdue across the caseload)", () => "/actions?who=caseload&overdue=1"],
      ["/caseload sorted by overdue actions", () => "/caseload?sort=overdueActions.desc"],
      ["/requests/:id (approved: record that it was provided)", () => `/requests/${ids.approvedRequest}`],
      ["/requests/:id (restoration funds: approve an amount)", () => `/requests/${ids.fundsRequest}`],
      ["/youth?stale=1", () => "/youth?stale=1"],
      ["/youth/new (take in a youth)", () => "/youth/new"],
      ["/concerns (the review queue)", () => "/concerns"],
      ["/youth/:id/case (placement, assignments, close)", () => `/youth/${ids.concernYouth}/case`],
    ];
    for (const [label, path] of pages) {
      it(label, async () => {
        await visit(page, role, path(), label);
      });
    }

    it("/youth/:id (concern under review) with every disclosure open", async () => {
      await visit(page, role, `/youth/${ids.concernYouth}`, "/youth/:id (concern under review) with every disclosure open", {
        disclosures: "open",
      });
    });

    it("/youth/new submitted empty (error state)", async () => {
      await submitEmpty(page, role, "/youth/new", "form.card-form", "/youth/new submitted empty");
    });

    it("/youth/:id/csec with the confirm form submitted empty (error state)", async () => {
      await submitEmpty(
        page,
        role,
        `/youth/${ids.concernYouth}/csec`,
        'form[aria-labelledby="confirm-heading"]',
        "/youth/:id/csec confirm submitted empty",
      );
    });
  });

  describe("lead@example.org", () => {
    const role = "lead@example.org";
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newContext());
      await signInAs(page, server.url, role, DEMO_PASSWORD);
    });
    afterAll(async () => context?.close());

    const pages: Array<[string, () => string]> = [
      ["/ (home)", () => "/"],
      ["/youth", () => "/youth"],
      ["/youth/:id", () => `/youth/${ids.concernYouth}`],
      ["/requests", () => "/requests"],
      ["/requests/:id", () => `/requests/${ids.request}`],
      ["/meetings/:id", () => `/meetings/${ids.upcomingMeeting}`],
      ["/prep", () => "/prep"],
      ["/caseload (supervisors)", () => "/caseload"],
      ["/reports/summary", () => "/reports/summary?period=last_quarter"],
      ["/audit", () => "/audit"],
      ["/audit?youth= (who has seen this record)", () => `/audit?youth=${ids.concernYouth}`],
    ];
    for (const [label, path] of pages) {
      it(label, async () => {
        await visit(page, role, path(), label);
      });
    }

    it("/reports (year to date), once its charts are drawn", async () => {
      await page.goto(`${server.url}/reports?period=year_to_date`);
      await waitForHydration(page);
      await expect.poll(() => page.locator(".report-chart svg.recharts-surface").count()).toBeGreaterThan(5);
      await check(page, role, "/reports (charts drawn)");
    });

    it("/reports with custom dates in error (400, the form kept)", async () => {
      await visit(page, role, "/reports?period=custom&from=2026-03-01&to=2026-01-01", "/reports (error)", { status: 400 });
      expect(await page.locator("#f-from").inputValue()).toBe("2026-03-01");
      expect(await page.locator("#f-to").inputValue()).toBe("2026-01-01");
      expect(await page.locator(".field-error").allTextContents()).toEqual(["The last day cannot be before the first day."]);
    });
  });

  describe("admin@example.org", () => {
    const role = "admin@example.org";
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newContext());
      await signInAs(page, server.url, role, DEMO_PASSWORD);
    });
    afterAll(async () => context?.close());

    it("/admin/users, /admin/users/new, /admin/users/:id, /settings/password", async () => {
      await visit(page, role, "/admin/users");
      await visit(page, role, "/admin/users/new");
      await page.goto(`${server.url}/admin/users?q=advocate%40example.org`);
      const href = await page.locator("tbody a").first().getAttribute("href");
      await visit(page, role, href!, "/admin/users/:id");
      await visit(page, role, "/settings/password");
      await visit(page, role, "/admin/program");
    });

    it("404 page (/nope)", async () => {
      await visit(page, role, "/nope", "404 (/nope)", { status: 404 });
    });
  });
});

describe("keyboard", () => {
  it("on /youth/:id the first Tab stop is 'Skip to content', visible when focused, and it moves focus to main", async () => {
    const { context, page } = await newContext();
    try {
      await signInAs(page, server.url, "advocate@example.org", DEMO_PASSWORD);
      await page.goto(`${server.url}/youth/${ids.youth}`);
      await waitForHydration(page);
      // Start from the top of the document, as a keyboard user arriving on the page does.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName.toLowerCase(),
          text: (el.textContent ?? "").replace(/\s+/g, " ").trim(),
          href: el.getAttribute("href"),
          visible:
            box.width > 1 &&
            box.height > 1 &&
            box.bottom > 0 &&
            box.right > 0 &&
            box.top < window.innerHeight &&
            box.left < window.innerWidth,
        };
      });
      expect(first, "the first Tab stop").toMatchObject({ tag: "a", text: "Skip to content" });
      expect(first?.visible, "the skip link is on screen while it has focus").toBe(true);

      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.tagName === "MAIN");
      const focused = await page.evaluate(() => ({
        tag: document.activeElement?.tagName.toLowerCase(),
        id: document.activeElement?.id,
      }));
      expect(focused).toEqual({ tag: "main", id: "main" });
      // The next Tab continues inside main, not back in the header.
      await page.keyboard.press("Tab");
      const insideMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
      expect(insideMain, "Tab after the skip link lands inside main").toBe(true);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Summary

function summary(all: PageResult[]): string {
  const byImpact = new Map<string, number>();
  const byRule = new Map<string, { impact: string; help: string; nodes: number; pages: string[]; sample: string[] }>();
  for (const r of all) {
    for (const v of [...r.violations, ...r.incomplete.filter((i) => FAIL_ON_REVIEW.has(i.id))]) {
      const impact = v.impact ?? "unknown";
      byImpact.set(impact, (byImpact.get(impact) ?? 0) + 1);
      const entry = byRule.get(v.id) ?? { impact, help: v.help, nodes: 0, pages: [], sample: [] };
      entry.nodes += v.nodes.length;
      entry.pages.push(`${r.label} as ${r.role}`);
      for (const n of v.nodes) {
        const html = n.html.replace(/\s+/g, " ").slice(0, 160);
        if (entry.sample.length < 3 && !entry.sample.includes(html)) entry.sample.push(html);
      }
      byRule.set(v.id, entry);
    }
  }
  const clean = all.filter((r) => r.violations.length === 0 && !r.incomplete.some((i) => FAIL_ON_REVIEW.has(i.id))).length;
  const lines = [
    "",
    "=== accessibility summary (axe-core " + WCAG_TAGS.join(", ") + ") ===",
    `pages checked: ${all.length}; without violations: ${clean}`,
    `violations (rule × page) by impact: ${["critical", "serious", "moderate", "minor"].map((i) => `${i} ${byImpact.get(i) ?? 0}`).join(", ")}`,
  ];
  for (const [id, e] of [...byRule].sort((a, b) => impactRank(a[1].impact) - impactRank(b[1].impact))) {
    lines.push(`- [${e.impact}] ${id}: ${e.help} — ${e.pages.length} page(s), ${e.nodes} node(s)`);
    for (const s of e.sample) lines.push(`    e.g. ${s}`);
    lines.push(`    on: ${e.pages.join("; ")}`);
  }
  const review = new Map<string, { nodes: number; pages: number; reasons: Set<string> }>();
  for (const r of all) {
    for (const v of r.incomplete.filter((i) => !FAIL_ON_REVIEW.has(i.id))) {
      const entry = review.get(v.id) ?? { nodes: 0, pages: 0, reasons: new Set<string>() };
      entry.nodes += v.nodes.length;
      entry.pages += 1;
      for (const n of v.nodes) for (const c of [...n.any, ...n.all, ...n.none]) if (c.message) entry.reasons.add(c.message);
      review.set(v.id, entry);
    }
  }
  if (review.size > 0) {
    lines.push("needs manual review (axe 'incomplete', not asserted):");
    for (const [id, e] of review) {
      lines.push(`- ${id}: ${e.pages} page(s), ${e.nodes} node(s); ${[...e.reasons].slice(0, 3).join(" | ")}`);
    }
  }
  return lines.join("\n");
}

function impactRank(impact: string): number {
  return ["critical", "serious", "moderate", "minor"].indexOf(impact);
}
