export const PLACEMENT_TYPES = [
  "foster_home",
  "relative",
  "nrefm",
  "group_home",
  "strtp",
  "home_of_parent",
  "supervised_independent_living",
  "juvenile_hall",
  "other",
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

export const PLACEMENT_TYPE_LABELS: Record<PlacementType, string> = {
  foster_home: "Foster home",
  relative: "Relative",
  nrefm: "Non-relative extended family",
  group_home: "Group home",
  strtp: "STRTP",
  home_of_parent: "Home of parent",
  supervised_independent_living: "Supervised independent living",
  juvenile_hall: "Juvenile hall",
  other: "Other",
};

export function placementTypeLabel(type: string): string {
  return (PLACEMENT_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PARTY_ROLES = [
  "csw",
  "secondary_csw",
  "attorney",
  "clc_case_manager",
  "casa_advocate",
  "advocate_supervisor",
  "csec_advocate",
  "therapist",
  "caregiver",
  "probation_officer",
  "other",
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  csw: "Children's social worker (CSW)",
  secondary_csw: "Secondary CSW",
  attorney: "Minor's attorney",
  clc_case_manager: "CLC case manager",
  casa_advocate: "CASA advocate",
  advocate_supervisor: "Advocate supervisor",
  csec_advocate: "CSEC advocate",
  therapist: "Therapist",
  caregiver: "Caregiver",
  probation_officer: "Probation officer",
  other: "Other",
};

/** The label of a party role; a role no longer in the list (older data) shows as stored. */
export function partyRoleLabel(role: string): string {
  return (PARTY_ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** "Name (role)": how a team member is named in lists, pickers and contacts. */
export function partyWithRole(name: string, role: string): string {
  return `${name} (${partyRoleLabel(role)})`;
}

/** Party roles whose mere presence reveals CSEC involvement; they follow the status's visibility. */
export const CSEC_SENSITIVE_PARTY_ROLES: readonly PartyRole[] = ["csec_advocate"];

export function displayName(y: { firstName: string; lastName: string }): string {
  return `${y.firstName} ${y.lastName}`.trim();
}

/**
 * A youth's initials ("Maria Lopez" -> "M. L."), for what leaves the page: browser tab titles
 * and history, which anyone at the screen (or the browser's sync) sees. Never the full name.
 */
export function initialsOf(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return parts.length ? parts.map((p) => `${Array.from(p)[0]!.toLocaleUpperCase("en-US")}.`).join(" ") : "Youth";
}
