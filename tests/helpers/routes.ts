/**
 * Calling route modules in integration tests: requests as a signed-in user (a real session
 * cookie), a loader or action run with them, and what it settled to (returned data, a thrown
 * Response, or a `data()` result): its status, payload and redirect Location.
 */
import { eq } from "drizzle-orm";
import { memberships, users } from "../../db/schema";
import type { Db } from "../../app/server/db.server";
import { createUserSession } from "../../app/server/session.server";

// ------------------------------------------------------------------------------------------
// Requests as a signed-in user

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
export async function getAs(db: Db, email: string, url: string): Promise<Request> {
  return new Request(new URL(url, "http://localhost"), { headers: { Cookie: await cookieFor(db, email) } });
}

/** Form fields; an array repeats the field (checkboxes, multi-selects). */
export type Fields = Record<string, string | readonly string[]>;

/** A form POST (application/x-www-form-urlencoded) as a signed-in user; arrays repeat the field. */
export async function postAs(db: Db, email: string, url: string, fields: Fields): Promise<Request> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") body.append(key, value);
    else for (const v of value) body.append(key, v);
  }
  return new Request(new URL(url, "http://localhost"), {
    method: "POST",
    body,
    headers: { Cookie: await cookieFor(db, email), "Content-Type": "application/x-www-form-urlencoded" },
  });
}

// ------------------------------------------------------------------------------------------
// Running a loader or action

/** A `data(value, init)` result, returned or thrown. */
export type DataResult = { data: unknown; init: ResponseInit | null };

/**
 * Runs a loader or action and returns what it returned or threw (Responses are thrown for
 * redirects and errors). `fn` may return a value or a promise, or a union of loaders' promises.
 */
export async function settle<T>(fn: () => T): Promise<Awaited<T> | Response | DataResult> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    if (thrown && typeof thrown === "object" && "init" in thrown && "data" in thrown) {
      return thrown as DataResult;
    }
    throw thrown;
  }
}

export type Settled = Awaited<ReturnType<typeof settle>>;

type RouteFn = (args: never) => unknown;

/** Calls a route module's loader or action with a real request and returns what it settled to. */
export function callRoute(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<Settled> {
  return settle(() => (fn as (args: unknown) => Promise<unknown>)({ request, params, context: {} }));
}

/** Posts a form to a route action as a signed-in user and returns what it settled to. */
export async function postRoute(
  db: Db,
  fn: RouteFn,
  email: string,
  url: string,
  params: Record<string, string>,
  fields: Fields,
): Promise<Settled> {
  return callRoute(fn, await postAs(db, email, url, fields), params);
}

// ------------------------------------------------------------------------------------------
// What it settled to

/** The HTTP status a settled loader/action result stands for (200 for plain returned data). */
export function statusOf(result: Settled): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    return (result.init as ResponseInit | null)?.status ?? 200;
  }
  return 200;
}

/** What the app's forms reply with: a 400's `{ errors, values }`, a 403/404/409's `{ message }`. */
export type FormReply = { errors: Record<string, string>; values: Record<string, unknown>; intent?: string; message?: string };

/** The payload of a `data()` result (a 400's `{ errors, values }`, a 403/404's `{ message }`). */
export function payloadOf<T = FormReply>(result: Settled): T {
  if (result && typeof result === "object" && !(result instanceof Response) && "data" in result) return result.data as T;
  throw new Error(`Not a data() result: ${describeResult(result)}`);
}

/** A settled result in a line, for assertion messages. */
export function describeResult(result: Settled): string {
  if (result instanceof Response) return `Response ${result.status} ${result.headers.get("Location") ?? ""}`;
  try {
    return JSON.stringify(result).slice(0, 600);
  } catch {
    return String(result);
  }
}

/** The Location of a redirect Response, asserting it is one (throws, describing the result, otherwise). */
export function redirectLocation(result: Settled): string {
  if (!(result instanceof Response) || result.status < 300 || result.status >= 400) {
    throw new Error(`Expected a redirect, got ${describeResult(result)}`);
  }
  return result.headers.get("Location") ?? "";
}

/** The Location of a redirect Response, or null when the result is not one (no assertion). */
export function locationOf(result: Settled): string | null {
  if (result instanceof Response && result.status >= 300 && result.status < 400) return result.headers.get("Location");
  return null;
}
