/**
 * How a route action reads a form: the values (stripped of deceptive characters), parsed by the
 * form's zod schema into typed data, or a 400 that carries every field's message and what was
 * sent, so the form comes back filled in. One way for every form of the app.
 */
import { data } from "react-router";
import { z } from "zod";
import { fieldErrorsOf, formValues, type FieldErrors, type FormValues } from "../domain/forms";

type Extra = Record<string, unknown>;

/** The reply to a form that cannot be saved: its messages and its values, with `status` (400). */
export function formReply<const E extends Extra = Record<never, never>>(errors: FieldErrors, values: FormValues, extra?: E, status = 400) {
  return data({ errors, values, ...extra } as { errors: FieldErrors; values: FormValues } & E, { status });
}

/**
 * The reply to a write the server refused: its messages and what was sent, with 409 when the
 * form was filled from an older version (someone saved first) and 400 otherwise.
 */
export function refusalReply<const E extends Extra = Record<never, never>>(result: { errors: FieldErrors }, values: FormValues, extra?: E) {
  return formReply(result.errors, values, extra, "stale" in result ? 409 : 400);
}

export type Parsed<T, E extends Extra> = { ok: true; data: T; values: FormValues } | { ok: false; reply: ReturnType<typeof formReply<E>> };

/**
 * How the 400 reply is built. `echo` lists the only values it sends back (default: all of them),
 * for forms whose other fields must never travel back to the browser, such as passwords.
 */
export type ReplyOptions = {
  echo?: readonly string[];
  /**
   * Checks beyond the schema (the database, the day, one field against another), run on what was
   * sent whether or not it parsed, so that one reply names every problem: merged under the
   * schema's own messages.
   */
  check?: (values: FormValues) => FieldErrors;
};

/** The values a 400 sends back: all of them, or only those `echo` lists. */
function echoed(values: FormValues, echo: readonly string[] | undefined): FormValues {
  if (!echo) return values;
  const out: FormValues = {};
  for (const key of echo) if (Object.hasOwn(values, key)) out[key] = values[key];
  return out;
}

/** Values already read from the form, parsed by `schema`; `extra` goes into the 400 reply as is. */
export function parseValues<S extends z.ZodType, const E extends Extra = Record<never, never>>(
  values: FormValues,
  schema: S,
  extra?: E,
  opts: ReplyOptions = {},
): Parsed<z.output<S>, E> {
  const parsed = schema.safeParse(values);
  const errors = { ...opts.check?.(values), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, reply: formReply(errors, echoed(values, opts.echo), extra) };
  return { ok: true, data: parsed.data, values };
}

/**
 * The request's form. A body that is not the form its Content-Type says it is (a multipart body
 * that does not match its boundary, an upload cut short) is the sender's mistake: a 400 that
 * says so, not a 500. Every action reads its form through here.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ message: "The form could not be read. Go back and send it again." }, { status: 400 });
  }
}

/**
 * Reads the request's form and parses it by `schema`. Fields listed in `arrays` (checkboxes,
 * multi-selects) always come as arrays; with `echo`, the 400 sends back only the values it lists.
 *
 *   const form = await parseForm(request, partySchema);
 *   if (!form.ok) return form.reply;
 *   const form = await parseForm(request, signInSchema, { echo: ["email"] }); // never the password
 */
export async function parseForm<S extends z.ZodType, const E extends Extra = Record<never, never>>(
  request: Request,
  schema: S,
  opts: { arrays?: readonly string[]; extra?: E } & ReplyOptions = {},
): Promise<Parsed<z.output<S>, E>> {
  return parseValues(formValues(await readForm(request), opts.arrays), schema, opts.extra, opts);
}

/** A list's `?page=` (1 when absent or not a page number). */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The page a list's URL asks for (`param`: a page with two lists pages each by its own). */
export function pageOf(url: URL | string, param = "page"): number {
  return pageNumber.parse(new URL(url, "http://x").searchParams.get(param) ?? 1);
}
