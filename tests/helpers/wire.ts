import Database from "better-sqlite3";
import { expect } from "vitest";
import { UNSAFE_decodeViaTurboStream } from "react-router";

/** Read-only access to a test server's database, for facts a wire test must not find on the wire. */
export function openReadOnly(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** Every CSEC fact stored about a youth that only the small circle may see: timestamps, notes, flags. */
export function concernTraces(db: Database.Database, youthId: number): string[] {
  const rows = [
    ...db.prepare("select changed_at as v from youth_csec_status where youth_id = ?").all(youthId),
    ...db.prepare("select raised_at as v from csec_concerns where youth_id = ?").all(youthId),
    ...db.prepare("select note as v from csec_concerns where youth_id = ? and note is not null").all(youthId),
    ...db.prepare("select at as v from csec_status_events where youth_id = ?").all(youthId),
    ...db.prepare("select note as v from csec_status_events where youth_id = ? and note is not null").all(youthId),
    ...db.prepare("select note as v from red_flags where youth_id = ? and note is not null").all(youthId),
    ...db.prepare("select name as v from case_parties where youth_id = ? and role = 'csec_advocate'").all(youthId),
  ] as Array<{ v: string }>;
  return [...new Set(rows.map((r) => r.v))];
}

/** "First Last", as the app shows a youth's name. */
export const fullName = (y: { firstName: string; lastName: string }) => `${y.firstName} ${y.lastName}`;

export function youthIdByName(db: Database.Database, y: { firstName: string; lastName: string }): number {
  const row = db.prepare("select id from youth where first_name = ? and last_name = ?").get(y.firstName, y.lastName) as
    { id: number } | undefined;
  if (!row) throw new Error(`No youth ${y.firstName} ${y.lastName}`);
  return row.id;
}

/** React separates adjacent text nodes with `<!-- -->` in server-rendered HTML. */
export const textOf = (html: string) => html.replace(/<!-- -->/g, "");

/** A page with its per-response CSP nonce taken out, for comparing two responses byte for byte. */
export const withoutNonce = (html: string) => html.replace(/ nonce="[^"]*"/g, "");

/** Decodes a `.data` (turbo-stream) body into the plain value React Router's client would get. */
export async function decodeData(text: string): Promise<unknown> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  const decoded = await UNSAFE_decodeViaTurboStream(stream, globalThis);
  await decoded.done;
  return decoded.value;
}

/** The loader data of one route (`routes/requests-queue`, `routes/meetings-list` ...) inside a decoded `.data` body. */
export function routeData<T = Record<string, unknown>>(decoded: unknown, routeId: string): T | undefined {
  const entry = (decoded as Record<string, { data?: unknown } | undefined>)?.[routeId];
  return entry?.data as T | undefined;
}

/**
 * Fails, with the `contextChars` characters around the first occurrence (not the whole page),
 * when `needle` is in `body`. A RegExp is matched without its `g` flag, so a needle used twice
 * is not affected by its `lastIndex`.
 */
export function expectAbsent(body: string, needle: string | RegExp, where: string, contextChars = 120): void {
  let index = -1;
  let length = 0;
  if (typeof needle === "string") {
    index = body.indexOf(needle);
    length = needle.length;
  } else {
    const m = new RegExp(needle.source, needle.flags.replace("g", "")).exec(body);
    if (m) {
      index = m.index;
      length = m[0].length;
    }
  }
  const context = index < 0 ? "" : body.slice(Math.max(0, index - contextChars), index + length + contextChars);
  expect(index < 0, `${where} contains ${String(needle)}: …${context}…`).toBe(true);
}
