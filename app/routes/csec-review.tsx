import { Form, redirect } from "react-router";
import type { Route } from "./+types/csec-review";
import { ConcernList } from "~/components/ConcernList";
import { CsecStatusText } from "~/components/CsecStatusText";
import { FormError, SelectField, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { CSEC_BASES, CSEC_BASIS_LABELS } from "~/domain/csec";
import { addDays, calendarDateIn } from "~/domain/dates";
import { formValues } from "~/domain/forms";
import { savedUrl } from "~/domain/notices";
import { clearConcernSchema, confirmCsecSchema, monitorConcernSchema } from "~/domain/youth-forms";
import { clearConcern, confirmCsec, getCsecPanel, monitorConcern } from "~/server/csec.server";
import { formReply, parseValues, readForm } from "~/server/forms.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "CSEC status · CASA MDT" }];

const DENIED = "Only the youth's supervisor or the program lead can review a concern or record CSEC status.";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "review:csec", DENIED);
  const today = calendarDateIn(new Date(), viewer.timeZone);
  return { youth, panel: getCsecPanel(inScope), today, tomorrow: addDays(today, 1), timeZone: viewer.timeZone };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "review:csec", DENIED);
  const values = formValues(await readForm(request));
  const intent = values.intent;
  if (intent === "confirm") {
    const form = parseValues(values, confirmCsecSchema, { intent });
    if (!form.ok) return form.reply;
    const result = confirmCsec(inScope, form.data);
    if (!result.ok) return formReply(result.errors, values, { intent });
    throw redirect(savedUrl(`/youth/${youthId}`, "confirmed", "concerns"));
  }
  if (intent === "clear") {
    const form = parseValues(values, clearConcernSchema, { intent });
    if (!form.ok) return form.reply;
    const result = clearConcern(inScope, form.data);
    if (!result.ok) return formReply(result.errors, values, { intent });
    throw redirect(savedUrl(`/youth/${youthId}`, "cleared", "concerns"));
  }
  if (intent === "monitor") {
    const form = parseValues(values, monitorConcernSchema, { intent });
    if (!form.ok) return form.reply;
    const result = monitorConcern(inScope, form.data);
    if (!result.ok) return formReply(result.errors, values, { intent });
    throw redirect(savedUrl(`/youth/${youthId}`, "monitoring", "concerns"));
  }
  return formReply({ _form: "Choose to confirm, to clear, or to keep monitoring." }, values, { intent: "unknown" });
}

export default function CsecReview({ loaderData, actionData }: Route.ComponentProps) {
  const { panel, today, tomorrow, timeZone } = loaderData;
  const status = panel.view.kind;
  const confirmState: FormState | undefined = actionData?.intent === "confirm" ? actionData : undefined;
  const clearState: FormState | undefined = actionData?.intent === "clear" ? actionData : undefined;
  const monitorState: FormState | undefined = actionData?.intent === "monitor" ? actionData : undefined;
  const open = panel.full?.concerns.filter((c) => c.reviewStatus === "under_review" || c.reviewStatus === "monitoring") ?? [];
  return (
    <FormPage youth={loaderData.youth} title={status === "concern" ? "Review the concern" : "CSEC status"}>
      <p>
        Current status: <CsecStatusText view={panel.view} timeZone={timeZone} />
      </p>
      {open.length ? (
        <section aria-labelledby="open-heading" className="panel">
          <h2 id="open-heading">Open concerns</h2>
          <ConcernList concerns={open} timeZone={timeZone} empty="" />
        </section>
      ) : null}

      {status === "confirmed" ? (
        <p className="alert alert-ok">The status is confirmed. There is nothing to review.</p>
      ) : (
        <div className="two-forms">
          <Form method="post" className="card-form" noValidate aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">Confirm</h2>
            <p className="muted">
              Confirm only on one of these bases. A confirmed status is shared with the youth's advocates and can appear in court-facing
              documents.
            </p>
            <FormError state={confirmState} />
            <SelectField
              label="Based on"
              name="basis"
              state={confirmState}
              placeholder="Choose the basis…"
              options={CSEC_BASES.map((b) => ({ value: b, label: CSEC_BASIS_LABELS[b] }))}
              required
            />
            <TextField
              label="Date of the confirmation"
              name="basisOn"
              type="date"
              state={confirmState}
              max={today}
              required
              hint="When the unit was assigned, the finding was made, or the youth disclosed."
            />
            <TextArea label="Note" name="note" state={confirmState} rows={3} />
            <SubmitButton intent="confirm" pendingText="Confirming…">
              Confirm CSEC status
            </SubmitButton>
          </Form>
          {status === "concern" ? (
            <Form method="post" className="card-form" noValidate aria-labelledby="clear-heading">
              <h2 id="clear-heading">Clear</h2>
              <p className="muted">The status returns to none. The concern and its red flags stay in the history.</p>
              <FormError state={clearState} />
              <TextArea label="Reason" name="reason" state={clearState} rows={3} required />
              <SubmitButton intent="clear" pendingText="Clearing…" className="button">
                Clear the concern
              </SubmitButton>
            </Form>
          ) : null}
          {status === "concern" ? (
            <Form method="post" className="card-form" noValidate aria-labelledby="monitor-heading">
              <h2 id="monitor-heading">Keep monitoring</h2>
              <p className="muted">
                Not enough to confirm, too much to clear. The status stays a concern, and it comes back to the review queue on the date you
                set. The advocate who raised it sees only that it was reviewed and what you ask them to keep doing.
              </p>
              <FormError state={monitorState} />
              <TextField
                label="Next review"
                name="nextReviewOn"
                type="date"
                idPrefix="monitor"
                state={monitorState}
                min={tomorrow}
                required
              />
              <TextArea
                label="What the advocate should keep doing"
                name="guidance"
                idPrefix="monitor"
                state={monitorState}
                rows={3}
                required
                hint="They see this, nothing else of the review. E.g. keep weekly visits, note who picks her up from school."
              />
              <TextField
                label="Referred to"
                name="referral"
                idPrefix="monitor"
                state={monitorState}
                list="referral-options"
                hint="E.g. the agency's CSEC unit, a CSEC advocacy agency, the youth's therapist."
              />
              <datalist id="referral-options">
                <option value="The agency's CSEC unit" />
                <option value="A CSEC advocacy agency" />
                <option value="The youth's therapist" />
                <option value="Law enforcement" />
              </datalist>
              <TextArea
                label="Your note (supervisors and program leads only)"
                name="note"
                idPrefix="monitor"
                state={monitorState}
                rows={3}
              />
              <SubmitButton intent="monitor" pendingText="Saving…" className="button">
                Keep monitoring
              </SubmitButton>
            </Form>
          ) : null}
        </div>
      )}
    </FormPage>
  );
}
