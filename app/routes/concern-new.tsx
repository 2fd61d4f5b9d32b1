import { Form, redirect } from "react-router";
import type { Route } from "./+types/concern-new";
import { CheckboxGroup, FormError, SubmitButton, TextArea, TextField } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn } from "~/domain/dates";
import { RED_FLAGS } from "~/domain/red-flags";
import { raiseConcernSchema } from "~/domain/youth-forms";
import { raiseConcern } from "~/server/csec.server";
import { can } from "~/domain/permissions";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Raise a concern · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { youth } = requireYouthFormPage(viewer, params.youthId, "raise:csec-concern", "Your role cannot raise a concern.");
  return {
    youth,
    today: calendarDateIn(new Date(), viewer.timeZone),
    reviewer: can(viewer.role, "review:csec") ? "the youth's supervisor and the program lead" : "your supervisor",
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "raise:csec-concern", "Your role cannot raise a concern.");
  const form = await parseForm(request, raiseConcernSchema, { arrays: ["indicators"] });
  if (!form.ok) return form.reply;
  const result = raiseConcern(inScope, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/youth/${youthId}`, "concern", "concerns"));
}

export default function ConcernNew({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <FormPage
      youth={loaderData.youth}
      title="Raise a concern"
      intro={
        <p>
          Tick what you observed and add a note. It goes to {loaderData.reviewer}, who reviews it. Until a concern is confirmed (by the
          agency's CSEC unit, the court, or the youth's own disclosure) it is seen only by the supervisor and the program lead, and it never
          appears in anything prepared for the court.
        </p>
      }
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={actionData} />
        <CheckboxGroup
          legend="What you observed"
          name="indicators"
          state={actionData}
          options={RED_FLAGS.map((f) => ({ value: f.key, label: f.label }))}
        />
        <TextField
          label="Observed on"
          name="observedOn"
          type="date"
          state={actionData}
          defaultValue={loaderData.today}
          max={loaderData.today}
          required
        />
        <TextArea
          label="Note"
          name="note"
          state={actionData}
          hint="What you saw or heard, when, and from whom. Facts, not conclusions."
          rows={5}
        />
        <SubmitButton pendingText="Sending…">Raise the concern</SubmitButton>
      </Form>
    </FormPage>
  );
}
