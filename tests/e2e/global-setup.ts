/**
 * Runs once before the end-to-end tests (vitest.e2e.config.ts): fails fast, with what to do,
 * when the production build or Chromium is missing, instead of every test timing out; then
 * seeds the demo data into the template that every server start copies (tests/helpers/server.ts).
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { provideDemoTemplate } from "../helpers/demo-template";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVER_BUILD = join(ROOT, "build", "server", "index.js");

/** Newest modification time under `dir` (source files only), or 0. */
function newestMtime(dir: string): { mtime: number; file: string } {
  let newest = { mtime: 0, file: "" };
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(tsx?|css|sql)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime > newest.mtime) newest = { mtime, file };
  }
  return newest;
}

export default function setup(project: TestProject): Promise<() => void> {
  const problems: string[] = [];

  if (!existsSync(SERVER_BUILD)) {
    problems.push(
      `The production build is missing (${relative(ROOT, SERVER_BUILD)}). Run \`npm run build\` first; ` +
        "the end-to-end tests serve the built app with scripts/serve.ts.",
    );
  } else {
    const built = statSync(SERVER_BUILD).mtimeMs;
    const newest = [newestMtime(join(ROOT, "app")), newestMtime(join(ROOT, "db"))].sort((a, b) => b.mtime - a.mtime)[0];
    if (newest && newest.mtime > built) {
      console.warn(
        `[e2e] warning: ${relative(ROOT, newest.file)} changed after the last build; ` +
          "the tests run the old build. Run `npm run build` to test the current sources.",
      );
    }
  }

  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  try {
    accessSync(chromium, constants.X_OK);
    if (!statSync(chromium).isFile()) throw new Error("not a file");
  } catch {
    problems.push(
      `Chromium is missing: ${chromium} is not an executable` +
        (process.env.CHROMIUM_PATH ? " (from CHROMIUM_PATH)" : "") +
        ". Run `scripts/ensure-chromium.sh` (it installs Debian's chromium when it can, else prints the command), " +
        "or set CHROMIUM_PATH to an existing Chromium.",
    );
  }

  if (problems.length > 0) {
    throw new Error(`End-to-end tests cannot run:\n  - ${problems.join("\n  - ")}`);
  }
  return provideDemoTemplate(project);
}
