import { Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/party-edit";
import { FormError, StaleVersion, SubmitButton, TextField } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { baseVersionOf } from "~/domain/forms";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { partyDetailsSchema } from "~/domain/youth-forms";
import { getPartyForEdit, updatePartyDetails } from "~/server/parties.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Edit a team member · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", "Your role cannot change this youth's team.");
  const party = getPartyForEdit(inScope, idParam(params.partyId, "Team member"));
  return { youth, party };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change this youth's team.");
  const partyId = idParam(params.partyId, "Team member");
  getPartyForEdit(inScope, partyId); // 404 for someone not on this youth's team, before the form is read
  const form = await parseForm(request, partyDetailsSchema, { extra: { current: null } });
  if (!form.ok) return form.reply;
  const result = updatePartyDetails(inScope, partyId, form.data, baseVersionOf(form.values));
  if (!result.ok) {
    if ("stale" in result) return formReply(result.errors, form.values, { current: result.current }, 409);
    return formReply(result.errors, form.values, { current: null });
  }
  throw redirect(savedUrl(`/youth/${youthId}`, "party-updated", "team"));
}

/** After a 409 (someone saved first) show what is saved now; React Router skips reloading after an error status. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function PartyEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { party } = loaderData;
  const current = actionData?.current ?? undefined;
  return (
    <FormPage
      youth={loaderData.youth}
      title={`Edit ${party.name}`}
      intro={<p>{party.roleLabel}. To hand the role to someone else, replace them instead, so the team's history stays right.</p>}
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={actionData} />
        <StaleVersion
          version={current?.version ?? party.version}
          current={
            current && [
              { label: "Name", value: current.name },
              { label: "Organisation", value: current.organization },
              { label: "Phone", value: current.phone },
              { label: "Email", value: current.email },
            ]
          }
        />
        <TextField label="Name" name="name" state={actionData} defaultValue={party.name} required />
        <TextField label="Organisation" name="organization" state={actionData} defaultValue={party.organization} />
        <div className="form-row">
          <TextField label="Phone" name="phone" type="tel" state={actionData} defaultValue={party.phone} />
          <TextField label="Email" name="email" type="email" state={actionData} defaultValue={party.email} />
        </div>
        <SubmitButton pendingText="Saving…">Save details</SubmitButton>
      </Form>
    </FormPage>
  );
}
