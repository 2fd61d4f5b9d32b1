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

/** What a form sent, as a 400 sends it back so the form can be filled again. */
export type FormValues = Record<string, string | string[] | undefined>;

/**
 * Characters no name or note needs and that can only deceive: control characters other than tab
 * and line breaks (NUL among them), and the bidirectional embeddings, overrides and isolates that
 * make text display in another order than it is stored ("Trojan Source").
 */
const DECEPTIVE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export function withoutDeceptiveCharacters(text: string): string {
  return text.replace(DECEPTIVE_CHARACTERS, "");
}

/**
 * Form data as plain values for zod and for the 400 reply: repeated fields (checkboxes) listed in
 * `arrays` always come as arrays, everything else as its single string. Every value is stripped
 * of deceptive characters here, the one door every form's text comes through.
 */
export function formValues(form: FormData, arrays: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const key of arrays) out[key] = [];
  for (const key of new Set(form.keys())) {
    const all = form
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map(withoutDeceptiveCharacters);
    out[key] = arrays.includes(key) ? all : all[0];
  }
  return out;
}
