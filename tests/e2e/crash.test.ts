/**
 * The production server killed outright while people save forms: every process of it (tsx, the
 * cluster's primary, both workers) gets SIGKILL at once, as a power cut or the OOM killer would
 * leave it. Started again on the same file, the database passes SQLite's integrity check, holds
 * every write the app had acknowledged, and the server answers and saves again (the sessions
 * survive: they are in the database). And the cluster never leaves a worker behind: SIGTERM to
 * the server ends every process, and a primary killed alone takes its workers with it.
 */
import { afterAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { createClient } from "../helpers/http";
import { emptyTally, loadClients, missingWrites, runLoad, type LoadClient } from "../helpers/load";
import { serverProcesses, startServer, type TestServer } from "../helpers/server";
import { openReadOnly } from "../helpers/wire";

const runId = `C${Date.now().toString(36)}`;
const servers: TestServer[] = [];
afterAll(async () => {
  // The restarted server first: the first one's stop() removes the folder they share.
  for (const s of servers.reverse()) await s.stop();
});

async function start(opts: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(opts);
  servers.push(server);
  return server;
}

function integrity(db: Database.Database): string {
  return (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join("; ");
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("SIGKILL to every process of the server while clients write", () => {
  it("loses no acknowledged write, and the server starts again on the same file and saves", { timeout: 120_000 }, async () => {
    const first = await start({ env: { WEB_CONCURRENCY: "2" } });
    const seedDb = openReadOnly(first.databasePath);
    const emails = ["lead@example.org", "advocate@example.org", "supervisor@example.org", "lead@example.org", "advocate@example.org"];
    let clients: LoadClient[];
    try {
      clients = await loadClients(first.url, seedDb, emails, runId);
    } finally {
      seedDb.close();
    }

    // Writes only, from five clients, until the crash; the crash comes once 60 are acknowledged.
    const lookup = openReadOnly(first.databasePath);
    let crashed = false;
    const tally = emptyTally();
    const load = runLoad(clients, lookup, { until: () => crashed, tally, reads: 0 });
    const started = Date.now();
    await waitFor(() => tally.acknowledged.length >= 60, 30_000, "60 acknowledged writes");
    const inFlight = tally.writes;
    await first.crash();
    crashed = true;
    const crashedAt = Date.now();
    await load;
    lookup.close();
    console.log(
      `crash: SIGKILL after ${((crashedAt - started) / 1000).toFixed(1)} s, ${tally.acknowledged.length} writes acknowledged, ` +
        `${tally.networkErrors.length} cut off (${tally.writes - inFlight} answered after the count was reached)`,
    );
    expect(tally.serverErrors).toEqual([]);
    expect(tally.unacknowledged).toEqual([]);

    // On the same file: the server recovers the WAL and serves it again.
    const restartStarted = Date.now();
    const second = await start({ databasePath: first.databasePath, env: { WEB_CONCURRENCY: "2" } });
    const restartMs = Date.now() - restartStarted;
    const after = openReadOnly(second.databasePath);
    try {
      expect(integrity(after)).toBe("ok");
      const { missing, found } = missingWrites(after, tally.acknowledged);
      console.log(`crash: after the restart (${restartMs} ms) integrity ok, found ${JSON.stringify(found)}; missing ${missing.length}`);
      expect(missing).toEqual([]);

      // The same sessions, against the new server: reads answer and writes are saved.
      const again = clients.map((c) => ({ ...c, client: createClient(second.url, c.client.cookie) }));
      const home = await again[0]!.client.get("/");
      expect(home.status).toBe(200);
      const until = Date.now() + 1_500;
      const more = await runLoad(again, after, { until: () => Date.now() > until });
      const check = missingWrites(after, more.acknowledged);
      console.log(
        `crash: the restarted server answered ${more.requests} requests, ${more.acknowledged.length} writes acknowledged and found`,
      );
      expect(more.serverErrors).toEqual([]);
      expect(more.networkErrors).toEqual([]);
      expect(more.unacknowledged).toEqual([]);
      expect(more.acknowledged.length).toBeGreaterThan(0);
      expect(check.missing).toEqual([]);
    } finally {
      after.close();
    }
  });
});

describe("the cluster leaves no process behind", () => {
  it("runs one mail scheduler, and SIGTERM ends tsx, the primary and every worker by themselves", { timeout: 60_000 }, async () => {
    const server = await start({ env: { WEB_CONCURRENCY: "2", MAIL_SCHEDULER: "on" } });
    const { tsx, primary, workers } = serverProcesses(server);
    expect([tsx.length, primary.length, workers.length]).toEqual([1, 1, 2]);
    // The primary starts the scheduler (and says so) once; the workers never do.
    expect(server.output().match(/^Email: sent to /gm)).toHaveLength(1);
    const stoppedAt = Date.now();
    process.kill(tsx[0]!, "SIGTERM");
    await waitFor(() => server.pids().length === 0, 6_000, "every process of the server to exit");
    console.log(`cluster: SIGTERM to all gone in ${Date.now() - stoppedAt} ms`);
  });

  it("a primary killed alone (SIGKILL) takes its workers with it", { timeout: 60_000 }, async () => {
    const server = await start({ env: { WEB_CONCURRENCY: "2" } });
    const { primary, workers } = serverProcesses(server);
    expect(workers).toHaveLength(2);
    const killedAt = Date.now();
    process.kill(primary[0]!, "SIGKILL");
    await waitFor(() => serverProcesses(server).workers.length === 0, 3_000, "the workers to notice their primary is gone");
    console.log(`cluster: primary SIGKILLed, workers gone in ${Date.now() - killedAt} ms`);
  });

  it("a worker that dies is replaced, and the server keeps answering", { timeout: 60_000 }, async () => {
    const server = await start({ env: { WEB_CONCURRENCY: "2" } });
    const before = serverProcesses(server).workers;
    process.kill(before[0]!, "SIGKILL");
    await waitFor(
      () => {
        const now = serverProcesses(server).workers;
        return now.length === 2 && !now.includes(before[0]!);
      },
      20_000,
      "a new worker",
    );
    expect(server.output()).toMatch(/Worker \d \(pid \d+\) exited \(signal SIGKILL\); starting another in \d+ ms/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
