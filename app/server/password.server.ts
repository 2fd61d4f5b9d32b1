import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt from node:crypto: slow, salted, memory-hard, and no native dependency to build.
 * Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later without a migration.
 */
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

type Params = { N: number; r: number; p: number };

/**
 * Hashing is deliberately expensive (~100 ms of a core). At most this many run at once, so a
 * flood of sign-in attempts takes one core, not every core, from the people using the app; at
 * most `MAX_WAITING_HASHES` wait for a turn, and beyond that an attempt is turned away at once.
 */
export const MAX_CONCURRENT_HASHES = 1;
export const MAX_WAITING_HASHES = 16;

export class HashingBusyError extends Error {
  constructor() {
    super("Too many sign-ins are being checked right now.");
  }
}

let running = 0;
const waiting: Array<() => void> = [];

async function withHashingSlot<T>(work: () => Promise<T>, turnAwayWhenBusy: boolean): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (turnAwayWhenBusy && waiting.length >= MAX_WAITING_HASHES) throw new HashingBusyError();
    await new Promise<void>((turn) => waiting.push(turn));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, { N, r, p }: Params, turnAwayWhenBusy = false): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; node's default ceiling is exactly that for N=2^15, so lift it.
  const maxmem = 256 * N * r;
  return withHashingSlot(
    () =>
      new Promise((ok, fail) => {
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem }, (err, key) => (err ? fail(err) : ok(key)));
      }),
    turnAwayWhenBusy,
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password; throws `HashingBusyError` rather than queue behind too many others. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) }, true);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing in particular, checked against when the email is unknown, so timing says nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
