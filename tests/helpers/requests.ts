/**
 * Helpers for the resource-request tests (issue 4): form POSTs as a signed-in user, what a route
 * settled to, ids of demo rows, plain SQL reads, dates computed independently of app/domain, and
 * a decoder for `.data` (turbo-stream) bodies.
 */
import type Database from "better-sqlite3";
import { UNSAFE_decodeViaTurboStream } from "react-router";
import type { Db } from "../../app/server/db.server";
import { cookieFor, settle } from "./auth";

export type Fields = Record<string, string>;
export type Settled = Awaited<ReturnType<typeof settle>>;
type Client = Database.Database;

/** A form POST (application/x-www-form-urlencoded) as a signed-in user. */
export async function postAs(db: Db, email: string, url: string, fields: Fields): Promise<Request> {
  return new Request(new URL(url, "http://localhost"), {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Cookie: await cookieFor(db, email), "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/** A GET as a signed-in user. */
export async function getAs(db: Db, email: string, url: string): Promise<Request> {
  return new Request(new URL(url, "http://localhost"), { headers: { Cookie: await cookieFor(db, email) } });
}

type RouteFn = (args: never) => unknown;

/** Calls a route module's loader or action and returns what it returned or threw. */
export function callRoute(fn: RouteFn, request: Request, params: Record<string, string>): Promise<Settled> {
  return settle(() => (fn as (args: unknown) => Promise<unknown>)({ request, params, context: {} }) as Promise<unknown>);
}

/** The HTTP status a settled loader/action result stands for (200 for plain returned data). */
export function statusOf(result: Settled): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    return (result.init as ResponseInit | null)?.status ?? 200;
  }
  return 200;
}

/** The payload of a `data()` result (a 400's `{ errors, values }`, a 403/404's `{ message }`). */
export function payloadOf<T = { errors?: Record<string, string>; values?: Record<string, string>; message?: string }>(
  result: Settled,
): T {
  if (result && typeof result === "object" && !(result instanceof Response) && "data" in result) return result.data as T;
  throw new Error(`Not a data() result: ${describe(result)}`);
}

export function describe(result: Settled): string {
  if (result instanceof Response) return `Response ${result.status} ${result.headers.get("Location") ?? ""}`;
  try {
    return JSON.stringify(result).slice(0, 600);
  } catch {
    return String(result);
  }
}

/** The Location of a redirect (or null when the result is not one). */
export function locationOf(result: Settled): string | null {
  if (result instanceof Response && result.status >= 300 && result.status < 400) return result.headers.get("Location");
  return null;
}

// ------------------------------------------------------------------------------------------
// Plain SQL reads (better-sqlite3 handles: `db.$client` in integration tests, a read-only
// handle in wire tests)

export type RequestRowDb = {
  id: number;
  program_id: number;
  youth_id: number;
  type: string;
  subtype: string | null;
  description: string | null;
  addressed_to_party_id: number | null;
  addressed_to_agency: string | null;
  amount_cents: number | null;
  due_on: string | null;
  status: string;
  requested_by_user_id: number;
  requested_at: string;
  version: number;
  closed_at: string | null;
  created_at: string;
  updated_at: string | null;
};

export type StatusEventDb = {
  id: number;
  program_id: number;
  request_id: number;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_user_id: number;
  at: string;
};

export type AuditDb = {
  id: number;
  at: string;
  program_id: number | null;
  actor_user_id: number | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  youth_id: number | null;
  details: string | null;
};

export function requestRow(c: Client, id: number): RequestRowDb | undefined {
  return c.prepare("select * from resource_requests where id = ?").get(id) as RequestRowDb | undefined;
}

export function eventsOf(c: Client, requestId: number): StatusEventDb[] {
  return c.prepare("select * from request_status_events where request_id = ? order by id").all(requestId) as StatusEventDb[];
}

export function requestAuditsOf(c: Client, requestId: number): AuditDb[] {
  return c
    .prepare("select * from audit_events where entity_type = 'resource_request' and entity_id = ? order by id")
    .all(String(requestId)) as AuditDb[];
}

export function count(c: Client, table: string): number {
  return (c.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

export function userId(c: Client, email: string): number {
  const row = c.prepare("select id from users where email = ?").get(email) as { id: number } | undefined;
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

export function userName(c: Client, email: string): string {
  const row = c.prepare("select name from users where email = ?").get(email) as { name: string } | undefined;
  if (!row) throw new Error(`No user ${email}`);
  return row.name;
}

/** The id of a demo youth (`DEMO_YOUTH.x`), by case number and program slug. */
export function demoYouthId(c: Client, ref: { caseNumber: string; program: string }): number {
  const row = c
    .prepare("select y.id from youth y join programs p on p.id = y.program_id where y.case_number = ? and p.slug = ?")
    .get(ref.caseNumber, ref.program) as { id: number } | undefined;
  if (!row) throw new Error(`No youth ${ref.caseNumber}`);
  return row.id;
}

export function programOfYouth(c: Client, youthId: number): number {
  return (c.prepare("select program_id as p from youth where id = ?").get(youthId) as { p: number }).p;
}

// ------------------------------------------------------------------------------------------
// Dates, computed here independently of app/domain/dates.ts

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant)) {
    p[part.type] = part.value;
  }
  return `${p.year}-${p.month}-${p.day}`;
}

/** The calendar date `n` days after (negative: before) today in the time zone. */
export function dayFromToday(timeZone: string, n: number): string {
  const today = localDate(new Date(), timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export const PROGRAM_ONE_TZ = "America/Los_Angeles";

// ------------------------------------------------------------------------------------------
// `.data` bodies

/** Decodes a `.data` (turbo-stream) body into the plain value React Router's client would get. */
export async function decodeData(text: string): Promise<unknown> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  const decoded = await UNSAFE_decodeViaTurboStream(stream, globalThis as never);
  await decoded.done;
  return decoded.value;
}

/** The loader data of one route (`routes/requests-queue` ...) inside a decoded `.data` body. */
export function routeData<T = Record<string, unknown>>(decoded: unknown, routeId: string): T | undefined {
  const entry = (decoded as Record<string, { data?: unknown } | undefined>)?.[routeId];
  return entry?.data as T | undefined;
}
