/**
 * Form pieces that keep what people typed, put each message next to its field, and tell screen
 * readers about both. No data access here.
 */
import { useNavigation } from "react-router";
import { BASE_VERSION_FIELD, type FieldErrors, type FormValues } from "~/domain/forms";

export type FormState = { errors?: FieldErrors; values?: FormValues };

function errorId(name: string) {
  return `${name}-error`;
}

function describedBy(name: string, error?: string, hint?: string): string | undefined {
  const ids = [error ? errorId(name) : null, hint ? `${name}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The submitted value when the form came back with errors, else the stored one. */
export function valueOf(state: FormState | undefined, name: string, fallback: string | null | undefined = ""): string {
  const v = state?.values?.[name];
  if (typeof v === "string") return v;
  return fallback ?? "";
}

function FieldMessages({ name, error, hint }: { name: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId(name)}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type FieldProps = {
  label: string;
  name: string;
  /** Makes the ids unique when the same form repeats on a page (e.g. one per action item). */
  idPrefix?: string;
  state?: FormState;
  defaultValue?: string | null;
  required?: boolean;
  hint?: string;
};

/**
 * What every single-value field shares: the label (marked optional when it is), the message and
 * hint under it, and the control's id, value and ARIA wiring.
 */
function Field({
  props,
  optionalMark = true,
  children,
}: {
  props: FieldProps;
  optionalMark?: boolean;
  children: (control: {
    id: string;
    name: string;
    defaultValue: string;
    required?: boolean;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => React.ReactNode;
}) {
  const error = props.state?.errors?.[props.name];
  const base = props.idPrefix ? `${props.idPrefix}-${props.name}` : props.name;
  const id = `f-${base}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {optionalMark && !props.required ? <span className="optional"> (optional)</span> : null}
      </label>
      {children({
        id,
        name: props.name,
        defaultValue: valueOf(props.state, props.name, props.defaultValue),
        required: props.required,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(base, error, props.hint),
      })}
      <FieldMessages name={base} error={error} hint={props.hint} />
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "tel" | "date" | "datetime-local" | "search";
    autoComplete?: string;
    max?: string;
    min?: string;
    /** The id of a <datalist> of suggestions. */
    list?: string;
    /** The phone keyboard to offer ("numeric" for minutes or amounts). */
    inputMode?: "numeric" | "decimal";
  },
) {
  return (
    <Field props={props}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete ?? "off"}
          max={props.max}
          min={props.min}
          list={props.list}
          inputMode={props.inputMode}
        />
      )}
    </Field>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  return <Field props={props}>{(control) => <textarea {...control} rows={props.rows ?? 4} />}</Field>;
}

export function SelectField(props: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  return (
    <Field props={props} optionalMark={false}>
      {(control) => (
        <select {...control}>
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of checkboxes with one legend and one message, e.g. red flags or hotlines. */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  state?: FormState;
  defaultValues?: readonly string[];
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
  hint?: string;
  className?: string;
}) {
  const error = props.state?.errors?.[props.name];
  const submitted = props.state?.values?.[props.name];
  const checked = new Set(
    props.state?.values ? (Array.isArray(submitted) ? submitted : submitted ? [submitted] : []) : (props.defaultValues ?? []),
  );
  return (
    <fieldset
      className={`field checkbox-group${props.className ? ` ${props.className}` : ""}`}
      aria-describedby={describedBy(props.name, error, props.hint)}
    >
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={props.name} value={o.value} defaultChecked={checked.has(o.value)} />
          <span>
            {o.label}
            {o.hint ? <span className="cell-sub">{o.hint}</span> : null}
          </span>
        </label>
      ))}
      <FieldMessages name={props.name} error={error} hint={props.hint} />
    </fieldset>
  );
}

export function FormError({ state }: { state?: FormState }) {
  const message = state?.errors?._form;
  const count = Object.keys(state?.errors ?? {}).filter((k) => k !== "_form").length;
  if (!message && count === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message ?? (count === 1 ? "One field needs your attention." : `${count} fields need your attention.`)} Nothing was saved.
    </div>
  );
}

/**
 * After a refused stale save: what is saved now, beside the form that still holds the person's
 * own input, and the version the next save is based on (the current one, once they have merged).
 */
export function StaleVersion({ current, version }: { current?: Array<{ label: string; value: string | null }>; version: number }) {
  return (
    <>
      <input type="hidden" name={BASE_VERSION_FIELD} value={version} />
      {current ? (
        <section className="panel stale-version" aria-labelledby="stale-version-heading">
          <h2 id="stale-version-heading">Saved now</h2>
          <dl className="facts">
            {current.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd className="notes">{f.value || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}

/** A submit button that says what is happening while its form is being sent. */
export function SubmitButton({
  children,
  pendingText,
  intent,
  className = "button button-primary",
}: {
  children: React.ReactNode;
  pendingText: string;
  intent?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && (intent === undefined || navigation.formData?.get("intent") === intent);
  return (
    <button type="submit" className={className} name={intent ? "intent" : undefined} value={intent} disabled={pending} aria-busy={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
