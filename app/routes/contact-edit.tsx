import { Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/contact-edit";
import { FormError, SelectField, StaleVersion, SubmitButton, TextArea, TextField } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { formatDateTime, utcToZonedLocal } from "~/domain/dates";
import { baseVersionOf, formValues } from "~/domain/forms";
import { savedUrl } from "~/domain/notices";
import { CONTACT_EDIT_HOURS, CONTACT_METHOD_LABELS, CONTACT_METHODS } from "~/domain/contacts";
import { contactDeleteSchema, contactEditSchema } from "~/domain/youth-forms";
import { correctContact, deleteContact, getContactForEdit, requireOwnContact } from "~/server/contact-edits.server";
import { parseValues, refusalReply, readForm } from "~/server/forms.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Correct or delete a contact · CASA MDT" }];

const DENIED = "Your role cannot log contacts.";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", DENIED);
  const contact = getContactForEdit(inScope, idParam(params.contactId, "Contact"));
  return { youth, contact, occurredLocal: utcToZonedLocal(contact.occurredAt, viewer.timeZone), timeZone: viewer.timeZone };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", DENIED);
  const contactId = idParam(params.contactId, "Contact");
  requireOwnContact(inScope, contactId); // 404 / 403 before the form is read
  const values = formValues(await readForm(request));
  if (values.intent === "delete") {
    const form = parseValues(values, contactDeleteSchema, { intent: "delete" as const });
    if (!form.ok) return form.reply;
    deleteContact(inScope, contactId, form.data);
    throw redirect(savedUrl(`/youth/${youthId}`, "contact-deleted", "contacts"));
  }
  const form = parseValues(values, contactEditSchema);
  if (!form.ok) return form.reply;
  const result = correctContact(inScope, contactId, form.data, baseVersionOf(form.values));
  if (!result.ok) return refusalReply(result, form.values);
  throw redirect(savedUrl(`/youth/${youthId}`, "contact-corrected", "contacts"));
}

/** After a 409 (a correction saved meanwhile) show what is saved now. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function ContactEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { contact, occurredLocal, timeZone } = loaderData;
  const deleteState = actionData && "intent" in actionData ? actionData : undefined;
  const editState = deleteState ? undefined : actionData;
  return (
    <FormPage
      youth={loaderData.youth}
      title="Correct or delete a contact"
      intro={
        <p>
          With {contact.withLabel}. You can correct or delete a contact you logged for {CONTACT_EDIT_HOURS} hours; what it said before is
          kept below.
        </p>
      }
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={editState} />
        <StaleVersion version={contact.version} />
        <div className="form-row">
          <TextField label="When" name="occurredAt" type="datetime-local" state={editState} defaultValue={occurredLocal} required />
          <SelectField
            label="How"
            name="method"
            state={editState}
            defaultValue={contact.method}
            options={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
            required
          />
        </div>
        <div className="form-row">
          <SelectField
            label="Did you reach them?"
            name="outcome"
            state={editState}
            defaultValue={contact.outcome}
            options={[
              { value: "made", label: "Yes, we were in touch" },
              { value: "attempted", label: "No, I tried (no answer, not there)" },
            ]}
          />
          <TextField
            label="Minutes"
            name="durationMinutes"
            state={editState}
            defaultValue={contact.durationMinutes === null ? "" : String(contact.durationMinutes)}
            inputMode="numeric"
          />
        </div>
        <TextArea label="Summary" name="summary" state={editState} defaultValue={contact.summary} required rows={4} />
        <SubmitButton intent="correct" pendingText="Saving…">
          Save the correction
        </SubmitButton>
      </Form>
      <Form method="post" className="card-form" aria-labelledby="delete-contact-heading" noValidate>
        <h2 id="delete-contact-heading">Delete this contact</h2>
        <p>
          For a contact logged by mistake (the wrong youth, a duplicate). It leaves the youth&apos;s contacts, counts and reports, and the
          time since the last contact is worked out again without it. The program keeps a record that you deleted it.
        </p>
        <FormError state={deleteState} />
        <TextArea label="Why" name="reason" state={deleteState} rows={2} hint="E.g. logged on the wrong youth." />
        <SubmitButton intent="delete" pendingText="Deleting…" className="button button-danger">
          Delete this contact for good
        </SubmitButton>
      </Form>
      {contact.history.length ? (
        <section className="panel" aria-labelledby="contact-history-heading">
          <h2 id="contact-history-heading">Earlier versions</h2>
          <ol>
            {contact.history.map((h, i) => (
              <li key={i}>
                <span className="cell-sub">
                  Replaced {formatDateTime(h.revisedAt, timeZone)} by {h.by}
                </span>
                {formatDateTime(h.occurredAt, timeZone)}: {h.summary}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </FormPage>
  );
}
