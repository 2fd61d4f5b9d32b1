import { Form, redirect } from "react-router";
import type { Route } from "./+types/meeting-new";
import { CheckboxGroup, FormError, SelectField, SubmitButton, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { meetingFormSchema } from "~/domain/meeting-forms";
import { MEETING_TYPES } from "~/domain/meetings";
import { scheduleMeeting } from "~/server/meetings.server";
import { peopleForYouth } from "~/server/people.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Schedule an MDT meeting · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", "Your role cannot schedule meetings.");
  const sensitiveOk = inScope.sensitiveVisible;
  return {
    youth,
    types: MEETING_TYPES.filter((t) => sensitiveOk || !t.csecSensitive).map((t) => ({ value: t.key, label: t.label })),
    people: peopleForYouth(inScope).attendees,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", "Your role cannot schedule meetings.");
  const form = await parseForm(request, meetingFormSchema, { arrays: ["attendees"] });
  if (!form.ok) return form.reply;
  const result = scheduleMeeting(inScope, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/meetings/${result.id}`, "scheduled"));
}

export default function MeetingNew({ loaderData, actionData }: Route.ComponentProps) {
  const state: FormState | undefined = actionData;
  return (
    <FormPage youth={loaderData.youth} title="Schedule an MDT meeting">
      <Form method="post" className="card-form" noValidate>
        <FormError state={state} />
        <div className="form-row">
          <TextField label="Date and time" name="scheduledAt" type="datetime-local" state={state} required />
          <SelectField label="Kind of meeting" name="type" state={state} defaultValue="regular_mdt" options={loaderData.types} required />
        </div>
        <div className="form-row">
          <TextField label="Place" name="location" state={state} hint="An address or a room." />
          <TextField label="Video link" name="videoLink" state={state} hint="https://…" />
        </div>
        <CheckboxGroup
          legend="Invite"
          name="attendees"
          state={state}
          options={loaderData.people.map((p) => ({ value: p.key, label: p.label }))}
          hint="From the youth's team and the program's staff on this case."
        />
        <SubmitButton pendingText="Scheduling…">Schedule the meeting</SubmitButton>
      </Form>
    </FormPage>
  );
}
