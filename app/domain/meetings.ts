/**
 * MDT meetings and their action items: types (which one is CSEC-sensitive is decided here) and
 * statuses. No zod here: the pages that show meetings and action items load this module, and the
 * meeting forms' schemas are in meeting-forms.ts, loaded by the actions that read them.
 */

export const MEETING_TYPES = [
  { key: "regular_mdt", label: "Regular MDT", csecSensitive: false },
  { key: "csec_mdt", label: "CSEC MDT", csecSensitive: true },
  { key: "emergency_placement", label: "Emergency / placement", csecSensitive: false },
  { key: "other", label: "Other", csecSensitive: false },
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number]["key"];
export const MEETING_TYPE_KEYS = MEETING_TYPES.map((t) => t.key) as [MeetingType, ...MeetingType[]];
export const CSEC_SENSITIVE_MEETING_TYPES: readonly MeetingType[] = MEETING_TYPES.filter((t) => t.csecSensitive).map((t) => t.key);

export function meetingTypeLabel(type: string): string {
  return MEETING_TYPES.find((t) => t.key === type)?.label ?? type;
}

export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
