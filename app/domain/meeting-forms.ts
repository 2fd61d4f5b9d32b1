/**
 * The meeting forms as zod schemas (scheduling, moving and cancelling a meeting, its outcome, an
 * action item, an agenda item), for the actions that read them. Apart from meetings.ts so that the
 * pages which only show meetings (types, statuses, labels) do not load zod: a route module's
 * imports used only by its action are left out of the browser's bundle.
 */
import { z } from "zod";
import { isCalendarDate } from "./dates";
import { MEETING_TYPE_KEYS } from "./meetings";

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
