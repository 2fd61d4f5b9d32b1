import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { csecSensitiveVisible, csecViewFor, type CsecFacts } from "./csec";
import {
  can,
  csecAudienceOf,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  seesCaseContent,
  youthScopeOf,
  type Permission,
  type PermissionMap,
} from "./permissions";
import { ROLES, type Role } from "./roles";

/** The whole role -> permission map as a table: a change to it must change this test too. */
const EXPECTED: Record<Permission, Role[]> = {
  "read:youth:assigned": ["advocate"],
  "read:youth:supervised": ["supervisor"],
  "read:youth:program": ["program_lead"],
  "write:case": ["advocate", "supervisor", "program_lead"],
  "raise:csec-concern": ["advocate", "supervisor", "program_lead"],
  "read:csec:unconfirmed": ["supervisor", "program_lead"],
  "review:csec": ["supervisor", "program_lead"],
  "manage:cases": ["supervisor", "program_lead"],
  "write:requests": ["advocate", "program_lead"],
  "decide:requests": ["supervisor", "program_lead"],
  "read:reports": ["supervisor", "program_lead"],
  "export:program": ["program_lead"],
  "read:audit": ["program_lead"],
  "manage:staff": ["program_lead"],
  "manage:users": ["admin"],
  "manage:program": ["admin"],
};

describe("role -> permissions", () => {
  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("admins see no case content; every other role does", () => {
    expect(ROLES.filter((r) => seesCaseContent(r))).toEqual(["advocate", "supervisor", "program_lead"]);
  });

  it("gives each role the scope and CSEC audience DOMAIN.md describes", () => {
    expect(ROLES.map((r) => [r, youthScopeOf(r), csecAudienceOf(r)])).toEqual([
      ["advocate", { kind: "assigned", as: ["advocate"] }, "confirmed_only"],
      ["supervisor", { kind: "assigned", as: ["supervisor"] }, "knows_unconfirmed"],
      ["program_lead", { kind: "program" }, "knows_unconfirmed"],
      ["admin", { kind: "none" }, "no_case_content"],
    ]);
  });
});

/** A copy of the map with one role's permissions changed. */
function withPermissions(role: Role, change: (current: readonly Permission[]) => Permission[]): PermissionMap {
  return { ...ROLE_PERMISSIONS, [role]: change(ROLE_PERMISSIONS[role]) };
}

const concern: CsecFacts = {
  status: "concern",
  basis: null,
  basisOn: null,
  changedAt: "2026-03-02T10:00:00.000Z",
  viewerOpenConcernRaisedAt: null,
};

describe("scope and the CSEC rule follow the permissions, not the role's name", () => {
  it("an advocate given read:youth:program sees the program; one given read:youth:supervised also their supervised youth", () => {
    expect(
      youthScopeOf(
        "advocate",
        withPermissions("advocate", (p) => [...p, "read:youth:program"]),
      ),
    ).toEqual({ kind: "program" });
    expect(
      youthScopeOf(
        "advocate",
        withPermissions("advocate", (p) => [...p, "read:youth:supervised"]),
      ),
    ).toEqual({
      kind: "assigned",
      as: ["advocate", "supervisor"],
    });
  });

  it("a program lead without read:youth:* sees no case content, and nothing of the CSEC status", () => {
    const map = withPermissions("program_lead", (p) => p.filter((x) => !x.startsWith("read:youth:")));
    expect(youthScopeOf("program_lead", map)).toEqual({ kind: "none" });
    expect(seesCaseContent("program_lead", map)).toBe(false);
    expect(csecViewFor(csecAudienceOf("program_lead", map), concern)).toEqual({ kind: "hidden" });
  });

  it("an advocate given read:csec:unconfirmed learns of a concern and its sensitive records", () => {
    const map = withPermissions("advocate", (p) => [...p, "read:csec:unconfirmed"]);
    expect(csecViewFor(csecAudienceOf("advocate"), concern)).toEqual({ kind: "hidden" });
    expect(csecViewFor(csecAudienceOf("advocate", map), concern)).toEqual({ kind: "concern", since: concern.changedAt });
    expect(csecSensitiveVisible(csecAudienceOf("advocate", map), "concern")).toBe(true);
  });

  it("a supervisor without read:csec:unconfirmed no longer learns of a concern", () => {
    const map = withPermissions("supervisor", (p) => p.filter((x) => x !== "read:csec:unconfirmed"));
    expect(csecViewFor(csecAudienceOf("supervisor", map), concern)).toEqual({ kind: "hidden" });
    expect(csecSensitiveVisible(csecAudienceOf("supervisor", map), "concern")).toBe(false);
  });
});

describe("every permission is checked somewhere", () => {
  const appDir = fileURLToPath(new URL("../", import.meta.url));
  // Every source file of the app, with the list and the map themselves cut out of this one.
  const sources = readdirSync(appDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
    .map((text) => text.replace(/export const PERMISSIONS = \[[\s\S]*?\n};\n/, ""))
    .join("\n");
  for (const permission of PERMISSIONS) {
    it(`"${permission}" is used outside the map`, () => {
      expect(sources).toContain(`"${permission}"`);
    });
  }
});
