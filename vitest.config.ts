import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/**
 * Unit and integration tests. The React Router vite plugin is left out on purpose: tests call
 * loaders, actions and server modules directly against a real, freshly migrated SQLite file.
 */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Seeds the demo data once, into a template that test files copy (tests/helpers/demo-database.ts).
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/helpers/isolated-db.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
