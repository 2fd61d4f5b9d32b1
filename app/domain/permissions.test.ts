import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, seesCaseContent, type Permission } from "./permissions";
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
  "manage:assignments": ["supervisor", "program_lead"],
  "write:requests": ["advocate", "program_lead"],
  "decide:requests": ["supervisor", "program_lead"],
  "read:reports:program": ["program_lead"],
  "manage:users": ["admin"],
  "manage:program-settings": ["admin"],
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
    expect(ROLES.filter(seesCaseContent)).toEqual(["advocate", "supervisor", "program_lead"]);
  });
});
