/**
 * What each role may do, as typed strings. Used by the server (guards) and the UI (which buttons
 * to offer) alike. Scope still applies on top: "write:case" lets an advocate write to the youth
 * assigned to them, not to every youth.
 */
import type { Role } from "./roles";

export const PERMISSIONS = [
  /** See the youth assigned to you as advocate. */
  "read:youth:assigned",
  /** See the youth whose advocates you supervise. */
  "read:youth:supervised",
  /** See every youth of the program. */
  "read:youth:program",
  /** Log contacts, edit parties, safety plans, requests (drafts) on youth in scope. */
  "write:case",
  /** Write a concern and red flags up (advocates cannot read others' concerns). */
  "raise:csec-concern",
  /** See a status that is only a concern, red flags and CSEC history. */
  "read:csec:unconfirmed",
  /** Confirm or clear a concern; record a confirmed status directly. */
  "review:csec",
  /** Assign advocates and supervisors to youth. */
  "manage:assignments",
  /** Create, submit and withdraw resource requests. */
  "write:requests",
  /** Approve, deny and fulfil resource requests. */
  "decide:requests",
  /** Program-wide reports and exports. */
  "read:reports:program",
  /** Users, roles, program settings. No case content. */
  "manage:users",
  "manage:program-settings",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASE_ROLES_COMMON: Permission[] = ["write:case", "raise:csec-concern"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  advocate: ["read:youth:assigned", ...CASE_ROLES_COMMON, "write:requests"],
  supervisor: [
    "read:youth:supervised",
    ...CASE_ROLES_COMMON,
    "read:csec:unconfirmed",
    "review:csec",
    "manage:assignments",
    "decide:requests",
  ],
  program_lead: [
    "read:youth:program",
    ...CASE_ROLES_COMMON,
    "read:csec:unconfirmed",
    "review:csec",
    "manage:assignments",
    "write:requests",
    "decide:requests",
    "read:reports:program",
  ],
  admin: ["manage:users", "manage:program-settings"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether the role sees any case content at all (admins do not, by design). */
export function seesCaseContent(role: Role): boolean {
  return (
    can(role, "read:youth:assigned") ||
    can(role, "read:youth:supervised") ||
    can(role, "read:youth:program")
  );
}
