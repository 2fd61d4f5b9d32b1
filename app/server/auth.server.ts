import { asc, eq } from "drizzle-orm";
import { memberships, users } from "../../db/schema";
import { audit } from "./audit.server";
import { getDb, type Db } from "./db.server";
import { decoyHash, verifyPassword } from "./password.server";

export type SignInResult =
  | { ok: true; userId: number; programId: number }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterMinutes?: number };

/** Failed attempts per email, in this process. Enough to slow a guesser down on one server. */
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 8;
const failures = new Map<string, number[]>();

function recentFailures(email: string, now: number): number[] {
  const list = (failures.get(email) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
  failures.set(email, list);
  return list;
}

/**
 * Checks an email and password. The answer for a wrong password and for an unknown email is the
 * same, and takes the same time, so it says nothing about which part was wrong.
 */
export async function signIn(emailInput: string, password: string, db: Db = getDb()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const now = Date.now();
  const recent = recentFailures(email, now);
  if (recent.length >= MAX_FAILURES) {
    const retryAfterMinutes = Math.ceil((FAILURE_WINDOW_MS - (now - recent[0]!)) / 60_000);
    return { ok: false, reason: "throttled", retryAfterMinutes };
  }

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email))
    .get();
  const membership = user
    ? db
        .select({ programId: memberships.programId })
        .from(memberships)
        .where(eq(memberships.userId, user.id))
        .orderBy(asc(memberships.id))
        .get()
    : undefined;

  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !passwordOk || user.disabledAt || !membership) {
    recent.push(now);
    audit(db, {
      programId: membership?.programId ?? null,
      actorUserId: user?.id ?? null,
      action: "session.sign_in_failed",
      details: { email },
    });
    return { ok: false, reason: "invalid" };
  }

  failures.delete(email);
  audit(db, { programId: membership.programId, actorUserId: user.id, action: "session.sign_in" });
  return { ok: true, userId: user.id, programId: membership.programId };
}
