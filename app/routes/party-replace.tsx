import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/party-replace";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn, formatDate } from "~/domain/dates";
import { fieldErrorsOf, formValues } from "~/domain/forms";
import { replacePartySchema } from "~/domain/youth-forms";
import { getPartyForEdit, replaceParty } from "~/server/parties.server";
import { idParam, requirePermission, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { getYouthHeading } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Replace a team member · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const youth = getYouthHeading(viewer, youthId);
  const party = getPartyForEdit(viewer, youthId, idParam(params.partyId, "Team member"));
  requirePermission(viewer, "write:case", "Your role cannot change this youth's team.");
  return { youth, party, today: calendarDateIn(new Date(), viewer.timeZone), timeZone: viewer.timeZone };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change this youth's team.");
  const partyId = idParam(params.partyId, "Team member");
  const values = formValues(await request.formData());
  const parsed = replacePartySchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const result = replaceParty(viewer, youthId, partyId, parsed.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/youth/${youthId}?saved=party-replaced#team`);
}

export default function PartyReplace({ loaderData, actionData }: Route.ComponentProps) {
  const { party, today, timeZone } = loaderData;
  return (
    <FormPage
      youth={loaderData.youth}
      title={`Replace the ${party.roleLabel}`}
      intro={
        <p>
          {party.name} has been {party.roleLabel} since {formatDate(party.startedOn, timeZone)}. They move to the team's
          history on the date the new person takes over.
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
