import { Form, redirect } from "react-router";
import type { Route } from "./+types/party-replace";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn, formatDate } from "~/domain/dates";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { replacePartySchema } from "~/domain/youth-forms";
import { getPartyForEdit, replaceParty } from "~/server/parties.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Replace a team member · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", "Your role cannot change this youth's team.");
  const party = getPartyForEdit(inScope, idParam(params.partyId, "Team member"));
  return { youth, party, today: calendarDateIn(new Date(), viewer.timeZone), timeZone: viewer.timeZone };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change this youth's team.");
  const partyId = idParam(params.partyId, "Team member");
  getPartyForEdit(inScope, partyId); // 404 for someone not on this youth's team, before the form is read
  const form = await parseForm(request, replacePartySchema);
  if (!form.ok) return form.reply;
  const result = replaceParty(inScope, partyId, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/youth/${youthId}`, "party-replaced", "team"));
}

export default function PartyReplace({ loaderData, actionData }: Route.ComponentProps) {
  const { party, today, timeZone } = loaderData;
  return (
    <FormPage
      youth={loaderData.youth}
      title={`Replace the ${party.roleLabel}`}
      intro={
        <p>
          {party.name} has been {party.roleLabel} since {formatDate(party.startedOn, timeZone)}. They move to the team's history on the date
          the new person takes over.
        </p>
      }
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={actionData} />
        <TextField label="New person's name" name="name" state={actionData} required />
        <TextField label="Organisation" name="organization" state={actionData} defaultValue={party.organization} />
        <div className="form-row">
          <TextField label="Phone" name="phone" type="tel" state={actionData} />
          <TextField label="Email" name="email" type="email" state={actionData} />
        </div>
        <TextField label="Takes over on" name="startedOn" type="date" state={actionData} defaultValue={today} required />
        <SubmitButton pendingText="Saving…">Hand over the role</SubmitButton>
      </Form>
    </FormPage>
  );
}
