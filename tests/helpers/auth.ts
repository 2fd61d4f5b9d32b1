import { eq } from "drizzle-orm";
import { memberships, users } from "../../db/schema";
import type { Db } from "../../app/server/db.server";
import { createUserSession } from "../../app/server/session.server";

/** A real session for a user, as the Cookie header a browser would send. */
export async function cookieFor(db: Db, email: string): Promise<string> {
  const user = db
    .select({ id: users.id, programId: memberships.programId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email))
    .get();
  if (!user) throw new Error(`No user ${email}`);
  const { setCookie } = await createUserSession(user.id, user.programId, db);
  return setCookie.split(";")[0]!;
}

/** A GET request as a signed-in user. */
export async function requestAs(db: Db, email: string, url: string): Promise<Request> {
  return new Request(new URL(url, "http://localhost"), { headers: { Cookie: await cookieFor(db, email) } });
}

/** Runs a loader or action and returns what it returned or threw (Responses are thrown for redirects and errors). */
export async function settle<T>(fn: () => Promise<T> | T): Promise<T | Response | { data: unknown; init: ResponseInit | null }> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    if (thrown && typeof thrown === "object" && "init" in thrown && "data" in thrown) {
      return thrown as { data: unknown; init: ResponseInit | null };
    }
    throw thrown;
  }
}
