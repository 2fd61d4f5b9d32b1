/**
 * `npm run backup` and `npm run restore` against the running app: a backup taken while people
 * keep logging contacts holds every contact the app had confirmed before the backup began, and
 * restores to a sound database. Restore refuses while the app has the database open, and refuses
 * a file that is not a database; backup does not overwrite a file unless told to.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_YOUTH } from "../../db/seed";
import { signIn, type Client } from "../helpers/http";
import { utcDaysAgo } from "../helpers/dates";
import { freePort, REPO_ROOT, startServer, type TestServer } from "../helpers/server";
import { openReadOnly, youthIdByName } from "../helpers/wire";

const TSX_CLI = join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const dir = mkdtempSync(join(tmpdir(), "casa-backup-"));
const backupPath = join(dir, "backup.db");
const restoredPath = join(dir, "restored", "app.db");
const runId = Date.now().toString(36);

let server: TestServer;
let youthId: number;

beforeAll(async () => {
  server = await startServer();
  const db = openReadOnly(server.databasePath);
  youthId = youthIdByName(db, DEMO_YOUTH.advocateNone);
  db.close();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type ScriptResult = { status: number | null; stdout: string; stderr: string };

/**
 * Runs `scripts/<name>.ts` as `npm run <name>` would. Asynchronously: a spawnSync would stop this
 * process's event loop, and with it the write load the backup has to run under.
 */
function runScript(name: "backup" | "restore", args: string[], env: Record<string, string>): Promise<ScriptResult> {
  const inherited: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("VITEST") && key !== "TEST" && key !== "NODE_ENV") inherited[key] = value;
  }
  const child = spawn(process.execPath, [TSX_CLI, join("scripts", `${name}.ts`), ...args], {
    cwd: REPO_ROOT,
    env: { ...inherited, MIGRATIONS_DIR: join(REPO_ROOT, "db", "migrations"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolveResult, reject) => {
    child.once("error", reject);
    child.once("close", (status) => resolveResult({ status, stdout, stderr }));
  });
}

const mode = (path: string) => statSync(path).mode & 0o777;
const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function integrity(db: Database.Database): string {
  return (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join("; ");
}

/** The load contacts in a database, by summary, with whether the same commit audited them. */
function loadContacts(path: string): { summaries: Set<string>; unaudited: number; integrity: string } {
  const db = openReadOnly(path);
  try {
    const rows = db
      .prepare(
        `select c.summary, exists (select 1 from audit_events a where a.action = 'contact.log' and a.entity_id = cast(c.id as text)) as audited
         from contacts c where c.summary like ?`,
      )
      .all(`Backup load ${runId} %`) as Array<{ summary: string; audited: number }>;
    return { summaries: new Set(rows.map((r) => r.summary)), unaudited: rows.filter((r) => !r.audited).length, integrity: integrity(db) };
  } finally {
    db.close();
  }
}

describe("npm run backup under write load, then npm run restore into a new file", () => {
  it("keeps every contact acknowledged before the backup began, in a sound, private copy", { timeout: 120_000 }, async () => {
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    // A read transaction from before the load keeps the server from checkpointing past it, so
    // every write below lives only in the WAL: a backup that copied the database file would
    // miss them all, while the online backup reads through the WAL.
    const checkpointBlocker = openReadOnly(server.databasePath);
    checkpointBlocker.exec("begin");
    checkpointBlocker.prepare("select count(*) from contacts").get();
    const acknowledged: string[] = [];
    let stopLoad = false;
    const occurredAt = `${utcDaysAgo(1)}T10:30`;
    const logContacts = async (client: Client, worker: number) => {
      for (let n = 0; !stopLoad; n++) {
        const summary = `Backup load ${runId} w${worker} #${n}`;
        const res = await client.post(`/youth/${youthId}`, { intent: "log-contact", with: "youth", occurredAt, method: "phone", summary });
        // The redirect is the app's acknowledgement: the contact is committed.
        if (res.status !== 302) throw new Error(`logging "${summary}" answered ${res.status}`);
        acknowledged.push(summary);
      }
    };
    let loadFailure: unknown;
    const load = Promise.all([1, 2, 3].map((worker) => logContacts(advocate, worker))).catch((error: unknown) => {
      loadFailure = error;
      stopLoad = true;
    });

    while (acknowledged.length < 30 && loadFailure === undefined) await new Promise((r) => setTimeout(r, 20));
    const acknowledgedBeforeBackup = [...acknowledged];
    const backup = await runScript("backup", [backupPath], { DATABASE_PATH: server.databasePath });
    const acknowledgedDuringBackup = acknowledged.length - acknowledgedBeforeBackup.length;
    stopLoad = true;
    await load;
    checkpointBlocker.exec("commit");
    checkpointBlocker.close();
    expect(loadFailure).toBeUndefined();

    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .* to .*backup\.db \(\d+\.\d MB; \d+ youth, \d+ contacts, \d+ audit events\)\.$/m);
    expect(acknowledgedDuringBackup, "the app kept acknowledging writes while the backup ran").toBeGreaterThan(0);

    expect(mode(backupPath)).toBe(0o600);
    expect(readdirSync(dir), "the backup is one file, with no -wal or partial copy beside it").toEqual(["backup.db"]);
    const inBackup = loadContacts(backupPath);
    expect(inBackup.integrity).toBe("ok");
    expect(acknowledgedBeforeBackup.filter((s) => !inBackup.summaries.has(s))).toEqual([]);
    expect(inBackup.unaudited, "each contact comes with its audit event: a snapshot of whole commits").toBe(0);

    const restore = await runScript("restore", [backupPath], { DATABASE_PATH: restoredPath, PORT: String(await freePort()) });
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Restored ${backupPath} into ${restoredPath}`);
    expect(mode(restoredPath)).toBe(0o600);
    const restored = loadContacts(restoredPath);
    expect(restored.integrity).toBe("ok");
    expect(acknowledgedBeforeBackup.filter((s) => !restored.summaries.has(s))).toEqual([]);
    expect([...restored.summaries].sort()).toEqual([...inBackup.summaries].sort());
  });
});

describe("refusals", () => {
  const serverPort = () => new URL(server.url).port;
  const keptAside = (databasePath: string) => readdirSync(dirname(databasePath)).filter((f) => f.includes("before-restore"));

  it("restore refuses while the app answers on its port, and leaves the database alone", async () => {
    const before = loadContacts(server.databasePath).summaries.size;
    const result = await runScript("restore", [backupPath], { DATABASE_PATH: server.databasePath, PORT: serverPort() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("The app is running");
    expect(keptAside(server.databasePath)).toEqual([]);
    expect(loadContacts(server.databasePath).summaries.size).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("restore refuses while another process has the database open, even when nothing answers on PORT", async () => {
    const result = await runScript("restore", [backupPath], { DATABASE_PATH: server.databasePath, PORT: String(await freePort()) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is in use by another process");
    expect(keptAside(server.databasePath)).toEqual([]);
    expect(readdirSync(dirname(server.databasePath)).filter((f) => f.includes("partial"))).toEqual([]);
    const advocate = await signIn(server.url, "advocate@example.org", DEMO_PASSWORD);
    expect((await advocate.get(`/youth/${youthId}`)).status, "the app still works on its database").toBe(200);
  });

  it("backup does not overwrite an existing file unless --force", async () => {
    const original = digest(backupPath);
    const refused = await runScript("backup", [backupPath], { DATABASE_PATH: server.databasePath });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("already exists");
    expect(digest(backupPath)).toBe(original);

    const forced = await runScript("backup", [backupPath, "--force"], { DATABASE_PATH: server.databasePath });
    expect(forced.status, forced.stderr).toBe(0);
    expect(mode(backupPath)).toBe(0o600);
    expect(loadContacts(backupPath).integrity).toBe("ok");
  });

  it("restore refuses a file that is not a SQLite database, and leaves the database alone", async () => {
    const garbagePath = join(dir, "garbage.db");
    writeFileSync(garbagePath, randomBytes(64 * 1024));
    const original = digest(restoredPath);
    const result = await runScript("restore", [garbagePath], { DATABASE_PATH: restoredPath, PORT: String(await freePort()) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is not a readable SQLite database");
    expect(result.stderr).toContain("The database was not changed.");
    expect(digest(restoredPath)).toBe(original);
    expect(readdirSync(dirname(restoredPath)).filter((f) => f.includes("before-restore") || f.includes("partial"))).toEqual([]);
    expect(existsSync(restoredPath)).toBe(true);
  });
});
