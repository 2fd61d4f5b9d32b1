import type { z } from "zod";

/** Field messages keyed by field name, the shape every form action returns on a 400. */
export type FieldErrors = Partial<Record<string, string>>;

/** The first message for each field of a failed zod parse. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}
