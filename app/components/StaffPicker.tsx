import type { StaffOption } from "~/server/cases.server";
import type { FormState } from "./forms";

/**
 * Picks a program member: a list when the program is small enough to list everyone (`options`),
 * else an email field (a state-wide program has thousands of advocates). Either way the form sends
 * one string the server resolves: an id from the list, or the typed email.
 */
export function StaffPicker({
  id,
  label,
  name,
  options,
  value,
  placeholder,
  describedBy,
  invalid,
  hint,
  error,
}: {
  id: string;
  label: string;
  name: string;
  options: StaffOption[] | null;
  value: string;
  placeholder: string;
  /** Ids of messages elsewhere that describe the field (a group's hint or error). */
  describedBy?: string;
  invalid?: boolean;
  hint?: string;
  /** This field's own message, shown under it. */
  error?: string;
}) {
  const ariaDescribedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null, describedBy].filter(Boolean).join(" ") || undefined;
  const ariaInvalid = invalid || Boolean(error) || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} name={name} defaultValue={value} aria-describedby={ariaDescribedBy} aria-invalid={ariaInvalid}>
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name} ({o.email})
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={name}
          type="email"
          defaultValue={value}
          autoComplete="off"
          placeholder="name@program.org"
          aria-describedby={ariaDescribedBy}
          aria-invalid={ariaInvalid}
        />
      )}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What was sent for an array field, or the stored values when the form is fresh. */
export function submittedList(state: FormState | undefined, name: string, stored: readonly string[]): string[] {
  const v = state?.values?.[name];
  if (state?.values) return Array.isArray(v) ? v : v ? [v] : [];
  return [...stored];
}

/**
 * The advocates and supervisor of a youth, as a fieldset: up to `slots` advocate pickers (all
 * named `advocates`) and, unless the supervisor is fixed, a supervisor picker.
 */
export function AssignmentFields({
  state,
  advocates,
  supervisors,
  storedAdvocates,
  storedSupervisor,
  slots,
  supervisorFixed,
}: {
  state?: FormState;
  advocates: StaffOption[] | null;
  supervisors: StaffOption[] | null;
  storedAdvocates: readonly string[];
  storedSupervisor: string;
  slots: number;
  /** Shown instead of a picker when the supervisor is not the form's to choose. */
  supervisorFixed?: string;
}) {
  const sent = submittedList(state, "advocates", storedAdvocates);
  const advocateError = state?.errors?.advocates;
  const supervisorError = state?.errors?.supervisor;
  const sentSupervisor = state?.values ? (typeof state.values.supervisor === "string" ? state.values.supervisor : "") : storedSupervisor;
  const byEmail = advocates === null;
  return (
    <fieldset className="fieldset">
      <legend>Who is assigned</legend>
      <p className="field-hint" id="assign-hint">
        {byEmail
          ? "Type each person's email address as it is on their account."
          : "An advocate sees the youth from the moment they are assigned; one who is removed loses access at once. Leave a picker empty for no one."}
      </p>
      {Array.from({ length: slots }, (_, i) => (
        <StaffPicker
          key={i}
          id={`f-advocates-${i}`}
          label={i === 0 ? "Advocate" : i === 1 ? "Second advocate" : "Third advocate"}
          name="advocates"
          options={advocates}
          value={sent[i] ?? ""}
          placeholder={i === 0 ? "No advocate yet (awaiting a match)" : "No one"}
          describedBy={advocateError ? "advocates-error assign-hint" : "assign-hint"}
          invalid={Boolean(advocateError)}
        />
      ))}
      {advocateError ? (
        <p className="field-error" id="advocates-error">
          {advocateError}
        </p>
      ) : null}
      {supervisorFixed ? (
        <p>
          Supervisor: <strong>{supervisorFixed}</strong>
        </p>
      ) : (
        <>
          <StaffPicker
            id="f-supervisor"
            label="Supervisor"
            name="supervisor"
            options={supervisors}
            value={sentSupervisor}
            placeholder="The advocate's usual supervisor"
            error={supervisorError}
          />
        </>
      )}
    </fieldset>
  );
}
