/**
 * Runs once before the unit and integration tests (vitest.config.ts): seeds the demo data into a
 * template that test files copy (tests/helpers/demo-database.ts) instead of seeding it each.
 */
import type { TestProject } from "vitest/node";
import { provideDemoTemplate } from "../helpers/demo-template";

export default function setup(project: TestProject): Promise<() => void> {
  return provideDemoTemplate(project);
}
