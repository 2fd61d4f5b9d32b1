import { Form } from "react-router";
import { ActionItemList } from "~/components/ActionItemList";
import { FormError, SelectField, SubmitButton, TextField } from "~/components/forms";
import type { YouthActionData, YouthSectionProps } from "./types";

/** The youth's action items, with the form to add one that cannot wait for a meeting. */
export function ActionsSection({ page, timeZone, today, canWrite, actionData }: YouthSectionProps & { actionData: YouthActionData }) {
  return (
    <section id="actions" aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">Action items</h2>
      {page.actions.length ? (
        <ActionItemList
          items={page.actions}
          today={today}
          timeZone={timeZone}
          canWrite={canWrite}
          showYouth={false}
          dropState={actionData?.intent === "drop" ? actionData : undefined}
        />
      ) : (
        <p className="muted">No action items yet. They usually come out of MDT meetings; add one here if it cannot wait.</p>
      )}
      {canWrite ? (
        <details className="history" open={actionData?.intent === "add-action"}>
          <summary>Add an action item</summary>
          <Form method="post" className="card-form" noValidate preventScrollReset aria-label="Add an action item">
            <FormError state={actionData?.intent === "add-action" ? actionData : undefined} />
            <TextField label="What" name="description" state={actionData?.intent === "add-action" ? actionData : undefined} required />
            <div className="form-row">
              <SelectField
                label="Owner"
                name="owner"
                state={actionData?.intent === "add-action" ? actionData : undefined}
                placeholder="Choose…"
                options={page.owners}
                required
              />
              <TextField
                label="Due"
                name="dueOn"
                type="date"
                state={actionData?.intent === "add-action" ? actionData : undefined}
                required
              />
            </div>
            <SubmitButton intent="add-action" pendingText="Adding…">
              Add action item
            </SubmitButton>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
