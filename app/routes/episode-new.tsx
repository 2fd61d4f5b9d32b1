import { Form, redirect } from "react-router";
import type { Route } from "./+types/episode-new";
import { FormError, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { utcToZonedLocal } from "~/domain/dates";
import { reportMissingSchema } from "~/domain/episode-forms";
import { savedUrl } from "~/domain/notices";
import { missingNow, reportMissing } from "~/server/episodes.server";
import { formReply, parseForm } from "~/server/forms.server";
import { listPlacements } from "~/server/placements.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Report missing · CASA MDT" }];

const DENIED = "Your role cannot record a missing youth.";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", DENIED);
  const open = missingNow(inScope);
  // One open episode at a time: the checklist of the current one is where to go.
  if (open) throw redirect(`/youth/${youth.id}/episodes/${open.id}`);
  const placement = listPlacements(inScope).find((p) => !p.endedOn);
  return {
    youth,
    leftFrom: placement ? [placement.label, placement.description].filter(Boolean).join(", ") : "",
    nowLocal: utcToZonedLocal(new Date().toISOString(), viewer.timeZone),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", DENIED);
  const form = await parseForm(request, reportMissingSchema);
  if (!form.ok) return form.reply;
  const result = reportMissing(inScope, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/youth/${youthId}/episodes/${result.id}`, "missing"));
}

export default function EpisodeNew({ loaderData, actionData }: Route.ComponentProps) {
  const state: FormState | undefined = actionData;
  return (
    <FormPage
      youth={loaderData.youth}
      title="Report missing"
      intro={
        <p>
          Record when and where {loaderData.youth.name} was last seen. Then report to law enforcement and to NCMEC (1-800-THE-LOST) at once:
          both are due within 24 hours at the latest. The next page is the checklist for the rest.
        </p>
      }
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={state} />
        <TextField
          label="Last seen or left at"
          name="leftAt"
          type="datetime-local"
          state={state}
          defaultValue={loaderData.nowLocal}
          required
        />
        <TextField
          label="Left from"
          name="leftFrom"
          state={state}
          defaultValue={loaderData.leftFrom}
          required
          hint="The placement, or wherever it was (school, a visit, court)."
        />
        <TextField label="Who noticed" name="noticedBy" state={state} hint="The caregiver, staff, the youth's school ..." />
        <TextArea
          label="Circumstances"
          name="circumstances"
          state={state}
          rows={4}
          hint="What happened before, what the youth took, who they might be with. Facts only."
        />
        <SubmitButton pendingText="Recording…">Record as missing</SubmitButton>
      </Form>
    </FormPage>
  );
}
