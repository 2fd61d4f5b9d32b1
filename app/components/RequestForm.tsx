import { useState, type ReactNode } from "react";
import { Form } from "react-router";
import { FormError, SelectField, TextArea, TextField, valueOf, type FormState } from "./forms";
import { useInBrowser } from "./use-in-browser";
import type { RequestTypeChoice } from "~/server/request-form.server";

export type RequestFormDefaults = Partial<
  Record<"type" | "subtype" | "description" | "addressedTo" | "agency" | "amount" | "dueOn", string>
>;

/**
 * The fields of a resource request, new or a draft being edited. With JavaScript it shows only
 * what the chosen kind needs (its own options, an amount for funds); without it, every field is
 * there and the server reads only what applies to the kind.
 */
export function RequestForm({
  types,
  parties,
  state,
  defaults = {},
  hidden,
  children,
}: {
  types: RequestTypeChoice[];
  parties: Array<{ id: number; label: string }>;
  state?: FormState;
  defaults?: RequestFormDefaults;
  /** Hidden inputs the form carries (the version a draft's edit is based on). */
  hidden?: ReactNode;
  /** The submit buttons. */
  children: ReactNode;
}) {
  const inBrowser = useInBrowser();
  const [type, setType] = useState(valueOf(state, "type", defaults.type));
  const chosen = types.find((t) => t.key === type);
  const subtypeTypes = inBrowser ? (chosen ? [chosen] : []) : types;
  const subtypeOptions = subtypeTypes.flatMap((t) => t.subtypes.map((s) => ({ value: s.key, label: `${t.label}: ${s.label}` })));
  const showAmount = !inBrowser || Boolean(chosen?.hasAmount);
  return (
    <Form method="post" className="card-form" noValidate>
      <FormError state={state} />
      {hidden}
      <div className="field">
        <label htmlFor="f-type">Kind of resource</label>
        <select
          id="f-type"
          name="type"
          defaultValue={valueOf(state, "type", defaults.type)}
          onChange={(e) => setType(e.currentTarget.value)}
          aria-invalid={state?.errors?.type ? true : undefined}
          aria-describedby={state?.errors?.type ? "type-error" : undefined}
        >
          <option value="">Choose…</option>
          {types.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
        {state?.errors?.type ? (
          <p className="field-error" id="type-error">
            {state.errors.type}
          </p>
        ) : null}
      </div>
      {subtypeOptions.length ? (
        <SelectField
          key={`subtype-${inBrowser ? type : "all"}`}
          label="Which kind (therapy, documents)"
          name="subtype"
          state={state}
          defaultValue={defaults.subtype}
          placeholder={inBrowser ? "Choose…" : "Not applicable"}
          options={subtypeOptions}
          hint={inBrowser ? undefined : "Needed for therapy and identification documents."}
        />
      ) : null}
      <TextArea label="What is needed, and why" name="description" state={state} defaultValue={defaults.description} rows={3} />
      <div className="form-row">
        <SelectField
          label="Addressed to"
          name="addressedTo"
          defaultValue={defaults.addressedTo}
          state={state}
          placeholder="Choose…"
          options={[
            ...parties.map((p) => ({ value: String(p.id), label: p.label })),
            { value: "agency", label: "An agency or organisation (name it)" },
          ]}
          required
        />
        <TextField
          label="Agency or organisation"
          name="agency"
          defaultValue={defaults.agency}
          state={state}
          hint="When the request goes to an agency rather than a team member."
        />
      </div>
      <div className="form-row">
        {showAmount ? (
          <TextField
            label="Amount in dollars"
            name="amount"
            inputMode="decimal"
            defaultValue={defaults.amount}
            state={state}
            hint={inBrowser ? undefined : "For restoration funds."}
            required={inBrowser}
          />
        ) : null}
        <TextField
          label="Due"
          name="dueOn"
          defaultValue={defaults.dueOn}
          type="date"
          state={state}
          hint="Today or later, if there is a deadline."
        />
      </div>
      {children}
    </Form>
  );
}
