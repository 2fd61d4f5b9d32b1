/** The email-frequency form's schema, parsed at the action; the choices are in email-frequency.ts. */
import { z } from "zod";
import { EMAIL_FREQUENCIES } from "./email-frequency";

export const emailFrequencySchema = z.object({
  frequency: z.enum(EMAIL_FREQUENCIES, { error: "Choose how often to hear by email." }),
});
