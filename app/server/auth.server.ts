/**
 * Signing in, and how guessing is slowed down.
 *
 * Failed attempts are counted per account and per client address, in the database (so the
 * counts survive a restart and are shared by every process), with rate-limiter-flexible's SQLite
 * store. A few failures are free; after that each further failure earns a wait that doubles (1 s,
 * 2 s, 4 s ... up to 15 minutes) instead of a lockout, so a guesser gets a handful of tries an
 * hour while nobody can lock a named colleague out for good. A browser that signed in to an
 * account before carries a signed "known device" cookie: its attempts for that account are
 * counted on their own, so someone else's failures never keep that person out.
 *
 * Failed attempts reach the audit log in aggregate: the 1st, 2nd, 4th, 8th ... failure of a key
 * in its window writes one row with the running count, so a flood writes a few rows, not one each.
 */
import { asc, eq, lt } from "drizzle-orm";
import { createCookie } from "react-router";
import { RateLimiterSQLite } from "rate-limiter-flexible";
import { randomBytes } from "node:crypto";
import { memberships, rateLimits, users } from "../../db/schema";
import { audit } from "./audit.server";
import { getDb, type Db } from "./db.server";
import { decoyHash, HashingBusyError, verifyPassword } from "./password.server";
import { sessionCookieSettings } from "./session.server";

export type SignInResult =
  | { ok: true; userId: number; programId: number; deviceCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled" | "busy"; retryAfterSeconds: number };

/** Who is trying: the client's address (from the trusted proxy) and the request's cookies. */
export type SignInClient = { address?: string; cookieHeader?: string | null };

export const SIGN_IN_LIMITS = {
  /** Failures of one account (or one known device) within a day before waits begin. */
  freeAccountFailures: 5,
  accountWindowSeconds: 24 * 60 * 60,
  /** Failures from one address within an hour before waits begin (an office shares one). */
  freeAddressFailures: 20,
  addressWindowSeconds: 60 * 60,
  maxWaitSeconds: 15 * 60,
} as const;

/** The wait earned by the `failures`-th failure when `free` are free: 0, then 1 s, 2 s, 4 s ... */
export function waitAfterFailure(failures: number, free: number, max: number = SIGN_IN_LIMITS.maxWaitSeconds): number {
  if (failures <= free) return 0;
  return Math.min(2 ** (failures - free - 1), max);
}

type Limiters = { accountFailures: RateLimiterSQLite; addressFailures: RateLimiterSQLite; waits: RateLimiterSQLite };
const limitersByDb = new WeakMap<object, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = limitersByDb.get(db.$client);
  if (!limiters) {
    // The table comes from our migrations (db/schema.ts `rate_limits`), in the library's layout.
    const store = { storeClient: db.$client, storeType: "better-sqlite3", tableName: "rate_limits", tableCreated: true } as const;
    limiters = {
      accountFailures: new RateLimiterSQLite({
        ...store,
        keyPrefix: "signin_fail_account",
        points: 1_000_000,
        duration: SIGN_IN_LIMITS.accountWindowSeconds,
      }),
      addressFailures: new RateLimiterSQLite({
        ...store,
        keyPrefix: "signin_fail_address",
        points: 1_000_000,
        duration: SIGN_IN_LIMITS.addressWindowSeconds,
      }),
      // Only ever blocked for a number of seconds and asked whether it is: the waits.
      waits: new RateLimiterSQLite({ ...store, keyPrefix: "signin_wait", points: 1, duration: 1 }),
    };
    limitersByDb.set(db.$client, limiters);
  }
  return limiters;
}

/** Seconds still to wait for this key, or 0. */
async function waitingSeconds(limiters: Limiters, key: string): Promise<number> {
  const res = await limiters.waits.get(key);
  return res && res.consumedPoints > 1 && res.msBeforeNext > 0 ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

// ------------------------------------------------------------------------------------------
// Known devices

const DEVICE_LIFETIME_S = 90 * 24 * 60 * 60;

function deviceCookie() {
  const { secure, secrets } = sessionCookieSettings();
  return createCookie(secure ? "__Host-casa_device" : "casa_device", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: DEVICE_LIFETIME_S,
    secure,
    secrets,
  });
}

/** The known-device id this browser holds for `userId`, if any (signed, so it cannot be forged). */
async function knownDeviceOf(cookieHeader: string | null | undefined, userId: number | undefined): Promise<string | null> {
  if (!cookieHeader || userId === undefined) return null;
  const value: unknown = await deviceCookie().parse(cookieHeader);
  if (!value || typeof value !== "object") return null;
  const { u, d } = value as { u?: unknown; d?: unknown };
  return u === userId && typeof d === "string" && /^[0-9a-f]{32}$/.test(d) ? d : null;
}

// ------------------------------------------------------------------------------------------

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * Checks an email and password. The answer for a wrong password and for an unknown email is the
 * same, and takes the same time, so it says nothing about which part was wrong.
 */
export async function signIn(emailInput: string, password: string, client: SignInClient = {}, db: Db = getDb()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const address = client.address || "unknown";
  const limiters = limitersFor(db);

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email))
    .get();
  const device = await knownDeviceOf(client.cookieHeader, user?.id);
  // A known device is counted on its own: neither the account's nor the address's failures apply.
  const keys = device ? { account: `device:${device}`, address: null } : { account: `account:${email}`, address: `address:${address}` };

  const wait = Math.max(await waitingSeconds(limiters, keys.account), keys.address ? await waitingSeconds(limiters, keys.address) : 0);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const membership = user
    ? db
        .select({ programId: memberships.programId })
        .from(memberships)
        .where(eq(memberships.userId, user.id))
        .orderBy(asc(memberships.id))
        .get()
    : undefined;

  let passwordOk: boolean;
  try {
    passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  } catch (error) {
    if (error instanceof HashingBusyError) return { ok: false, reason: "busy", retryAfterSeconds: 5 };
    throw error;
  }

  if (!user || !passwordOk || user.disabledAt || !membership) {
    const accountFailures = (await limiters.accountFailures.penalty(keys.account)).consumedPoints;
    const addressFailures = keys.address ? (await limiters.addressFailures.penalty(keys.address)).consumedPoints : 0;
    const accountWait = waitAfterFailure(accountFailures, SIGN_IN_LIMITS.freeAccountFailures);
    const addressWait = keys.address ? waitAfterFailure(addressFailures, SIGN_IN_LIMITS.freeAddressFailures) : 0;
    if (accountWait > 0) await limiters.waits.block(keys.account, accountWait);
    if (addressWait > 0 && keys.address) await limiters.waits.block(keys.address, addressWait);
    // A known account is audited on its own count; an unknown email on its address's count.
    const count = user ? accountFailures : addressFailures;
    if (isPowerOfTwo(count)) {
      audit(db, {
        programId: membership?.programId ?? null,
        actorUserId: user?.id ?? null,
        action: "session.sign_in_failed",
        details: { email, address, failures: count, knownDevice: Boolean(device) },
      });
    }
    return { ok: false, reason: "invalid" };
  }

  await limiters.accountFailures.delete(keys.account);
  await limiters.waits.delete(keys.account);
  // Expired counters are of no use to anyone; clear them while we are writing anyway.
  db.delete(rateLimits).where(lt(rateLimits.expire, Date.now())).run();
  audit(db, { programId: membership.programId, actorUserId: user.id, action: "session.sign_in" });
  const deviceId = device ?? randomBytes(16).toString("hex");
  return {
    ok: true,
    userId: user.id,
    programId: membership.programId,
    deviceCookie: await deviceCookie().serialize({ u: user.id, d: deviceId }),
  };
}
