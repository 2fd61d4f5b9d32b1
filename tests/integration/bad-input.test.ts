/**
 * Bad input (issue 15): every action in the route list receives generated malformed submissions
 * (fast-check): fields missing, empty, wrong-typed, very long, unicode / RTL / NUL, SQL-, HTML- and
 * formula-injection shaped, negative and huge numbers, impossible dates, unknown and repeated
 * fields, odd bodies; URL ids that are real, unknown, not numbers, of another youth, or of the
 * other program; signed in as a role that may use the action, now and then as someone else.
 * For every submission:
 *   1. the action settles (never a thrown non-Response error) to a status below 500;
 *   2. a refusal (4xx, or a reply carrying field errors) wrote nothing;
 *   3. a refusal says why: a 4xx carries a message or a field error in words (not zod's own), a
 *      400 with field errors sends the form's values back, and an id the person cannot reach
 *      (unknown, not an id, another youth's under this youth, the other program's) is a 404 or 403;
 * and a submission that was accepted and changed case data wrote an audit row with it. No reply
 * and no stored text carries NUL or a bidi override.
 *
 * Writes are seen by TEMP triggers on every table of this connection (the app's one connection):
 * they log into a TEMP table, which commits or rolls back with the app's own transaction, so
 * what is left after an action is exactly what it committed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeConfig from "~/routes";
import { CLOSE_REASONS } from "~/domain/case-lifecycle";
import { CSEC_BASES } from "~/domain/csec";
import { EPISODE_STEPS, NOTIFIED_PARTIES, RETURN_QUESTIONS } from "~/domain/episodes";
import { HOTLINE_KEYS } from "~/domain/hotlines";
import { MEETING_TYPE_KEYS } from "~/domain/meetings";
import { RED_FLAG_KEYS } from "~/domain/red-flags";
import { REQUEST_ACTIONS, REQUEST_TYPES } from "~/domain/requests";
import { ROLES } from "~/domain/roles";
import { EMAIL_FREQUENCIES } from "~/domain/email-frequency";
import { CONTACT_METHODS, CONTACT_OUTCOMES } from "~/domain/contacts";
import { PARTY_ROLES, PLACEMENT_TYPES } from "~/domain/youth";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday, localDateTime } from "../helpers/dates";
import { demoYouthId, programId, queries, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { createUser, makeYouth, type YouthCase } from "../helpers/factories";
import { cookieFor, describeResult, postRoute, redirectLocation, settle, statusOf, type Settled } from "../helpers/routes";

const db = await demoDatabase();
const client = db.$client;
const { one, all } = queries(client);

/**
 * Submissions per action: enough to meet every kind of bad value, small enough for a few seconds.
 * `BAD_INPUT_RUNS=500 npx vitest run tests/integration/bad-input.test.ts` looks harder.
 */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 25);

const LEAD = "lead@example.org";
const SUPERVISOR = "supervisor@example.org";
const ADVOCATE = "advocate@example.org";
const ADMIN = "admin@example.org";
const OTHER_LEAD = "lead@second.example.org";
/** Whoever may turn up at any action: every role, the other program, and no one signed in. */
const ANYONE: readonly (string | null)[] = [LEAD, SUPERVISOR, ADVOCATE, ADMIN, OTHER_LEAD, null];
/** Who signs in to program one (the other program's records are not theirs). */
const PROGRAM_ONE = new Set([LEAD, SUPERVISOR, ADVOCATE, ADMIN, "fuzz-both@example.org"]);

// ------------------------------------------------------------------------------------------
// The route modules that take a POST

type RouteModule = { action?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown };
const MODULES = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });

/** Every module of app/routes.ts with its URL pattern, e.g. "party-edit.tsx" -> "/youth/:youthId/parties/:partyId/edit". */
function routedModules(entries: readonly RouteConfigEntry[], prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries) {
    const path = entry.index ? prefix || "/" : entry.path === undefined ? prefix : `${prefix}/${entry.path}`;
    out.set(entry.file.replace(/^routes\//, ""), path || "/");
    for (const [file, p] of routedModules(entry.children ?? [], path)) out.set(file, p);
  }
  return out;
}
const ROUTED = routedModules(routeConfig);

function actionOf(file: string): NonNullable<RouteModule["action"]> {
  const action = MODULES[`../../app/routes/${file}`]?.action;
  if (!action) throw new Error(`${file} exports no action`);
  return action;
}

// ------------------------------------------------------------------------------------------
// Values

/** A value computed when the submission is made (a fresh id, a real token), or a very long one. */
type Lazy = (() => string | Promise<string>) & { [fc.toStringMethod]: () => string };
type V = string | Lazy;
/** A field's value: one value, or several (ticked checkboxes, a repeated field). */
type FieldValue = V | readonly V[];

function lazy(label: string, make: () => string | Promise<string>): Lazy {
  return Object.assign(make, { [fc.toStringMethod]: () => label });
}
const resolve = async (v: V): Promise<string> => (typeof v === "function" ? await v() : v);

const LONG = [
  lazy("'x' x 100000", () => "x".repeat(100_000)),
  lazy("'é👍🏽' x 20000", () => "é👍🏽".repeat(20_000)),
  lazy("'9' x 5000", () => "9".repeat(5_000)),
];

/** Text no form expects, and text that is valid but odd. */
const ODD_TEXT = [
  "",
  " ",
  "\t\n ",
  "\u0000",
  "a\u0000b",
  "Ma\u0000ria",
  "‮evil‬",
  "\u2066isolate\u2069",
  "مرحبا بالعالم",
  "שלום",
  "👩🏽‍⚕️🧒🏿",
  "\u200B",
  "e\u0301\u0301\u0301",
  "\uFEFFbom",
  "\uD800",
  "a\r\nb",
  "Zoë O'Brien-Łukasz",
  "' OR '1'='1",
  "1; DROP TABLE youth; --",
  "Robert'); DELETE FROM users; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '=HYPERLINK("http://evil.example","x")',
  "=1+1",
  "@SUM(A1:A2)",
  "+1-1",
  "{{7*7}}",
  "${7*7}",
  "../../etc/passwd",
  "%00",
  "%zz",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "true",
  "[object Object]",
  "[]",
  "{}",
];
const ODD_NUMBERS = [
  "0",
  "-1",
  "-0",
  "1.5",
  "1e3",
  "1e309",
  "99999999999999999999",
  "9007199254740993",
  "0x1F",
  " 7 ",
  "NaN",
  "Infinity",
  "-999999999",
  "٣",
];
const ODD_DATES = [
  "2026-02-30",
  "2026-13-01",
  "2026-00-10",
  "0000-00-00",
  "0001-01-01",
  "9999-12-31",
  "275760-09-14",
  "2026-1-1",
  "01/02/2026",
  "2026-01-01T25:61",
  "2026-01-01T00:00:00Z",
  "1970-01-01T00:00",
  "2099-12-31T23:59",
  "yesterday",
];
/** Ids that are not ids: empty, zero, negative, not a number, too large, or injection-shaped. */
const BAD_IDS = [
  "",
  "0",
  "-1",
  "abc",
  "1.5",
  "1e3",
  " 1",
  "٣",
  "99999999999999999999",
  "9007199254740993",
  "1;DROP TABLE youth",
  "1 OR 1=1",
  "%00",
  "\u0000",
  "../1",
  "0x1f",
];

const BAD: fc.Arbitrary<V> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

const pick = <T extends V>(...values: readonly T[]): fc.Arbitrary<V> => fc.constantFrom(...values);
const oneOrMore = (...values: readonly V[]): fc.Arbitrary<FieldValue> => fc.subarray([...values], { minLength: 1 });
const anyOf = (...values: readonly V[]): fc.Arbitrary<FieldValue> => fc.subarray([...values]);
/** Valid, if odd, text of at most `max` characters (names, notes, reasons). */
const text = (max: number): fc.Arbitrary<V> =>
  fc.oneof(
    pick("Maria Lopez", "Met at school; doing well.", "Call back on Monday"),
    fc.constantFrom(...ODD_TEXT.filter((t) => t.trim() !== "" && t.length <= max)),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 60) }),
  );
const days = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => dayFromToday(PROGRAM_ONE_TZ, n));
const pastDay = days(-400, 0);
const futureDay = days(1, 120);
const whenPast = fc.integer({ min: 1, max: 60 * 24 * 10 }).map((m) => localDateTime(PROGRAM_ONE_TZ, -m * 60_000));
const whenFuture = fc.integer({ min: 60, max: 60 * 24 * 60 }).map((m) => localDateTime(PROGRAM_ONE_TZ, m * 60_000));
const version = pick("0", "1", "2", "3", "4");
const phone = pick("555-201-3344", "(555) 555-0100 x12", "+1 555 0100 200", "12");
const email = pick("csw@dcfs.example.org", "a@b.c", "not-an-email", "x@y");
const dollars = pick("250", "1,250.50", "$40", "0.01", "10000000", "-5", "12.345");

// ------------------------------------------------------------------------------------------
// Submissions

type Pair = [string, V];
type Encoding = "urlencoded" | "multipart" | "broken-multipart";
type Submission = {
  who: string | null;
  params: Record<string, Param>;
  query: string;
  pairs: Pair[];
  encoding: Encoding;
  /** A file sent under one of the form's field names (multipart only). */
  fileField: string | null;
};

/** Names no form of ours has, and names a handler might trust. */
const EXTRA_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "id",
  "programId",
  "program_id",
  "userId",
  "version",
  "_form",
  "errors",
  "values",
  "",
  "intent[]",
  "a".repeat(300),
];

const pairsOf = (name: string, value: FieldValue): Pair[] =>
  typeof value === "string" || typeof value === "function" ? [[name, value]] : value.map((v): Pair => [name, v]);

/** How one field is sent: well, badly, not at all, or more than once. */
function fieldArb(name: string, good: fc.Arbitrary<FieldValue>): fc.Arbitrary<Pair[]> {
  return fc.oneof(
    { weight: 6, arbitrary: good.map((v) => pairsOf(name, v)) },
    { weight: 3, arbitrary: BAD.map((v): Pair[] => [[name, v]]) },
    { weight: 2, arbitrary: fc.constant<Pair[]>([]) },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(good, BAD), { minLength: 2, maxLength: 3 }).map((vs) => vs.flatMap((v) => pairsOf(name, v))),
    },
  );
}

/**
 * A form body: every field sent well (to reach the server's own checks and the writes), all but
 * one, or each field any way at all; sometimes with fields no form has.
 */
function bodyArb(fields: Record<string, fc.Arbitrary<FieldValue>>): fc.Arbitrary<Pair[]> {
  const names = Object.keys(fields);
  const good = names.map((n) => fields[n]!.map((v) => pairsOf(n, v)));
  const allGood = fc.tuple(...good).map((ps) => ps.flat());
  const anyWay = fc.tuple(...names.map((n) => fieldArb(n, fields[n]!))).map((ps) => ps.flat());
  const oneBad =
    names.length === 0
      ? allGood
      : fc
          .tuple(fc.tuple(...good), fc.nat({ max: names.length - 1 }), fieldArb("", BAD))
          .map(([ps, i, bad]) => ps.flatMap((p, j) => (j === i ? bad.map(([, v]): Pair => [names[i]!, v]) : p)));
  const extras = fc.array(fc.tuple(fc.constantFrom(...EXTRA_NAMES), BAD), { maxLength: 3 });
  return fc
    .tuple(
      fc.oneof({ weight: 2, arbitrary: allGood }, { weight: 2, arbitrary: oneBad }, { weight: 3, arbitrary: anyWay }),
      fc.option(extras, { freq: 3 }),
    )
    .map(([ps, extra]) => [...ps, ...(extra ?? [])]);
}

/**
 * A URL id: a real one (usually), one that exists nowhere, one that is no id, one of another
 * record of the program (`near`: for an id under a youth, another youth's), one of the other program.
 * `nested`: the id belongs under the route's youth, so another youth's is out of place (404).
 * `checkedAfterForm`: the id is looked up only once the form is valid (a password link's token).
 */
type ParamChoices = { real: readonly V[]; near?: readonly V[]; other?: readonly V[]; nested?: boolean; checkedAfterForm?: boolean };
type ParamKind = "real" | "unknown" | "malformed" | "near" | "other";
type Param = { kind: ParamKind; value: V };
function paramArb(choices: ParamChoices): fc.Arbitrary<Param> {
  const of = (kind: ParamKind, values: readonly V[]) => fc.constantFrom(...values).map((value): Param => ({ kind, value }));
  return fc.oneof(
    { weight: 6, arbitrary: of("real", choices.real) },
    { weight: 1, arbitrary: of("unknown", ["987654321"]) },
    { weight: 1, arbitrary: of("malformed", BAD_IDS) },
    ...(choices.near?.length ? [{ weight: 1, arbitrary: of("near", choices.near) }] : []),
    ...(choices.other?.length ? [{ weight: 2, arbitrary: of("other", choices.other) }] : []),
  );
}

/** Whether the submission names a record the person cannot reach, whatever the form says: then 404 (or 403 for a role that may not). */
function namesUnreachable(spec: Spec, sub: Submission): boolean {
  if (sub.who === null) return false;
  return Object.entries(sub.params).some(([name, p]) => {
    const choices = spec.params?.[name];
    if (!choices || choices.checkedAfterForm) return false;
    if (p.kind === "unknown" || p.kind === "malformed") return true;
    // Another youth's record under this youth's URL (the "near" record is of the demo youth the "near" youth id names).
    if (p.kind === "near") return !!choices.nested && sub.params.youthId?.kind === "real";
    return p.kind === "other" && PROGRAM_ONE.has(sub.who!);
  });
}

const QUERIES = [
  "",
  "?page=2",
  "?page=-1",
  "?page=abc",
  "?from=2026-13-01&to=x",
  "?from=2026-01-01&to=1999-01-01",
  "?from=%00&to=%E2%80%AE",
  `?page=${"9".repeat(40)}`,
];

function submissionArb(spec: Spec): fc.Arbitrary<Submission> {
  const fields = spec.intents ? { intent: fc.constantFrom(...spec.intents), ...spec.fields } : spec.fields;
  return fc.record({
    who: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...spec.as) }, { weight: 1, arbitrary: fc.constantFrom(...ANYONE) }),
    params: fc.record(Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, c]) => [k, paramArb(c)]))),
    query: fc.constantFrom(...QUERIES),
    pairs: bodyArb(fields),
    encoding: fc.oneof(
      { weight: 7, arbitrary: fc.constant<Encoding>("urlencoded") },
      { weight: 2, arbitrary: fc.constant<Encoding>("multipart") },
      { weight: 1, arbitrary: fc.constant<Encoding>("broken-multipart") },
    ),
    fileField: fc.option(fc.constantFrom(...Object.keys(fields), "intent"), { freq: 2 }),
  });
}

async function requestOf(sub: Submission, url: string): Promise<Request> {
  const headers = new Headers();
  if (sub.who) headers.set("Cookie", await cookieFor(db, sub.who));
  let body: BodyInit;
  if (sub.encoding === "urlencoded") {
    const form = new URLSearchParams();
    for (const [k, v] of sub.pairs) form.append(k, await resolve(v));
    body = form;
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  } else if (sub.encoding === "multipart") {
    const form = new FormData();
    for (const [k, v] of sub.pairs) form.append(k, await resolve(v));
    if (sub.fileField !== null) form.append(sub.fileField, new File(["%PDF-1.4 not really"], "scan.pdf", { type: "application/pdf" }));
    body = form;
  } else {
    // A multipart body that does not match its boundary: what a broken client or a probe sends.
    headers.set("Content-Type", "multipart/form-data; boundary=----expected");
    const first = sub.pairs[0];
    body = `------other\r\nContent-Disposition: form-data; name="${first?.[0] ?? "intent"}"\r\n\r\n${first ? await resolve(first[1]) : ""}`;
  }
  return new Request(new URL(url, "http://localhost"), { method: "POST", body, headers });
}

// ------------------------------------------------------------------------------------------
// What an action wrote

const READ_AUDITS = new Set(["youth.view", "prep_packet.view", "court_draft.view"]);
/**
 * Written by a refused submission too, legitimately: `sessions` (signing in, a session's last use),
 * `rate_limits` (the sign-in limiter counts failures: that is its job). Reads of case content are
 * audited (DOMAIN.md) whatever happens next, so read audits are not writes of case data either.
 */
const NOT_CASE_DATA = new Set(["sessions", "rate_limits"]);
/** Written beside a change, never alone the change itself: the change's audit row is checked instead. */
const SIDE_EFFECTS = new Set([
  "audit_events",
  "notifications",
  "outbox",
  // Kept by triggers beside the records they count or index (migrations 0022, 0026-0028).
  "report_hourly_counts",
  "report_request_counts",
  "report_decision_counts",
  "report_fulfilled_counts",
  "report_action_due_counts",
  "report_meeting_counts",
  "report_denial_counts",
]);

type Write = { tbl: string; op: string; action: string | null };

beforeAll(() => {
  client.exec("CREATE TEMP TABLE fuzz_writes (tbl TEXT NOT NULL, op TEXT NOT NULL, action TEXT)");
  // Not a virtual table nor its shadow tables (the FTS5 index of youth names, kept by triggers
  // on youth, takes no triggers): a write to it is a write to youth, which is watched.
  const virtual = all("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").map((r) =>
    String(r.name),
  );
  const tables = all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .map((r) => String(r.name))
    .filter((t) => !virtual.some((v) => t === v || t.startsWith(`${v}_`)));
  for (const t of tables) {
    for (const op of ["INSERT", "UPDATE", "DELETE"]) {
      const action = t === "audit_events" && op === "INSERT" ? "NEW.action" : "NULL";
      client.exec(
        `CREATE TEMP TRIGGER "fuzz_${t}_${op}" AFTER ${op} ON main."${t}" BEGIN INSERT INTO fuzz_writes VALUES ('${t}', '${op.toLowerCase()}', ${action}); END;`,
      );
    }
  }
});

const writesSoFar = (): Write[] => all("SELECT tbl, op, action FROM temp.fuzz_writes") as Write[];
const clearWrites = () => client.exec("DELETE FROM temp.fuzz_writes");
const caseWrites = (ws: Write[]) =>
  ws.filter((w) => !NOT_CASE_DATA.has(w.tbl) && !(w.tbl === "audit_events" && READ_AUDITS.has(w.action ?? "")));
const changeAudits = (ws: Write[]) => ws.filter((w) => w.tbl === "audit_events" && !READ_AUDITS.has(w.action ?? ""));

// ------------------------------------------------------------------------------------------
// What an action replied

function payload(result: Settled): unknown {
  return result && typeof result === "object" && !(result instanceof Response) && "data" in result && "init" in result
    ? result.data
    : result;
}

/** The messages a refusal carries for the page: `{ message }`, or `{ errors: { field: message } }`. */
async function messagesOf(result: Settled): Promise<string[]> {
  if (result instanceof Response) return [(await result.clone().text()).trim()].filter(Boolean);
  const p = payload(result);
  if (!p || typeof p !== "object") return [];
  const out: string[] = [];
  if ("message" in p && typeof p.message === "string" && p.message.trim()) out.push(p.message);
  if ("errors" in p && p.errors && typeof p.errors === "object") {
    for (const m of Object.values(p.errors)) if (typeof m === "string" && m.trim()) out.push(m);
  }
  return out;
}

/** NUL and the bidi overrides, as JSON writes them: the one door every form's text comes through (formValues) strips them. */
const DECEPTIVE = /\\u0000|\u202e|\u2066/i;

/** zod's own messages ("Invalid input: expected string, received undefined"): written for developers, not for the page. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid (input|option|string|number|date|value)|Too (big|small)|Unrecognized key)/;

function carriesFieldErrors(result: Settled): boolean {
  const p = payload(result);
  return !!p && typeof p === "object" && "errors" in p && !!p.errors && typeof p.errors === "object" && Object.keys(p.errors).length > 0;
}

// ------------------------------------------------------------------------------------------
// The table: one entry per action

type Spec = {
  /** Who may use it; a submission is sent by one of them, or now and then by anyone (ANYONE). */
  as: readonly (string | null)[];
  params?: Record<string, ParamChoices>;
  intents?: readonly V[];
  fields: Record<string, fc.Arbitrary<FieldValue>>;
  /** Audit rows a refusal writes on purpose (a failed sign-in is a security event worth keeping). */
  refusalAudits?: readonly string[];
};

/** The demo and fixture records the specs draw their ids from. */
type World = ReturnType<typeof buildWorld>;

let counter = 0;
const unique = (label: string, make: (n: number) => string) => lazy(label, () => make(++counter));

/** Posts a valid form while setting up, and returns where the action redirected (the new record's URL). */
async function redirectAfter(
  file: string,
  email: string,
  params: Record<string, string>,
  fields: Record<string, string | string[]>,
): Promise<string> {
  const pattern = ROUTED.get(file)!;
  const url = pattern.replace(/:(\w+)/g, (_, k: string) => params[k]!);
  return redirectLocation(await postRoute(db, actionOf(file), email, url, params, fields));
}
const idIn = (location: string, re: RegExp) => Number(re.exec(location)![1]);

function buildWorld() {
  const p1 = programId(client, "example-county");
  const p2 = programId(client, "second-county");
  const first = (sql: string, ...args: unknown[]) => String(one(sql, ...args)!.id);
  const u = {
    advocate: userId(client, ADVOCATE),
    supervisor: userId(client, SUPERVISOR),
    lead: userId(client, LEAD),
    admin: userId(client, ADMIN),
  };
  const p2User = String(userId(client, OTHER_LEAD));
  const p2Advocate = String(userId(client, "advocate@second.example.org"));
  const p2Supervisor = String(userId(client, "supervisor@second.example.org"));
  const otherYouth = demoYouthId(client, DEMO_YOUTH.advocateNone);
  const p2Youth = demoYouthId(client, DEMO_YOUTH.secondProgramConcern);
  /** For each kind of record: one of another youth of the program (`near`), one of the other program. */
  const pair = (table: string) => [
    first(`SELECT id FROM ${table} WHERE youth_id = ? ORDER BY id`, otherYouth),
    first(`SELECT id FROM ${table} WHERE program_id = ? ORDER BY id`, p2),
  ];
  const elsewhere = {
    youth: [String(otherYouth), String(p2Youth)],
    party: pair("case_parties"),
    contact: pair("contacts"),
    episode: [
      first("SELECT id FROM runaway_episodes WHERE program_id = ? ORDER BY id", p1),
      first("SELECT id FROM runaway_episodes WHERE program_id = ?", p2),
    ],
    meeting: pair("mdt_meetings"),
    request: [
      first("SELECT id FROM resource_requests WHERE program_id = ? ORDER BY id", p1),
      first("SELECT id FROM resource_requests WHERE program_id = ?", p2),
    ],
    action: pair("action_items"),
    // Not the demo accounts the other specs sign in with (an admin could make the lead an admin, who could then deactivate the admin).
    user: [String(userId(client, "advocate6@example.org")), p2User],
  };
  return { p1, p2, u, p2User, p2Advocate, p2Supervisor, elsewhere };
}

/** A URL id's choices: `real`, and a record of the kind of another youth (`near`) and of the other program. */
function ids(real: readonly V[], [near, other]: readonly string[], nested = false): ParamChoices {
  return { real, near: [near!], other: [other!], nested };
}

/** A youth of the advocate's and the supervisor's, of its own for each action, so one action's successes do not starve another. */
const fixture = (opts: { concern?: boolean } = {}): YouthCase =>
  makeYouth(db, { advocate: ADVOCATE, supervisor: SUPERVISOR, ...(opts.concern ? { concernBy: SUPERVISOR } : {}) });

/** Ids a form may name: this youth's, another youth's, the other program's. */
function partyRefs(w: World, c: YouthCase): V[] {
  return [String(c.cswId), String(c.attorneyId), String(c.clcId), ...w.elsewhere.party];
}
function attendeeRefs(w: World, c: YouthCase): V[] {
  return [
    `party:${c.cswId}`,
    `party:${c.attorneyId}`,
    `user:${w.u.advocate}`,
    `user:${w.u.supervisor}`,
    `party:${w.elsewhere.party[0]}`,
    `party:${w.elsewhere.party[1]}`,
    `user:${w.p2User}`,
    `user:${w.u.admin}`,
    "party:0",
    "user:99999999999999999999",
  ];
}
const ownerRefs = (w: World): fc.Arbitrary<V> =>
  pick(
    "role:csw",
    "role:casa_advocate",
    "role:attorney",
    "role:nobody",
    `user:${w.u.advocate}`,
    `user:${w.u.supervisor}`,
    `user:${w.p2User}`,
    `user:${w.u.admin}`,
    "user:0",
  );
const personRefs = (w: World): V[] => [
  String(w.u.advocate),
  ADVOCATE,
  "ADVOCATE@example.org",
  "advocate2@example.org",
  String(w.u.supervisor),
  SUPERVISOR,
  w.p2Advocate,
  "advocate@second.example.org",
  w.p2Supervisor,
  String(w.u.admin),
  "nobody@example.org",
  "",
];

/** A contact of the advocate's on this youth, logged just now (so still theirs to correct): a new one once the last is deleted. */
function freshContact(c: YouthCase): Lazy {
  return lazy("a contact of the advocate's", () => {
    const row = one(
      "SELECT id FROM contacts WHERE youth_id = ? AND logged_by_user_id = (SELECT id FROM users WHERE email = ?) ORDER BY id DESC LIMIT 1",
      c.youthId,
      ADVOCATE,
    );
    if (row) return String(row.id);
    client
      .prepare(
        "INSERT INTO contacts (program_id, youth_id, party_id, occurred_at, method, summary, logged_by_user_id) VALUES ((SELECT program_id FROM youth WHERE id = ?), ?, ?, ?, 'phone', 'Fixture contact', (SELECT id FROM users WHERE email = ?))",
      )
      .run(c.youthId, c.youthId, c.cswId, new Date(Date.now() - 3_600_000).toISOString(), ADVOCATE);
    return String(one("SELECT max(id) AS id FROM contacts")!.id);
  });
}

const actionFields = (w: World) => ({
  description: text(500),
  owner: ownerRefs(w),
  dueOn: fc.oneof(futureDay, pastDay),
});
const closeFields = (w: World, actionIds: V[]) => ({
  actionId: fc.constantFrom(...actionIds, ...w.elsewhere.action),
  reason: text(1000),
});
const requestFields = (c: YouthCase, w: World) => ({
  type: pick(...REQUEST_TYPES.map((t) => t.key), "csec"),
  subtype: pick("emdr", "state_id", "other", "nope"),
  description: text(2000),
  addressedTo: fc.constantFrom<V>("agency", ...partyRefs(w, c)),
  agency: text(120),
  amount: dollars,
  dueOn: fc.oneof(futureDay, pastDay),
});

const SPECS: Record<string, (w: World) => Promise<Spec> | Spec> = {
  "admin-program.tsx": () => ({
    as: [ADMIN],
    fields: {
      name: text(120),
      timeZone: pick("America/Los_Angeles", "Europe/Berlin", "UTC", "Mars/Olympus_Mons"),
      staleYouthDays: pick("30", "1", "365"),
      staleCswDays: pick("30", "14", "366"),
      staleAttorneyDays: pick("60", "21"),
      staleClcDays: pick("45", "7"),
      ...Object.fromEntries(
        REQUEST_TYPES.flatMap((t) => [
          [`enabled_${t.key}`, pick("on")] as const,
          [`label_${t.key}`, fc.oneof(text(80), pick("CSEC help"))] as const,
        ]),
      ),
      baseVersion: version,
    },
  }),
  "admin-user-new.tsx": (w) => ({
    as: [ADMIN, LEAD],
    fields: {
      name: text(120),
      email: fc.oneof(
        fc.constant(unique("a new email", (n) => `fuzz${n}@example.org`)),
        pick(ADVOCATE, "ADMIN@example.org", "advocate@second.example.org", "bad@", "x".repeat(250) + "@e.org"),
      ),
      role: pick(...ROLES, "superuser"),
      supervisor: fc.constantFrom(...personRefs(w)),
    },
  }),
  "admin-user.tsx": async (w) => {
    const target = await createUser(db, { programId: w.p1, role: "advocate", email: "fuzz-target@example.org" });
    return {
      as: [ADMIN, LEAD],
      params: { userId: { ...ids([String(target.id)], w.elsewhere.user), near: [String(w.u.admin), w.elsewhere.user[0]!] } },
      intents: ["role", "supervisor", "deactivate", "reactivate", "link", "delete"],
      fields: { role: pick(...ROLES, "root"), baseRole: pick(...ROLES, "x"), supervisor: fc.constantFrom(...personRefs(w)) },
    };
  },
  "concern-new.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      fields: { indicators: anyOf(...RED_FLAG_KEYS, "made_up_flag"), observedOn: fc.oneof(pastDay, futureDay), note: text(4000) },
    };
  },
  "contact-edit.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth), contactId: ids([freshContact(c)], w.elsewhere.contact, true) },
      intents: ["delete", "correct", ""],
      fields: {
        reason: text(500),
        occurredAt: fc.oneof(whenPast, whenFuture),
        method: pick(...CONTACT_METHODS, "carrier_pigeon"),
        outcome: pick(...CONTACT_OUTCOMES, "maybe"),
        durationMinutes: pick("45", "1", "720", "721"),
        summary: text(2000),
        baseVersion: version,
      },
    };
  },
  "court-draft.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      intents: ["save", "confirm", "print"],
      fields: {
        observations: fc.oneof(text(8000), pick("She mentioned 'the life' and a pimp.")),
        wishes: text(8000),
        recommendations: text(8000),
        nextHearingOn: fc.oneof(futureDay, pastDay),
        hash: pick("0".repeat(64), "A".repeat(64), "abc"),
        understood: pick("yes", "on"),
        baseVersion: version,
      },
    };
  },
  "csec-review.tsx": (w) => {
    const c = fixture({ concern: true });
    return {
      as: [SUPERVISOR, LEAD],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      intents: ["confirm", "clear", "monitor", "escalate"],
      fields: {
        basis: pick(...CSEC_BASES, "rumour"),
        basisOn: fc.oneof(pastDay, futureDay),
        note: text(2000),
        reason: text(2000),
        nextReviewOn: fc.oneof(futureDay, pastDay),
        referral: text(200),
        guidance: text(1000),
      },
    };
  },
  "episode-detail.tsx": async (w) => {
    const c = fixture();
    const episode = idIn(
      await redirectAfter(
        "episode-new.tsx",
        ADVOCATE,
        { youthId: String(c.youthId) },
        { leftAt: localDateTime(PROGRAM_ONE_TZ, -7_200_000), leftFrom: "The placement" },
      ),
      /episodes\/(\d+)/,
    );
    const dt = fc.oneof(whenPast, whenFuture, pick(""));
    const answers = Object.fromEntries(
      RETURN_QUESTIONS.flatMap((q) => [
        [`q_${q.key}`, pick("asked", "declined", "", "maybe")] as const,
        [`q_${q.key}_note`, text(2000)] as const,
      ]),
    );
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth), episodeId: ids([String(episode)], w.elsewhere.episode, true) },
      intents: [...EPISODE_STEPS, "delete"],
      fields: {
        leftAt: dt,
        leftFrom: text(300),
        noticedBy: text(200),
        circumstances: text(4000),
        reportedAt: dt,
        agency: text(200),
        reference: text(100),
        ...Object.fromEntries(NOTIFIED_PARTIES.map((p) => [p.key, dt] as const)),
        returnedAt: dt,
        foundAt: text(300),
        foundBy: text(200),
        conversationAt: dt,
        ...answers,
        healthResourcesOffered: pick("on", "yes"),
        safetyPlanReviewed: pick("on"),
        baseVersion: version,
      },
    };
  },
  "episode-new.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      fields: { leftAt: fc.oneof(whenPast, whenFuture), leftFrom: text(300), noticedBy: text(200), circumstances: text(4000) },
    };
  },
  "inbox.tsx": (w) => {
    const mine = all("SELECT id FROM notifications WHERE user_id = ?", w.u.advocate).map((r) => String(r.id));
    const theirs = all("SELECT id FROM notifications WHERE user_id <> ?", w.u.advocate).map((r) => String(r.id));
    return { as: [ADVOCATE, SUPERVISOR], intents: ["all", "one"], fields: { id: pick(...mine, ...theirs, ...BAD_IDS) } };
  },
  "login.tsx": () => ({
    as: [null],
    refusalAudits: ["session.sign_in_failed"],
    fields: {
      email: pick(ADVOCATE, " Advocate@Example.org ", OTHER_LEAD, "nobody@example.org", "advocate@example.org\u0000"),
      password: pick(DEMO_PASSWORD, "wrong password", DEMO_PASSWORD + "\u0000"),
      redirectTo: pick(
        "/youth",
        "//evil.example",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "/%0d%0aSet-Cookie:x=1",
      ),
    },
  }),
  "logout.tsx": () => ({ as: [ADVOCATE, ADMIN], fields: {} }),
  "meeting-detail.tsx": async (w) => {
    const c = fixture();
    const meeting = idIn(
      await redirectAfter(
        "meeting-new.tsx",
        ADVOCATE,
        { youthId: String(c.youthId) },
        {
          scheduledAt: localDateTime(PROGRAM_ONE_TZ, 3 * 86_400_000),
          type: "regular_mdt",
          location: "The office",
          attendees: [`party:${c.cswId}`],
        },
      ),
      /meetings\/(\d+)/,
    );
    await redirectAfter(
      "meeting-detail.tsx",
      ADVOCATE,
      { meetingId: String(meeting) },
      { intent: "add-action", description: "Call the CSW", owner: "role:csw", dueOn: dayFromToday(PROGRAM_ONE_TZ, 5) },
    );
    const actions = all("SELECT id FROM action_items WHERE meeting_id = ?", meeting).map((r) => String(r.id));
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { meetingId: ids([String(meeting)], w.elsewhere.meeting) },
      intents: ["add-action", "done", "drop", "add-agenda", "record", "draft-notes", "reschedule", "cancel", "invite", "delete"],
      fields: {
        ...actionFields(w),
        ...closeFields(w, actions),
        text: text(500),
        attended: anyOf(...attendeeRefs(w, c)),
        notes: text(8000),
        decisions: text(8000),
        scheduledAt: fc.oneof(whenFuture, whenPast),
        location: text(200),
        videoLink: pick("https://meet.example.org/abc", "http://insecure.example", "javascript:alert(1)"),
        baseVersion: version,
      },
    };
  },
  "meeting-new.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      fields: {
        scheduledAt: fc.oneof(whenFuture, whenPast),
        type: pick(...MEETING_TYPE_KEYS, "party"),
        location: text(200),
        videoLink: pick("https://meet.example.org/abc", "ftp://x"),
        attendees: anyOf(...attendeeRefs(w, c)),
      },
    };
  },
  "my-actions.tsx": async (w) => {
    const c = fixture();
    await redirectAfter(
      "youth-detail.tsx",
      ADVOCATE,
      { youthId: String(c.youthId) },
      { intent: "add-action", description: "Find a tutor", owner: `user:${w.u.advocate}`, dueOn: dayFromToday(PROGRAM_ONE_TZ, 3) },
    );
    const actions = all("SELECT id FROM action_items WHERE youth_id = ?", c.youthId).map((r) => String(r.id));
    return { as: [ADVOCATE, SUPERVISOR], intents: ["done", "drop", "reopen"], fields: closeFields(w, actions) };
  },
  "party-edit.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: {
        youthId: ids([String(c.youthId)], w.elsewhere.youth),
        partyId: ids([String(c.cswId), String(c.attorneyId)], w.elsewhere.party, true),
      },
      fields: { name: text(120), organization: text(120), phone, email, baseVersion: version },
    };
  },
  "party-new.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      fields: {
        role: pick(...PARTY_ROLES, "judge"),
        name: text(120),
        organization: text(120),
        phone,
        email,
        startedOn: fc.oneof(pastDay, futureDay),
      },
    };
  },
  "party-replace.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: {
        youthId: ids([String(c.youthId)], w.elsewhere.youth),
        partyId: ids([String(c.cswId), String(c.clcId)], w.elsewhere.party, true),
      },
      fields: { name: text(120), organization: text(120), phone, email, startedOn: fc.oneof(pastDay, futureDay) },
    };
  },
  "request-detail.tsx": async (w) => {
    const c = fixture();
    const requestIds: string[] = [];
    for (const intent of ["submit", "submit", "draft"]) {
      const location = await redirectAfter(
        "request-new.tsx",
        ADVOCATE,
        { youthId: String(c.youthId) },
        { type: "medical", addressedTo: "agency", agency: "County clinic", intent },
      );
      requestIds.push(String(idIn(location, /requests\/(\d+)/)));
    }
    return {
      as: [SUPERVISOR, ADVOCATE, LEAD],
      params: { requestId: ids(requestIds, w.elsewhere.request) },
      fields: {
        action: pick(...REQUEST_ACTIONS, "reopen"),
        version: version,
        note: text(2000),
        amount: dollars,
        fulfilledOn: fc.oneof(pastDay, futureDay),
        provider: text(200),
      },
    };
  },
  "request-edit.tsx": async (w) => {
    const c = fixture();
    const draft = lazy("the advocate's draft", () => {
      const row = one("SELECT id FROM resource_requests WHERE youth_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1", c.youthId);
      if (row) return String(row.id);
      return String(one("SELECT max(id) AS id FROM resource_requests WHERE youth_id = ?", c.youthId)!.id);
    });
    for (let i = 0; i < 3; i++)
      await redirectAfter(
        "request-new.tsx",
        ADVOCATE,
        { youthId: String(c.youthId) },
        { type: "medical", addressedTo: "agency", agency: "Clinic", intent: "draft" },
      );
    return {
      as: [ADVOCATE],
      params: { requestId: ids([draft], w.elsewhere.request) },
      intents: ["draft", "submit", "delete"],
      fields: { ...requestFields(c, w), baseVersion: version },
    };
  },
  "request-new.tsx": (w) => {
    const c = fixture();
    return {
      as: [ADVOCATE, LEAD],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      intents: ["draft", "submit", "approve"],
      fields: requestFields(c, w),
    };
  },
  "reset-password.tsx": async (w) => {
    const target = await createUser(db, { programId: w.p1, role: "advocate", email: "fuzz-reset@example.org" });
    return {
      as: [null],
      params: {
        token: {
          real: [lazy("a fresh reset token", () => freshToken(target.id))],
          near: ["0".repeat(64), "x", "%00", "a".repeat(5000)],
          checkedAfterForm: true,
        },
      },
      fields: {
        password: pick("a long enough password", "short", "x".repeat(1025), "\u0000".repeat(12)),
        confirm: pick("a long enough password", "other"),
      },
    };
  },
  "safety-plan.tsx": (w) => {
    const c = fixture();
    const support = Object.fromEntries(
      [1, 2, 3].flatMap((i) => [
        [`support${i}Name`, text(80)] as const,
        [`support${i}Relation`, text(80)] as const,
        [`support${i}Phone`, phone] as const,
      ]),
    );
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      fields: {
        ...support,
        hotlines: anyOf(...HOTLINE_KEYS, "911"),
        notes: text(4000),
        reviewedOn: fc.oneof(pastDay, futureDay),
        baseVersion: version,
      },
    };
  },
  "settings-calendar.tsx": () => ({
    as: [ADVOCATE, LEAD],
    intents: ["regenerate", "revoke", "actions", "delete"],
    fields: { includeActions: pick("1", "0", "on") },
  }),
  "settings-password.tsx": () => ({
    as: [SUPERVISOR],
    fields: {
      current: pick(DEMO_PASSWORD, "wrong"),
      password: pick("a long enough password", "short", "x".repeat(1025)),
      confirm: pick("a long enough password", "nope"),
    },
  }),
  "settings.tsx": () => ({ as: [ADVOCATE, ADMIN], fields: { frequency: pick(...EMAIL_FREQUENCIES, "hourly") } }),
  "switch-program.ts": async (w) => {
    const both = await createUser(db, { programId: w.p1, role: "supervisor", email: "fuzz-both@example.org" });
    client.prepare("INSERT INTO memberships (user_id, program_id, role) VALUES (?, ?, 'advocate')").run(both.id, w.p2);
    return { as: ["fuzz-both@example.org"], fields: { programId: pick(String(w.p1), String(w.p2), "3", "01", `${w.p2}.0`) } };
  },
  "youth-case.tsx": (w) => {
    const c = fixture();
    return {
      as: [SUPERVISOR, LEAD],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      intents: ["placement", "assign", "close", "reopen", "delete"],
      fields: {
        placementType: pick(...PLACEMENT_TYPES, "castle"),
        placementDescription: text(120),
        placementSince: fc.oneof(pastDay, futureDay),
        endReason: text(200),
        advocates: anyOf(...personRefs(w)),
        supervisor: fc.constantFrom(...personRefs(w)),
        closedOn: fc.oneof(pastDay, futureDay),
        reason: fc.oneof(pick(...CLOSE_REASONS), text(1000)),
        note: text(1000),
        reopenedOn: fc.oneof(pastDay, futureDay),
        baseVersion: version,
      },
    };
  },
  "youth-detail.tsx": async (w) => {
    const c = fixture();
    await redirectAfter(
      "youth-detail.tsx",
      ADVOCATE,
      { youthId: String(c.youthId) },
      { intent: "add-action", description: "Check in", owner: "role:csw", dueOn: dayFromToday(PROGRAM_ONE_TZ, 2) },
    );
    const actions = all("SELECT id FROM action_items WHERE youth_id = ?", c.youthId).map((r) => String(r.id));
    return {
      as: [ADVOCATE, SUPERVISOR],
      params: { youthId: ids([String(c.youthId)], w.elsewhere.youth) },
      intents: ["log-contact", "add-action", "done", "drop", "delete"],
      fields: {
        with: oneOrMore("youth", ...partyRefs(w, c), "0", "party:1"),
        occurredAt: fc.oneof(whenPast, whenFuture),
        method: pick(...CONTACT_METHODS, "telepathy"),
        outcome: pick(...CONTACT_OUTCOMES, "x"),
        durationMinutes: pick("30", "0", "721", "1.5"),
        summary: text(2000),
        ...actionFields(w),
        ...closeFields(w, actions),
      },
    };
  },
  "youth-new.tsx": (w) => ({
    as: [SUPERVISOR, LEAD],
    fields: {
      firstName: text(60),
      lastName: text(60),
      dateOfBirth: fc.oneof(days(-6000, -3000), futureDay),
      caseNumber: fc.oneof(fc.constant(unique("a new case number", (n) => `FZ-2026-${n}`)), pick("DP-2026-0142", "-bad", "a/b.c")),
      placementType: pick(...PLACEMENT_TYPES, "castle"),
      placementDescription: text(120),
      placementSince: fc.oneof(pastDay, futureDay),
      advocates: anyOf(...personRefs(w)),
      supervisor: fc.constantFrom(...personRefs(w)),
    },
  }),
};

/** A one-time password link's token, made as an administrator makes one (admin-user, intent=link). */
async function freshToken(forUser: number): Promise<string> {
  const result = await postRoute(
    db,
    actionOf("admin-user.tsx"),
    ADMIN,
    `/admin/users/${forUser}`,
    { userId: String(forUser) },
    { intent: "link" },
  );
  const url = (payload(result) as { link?: { url: string } }).link?.url;
  if (!url) throw new Error(`No reset link: ${describeResult(result)}`);
  return url.split("/").pop()!;
}

// ------------------------------------------------------------------------------------------
// The properties

/** What every reply to every submission must be (the numbers are those at the top of the file). */
async function expectSound(spec: Spec, sub: Submission, result: Settled, writes: Write[]): Promise<void> {
  const status = statusOf(result);
  const said = `as ${sub.who ?? "nobody"} -> ${describeResult(result)}; wrote ${JSON.stringify(writes)}`;
  // 1. Never a 5xx.
  expect(status, said).toBeLessThan(500);
  // 2. A refusal wrote nothing; an accepted change wrote its audit row.
  const refused = status >= 400 || carriesFieldErrors(result);
  const written = caseWrites(writes).filter((w) => !(refused && spec.refusalAudits?.includes(w.action ?? "")));
  if (refused) expect(written, `${said}: a refusal wrote`).toEqual([]);
  else if (written.some((w) => !SIDE_EFFECTS.has(w.tbl)))
    expect(changeAudits(writes), `${said}: a change without its audit row`).not.toEqual([]);
  // 3. A refusal says why, in words for the page, with the form filled again; an id out of reach is a 404 (or 403).
  if (status >= 400) {
    const messages = await messagesOf(result);
    expect(messages, `${said}: no message`).not.toEqual([]);
    expect(
      messages.filter((m) => ZOD_DEFAULT_MESSAGE.test(m)),
      `${said}: zod's own message`,
    ).toEqual([]);
  }
  if (carriesFieldErrors(result))
    expect(typeof (payload(result) as { values?: unknown }).values, `${said}: the form comes back empty`).toBe("object");
  if (namesUnreachable(spec, sub)) expect([403, 404], `${said}: an id out of reach`).toContain(status);
  expect(DECEPTIVE.test(JSON.stringify(payload(result)) ?? ""), `${said}: the reply carries NUL or a bidi override`).toBe(false);
}

const world = buildWorld();

describe("bad input", () => {
  it("has an entry for every action in the route list, and only for those", () => {
    const withAction = [...ROUTED.keys()].filter((file) => typeof MODULES[`../../app/routes/${file}`]?.action === "function").sort();
    expect(withAction.length).toBeGreaterThan(20);
    expect(Object.keys(SPECS).sort()).toEqual(withAction);
  });

  afterAll(() => {
    // What the submissions stored: no text column anywhere holds NUL or a bidi override.
    const tables = all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map((r) => String(r.name));
    const found: string[] = [];
    for (const t of tables) {
      for (const col of all(`SELECT name FROM pragma_table_info('${t}') WHERE type = 'TEXT'`).map((r) => String(r.name))) {
        const n = one(`SELECT count(*) AS n FROM "${t}" WHERE instr("${col}", char(0)) > 0 OR instr("${col}", char(8238)) > 0`)!
          .n as number;
        if (n > 0) found.push(`${t}.${col}: ${n}`);
      }
    }
    expect(found).toEqual([]);
  });

  for (const file of Object.keys(SPECS)) {
    it(`${file}: never a 5xx, never a partial write, always a reason`, async () => {
      const spec = await SPECS[file]!(world);
      const action = actionOf(file);
      const pattern = ROUTED.get(file)!;
      await fc.assert(
        fc.asyncProperty(submissionArb(spec), async (sub) => {
          const params: Record<string, string> = {};
          for (const [k, p] of Object.entries(sub.params)) params[k] = await resolve(p.value);
          const url = pattern.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(params[k] ?? "")) + sub.query;
          const request = await requestOf(sub, url);
          clearWrites();
          let result: Settled;
          try {
            result = await settle(() => action({ request, params, context: {} }));
          } catch (error) {
            throw new Error(`${file} threw instead of replying: ${String(error)}`, { cause: error });
          }
          await expectSound(spec, sub, result, writesSoFar());
        }),
        { numRuns: RUNS },
      );
    });
  }
});
