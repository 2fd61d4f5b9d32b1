/**
 * What each role may do, as typed strings: the one source of who may do what. Used by the server
 * (guards, scope, the CSEC rule's audience) and the UI (which buttons to offer) alike. Scope still
 * applies on top: "write:case" lets an advocate write to the youth assigned to them, not to every
 * youth. Nothing else may decide by a role's name what the role may see or do.
 */
import type { CsecAudience } from "./csec";
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
  /** Take in a youth, change their placement, close and reopen the case, assign advocates and supervisor. */
  "manage:cases",
  /** Create, submit and withdraw resource requests. */
  "write:requests",
  /** Approve, deny and fulfil resource requests. */
  "decide:requests",
  /** The reports (/reports) over the youth in scope: a supervisor's caseload, a lead's program. */
  "read:reports",
  /** Download every record of the program (so the program is never locked in). */
  "export:program",
  /** Read the program's audit log (/audit): who read or changed what, when. */
  "read:audit",
  /** Add, change and deactivate the program's advocates and supervisors (program leads). */
  "manage:staff",
  /** Users and roles. No case content. */
  "manage:users",
  /** The program's settings: name, time zone, stale-contact thresholds, request types. No case content. */
  "manage:program",
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
    "manage:cases",
    "decide:requests",
    "read:reports",
  ],
  program_lead: [
    "read:youth:program",
    ...CASE_ROLES_COMMON,
    "read:csec:unconfirmed",
    "review:csec",
    "manage:cases",
    "write:requests",
    "decide:requests",
    "read:reports",
    "export:program",
    "read:audit",
    "manage:staff",
  ],
  admin: ["manage:users", "manage:program"],
};

/** A role -> permissions map: `ROLE_PERMISSIONS`, or a copy of it in a test. */
export type PermissionMap = Readonly<Record<Role, readonly Permission[]>>;

export function can(role: Role, permission: Permission, map: PermissionMap = ROLE_PERMISSIONS): boolean {
  return map[role].includes(permission);
}

/**
 * Which youth a role sees, from its `read:youth:*` permissions: the whole program, or the youth
 * it holds a current assignment to as advocate and/or as supervisor, or none (no case content).
 */
export type YouthScope = { kind: "program" } | { kind: "assigned"; as: readonly ("advocate" | "supervisor")[] } | { kind: "none" };

export function youthScopeOf(role: Role, map: PermissionMap = ROLE_PERMISSIONS): YouthScope {
  if (can(role, "read:youth:program", map)) return { kind: "program" };
  const as: ("advocate" | "supervisor")[] = [];
  if (can(role, "read:youth:assigned", map)) as.push("advocate");
  if (can(role, "read:youth:supervised", map)) as.push("supervisor");
  return as.length > 0 ? { kind: "assigned", as } : { kind: "none" };
}

/** Whether the role sees youth through its own current assignments of this kind. */
export function seesThroughAssignment(role: Role, kind: "advocate" | "supervisor", map: PermissionMap = ROLE_PERMISSIONS): boolean {
  const scope = youthScopeOf(role, map);
  return scope.kind === "assigned" && scope.as.includes(kind);
}

/** The youth a list shows the role, in words: "in the program", "in your caseload", "assigned to you". */
export function scopeInWords(role: Role, map: PermissionMap = ROLE_PERMISSIONS): string {
  if (youthScopeOf(role, map).kind === "program") return "in the program";
  return seesThroughAssignment(role, "supervisor", map) ? "in your caseload" : "assigned to you";
}

/** Whether the role sees any case content at all (admins do not, by design). */
export function seesCaseContent(role: Role, map: PermissionMap = ROLE_PERMISSIONS): boolean {
  return youthScopeOf(role, map).kind !== "none";
}

/**
 * The role's audience under the CSEC rule (app/domain/csec.ts): whether it may know of a status
 * that is not confirmed comes from `read:csec:unconfirmed`, never from the role's name.
 */
export function csecAudienceOf(role: Role, map: PermissionMap = ROLE_PERMISSIONS): CsecAudience {
  if (!seesCaseContent(role, map)) return "no_case_content";
  return can(role, "read:csec:unconfirmed", map) ? "knows_unconfirmed" : "confirmed_only";
}
