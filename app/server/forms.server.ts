/**
 * How a route action reads a form: the values (stripped of deceptive characters), parsed by the
 * form's zod schema into typed data, or a 400 that carries every field's message and what was
 * sent, so the form comes back filled in. One way for every form of the app.
 */
import { data } from "react-router";
import type { z } from "zod";
import { fieldErrorsOf, formValues, type FieldErrors, type FormValues } from "../domain/forms";

type Extra = Record<string, unknown>;

/** The reply to a form that cannot be saved: its messages and its values, with `status` (400). */
export function formReply<const E extends Extra = Record<never, never>>(errors: FieldErrors, values: FormValues, extra?: E, status = 400) {
  return data({ errors, values, ...extra } as { errors: FieldErrors; values: FormValues } & E, { status });
}

export type Parsed<T, E extends Extra> = { ok: true; data: T; values: FormValues } | { ok: false; reply: ReturnType<typeof formReply<E>> };

/** Values already read from the form, parsed by `schema`; `extra` goes into the 400 reply as is. */
export function parseValues<S extends z.ZodType, const E extends Extra = Record<never, never>>(
  values: FormValues,
  schema: S,
  extra?: E,
): Parsed<z.output<S>, E> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, reply: formReply(fieldErrorsOf(parsed.error), values, extra) };
  return { ok: true, data: parsed.data, values };
}

/**
 * Reads the request's form and parses it by `schema`. Fields listed in `arrays` (checkboxes,
 * multi-selects) always come as arrays.
 *
 *   const form = await parseForm(request, partySchema);
 *   if (!form.ok) return form.reply;
 */
export async function parseForm<S extends z.ZodType, const E extends Extra = Record<never, never>>(
  request: Request,
  schema: S,
  opts: { arrays?: readonly string[]; extra?: E } = {},
): Promise<Parsed<z.output<S>, E>> {
  return parseValues(formValues(await request.formData(), opts.arrays), schema, opts.extra);
}
