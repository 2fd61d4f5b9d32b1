/**
 * How failed sign-ins are slowed down (issue 8): per account and per address, a growing wait
 * rather than a lockout, stored in the database (so a restart or a second process sees it), a
 * known device not blocked by someone else's failures, bounded hashing, and an audit log that
 * grows with the logarithm of a flood, not with the flood.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, openDatabase } from "~/server/db.server";
import { SIGN_IN_LIMITS, signIn, waitAfterFailure } from "~/server/auth.server";
import { HashingBusyError, MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES, hashPassword, verifyPassword } from "~/server/password.server";
import { action as loginAction } from "~/routes/login";
import { createProgram, createUser } from "../helpers/factories";

const db = getDb();
const PASSWORD = "a long passphrase";
let n = 0;

/** A fresh user, so that each test starts with no failures counted. */
async function freshUser(): Promise<string> {
  const email = `limits${++n}@test.example`;
  await createUser(db, { programId: createProgram(db).id, role: "advocate", email, password: PASSWORD });
  return email;
}

/** Forget the waits earned so far (not the counts): as if the wait had passed. */
function waitsPass(): void {
  db.run(sql`delete from rate_limits where key like 'signin_wait%'`);
}

function failuresAudited(email: string): Array<{ failures: number }> {
  return db
    .all<{ details: string }>(
      sql`select details from audit_events where action = 'session.sign_in_failed' and details like ${`%"${email}"%`} order by id`,
    )
    .map((r) => JSON.parse(r.details) as { failures: number });
}

const deviceCookieOf = (setCookie: string) => setCookie.split(";")[0]!;

beforeAll(async () => {
  await hashPassword("warm up");
});

describe("the wait after each failure", () => {
  it("is nothing for the free failures, then doubles, up to 15 minutes", () => {
    const free = SIGN_IN_LIMITS.freeAccountFailures;
    expect([1, 2, free].map((f) => waitAfterFailure(f, free))).toEqual([0, 0, 0]);
    expect([free + 1, free + 2, free + 3, free + 4].map((f) => waitAfterFailure(f, free))).toEqual([1, 2, 4, 8]);
    expect(waitAfterFailure(free + 30, free)).toBe(15 * 60);
  });
});

describe("failures of one account", () => {
  it("are free at first, then make every attempt wait, the right password too", async () => {
    const email = await freshUser();
    for (let i = 0; i < SIGN_IN_LIMITS.freeAccountFailures; i++) {
      expect(await signIn(email, `wrong ${i}`, { address: `10.1.0.${i}` })).toEqual({ ok: false, reason: "invalid" });
    }
    // The first failure past the free ones earns a wait of a second.
    expect(await signIn(email, "wrong again", { address: "10.1.1.1" })).toEqual({ ok: false, reason: "invalid" });
    const during = await signIn(email, PASSWORD, { address: "10.1.1.2" });
    expect(during).toMatchObject({ ok: false, reason: "throttled" });
    expect((during as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Once the wait has passed, the right password signs in (no lockout) and the count resets.
    waitsPass();
    expect(await signIn(email, PASSWORD, { address: "10.1.1.2" })).toMatchObject({ ok: true });
    expect(await signIn(email, "wrong after", { address: "10.1.1.3" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(email, PASSWORD, { address: "10.1.1.3" })).toMatchObject({ ok: true });
  });

  it("do not keep out the person on a device that signed in before", async () => {
    const email = await freshUser();
    const first = await signIn(email, PASSWORD, { address: "10.2.0.1" });
    expect(first.ok).toBe(true);
    const device = deviceCookieOf((first as { deviceCookie: string }).deviceCookie);
    // Someone else, elsewhere, guesses until the account must wait.
    for (let i = 0; i < SIGN_IN_LIMITS.freeAccountFailures + 3; i++) await signIn(email, `guess ${i}`, { address: "10.2.9.9" });
    expect(await signIn(email, PASSWORD, { address: "10.2.0.2" })).toMatchObject({ ok: false, reason: "throttled" });
    // The owner's browser still gets in, with the right password only.
    expect(await signIn(email, PASSWORD, { address: "10.2.0.1", cookieHeader: device })).toMatchObject({ ok: true });
    expect(await signIn(email, "not it", { address: "10.2.0.1", cookieHeader: device })).toEqual({ ok: false, reason: "invalid" });
  });

  it("are not bypassed with a device cookie of another account or a forged one", async () => {
    const [owner, victim] = [await freshUser(), await freshUser()];
    const ownerDevice = deviceCookieOf(((await signIn(owner, PASSWORD, { address: "10.3.0.1" })) as { deviceCookie: string }).deviceCookie);
    for (let i = 0; i < SIGN_IN_LIMITS.freeAccountFailures + 1; i++) await signIn(victim, `guess ${i}`, { address: "10.3.9.9" });
    expect(await signIn(victim, "guess", { address: "10.3.0.1", cookieHeader: ownerDevice })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    const forged = `casa_device=${encodeURIComponent(btoa(JSON.stringify({ u: 1, d: "0".repeat(32) })))}`;
    expect(await signIn(victim, "guess", { address: "10.3.0.1", cookieHeader: forged })).toMatchObject({ ok: false, reason: "throttled" });
  });
});

describe("failures from one address", () => {
  it("spread over many emails, make that address wait but not others", async () => {
    const address = "10.4.0.1";
    for (let i = 0; i < SIGN_IN_LIMITS.freeAddressFailures + 1; i++) {
      expect(await signIn(`sprayed${i}@nowhere.example`, "password1", { address })).toEqual({ ok: false, reason: "invalid" });
    }
    const email = await freshUser();
    expect(await signIn(email, PASSWORD, { address })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn(email, PASSWORD, { address: "10.4.0.2" })).toMatchObject({ ok: true });
  });
});

describe("the counts", () => {
  it("are in the database: a restarted process (a new connection) still makes the account wait", async () => {
    const email = await freshUser();
    for (let i = 0; i < SIGN_IN_LIMITS.freeAccountFailures + 2; i++) await signIn(email, `wrong ${i}`, { address: "10.5.0.1" });
    const restarted = openDatabase(process.env.DATABASE_PATH!);
    try {
      expect(await signIn(email, PASSWORD, { address: "10.5.0.2" }, restarted)).toMatchObject({ ok: false, reason: "throttled" });
    } finally {
      restarted.$client.close();
    }
  });
});

describe("the audit log", () => {
  it("records a flood of failures as a handful of rows with running counts", async () => {
    const email = await freshUser();
    for (let i = 0; i < 40; i++) {
      waitsPass();
      await signIn(email, `wrong ${i}`, { address: `10.6.${i}.1` });
    }
    expect(failuresAudited(email).map((d) => d.failures)).toEqual([1, 2, 4, 8, 16, 32]);
  });
});

describe("password hashing", () => {
  it("runs one at a time, queues a few, and turns the rest away at once", async () => {
    const stored = await hashPassword("x");
    const attempts = Array.from({ length: MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 5 }, () => verifyPassword("y", stored));
    const settled = await Promise.allSettled(attempts);
    const busy = settled.filter((s) => s.status === "rejected" && s.reason instanceof HashingBusyError);
    expect(busy).toHaveLength(5);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES);
  });
});

describe("the sign-in form", () => {
  it("answers a wait with 429, Retry-After and a message in words, and keeps the email", async () => {
    const email = await freshUser();
    const post = (password: string) =>
      loginAction({
        request: new Request("http://localhost/login", {
          method: "POST",
          body: new URLSearchParams({ email, password }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
        params: {},
        context: { clientAddress: "10.7.0.1" },
      } as never);
    for (let i = 0; i < SIGN_IN_LIMITS.freeAccountFailures + 1; i++) await post(`wrong ${i}`);
    const result = (await post(PASSWORD)) as unknown as {
      data: { errors: { _form: string }; values: { email: string } };
      init: ResponseInit;
    };
    expect(result.init.status).toBe(429);
    expect(new Headers(result.init.headers).get("Retry-After")).toMatch(/^\d+$/);
    expect(result.data.errors._form).toMatch(/^Too many failed attempts\. Please wait (a second|\d+ seconds) and try again\.$/);
    expect(result.data.values.email).toBe(email);
  });
});
