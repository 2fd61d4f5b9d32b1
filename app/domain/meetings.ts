/**
 * MDT meetings and their action items: types (which one is CSEC-sensitive is decided here),
 * statuses, and the forms.
 */
import { z } from "zod";
import { isCalendarDate } from "./dates";

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

const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || undefined);

export const meetingFormSchema = z.object({
  scheduledAt: z.string({ error: "Enter the date and time." }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the date and time."),
  type: z.enum(MEETING_TYPE_KEYS, { error: "Choose the kind of meeting." }),
  location: optional(200, "Keep the place under 200 characters."),
  videoLink: optional(500, "Keep the link under 500 characters.").refine(
    (v) => v === undefined || /^https:\/\/\S+$/.test(v),
    "Enter the video link starting with https://",
  ),
  /** Attendee keys: `party:<id>` or `user:<id>`. */
  attendees: z.array(z.string().regex(/^(party|user):\d+$/, "Choose the attendees from the list.")).default([]),
});

const reason = z
  .string({ error: "Say why, for the people invited." })
  .trim()
  .min(1, "Say why, for the people invited.")
  .max(500, "Keep the reason under 500 characters.");

/** A meeting moved: the new time, optionally a new place, and why. */
export const rescheduleFormSchema = meetingFormSchema.pick({ scheduledAt: true, location: true, videoLink: true }).extend({ reason });

/** A meeting called off, and why. */
export const cancelFormSchema = z.object({ reason });

export const outcomeFormSchema = z.object({
  attended: z.array(z.string().regex(/^(party|user):\d+$/, "Tick who attended from the list.")).default([]),
  notes: optional(8000, "Keep the notes under 8000 characters."),
  decisions: optional(8000, "Keep the decisions under 8000 characters."),
});

export const actionItemFormSchema = z.object({
  description: z
    .string({ error: "Say what needs doing." })
    .trim()
    .min(1, "Say what needs doing.")
    .max(500, "Keep it under 500 characters."),
  /** `role:<party role>` or `user:<id>`. */
  owner: z.string({ error: "Choose who owns it." }).regex(/^(role:[a-z_]+|user:\d+)$/, "Choose who owns it."),
  dueOn: z.string({ error: "Enter a due date." }).trim().refine(isCalendarDate, "Enter a due date."),
});

export const agendaItemSchema = z.object({
  text: z.string({ error: "Write the agenda item." }).trim().min(1, "Write the agenda item.").max(500, "Keep it under 500 characters."),
});
