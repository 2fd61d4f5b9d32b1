import { redirect } from "react-router";
import type { Route } from "./+types/request-new";
import { SubmitButton } from "~/components/forms";
import { RequestForm } from "~/components/RequestForm";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn } from "~/domain/dates";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { requestFormSchema } from "~/domain/request-forms";
import { createRequest, requestFormErrors } from "~/server/requests.server";
import { requestFormChoices } from "~/server/request-form.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "New request · CASA MDT" }];

const DENIED = "Requests are made by the youth's advocate or the program lead.";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:requests", DENIED);
  return {
    youth,
    ...requestFormChoices(inScope),
    today: calendarDateIn(new Date(), viewer.timeZone),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:requests", DENIED);
  // One pass: the schema's messages and the type's, day's and party's checks, all at once.
  const form = await parseForm(request, requestFormSchema, { check: (values) => requestFormErrors(inScope, values, {}) });
  if (!form.ok) return form.reply;
  const submit = form.data.intent === "submit";
  const result = createRequest(inScope, { ...form.data, submit });
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(savedUrl(`/requests/${result.id}`, submit ? "submit" : "draft"));
}

export default function RequestNew({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <FormPage
      youth={loaderData.youth}
      title="New request"
      intro={<p>Save it as a draft to finish later, or submit it for your supervisor to approve.</p>}
    >
      <RequestForm types={loaderData.types} parties={loaderData.parties} state={actionData}>
        <div className="button-row">
          <SubmitButton intent="submit" pendingText="Submitting…">
            Submit the request
          </SubmitButton>
          <SubmitButton intent="draft" pendingText="Saving…" className="button">
            Save as draft
          </SubmitButton>
        </div>
      </RequestForm>
    </FormPage>
  );
}
