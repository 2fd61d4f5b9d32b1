export const ROLES = ["advocate", "supervisor", "program_lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  advocate: "Advocate",
  supervisor: "Advocate supervisor",
  program_lead: "Program lead",
  admin: "Administrator",
};

/** The role in running text, lower case, as after a name in a picker: "Elena Novak (advocate)". */
export const ROLE_SHORT_LABELS: Record<Role, string> = {
  advocate: "advocate",
  supervisor: "supervisor",
  program_lead: "program lead",
  admin: "administrator",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
