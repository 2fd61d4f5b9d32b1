import { Form, redirect } from "react-router";
import type { Route } from "./+types/party-new";
import { FormError, SelectField, SubmitButton, TextField } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn } from "~/domain/dates";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { PARTY_ROLE_LABELS } from "~/domain/youth";
import { partySchema } from "~/domain/youth-forms";
import { addParty, assignablePartyRoles } from "~/server/parties.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Add a team member · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", "Your role cannot change this youth's team.");
  return { youth, roles: assignablePartyRoles(inScope), today: calendarDateIn(new Date(), viewer.timeZone) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change this youth's team.");
  const form = await parseForm(request, partySchema);
  if (!form.ok) return form.reply;
  const result = addParty(inScope, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/youth/${youthId}`, "party-added", "team"));
}

export default function PartyNew({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <FormPage youth={loaderData.youth} title="Add a team member">
      <Form method="post" className="card-form" noValidate>
        <FormError state={actionData} />
        <SelectField
          label="Role"
          name="role"
          state={actionData}
          placeholder="Choose a role…"
          options={loaderData.roles.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r] }))}
          required
        />
        <TextField label="Name" name="name" state={actionData} required autoComplete="off" />
        <TextField label="Organisation" name="organization" state={actionData} hint="E.g. DCFS, Children's Law Center, Saving Innocence." />
        <div className="form-row">
          <TextField label="Phone" name="phone" type="tel" state={actionData} />
          <TextField label="Email" name="email" type="email" state={actionData} />
        </div>
        <TextField
          label="On the team since"
          name="startedOn"
          type="date"
          state={actionData}
          defaultValue={loaderData.today}
          max={loaderData.today}
          required
        />
        <SubmitButton pendingText="Adding…">Add to the team</SubmitButton>
      </Form>
    </FormPage>
  );
}
