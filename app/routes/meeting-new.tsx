import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/meeting-new";
import { CheckboxGroup, FormError, SelectField, SubmitButton, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { fieldErrorsOf, formValues } from "~/domain/forms";
import { MEETING_TYPES, meetingFormSchema } from "~/domain/meetings";
import { peopleForYouth, scheduleMeeting } from "~/server/meetings.server";
import { idParam, requirePermission, requireYouthWrite, sensitiveVisibleTo } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { getYouthHeading } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Schedule an MDT meeting · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const youth = getYouthHeading(viewer, youthId);
  requirePermission(viewer, "write:case", "Your role cannot schedule meetings.");
  const sensitiveOk = sensitiveVisibleTo(viewer, youthId);
  return {
    youth,
    types: MEETING_TYPES.filter((t) => sensitiveOk || !t.csecSensitive).map((t) => ({ value: t.key, label: t.label })),
    people: peopleForYouth(viewer, youthId).attendees,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  requireYouthWrite(viewer, youthId, "write:case", "Your role cannot schedule meetings.");
  const values = formValues(await request.formData(), ["attendees"]);
  const parsed = meetingFormSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const result = scheduleMeeting(viewer, youthId, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/meetings/${result.id}?saved=scheduled`);
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
