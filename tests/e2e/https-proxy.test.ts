/**
 * The app behind a TLS-terminating nginx, configured as in production (deploy/nginx-proxy.conf is
 * included as is; tests/helpers/nginx.ts): with TRUST_PROXY=loopback it believes the proxy's
 * X-Forwarded-Proto, so a browser on https://localhost:<port> signs in (Secure `__Host-` cookie),
 * saves a form and signs out; HSTS is sent; form posts carry the https origin and only that one is
 * accepted. Without TRUST_PROXY the app does not believe forwarded headers at all.
 *
 * Needs nginx and openssl: `bash scripts/ensure-nginx.sh`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { elementText, launchBrowser, newPage, signInAs, waitForHydration } from "../helpers/browser";
import { startNginx, type TestNginx } from "../helpers/nginx";
import { startServer, type TestServer } from "../helpers/server";
import { fullName, openReadOnly, youthIdByName } from "../helpers/wire";

const SESSION = "__Host-casa_session";

let server: TestServer;
let proxy: TestNginx;
let browser: Browser;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer({ env: { COOKIE_SECURE: "true", TRUST_PROXY: "loopback" } });
  proxy = await startNginx(server.url);
  db = openReadOnly(server.databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  db?.close();
  await proxy?.stop();
  await server?.stop();
});

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function signInRequest(origin: string) {
  return proxy.request("/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: form({ email: "advocate@example.org", password: DEMO_PASSWORD }),
  });
}

describe("in Chromium through nginx over https", () => {
  it("signs in, logs a contact on a youth's page and signs out", async () => {
    const y = DEMO_YOUTH.advocateNone;
    const youthId = youthIdByName(db, y);
    const contactsBefore = (db.prepare("select count(*) as n from contacts where youth_id = ?").get(youthId) as { n: number }).n;
    const summary = `Phoned the youth about the school plan, through the https proxy (e2e ${Date.now()}).`;

    const { page, close } = await newPage(browser, { ignoreHTTPSErrors: true });
    try {
      await signInAs(page, proxy.url, "supervisor@example.org", DEMO_PASSWORD, { to: "/youth" });
      expect(new URL(page.url()).origin).toBe(proxy.url);
      expect(new URL(page.url()).pathname).toBe("/youth");
      await page.getByRole("heading", { level: 1, name: "Youth" }).waitFor();
      // HTTP/2 from the browser to nginx (the Host header then comes from :authority).
      expect(
        await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).nextHopProtocol),
      ).toBe("h2");

      // The session cookie the app set over the proxied https: __Host-, Secure, HttpOnly.
      const cookies = await page.context().cookies(proxy.url);
      const session = cookies.find((c) => c.name === SESSION);
      expect(session, `cookies: ${cookies.map((c) => c.name).join(", ")}`).toBeDefined();
      expect(session).toMatchObject({ secure: true, httpOnly: true, path: "/", sameSite: "Lax" });
      expect(cookies.some((c) => c.name === "casa_session")).toBe(false);

      // A form post through the proxy: log a contact.
      await page.goto(`${proxy.url}/youth/${youthId}`);
      await page.getByRole("heading", { level: 1, name: fullName(y) }).waitFor();
      await waitForHydration(page);
      const contacts = page.getByRole("region", { name: "Contacts" });
      const contactForm = contacts.getByRole("form", { name: "Log a contact" });
      await contactForm.getByRole("group", { name: "Who took part" }).getByLabel("The youth", { exact: true }).check();
      await contactForm.getByLabel("How", { exact: true }).selectOption({ label: "Phone" });
      await contactForm.getByLabel("Summary", { exact: true }).fill(summary);
      await contactForm.getByRole("button", { name: "Log contact" }).click();
      await page.waitForURL((url) => url.pathname === `/youth/${youthId}` && url.searchParams.get("saved") === "contact");
      await page.getByRole("status").filter({ hasText: "Contact logged." }).waitFor();
      await waitForHydration(page);
      expect(await elementText(contacts.getByRole("listitem").filter({ hasText: "logged by" }).first())).toContain(summary);
      const contactsAfter = (db.prepare("select count(*) as n from contacts where youth_id = ?").get(youthId) as { n: number }).n;
      expect(contactsAfter).toBe(contactsBefore + 1);

      // Sign out (a form post too), and stay out.
      await page.locator(".user-menu summary").click();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      expect(new URL(page.url()).origin).toBe(proxy.url);
      await page.goto(`${proxy.url}/youth`);
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await close();
    }
  });
});

describe("over https through nginx (node:https)", () => {
  it("sends Strict-Transport-Security", async () => {
    const res = await proxy.request("/login");
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("accepts a sign-in posted from the https origin, with a Secure __Host- session cookie", async () => {
    const res = await signInRequest(proxy.url);
    expect(res.status, res.text).toBe(302);
    const line = res.setCookies.find((c) => c.startsWith(`${SESSION}=`));
    expect(line, res.setCookies.join("\n")).toBeDefined();
    const attributes = line!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("secure");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("path=/");
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
  });

  it("refuses a sign-in posted from the http origin, or from the host without its port", async () => {
    const port = proxy.port;
    for (const origin of [`http://localhost:${port}`, "https://localhost", `https://127.0.0.1:${port}`]) {
      const res = await signInRequest(origin);
      expect(res.status, origin).toBe(403);
      expect(
        res.setCookies.filter((c) => c.startsWith(`${SESSION}=`)),
        origin,
      ).toEqual([]);
    }
  });

  it("refuses a body over 1 MB at nginx, before it reaches the app", async () => {
    const res = await proxy.request("/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: proxy.url },
      body: form({ email: "advocate@example.org", password: "x".repeat(1024 * 1024 + 1) }),
    });
    expect(res.status).toBe(413);
    expect(res.text).toContain("nginx");
  });
});

describe("without TRUST_PROXY", () => {
  let plain: TestServer;
  beforeAll(async () => {
    plain = await startServer({ env: { COOKIE_SECURE: "true" } });
  });
  afterAll(async () => {
    await plain?.stop();
  });

  const post = (origin: string, headers: Record<string, string> = {}) =>
    fetch(`${plain.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "advocate@example.org", password: DEMO_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, ...headers },
      redirect: "manual",
    });

  it("does not believe X-Forwarded-Proto: an https Origin is refused on the plain-http app", async () => {
    const httpsOrigin = plain.url.replace(/^http:/, "https:");
    const forged = await post(httpsOrigin, { "X-Forwarded-Proto": "https", "X-Forwarded-Host": new URL(plain.url).host });
    expect(forged.status).toBe(403);
    await forged.arrayBuffer();
    // The app's real origin is still accepted, so the 403 above is the untrusted header's doing.
    const own = await post(plain.url, { "X-Forwarded-Proto": "https" });
    expect(own.status).toBe(302);
    await own.arrayBuffer();
  });
});
