// @ts-check
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier/flat";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "build/",
    "node_modules/",
    ".react-router/",
    "data/",
    "coverage/",
    "test-results/",
    "public/",
    // drizzle-kit generate output: committed, never hand-edited.
    "db/migrations/",
  ]),

  js.configs.recommended,
  {
    rules: {
      eqeqeq: ["error", "always"],
    },
  },

  // TypeScript, with type information. Building the program costs about as much as `tsc`, and it is
  // paid for by any single type-aware rule, so the whole type-checked preset costs little more than
  // a hand-picked few (no-floating-promises, no-misused-promises) and finds more.
  // Route types come from `react-router typegen`, which the lint script runs first.
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
      // The code writes `import type { X }` when everything is a type and `import { a, type X }` when
      // mixed; verbatimModuleSyntax keeps exactly what the markers say.
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      // React Router's control flow: loaders and actions `throw redirect(...)` (a Response) and
      // `throw data(...)` (DataWithResponseInit) for the framework to turn into a response.
      "@typescript-eslint/only-throw-error": [
        "error",
        {
          allow: [
            { from: "lib", name: "Response" },
            { from: "package", package: "undici-types", name: "Response" },
            { from: "package", package: "react-router", name: "DataWithResponseInit" },
          ],
        },
      ],
      // Passing on an error we were handed (typed `unknown`) is a rethrow, not a new non-Error reason.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
    },
  },
  // Plain JS (this file) is outside tsconfig: lint it without type information.
  {
    files: ["**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // Where the code runs. (For .ts/.tsx, TypeScript checks undefined names; this serves the JS rules.)
  {
    files: ["app/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["app/**/*.server.{ts,tsx}", "app/entry.server.tsx", "app/load-context.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["scripts/**", "server/**", "db/**", "tests/**", "*.config.{ts,js}"],
    languageOptions: { globals: globals.node },
  },

  // The app logs only real problems (console.error/warn on the server); scripts, server/, db/ and
  // tests print freely.
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },

  // React: the hooks plugin's stable preset. Besides rules-of-hooks and exhaustive-deps it carries
  // the React Compiler's diagnostics (purity, refs, set-state-in-effect ...). The app does not use
  // the compiler, but those rules flag real render bugs, so they stay at the preset's levels;
  // `recommended-latest` is the plugin's experimental set and is not used.
  {
    files: ["app/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ["app/**/*.tsx"],
    extends: [jsxA11y.flatConfigs.recommended],
    rules: {
      // The preset's options plus "region": a scrollable region (DataTable's wide tables) must be
      // focusable so keyboard users can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
    },
  },

  // Tests read payloads and rows as unknown or `any` on purpose (what the server sent, not what the
  // app's types promise), and vitest's asymmetric matchers (`expect.stringContaining`) are typed
  // `any`; they wrap and restore driver methods to count statements. The type-safety rules that
  // guard app code against `any` would only add casts here.
  {
    files: ["tests/**/*.ts", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },

  // Last: switch off the stylistic rules that Prettier owns.
  prettier,
);
