/**
 * The resource request forms as zod schemas, for the actions that read them. Apart from
 * requests.ts so that the pages which only show requests (labels, statuses, amounts) do not load
 * zod: a route module's imports used only by its action are left out of the browser's bundle.
 */
import { z } from "zod";
import { isCalendarDate } from "./dates";
import { REQUEST_ACTIONS, REQUEST_TYPE_KEYS } from "./requests";

export const requestFormSchema = z.object({
  type: z.enum(REQUEST_TYPE_KEYS, { error: "Choose the kind of resource." }),
  subtype: z
    .string()
    .trim()
    .max(40, "Choose which kind.")
    .optional()
    .transform((v) => v || undefined),
  description: z
    .string()
    .trim()
    .max(2000, "Keep the description under 2000 characters.")
    .optional()
    .transform((v) => v || undefined),
  /** "agency", or the id of one of the youth's case parties. */
  addressedTo: z.string({ error: "Choose who the request goes to." }).regex(/^(agency|\d+)$/, "Choose who the request goes to."),
  agency: z
    .string()
    .trim()
    .max(120, "Keep the agency's name under 120 characters.")
    .optional()
    .transform((v) => v || undefined),
  amount: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  dueOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isCalendarDate(v), "Enter a due date, or leave it empty."),
  intent: z.enum(["draft", "submit"]).catch("draft"),
});

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);

/**
 * A transition as the form sends it. Approving funds may carry the amount approved; fulfilling
 * carries the outcome (the day, the provider or agency, the amount paid for funds, a note).
 * Which of these an action needs is checked with the request at hand (`transitionRequest`).
 */
export const transitionFormSchema = z
  .object({
    action: z.enum(REQUEST_ACTIONS, { error: "Choose what to do with the request." }),
    /** The version the page showed (a hidden field): missing or malformed, the form as a whole is refused (below). */
    version: z.coerce.number().int().positive().catch(0),
    note: optionalText(2000, "the note"),
    amount: optionalText(20, "the amount"),
    fulfilledOn: optionalText(10, "the date"),
    provider: optionalText(200, "the provider's name"),
  })
  .refine((v) => v.version > 0, { path: ["_form"], message: "This form is out of date: reload the page and try again." });
