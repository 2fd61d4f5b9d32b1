/**
 * Concurrent clients for the load and crash tests: signed-in demo users who read pages and save
 * forms over HTTP, as fast as the server answers, each write carrying a marker of its own in a
 * text field. What the app acknowledged (the redirect after a successful POST) is recorded, so a
 * test can look for every acknowledged write in the database afterwards.
 *
 *   const clients = await loadClients(server.url, db, ["advocate@example.org", ...], runId);
 *   const tally = await runLoad(clients, { until: () => Date.now() > end });
 *   const missing = missingWrites(db, tally.acknowledged);
 */
import type Database from "better-sqlite3";
import { DEMO_PASSWORD } from "../../db/seed";
import { dayFromToday, PROGRAM_ONE_TZ, utcDaysAgo } from "./dates";
import { signIn, type Client, type WireResponse } from "./http";

export type WriteKind = "contact" | "request" | "action" | "action-drop";
export type Acknowledged = { kind: WriteKind; marker: string };

export type LoadClient = {
  email: string;
  client: Client;
  userId: number;
  /** Open youth of program one this user may write to. */
  youthIds: number[];
  /** Whether the role may ask for resources (supervisors may not: `write:requests`). */
  requests: boolean;
  /** Markers unique to this client: `${runId} <n>-<seq>`. */
  marker(): string;
};

export type LoadTally = {
  requests: number;
  reads: number;
  writes: number;
  acknowledged: Acknowledged[];
  /** Writes answered without an acknowledgement: "<kind> <status>" (a test decides what is allowed). */
  unacknowledged: string[];
  /** 5xx answers, and bodies that speak of a locked or busy database. */
  serverErrors: string[];
  /** Requests that got no answer at all (the connection failed), by message. */
  networkErrors: string[];
};

const LOCKED = /database is locked|SQLITE_BUSY|SQLITE_LOCKED/i;

function youthWritableBy(db: Database.Database, email: string): { userId: number; youthIds: number[]; role: string } {
  const user = db
    .prepare(
      "select u.id, m.role from users u join memberships m on m.user_id = u.id join programs p on p.id = m.program_id where u.email = ? and p.slug = 'example-county'",
    )
    .get(email) as { id: number; role: string } | undefined;
  if (!user) throw new Error(`no demo user ${email} in program one`);
  // Program leads may write to every open youth of the program; others to those assigned to them.
  const rows = (
    user.role === "program_lead"
      ? db
          .prepare(
            "select y.id from youth y join programs p on p.id = y.program_id where p.slug = 'example-county' and y.case_status = 'open' order by y.id limit 6",
          )
          .all()
      : db
          .prepare(
            `select distinct y.id from youth y join youth_assignments a on a.youth_id = y.id
             where a.user_id = ? and a.ended_on is null and y.case_status = 'open' order by y.id limit 6`,
          )
          .all(user.id)
  ) as Array<{ id: number }>;
  if (rows.length === 0) throw new Error(`${email} has no open youth to write to`);
  return { userId: user.id, youthIds: rows.map((r) => r.id), role: user.role };
}

/**
 * One signed-in client per email (an email may repeat: each is a separate session), signed in
 * one after another: password hashing is deliberately slow and turns a crowd away (503).
 */
export async function loadClients(baseUrl: string, db: Database.Database, emails: string[], runId: string): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  for (const [n, email] of emails.entries()) {
    const { userId, youthIds, role } = youthWritableBy(db, email);
    const client = await signIn(baseUrl, email, DEMO_PASSWORD);
    let seq = 0;
    clients.push({ email, client, userId, youthIds, requests: role !== "supervisor", marker: () => `${runId} c${n}-${++seq}` });
  }
  return clients;
}

export function emptyTally(): LoadTally {
  return { requests: 0, reads: 0, writes: 0, acknowledged: [], unacknowledged: [], serverErrors: [], networkErrors: [] };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** The pages read between writes: lists and one youth's page, as HTML and as `.data`. */
function readPaths(c: LoadClient): string[] {
  const youthId = pick(c.youthIds);
  return ["/youth", `/youth/${youthId}`, `/youth/${youthId}.data`, "/requests", "/meetings", "/actions", "/caseload.data"];
}

function check(tally: LoadTally, what: string, res: WireResponse): void {
  tally.requests++;
  if (res.status >= 500) tally.serverErrors.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
  else if (LOCKED.test(res.text)) tally.serverErrors.push(`${what}: ${res.status} with a locked database in the body`);
}

/** A 302/303 to a page of ours is how every one of these forms says "saved". */
const saved = (res: WireResponse) => (res.status === 302 || res.status === 303) && (res.location ?? "").startsWith("/");

async function write(c: LoadClient, tally: LoadTally, kind: WriteKind, youthId: number, db: Database.Database): Promise<void> {
  const marker = c.marker();
  let res: WireResponse;
  if (kind === "contact") {
    res = await c.client.post(`/youth/${youthId}`, {
      intent: "log-contact",
      with: "youth",
      occurredAt: `${utcDaysAgo(1)}T10:30`,
      method: "phone",
      summary: `Load contact ${marker}`,
    });
  } else if (kind === "request") {
    res = await c.client.post(`/youth/${youthId}/requests/new`, {
      type: "medical",
      description: `Load request ${marker}`,
      addressedTo: "agency",
      agency: "Load test clinic",
      intent: "draft",
    });
  } else if (kind === "action") {
    res = await c.client.post(`/youth/${youthId}`, {
      intent: "add-action",
      description: `Load action ${marker}`,
      owner: `user:${c.userId}`,
      dueOn: dayFromToday(PROGRAM_ONE_TZ, 7),
    });
  } else {
    // Drop one of this client's own open items (one it added, acknowledged): found read-only.
    const open = db
      .prepare("select id, youth_id from action_items where description like ? and status = 'open' order by random() limit 1")
      .get(`Load action ${marker.replace(/-\d+$/, "-")}%`) as { id: number; youth_id: number } | undefined;
    if (!open) return;
    res = await c.client.post(`/youth/${open.youth_id}`, { intent: "drop", actionId: String(open.id), reason: `Load drop ${marker}` });
  }
  tally.writes++;
  check(tally, `${kind} ${marker}`, res);
  if (saved(res)) tally.acknowledged.push({ kind, marker });
  else tally.unacknowledged.push(`${kind} ${res.status}${res.location ? ` -> ${res.location}` : ""}`);
}

/**
 * Every client reads and writes in turn (`reads` of the requests are reads, two in three unless
 * told) until `until()` says stop. A request that fails outright (the server was killed) is
 * counted, and the client goes on.
 */
export async function runLoad(
  clients: LoadClient[],
  db: Database.Database,
  opts: { until: () => boolean; tally?: LoadTally; reads?: number },
): Promise<LoadTally> {
  const readShare = opts.reads ?? 0.66;
  const tally = opts.tally ?? emptyTally();
  await Promise.all(
    clients.map(async (c) => {
      const kinds: WriteKind[] = c.requests ? ["contact", "request", "action", "action-drop"] : ["contact", "action", "action-drop"];
      while (!opts.until()) {
        try {
          if (Math.random() < readShare) {
            const path = pick(readPaths(c));
            const res = await c.client.get(path);
            tally.reads++;
            check(tally, `GET ${path}`, res);
            if (res.status !== 200 && res.status < 500) tally.unacknowledged.push(`GET ${path} ${res.status}`);
          } else {
            await write(c, tally, pick(kinds), pick(c.youthIds), db);
          }
        } catch (error) {
          tally.networkErrors.push(
            error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
          );
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }),
  );
  return tally;
}

/** Where each kind of write leaves its marker. */
const FOUND: Record<WriteKind, string> = {
  contact: "select count(*) as n from contacts where summary = ?",
  request: "select count(*) as n from resource_requests where description = ?",
  action: "select count(*) as n from action_items where description = ?",
  "action-drop": "select count(*) as n from action_items where status = 'dropped' and drop_reason = ?",
};
const TEXT: Record<WriteKind, string> = {
  contact: "Load contact",
  request: "Load request",
  action: "Load action",
  "action-drop": "Load drop",
};

/** The acknowledged writes not in `db` (each must be there exactly once), and how many of each kind were found. */
export function missingWrites(
  db: Database.Database,
  acknowledged: Acknowledged[],
): { missing: Acknowledged[]; found: Record<WriteKind, number> } {
  const found: Record<WriteKind, number> = { contact: 0, request: 0, action: 0, "action-drop": 0 };
  const missing: Acknowledged[] = [];
  for (const a of acknowledged) {
    const { n } = db.prepare(FOUND[a.kind]).get(`${TEXT[a.kind]} ${a.marker}`) as { n: number };
    if (n === 1) found[a.kind]++;
    else missing.push(a);
  }
  return { missing, found };
}
