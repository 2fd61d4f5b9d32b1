import type { z } from "zod";

/** Field messages keyed by field name, the shape every form action returns on a 400. */
export type FieldErrors = Partial<Record<string, string>>;

/** What a server write returns: the new or changed record's id, or messages for the form. */
export type WriteResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

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
// eslint-disable-next-line no-control-regex -- matching control characters is the point
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

/**
 * Every edit of an existing record carries the version its form was filled from, in this field;
 * a save from an older version is refused (409) instead of silently undoing someone else's save.
 */
export const BASE_VERSION_FIELD = "baseVersion";

/** The version a form was based on; -1 (matches nothing) when missing or malformed. */
export function baseVersionOf(values: FormValues): number {
  const v = values[BASE_VERSION_FIELD];
  return typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : -1;
}

export const STALE_EDIT_MESSAGE =
  "Someone else saved a change while you were editing, so your save was not applied. What is saved now is shown below, and your own changes are still in the form: combine them and save again.";

/** A refused stale edit: the current values to show beside the person's own input. */
export type StaleEdit<Current> = { ok: false; stale: true; errors: FieldErrors; current: Current };

export function staleEdit<Current>(current: Current): StaleEdit<Current> {
  return { ok: false, stale: true, errors: { _form: STALE_EDIT_MESSAGE }, current };
}
