import { Form, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/admin-program";
import { FormError, SelectField, StaleVersion, SubmitButton, TextField, valueOf } from "~/components/forms";
import { baseVersionOf } from "~/domain/forms";
import { programSettingsSchema } from "~/domain/program-settings";
import { enabledField, labelField, STALE_FIELDS, timeZones } from "~/domain/program-setting-fields";
import { formatDateTime } from "~/domain/dates";
import { parseForm, refusalReply } from "~/server/forms.server";
import { getProgramSettings, updateProgramSettings } from "~/server/program-settings.server";
import { requireViewer } from "~/server/session.server";
import { TableScroll } from "~/components/TableScroll";

export const meta: Route.MetaFunction = () => [{ title: "Program settings · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  return { settings: getProgramSettings(viewer), timeZones: timeZones(), now: new Date().toISOString() };
}

export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  getProgramSettings(viewer); // the permission check, before the form is read
  const form = await parseForm(request, programSettingsSchema);
  if (!form.ok) return form.reply;
  const result = updateProgramSettings(viewer, form.data, baseVersionOf(form.values));
  if (!result.ok) return refusalReply(result, form.values);
  return { saved: true as const };
}

/** After a 409 (someone saved first) show what is saved now. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

const STALE_STORED = { staleYouthDays: "youth", staleCswDays: "csw", staleAttorneyDays: "attorney", staleClcDays: "clc" } as const;

export default function AdminProgram({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, now } = loaderData;
  const state = actionData && "errors" in actionData ? actionData : undefined;
  const submitted = state?.values;
  const checked = (type: string, stored: boolean) => (submitted ? submitted[enabledField(type)] === "on" : stored);
  return (
    <section className="form-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Program settings</h1>
      <div className="intro">
        <p>
          These apply to everyone in {settings.name}. Dates are stored as moments in time, so a new time zone changes how every date is
          shown, not what was recorded.
        </p>
      </div>
      {actionData && "saved" in actionData ? (
        <p className="alert alert-ok" role="status">
          Settings saved.
        </p>
      ) : null}
      <Form method="post" className="card-form" noValidate>
        <FormError state={state} />
        <StaleVersion version={settings.version} />
        <TextField label="Program name" name="name" state={state} defaultValue={settings.name} required />
        <SelectField
          label="Time zone"
          name="timeZone"
          state={state}
          defaultValue={settings.timeZone}
          required
          options={loaderData.timeZones.map((tz) => ({ value: tz, label: tz.replace(/_/g, " ") }))}
          hint={`Now in ${settings.timeZone.replace(/_/g, " ")}: ${formatDateTime(now, settings.timeZone)}.`}
        />
        <fieldset>
          <legend>Flag a contact as stale after this many days without one</legend>
          <div className="form-row">
            {STALE_FIELDS.map((f) => (
              <TextField
                key={f.key}
                label={f.label}
                name={f.key}
                state={state}
                defaultValue={String(settings.stale[STALE_STORED[f.key]])}
                required
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Request types the program uses</legend>
          <p className="field-hint">
            Unticked types are not offered on new requests; earlier requests of that type keep it. Whether a type reveals CSEC involvement
            (and who may see it) is fixed by the product, whatever its label.
          </p>
          <TableScroll label="Request types">
            <table className="data-table settings-types">
              <caption className="visually-hidden">Request types, whether the program uses them, and their labels</caption>
              <thead>
                <tr>
                  <th scope="col">In use</th>
                  <th scope="col">Type</th>
                  <th scope="col">The program&apos;s label</th>
                </tr>
              </thead>
              <tbody>
                {settings.requestTypes.map((t) => {
                  const error = state?.errors?.[labelField(t.key)];
                  return (
                    <tr key={t.key}>
                      <td>
                        <input
                          type="checkbox"
                          id={`f-${enabledField(t.key)}`}
                          name={enabledField(t.key)}
                          defaultChecked={checked(t.key, t.enabled)}
                          aria-label={`Use ${t.defaultLabel}`}
                        />
                      </td>
                      <td>
                        <label htmlFor={`f-${labelField(t.key)}`}>{t.defaultLabel}</label>
                        {t.csecSensitive ? <span className="cell-sub">Shown only to those who may see CSEC involvement</span> : null}
                      </td>
                      <td>
                        <input
                          id={`f-${labelField(t.key)}`}
                          name={labelField(t.key)}
                          defaultValue={valueOf(state, labelField(t.key), t.label ?? "")}
                          placeholder={t.defaultLabel}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${labelField(t.key)}-error` : undefined}
                        />
                        {error ? (
                          <p className="field-error" id={`${labelField(t.key)}-error`}>
                            {error}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </fieldset>
        <SubmitButton pendingText="Saving…">Save the settings</SubmitButton>
      </Form>
    </section>
  );
}
