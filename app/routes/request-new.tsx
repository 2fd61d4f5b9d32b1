import { Form, redirect } from "react-router";
import type { Route } from "./+types/request-new";
import { FormError, SelectField, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn } from "~/domain/dates";
import { savedUrl } from "~/domain/notices";
import { partyWithRole } from "~/domain/youth";
import { formReply, parseForm } from "~/server/forms.server";
import { REQUEST_TYPES, requestFormSchema } from "~/domain/requests";
import { requestTypeSettings } from "~/server/program-settings.server";
import { listParties } from "~/server/parties.server";
import { createRequest } from "~/server/requests.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "New request · CASA MDT" }];

const DENIED = "Requests are made by the youth's advocate or the program lead.";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:requests", DENIED);
  const sensitiveOk = inScope.sensitiveVisible;
  const inUse = requestTypeSettings(viewer.programId);
  return {
    youth,
    types: REQUEST_TYPES.flatMap((t) => {
      const setting = inUse.find((s) => s.key === t.key)!;
      if (!setting.enabled || (t.csecSensitive && !sensitiveOk)) return [];
      return [{ key: t.key, label: setting.label ?? t.label, subtypes: t.subtypes.map((s) => ({ key: s.key, label: s.label })) }];
    }),
    parties: listParties(inScope).current.map((p) => ({ id: p.id, label: partyWithRole(p.name, p.role) })),
    today: calendarDateIn(new Date(), viewer.timeZone),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:requests", DENIED);
  const form = await parseForm(request, requestFormSchema);
  if (!form.ok) return form.reply;
  const submit = form.data.intent === "submit";
  const result = createRequest(inScope, { ...form.data, submit });
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/requests/${result.id}`, submit ? "submit" : "draft"));
}

export default function RequestNew({ loaderData, actionData }: Route.ComponentProps) {
  const state: FormState | undefined = actionData;
  const subtypeOptions = loaderData.types.flatMap((t) => t.subtypes.map((s) => ({ value: s.key, label: `${t.label}: ${s.label}` })));
  return (
    <FormPage
      youth={loaderData.youth}
      title="New request"
      intro={<p>Save it as a draft to finish later, or submit it for your supervisor to approve.</p>}
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={state} />
        <SelectField
          label="Kind of resource"
          name="type"
          state={state}
          placeholder="Choose…"
          options={loaderData.types.map((t) => ({ value: t.key, label: t.label }))}
          required
        />
        <SelectField
          label="Which kind (therapy, documents)"
          name="subtype"
          state={state}
          placeholder="Not applicable"
          options={subtypeOptions}
          hint="Needed for therapy and identification documents."
        />
        <TextArea label="What is needed, and why" name="description" state={state} rows={3} />
        <div className="form-row">
          <SelectField
            label="Addressed to"
            name="addressedTo"
            state={state}
            placeholder="Choose…"
            options={[
              ...loaderData.parties.map((p) => ({ value: String(p.id), label: p.label })),
              { value: "agency", label: "An agency or organisation (name it)" },
            ]}
            required
          />
          <TextField
            label="Agency or organisation"
            name="agency"
            state={state}
            hint="When the request goes to an agency rather than a team member."
          />
        </div>
        <div className="form-row">
          <TextField label="Amount in dollars" name="amount" state={state} hint="For restoration funds." />
          <TextField label="Due" name="dueOn" type="date" state={state} />
        </div>
        <div className="button-row">
          <SubmitButton intent="submit" pendingText="Submitting…">
            Submit the request
          </SubmitButton>
          <SubmitButton intent="draft" pendingText="Saving…" className="button">
            Save as draft
          </SubmitButton>
        </div>
      </Form>
    </FormPage>
  );
}
