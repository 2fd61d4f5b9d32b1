/**
 * Runs before every test file, in that file's own module graph: points the app's one database
 * connection at a fresh temporary SQLite file, so test files never share or leak state.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "casa-test-"));
process.env.DATABASE_PATH = join(dir, "test.db");
process.env.SESSION_SECRET ??= "test-secret";

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
