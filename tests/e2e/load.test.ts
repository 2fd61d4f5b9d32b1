/**
 * The production server with two workers (node:cluster, two processes writing one SQLite file)
 * under a few seconds of concurrent use: nine signed-in clients reading lists and youth pages
 * and logging contacts, asking for resources, adding and dropping action items. No answer may be
 * a 5xx or speak of a locked database, and every write the app acknowledged must be in the
 * database afterwards, once. Sign-in failures are counted in the database for the whole cluster,
 * whichever worker took the attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import type Database from "better-sqlite3";
import { loadClients, missingWrites, runLoad } from "../helpers/load";
import { serverProcesses, startServer, type TestServer } from "../helpers/server";
import { openReadOnly } from "../helpers/wire";

const LOAD_MS = 5_000;
const runId = `L${Date.now().toString(36)}`;

let server: TestServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer({ env: { WEB_CONCURRENCY: "2" } });
  db = openReadOnly(server.databasePath);
}, 60_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

/** Resident memory of a process, in MB. */
const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** A POST on a connection of its own (no keep-alive), so that the cluster hands each to the next worker. */
function postOnNewConnection(path: string, form: Record<string, string>): Promise<number> {
  const url = new URL(path, server.url);
  const body = new URLSearchParams(form).toString();
  return new Promise((resolveStatus, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Origin: url.origin,
          Connection: "close",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolveStatus(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("two workers under concurrent reads and writes", () => {
  it("answers every request without a 5xx and keeps every acknowledged write", { timeout: 60_000 }, async () => {
    const emails = ["lead@example.org", "supervisor@example.org", "advocate@example.org"].flatMap((e) => [e, e, e]);
    const clients = await loadClients(server.url, db, emails, runId);
    expect(serverProcesses(server).workers, "two workers").toHaveLength(2);

    const started = Date.now();
    const tally = await runLoad(clients, db, { until: () => Date.now() - started > LOAD_MS });
    const seconds = (Date.now() - started) / 1000;

    const { tsx, primary, workers } = serverProcesses(server);
    const memory = [...tsx, ...primary, ...workers].map((pid) => residentMb(pid).toFixed(0));
    const { missing, found } = missingWrites(db, tally.acknowledged);
    console.log(
      `load: ${clients.length} clients, ${tally.requests} requests in ${seconds.toFixed(1)} s ` +
        `(${(tally.requests / seconds).toFixed(0)}/s; ${tally.reads} reads, ${tally.writes} writes); ` +
        `acknowledged ${tally.acknowledged.length} writes, found in the database: ${JSON.stringify(found)}; ` +
        `resident MB (tsx, primary, workers): ${memory.join(", ")}`,
    );
    expect(tally.serverErrors, server.output().slice(-3000)).toEqual([]);
    expect(tally.networkErrors).toEqual([]);
    expect(tally.unacknowledged).toEqual([]);
    expect(tally.writes).toBeGreaterThan(50);
    expect(missing).toEqual([]);
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
  });

  it("counts sign-in failures once for the whole cluster, whichever worker took them", { timeout: 60_000 }, async () => {
    const email = `nobody-${runId.toLowerCase()}@example.org`;
    const statuses: number[] = [];
    // Each on a new connection: the primary hands connections to the workers in turn.
    for (let n = 0; n < 8; n++) statuses.push(await postOnNewConnection("/login", { email, password: "wrong password" }));
    const row = db.prepare("select points from rate_limits where key = ?").get(`signin_fail_account:account:${email}`) as
      { points: number } | undefined;
    console.log(`sign-in failures: statuses ${statuses.join(" ")}; counted ${row?.points}`);
    // Five are free; the sixth earns a 1 s wait, so the seventh, at once, is turned away (429).
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toContain(429);
    // Every failure the workers answered is in the one count (a turned-away attempt adds none).
    expect(row?.points).toBe(statuses.filter((s) => s === 401).length);
  });

  it("hashes passwords one at a time for the whole cluster: a burst fills one line, not one per worker", { timeout: 60_000 }, async () => {
    // 30 at once, each for an email of its own, on new connections (both workers get some). One
    // line for the cluster holds 1 hashing + 16 waiting, so the rest are turned away (503); a
    // line per worker holds up to 34.
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        postOnNewConnection("/login", { email: `burst-${n}-${runId.toLowerCase()}@example.org`, password: "wrong" }),
      ),
    );
    const counts = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`sign-in burst: ${JSON.stringify(counts)}`);
    expect(statuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
    // Measured: 17 hashed and 13 turned away with the cluster's one line; 27 and 3 with a line
    // per worker. A few more than 17 may get through if the burst arrives slower than a hash.
    expect(counts[401] ?? 0).toBeLessThanOrEqual(20);
    expect(counts[503]).toBeGreaterThan(0);
  });
});
