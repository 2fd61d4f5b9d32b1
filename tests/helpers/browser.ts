/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 *
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   await signInAs(page, server.url, "alice@example.org", DEMO_PASSWORD);
 *   ...
 *   await browser.close();
 */
import { chromium, type Browser, type BrowserContextOptions, type LaunchOptions, type Locator, type Page } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The executable the tests launch: `$CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** Without the background-networking flags Chromium keeps trying to reach the internet. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Launches headless Chromium. `overrides` are merged over the defaults (extra `args` are appended). */
export async function launchBrowser(overrides: LaunchOptions = {}): Promise<Browser> {
  const executablePath = overrides.executablePath ?? chromiumPath();
  try {
    return await chromium.launch({
      headless: true,
      ...overrides,
      executablePath,
      args: [...CHROMIUM_ARGS, ...(overrides.args ?? [])],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `launchBrowser: could not launch Chromium at ${executablePath}. ` +
        `Run scripts/ensure-chromium.sh (or set CHROMIUM_PATH to a working Chromium).\n${message}`,
    );
  }
}

/**
 * Waits until React Router has hydrated the page (its data router exists and is initialized),
 * has no navigation or revalidation in flight, the signed-in layout has marked the content on
 * screen as the router's current location (`data-rendered-key`), and React had two frames to commit.
 * Resolves false (instead of throwing) if that does not happen in `timeoutMs`, e.g. on a page
 * without JavaScript.
 */
export async function waitForHydration(page: Page, timeoutMs = 10_000): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => {
        type RouterLike = {
          state?: { initialized?: boolean; navigation?: { state?: string }; revalidation?: string; location?: { key?: string } };
        };
        const router = (window as unknown as { __reactRouterDataRouter?: RouterLike }).__reactRouterDataRouter;
        const state = router?.state;
        if (!(state?.initialized === true && state.navigation?.state === "idle" && state.revalidation === "idle")) return false;
        // The router is idle as soon as a navigation commits, before React has rendered the new
        // page (a transition): wait until the signed-in layout marks the content on screen as
        // this navigation's (pages outside the layout have no mark).
        const rendered = document.querySelector<HTMLElement>("main[data-rendered-key]")?.dataset.renderedKey;
        return rendered === undefined || rendered === state.location?.key;
      },
      undefined,
      { timeout: timeoutMs },
    );
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    return true;
  } catch {
    return false;
  }
}

/**
 * Signs in through the login form (labels "Email" and "Password", button "Sign in") and waits
 * until the browser has left /login and the page it landed on has rendered. Throws with the
 * page's alert text if it stays on /login.
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  opts: { timeoutMs?: number; to?: string } = {},
): Promise<void> {
  const timeout = opts.timeoutMs ?? 15_000;
  const base = baseUrl.replace(/\/+$/, "");
  // `to`: where to land after signing in (the app's own redirect); otherwise the role's home.
  await page.goto(`${base}/login${opts.to ? `?redirectTo=${encodeURIComponent(opts.to)}` : ""}`);
  // The form works without JavaScript too, but typing into it mid-hydration is a needless race.
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  try {
    await page.waitForURL((url) => url.pathname !== "/login", { timeout });
  } catch {
    const alerts = (
      await page
        .getByRole("alert")
        .allTextContents()
        .catch(() => [])
    )
      .map((t) => t.trim())
      .filter(Boolean);
    throw new Error(
      `signInAs(${email}): still on ${page.url()} after ${timeout} ms` +
        (alerts.length > 0 ? `; the page says: ${alerts.join(" | ")}` : ""),
    );
  }
  // A hydrated form navigates client-side: the URL changes before the new page has rendered.
  await page.waitForLoadState("load");
  await waitForHydration(page);
}

/** A page in a fresh browser context (10 s default timeout); `close` closes the context. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** The text of an element, whitespace collapsed (runs of white space to one space, trimmed). */
export async function elementText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}
