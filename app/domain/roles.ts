export const ROLES = ["advocate", "supervisor", "program_lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  advocate: "Advocate",
  supervisor: "Advocate supervisor",
  program_lead: "Program lead",
  admin: "Administrator",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
