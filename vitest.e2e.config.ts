/**
 * End-to-end and wire tests: the production build served by scripts/serve.ts (the app's own HTTP server), driven over
 * HTTP and through Debian's Chromium. Run with `npm run build && npx vitest run --config vitest.e2e.config.ts`.
 * Deliberately does not load vite.config.ts (the React Router plugin is not needed to run tests).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    // Two cores: one server and one browser at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
