import { Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/request-edit";
import { FormPage } from "~/components/FormPage";
import { StaleVersion, SubmitButton } from "~/components/forms";
import { RequestForm } from "~/components/RequestForm";
import { baseVersionOf } from "~/domain/forms";
import { savedUrl } from "~/domain/notices";
import { requestFormSchema } from "~/domain/request-forms";
import { parseForm, refusalReply } from "~/server/forms.server";
import { editDraft, getDraftForEdit, requestFormErrors } from "~/server/requests.server";
import { requestFormChoices } from "~/server/request-form.server";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { getYouthHeading } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Edit a draft request · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, draft } = getDraftForEdit(viewer, idParam(params.requestId, "Request"));
  return { youth: getYouthHeading(inScope), draft, ...requestFormChoices(inScope) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const requestId = idParam(params.requestId, "Request");
  const { inScope } = getDraftForEdit(viewer, requestId);
  const form = await parseForm(request, requestFormSchema, { check: (values) => requestFormErrors(inScope, values, {}) });
  if (!form.ok) return form.reply;
  const result = editDraft(inScope, requestId, form.data, baseVersionOf(form.values));
  if (!result.ok) return refusalReply(result, form.values);
  throw redirect(savedUrl(`/requests/${requestId}`, "draft-edited"));
}

/** After a 409 (someone saved first) show what is saved now. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function RequestEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { draft } = loaderData;
  return (
    <FormPage youth={loaderData.youth} title="Edit the draft request" intro={<p>A draft can be changed until it is submitted.</p>}>
      <RequestForm
        types={loaderData.types}
        parties={loaderData.parties}
        state={actionData}
        defaults={draft}
        hidden={<StaleVersion version={draft.version} />}
      >
        <SubmitButton intent="draft" pendingText="Saving…">
          Save the draft
        </SubmitButton>
      </RequestForm>
      <p>
        <Link to={`/requests/${draft.id}`}>Back to the request without saving</Link>
      </p>
    </FormPage>
  );
}
