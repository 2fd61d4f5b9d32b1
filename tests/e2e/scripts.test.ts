/**
 * The commands README.md gives for running it for real: creating the first administrator, and a
 * production start that refuses to run without a session secret.
 */
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { REPO_ROOT } from "../helpers/server";

const dir = mkdtempSync(join(tmpdir(), "casa-scripts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = join(REPO_ROOT, "node_modules", ".bin", "tsx");

function run(args: string[], env: Record<string, string>) {
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  return spawnSync(tsx, args, { cwd: REPO_ROOT, env: { ...inherited, ...env }, encoding: "utf8", timeout: 60_000 });
}

describe("npm run add-user", () => {
  const databasePath = join(dir, "real.db");

  it("creates the program and its first administrator on an empty database", () => {
    const result = run(
      ["scripts/add-user.ts", "--email", "Ada@Casa.Example", "--name", "Ada Admin", "--role", "admin", "--program", "CASA of Real County"],
      { DATABASE_PATH: databasePath, ADD_USER_PASSWORD: "a long real passphrase" },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Created admin ada@casa.example in "CASA of Real County".');
    const db = new Database(databasePath, { readonly: true });
    const row = db
      .prepare(
        `select u.email, m.role, p.name as program, (select count(*) from youth) as youth,
           (select action from audit_events order by id desc limit 1) as audited
         from users u join memberships m on m.user_id = u.id join programs p on p.id = m.program_id`,
      )
      .get();
    db.close();
    expect(row).toEqual({ email: "ada@casa.example", role: "admin", program: "CASA of Real County", youth: 0, audited: "user.create" });
  });

  it("refuses a short password, an unknown role and a duplicate email, and says why", () => {
    const base = ["scripts/add-user.ts", "--name", "X", "--program", "CASA of Real County"];
    const short = run([...base, "--email", "b@casa.example", "--role", "admin"], {
      DATABASE_PATH: databasePath,
      ADD_USER_PASSWORD: "short",
    });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("at least 12 characters");
    const role = run([...base, "--email", "b@casa.example", "--role", "boss"], {
      DATABASE_PATH: databasePath,
      ADD_USER_PASSWORD: "a long real passphrase",
    });
    expect(role.status).toBe(1);
    expect(role.stderr).toContain("--role must be one of");
    const dup = run([...base, "--email", "ada@casa.example", "--role", "admin"], {
      DATABASE_PATH: databasePath,
      ADD_USER_PASSWORD: "a long real passphrase",
    });
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain("already exists");
  });
});

describe("npm run start:production", () => {
  it("refuses to start without SESSION_SECRET", () => {
    const { SESSION_SECRET: _unset, ...env } = process.env;
    const result = spawnSync(tsx, ["scripts/serve.ts"], {
      cwd: REPO_ROOT,
      env: { ...env, DATABASE_PATH: join(dir, "prod.db"), PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET is not set");
  });
});
