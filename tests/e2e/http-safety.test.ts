/**
 * The app's own HTTP server, probed as an attacker would (issue 8): the sign-in redirect stays on
 * the site (over HTTP and in Chromium), cross-site writes are refused on every route, bodies are
 * capped and must be forms, every response carries the security headers (redirects and static
 * files too), and the Content-Security-Policy's nonce marks exactly the page's scripts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD } from "../../db/seed";
import { launchBrowser, newPage, waitForHydration } from "../helpers/browser";
import { createClient, signIn } from "../helpers/http";
import { REPO_ROOT, startServer, type TestServer } from "../helpers/server";

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

/** `redirectTo` values that must never take anyone off the site (raw; the tests encode them). */
const OFF_SITE = [
  "/\t/evil.example",
  "/\t\t//evil.example/login",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\r/evil.example",
  "/youth\r\nSet-Cookie: planted=1",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "https://evil.example/",
  "https:evil.example",
  "javascript:alert(1)",
  "/%09/evil.example",
  "/%2F%2Fevil.example",
  "/%5C%5Cevil.example",
  "%2F%2Fevil.example",
  " //evil.example",
];

describe("the sign-in redirect", () => {
  it("goes home, never off-site and never a 500, for every trick in the list (over HTTP)", async () => {
    for (const to of OFF_SITE) {
      const client = createClient(server.url);
      const res = await client.post("/login", { email: "advocate@example.org", password: DEMO_PASSWORD, redirectTo: to });
      expect(res.status, JSON.stringify(to)).toBe(302);
      expect(res.location, JSON.stringify(to)).toBe("/");
      expect(res.headers.get("set-cookie")).not.toContain("planted");
      // The sign-in page itself does not carry the value on into its form.
      const page = await createClient(server.url).get(`/login?redirectTo=${encodeURIComponent(to)}`);
      expect(page.status).toBe(200);
      expect(page.text, JSON.stringify(to)).toMatch(/<input type="hidden" name="redirectTo" value="\/"\/>/);
    }
  });

  it("returns to the page asked for when it is one of the app's own", async () => {
    const client = createClient(server.url);
    const res = await client.post("/login", {
      email: "advocate@example.org",
      password: DEMO_PASSWORD,
      redirectTo: "/requests?status=submitted",
    });
    expect(res.location).toBe("/requests?status=submitted");
  });

  it("stays on the site in Chromium, from the link an attacker would send", async () => {
    const origin = new URL(server.url).origin;
    for (const to of ["/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example/"]) {
      const { page, close } = await newPage(browser);
      const visited: string[] = [];
      page.on("request", (r) => visited.push(r.url()));
      await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent(to)}`);
      await waitForHydration(page);
      await page.getByLabel("Email", { exact: true }).fill("advocate@example.org");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
      await page.waitForLoadState("load");
      expect(new URL(page.url()).origin, JSON.stringify(to)).toBe(origin);
      expect(
        visited.filter((u) => u.includes("evil.example") && !u.startsWith(origin)),
        JSON.stringify(to),
      ).toEqual([]);
      await close();
    }
  });
});

describe("cross-site writes", () => {
  it("are refused on every route, resource routes and sign-in included", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    for (const path of ["/logout", "/login", "/youth/1", "/requests/1", "/actions"]) {
      const evil = await advocate.post(path, { intent: "x" }, { Origin: "https://evil.example" });
      expect(evil.status, path).toBe(403);
      const nullOrigin = await advocate.post(path, { intent: "x" }, { Origin: "null" });
      expect(nullOrigin.status, path).toBe(403);
    }
    // Still signed in: the cross-site /logout did nothing.
    expect((await advocate.get("/youth")).status).toBe(200);
  });

  it("are refused without Origin and Referer, and accepted with our own Referer", async () => {
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "advocate@example.org", password: DEMO_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    const evilReferer = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "advocate@example.org", password: DEMO_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Referer: "https://evil.example/page" },
      redirect: "manual",
    });
    expect(evilReferer.status).toBe(403);
    const ownReferer = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "advocate@example.org", password: DEMO_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Referer: `${server.url}/login` },
      redirect: "manual",
    });
    expect(ownReferer.status).toBe(302);
  });

  it("a GET never changes state: GET /logout leaves the session alone", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    expect((await advocate.get("/logout")).status).toBe(302);
    expect((await advocate.get("/youth")).status).toBe(200);
  });
});

describe("request bodies", () => {
  it("over 1 MB get a 413; JSON, text, no body and streamed bodies are refused, never a 500", async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    const big = await advocate.post("/youth/1", { intent: "log-contact", summary: "x".repeat(1_100_000) });
    expect(big.status).toBe(413);
    const origin = new URL(server.url).origin;
    const send = (body: BodyInit | undefined, headers: Record<string, string>, extra: RequestInit = {}) =>
      fetch(`${server.url}/youth/1`, {
        method: "POST",
        body,
        headers: { Origin: origin, Cookie: advocate.cookie, ...headers },
        redirect: "manual",
        ...extra,
      });
    expect((await send(JSON.stringify({ intent: "log-contact" }), { "Content-Type": "application/json" })).status).toBe(415);
    expect((await send("intent=log-contact", { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await send(undefined, {})).status).toBe(415);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("intent=log-contact"));
        c.close();
      },
    });
    const streamed = await send(stream, { "Content-Type": "application/x-www-form-urlencoded" }, { duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(411);
    // And the server is still well.
    expect((await advocate.get("/youth")).status).toBe(200);
  });
});

describe("response headers", () => {
  const expectSecurityHeaders = (headers: Headers, where: string) => {
    expect(headers.get("x-content-type-options"), where).toBe("nosniff");
    expect(headers.get("x-frame-options"), where).toBe("DENY");
    expect(headers.get("referrer-policy"), where).toBe("same-origin");
    expect(headers.get("strict-transport-security"), where).toMatch(/^max-age=\d{7,}/);
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp, where).toContain("default-src 'self'");
    expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(headers.get("x-powered-by"), where).toBeNull();
  };

  it("are on redirects, errors and static files as well as pages", async () => {
    const visitor = createClient(server.url);
    const redirect = await visitor.get("/youth");
    expect(redirect.status).toBe(302);
    expectSecurityHeaders(redirect.headers, "redirect");
    expect(redirect.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders((await visitor.get("/login")).headers, "page");
    expectSecurityHeaders((await visitor.get("/nope")).headers, "404");
    const asset = readdirSync(join(REPO_ROOT, "build", "client", "assets")).find((f) => f.endsWith(".js"))!;
    const file = await visitor.get(`/assets/${asset}`);
    expect(file.status).toBe(200);
    expectSecurityHeaders(file.headers, "asset");
    expect(file.headers.get("cache-control")).toContain("immutable");
    expect((await visitor.get("/assets/no-such-file.js")).status).toBe(404);
  });

  it("tell every crawler to stay out: a confidential case system is never indexed", async () => {
    const robots = await createClient(server.url).get("/robots.txt");
    expect(robots.status).toBe(200);
    expect(robots.text).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
    expectSecurityHeaders(robots.headers, "robots.txt");
  });

  it("serve the favicon every page links to", async () => {
    const visitor = createClient(server.url);
    const login = await visitor.get("/login");
    const tag = /<link\b[^>]*\brel="icon"[^>]*>/.exec(login.text)?.[0];
    expect(tag, login.text.slice(0, 2000)).toBeDefined();
    const href = /\bhref="([^"]+)"/.exec(tag!)?.[1];
    expect(href).toBe("/favicon.svg");
    const icon = await visitor.get(href!);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    expect(icon.text).toContain("<svg");
  });

  it("give each page a fresh nonce that every one of its scripts carries", async () => {
    const visitor = createClient(server.url);
    const [a, b] = [await visitor.get("/login"), await visitor.get("/login")];
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const nonce = nonceOf(a.headers.get("content-security-policy"));
    expect(nonce).toBeTruthy();
    expect(nonceOf(b.headers.get("content-security-policy"))).not.toBe(nonce);
    const scripts = [...a.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("let the app run in Chromium under the policy: no violations, and the page hydrates", async () => {
    const { page, close } = await newPage(browser);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/login`);
    expect(await waitForHydration(page)).toBe(true);
    await page.getByLabel("Email", { exact: true }).fill("supervisor@example.org");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await page.waitForLoadState("load");
    expect(violations).toEqual([]);
    await close();
  });
});
