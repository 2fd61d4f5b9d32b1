/**
 * The program settings form (administrators): name, time zone, stale-contact thresholds per core
 * party, the request types the program uses and their labels, as a zod schema parsed at the action.
 * The field names and choices the page shows are in program-setting-fields.ts, apart, so the page
 * loads no zod.
 */
import { z } from "zod";
import { enabledField, labelField, timeZones } from "./program-setting-fields";
import { REQUEST_TYPES } from "./requests";

/** Words that reveal CSEC involvement. A label everyone on a team sees must not carry them. */
const CSEC_WORDS = /\b(csec|cse|traffick\w*|exploit\w*|sex\w*|pimp\w*|the life|commercial(ly)? sex\w*|prostitut\w*)\b/i;

export function mentionsCsec(text: string): boolean {
  return CSEC_WORDS.test(text);
}

const days = (who: string) =>
  z.coerce
    .number({ error: `Enter a number of days for ${who}.` })
    .int(`Enter a whole number of days for ${who}.`)
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days.");

const typeFields = Object.fromEntries(
  REQUEST_TYPES.flatMap((t) => [
    [enabledField(t.key), z.literal("on", { error: "Tick the box to offer this type, or leave it clear." }).optional()],
    [
      labelField(t.key),
      z
        .string()
        .trim()
        .max(80, "Keep the label under 80 characters.")
        .optional()
        .transform((v) => (v ? v : undefined))
        .refine((v) => t.csecSensitive || v === undefined || !mentionsCsec(v), {
          message:
            "Everyone on a youth's team sees this type: a label that mentions CSEC or exploitation would reveal a concern. Use a neutral label.",
        }),
    ],
  ]),
) as Record<string, z.ZodType<string | undefined>>;

export const programSettingsSchema = z
  .object({
    name: z
      .string({ error: "Enter the program's name." })
      .trim()
      .min(1, "Enter the program's name.")
      .max(120, "Keep the name under 120 characters."),
    timeZone: z
      .string({ error: "Choose a time zone from the list." })
      .refine((tz) => timeZones().includes(tz), "Choose a time zone from the list."),
    staleYouthDays: days("the youth"),
    staleCswDays: days("the CSW"),
    staleAttorneyDays: days("the attorney"),
    staleClcDays: days("the CLC case manager"),
    ...typeFields,
  })
  .refine((v) => REQUEST_TYPES.some((t) => (v as Record<string, unknown>)[enabledField(t.key)] === "on"), {
    path: ["_form"],
    message: "Keep at least one request type in use.",
  });

export type ProgramSettingsInput = {
  name: string;
  timeZone: string;
  staleYouthDays: number;
  staleCswDays: number;
  staleAttorneyDays: number;
  staleClcDays: number;
} & Record<string, string | number | undefined>;
