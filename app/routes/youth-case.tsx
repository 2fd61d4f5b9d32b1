import { Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/youth-case";
import { FormError, SelectField, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { SavedNotice } from "~/components/SavedNotice";
import { AssignmentFields } from "~/components/StaffPicker";
import { ASSIGNMENT_ARRAYS, assignmentsSchema, closeCaseSchema, placementChangeSchema, reopenCaseSchema } from "~/domain/case-forms";
import { CLOSE_REASON_LABELS, CLOSE_REASONS, MAX_ADVOCATES } from "~/domain/case-lifecycle";
import { calendarDateIn, formatDate } from "~/domain/dates";
import { BASE_VERSION_FIELD, baseVersionOf, formValues } from "~/domain/forms";
import { savedNotice, savedUrl } from "~/domain/notices";
import { PLACEMENT_TYPE_LABELS, PLACEMENT_TYPES } from "~/domain/youth";
import {
  changePlacement,
  closeCase,
  getAssignments,
  getCaseStatus,
  getCurrentPlacement,
  reopenCase,
  setAssignments,
  staffChoices,
} from "~/server/cases.server";
import { formReply, parseValues, refusalReply, readForm } from "~/server/forms.server";
import { listPlacements } from "~/server/placements.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";
import { TableScroll } from "~/components/TableScroll";

export const meta: Route.MetaFunction = () => [{ title: "Case and assignments · CASA MDT" }];

const DENIED = "Only supervisors and program leads change placements, close cases and assign advocates.";

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "manage:cases", DENIED);
  return {
    youth,
    placement: getCurrentPlacement(inScope),
    placements: listPlacements(inScope),
    assignments: getAssignments(inScope),
    caseStatus: getCaseStatus(inScope),
    choices: staffChoices(viewer),
    today: calendarDateIn(new Date(), viewer.timeZone),
    timeZone: viewer.timeZone,
    notice: savedNotice(request.url),
  };
}

const INTENTS = ["placement", "assign", "close", "reopen"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "manage:cases", DENIED);
  const values = formValues(await readForm(request), ASSIGNMENT_ARRAYS);
  const intent = INTENTS.find((i) => i === values.intent);
  if (!intent) return formReply({ _form: "Choose what to change." }, values);
  const here = `/youth/${youthId}/case`;
  const base = baseVersionOf(values);

  if (intent === "placement") {
    const form = parseValues(values, placementChangeSchema, { intent });
    if (!form.ok) return form.reply;
    const result = changePlacement(inScope, form.data, base);
    if (!result.ok) return refusalReply(result, values, { intent });
    throw redirect(savedUrl(here, "placement-changed", "placement"));
  }
  if (intent === "assign") {
    const form = parseValues(values, assignmentsSchema, { intent });
    if (!form.ok) return form.reply;
    const result = setAssignments(inScope, form.data, base);
    if (!result.ok) return refusalReply(result, values, { intent });
    if (!result.visibleToViewer) throw redirect(savedUrl("/youth", "case-handed-over"));
    throw redirect(savedUrl(here, result.changed ? "assignments" : "assignments-unchanged", "assignments"));
  }
  if (intent === "close") {
    const form = parseValues(values, closeCaseSchema, { intent });
    if (!form.ok) return form.reply;
    const result = closeCase(inScope, form.data);
    if (!result.ok) return refusalReply(result, values, { intent });
    throw redirect(savedUrl(here, "case-closed", "status"));
  }
  const form = parseValues(values, reopenCaseSchema, { intent });
  if (!form.ok) return form.reply;
  const result = reopenCase(inScope, form.data);
  if (!result.ok) return refusalReply(result, values, { intent });
  throw redirect(savedUrl(here, "case-reopened", "status"));
}

/** After a 409 (someone changed it first) show what is saved now. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

function stateFor(actionData: unknown, intent: Intent): FormState | undefined {
  return actionData && typeof actionData === "object" && "intent" in actionData && actionData.intent === intent
    ? (actionData as FormState)
    : undefined;
}

export default function YouthCase({ loaderData, actionData }: Route.ComponentProps) {
  const { youth, placement, placements, assignments, caseStatus, choices, today, timeZone, notice } = loaderData;
  const placementState = stateFor(actionData, "placement");
  const assignState = stateFor(actionData, "assign");
  const statusState = stateFor(actionData, caseStatus.status === "open" ? "close" : "reopen");
  return (
    <FormPage
      youth={youth}
      title="Case and assignments"
      intro={<p>Where the youth lives, who is assigned, and whether the case is open. Every change is kept in the history below.</p>}
    >
      <SavedNotice notice={notice} />

      <section id="placement" aria-labelledby="placement-heading" className="panel">
        <h2 id="placement-heading">Placement</h2>
        <p>
          {placement ? (
            <>
              Now: <strong>{placement.label}</strong>
              {placement.description ? `, ${placement.description}` : ""}, since {formatDate(placement.startedOn, timeZone)}.
            </>
          ) : (
            "No placement is recorded."
          )}
        </p>
        <Form method="post" className="card-form" noValidate>
          <h3>Record a move</h3>
          <FormError state={placementState} />
          <input type="hidden" name={BASE_VERSION_FIELD} value={placement?.version ?? 0} />
          <div className="form-row">
            <SelectField
              label="New placement type"
              name="placementType"
              state={placementState}
              required
              placeholder="Choose…"
              options={PLACEMENT_TYPES.map((t) => ({ value: t, label: PLACEMENT_TYPE_LABELS[t] }))}
            />
            <TextField
              label="Moved on"
              name="placementSince"
              type="date"
              state={placementState}
              defaultValue={today}
              max={today}
              required
            />
          </div>
          <TextField label="Home, facility or caregiver" name="placementDescription" state={placementState} />
          {placement ? <TextField label="Why the previous placement ended" name="endReason" state={placementState} /> : null}
          <SubmitButton pendingText="Saving…" intent="placement">
            Record the move
          </SubmitButton>
        </Form>
        {placements.length > 1 ? (
          <>
            <h3>Earlier placements</h3>
            <ol className="placement-list">
              {placements
                .filter((p) => p.endedOn)
                .map((p, i) => (
                  <li key={i}>
                    <strong>{p.label}</strong>
                    {p.description ? `, ${p.description}` : ""}: {formatDate(p.startedOn, timeZone)} – {formatDate(p.endedOn!, timeZone)}
                    {p.endReason ? <span className="cell-sub">{p.endReason}</span> : null}
                  </li>
                ))}
            </ol>
          </>
        ) : null}
      </section>

      <section id="assignments" aria-labelledby="assignments-heading" className="panel">
        <h2 id="assignments-heading">Advocates and supervisor</h2>
        <Form method="post" className="card-form" noValidate>
          <FormError state={assignState} />
          <input type="hidden" name={BASE_VERSION_FIELD} value={assignments.version} />
          <AssignmentFields
            state={assignState}
            advocates={choices.advocates}
            supervisors={choices.supervisors}
            storedAdvocates={assignments.advocates.map((a) => (choices.advocates ? String(a.userId) : a.email))}
            storedSupervisor={
              assignments.supervisor ? (choices.supervisors ? String(assignments.supervisor.userId) : assignments.supervisor.email) : ""
            }
            slots={MAX_ADVOCATES}
          />
          <SubmitButton pendingText="Saving…" intent="assign">
            Save assignments
          </SubmitButton>
        </Form>
        <h3>Who was assigned when</h3>
        {assignments.history.length ? (
          <TableScroll label="Who was assigned when">
            <table className="data-table">
              <caption className="visually-hidden">Assignments, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">As</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                </tr>
              </thead>
              <tbody>
                {assignments.history.map((a) => (
                  <tr key={a.id}>
                    <td>{a.name}</td>
                    <td>{a.kind === "advocate" ? "Advocate" : "Supervisor"}</td>
                    <td>{formatDate(a.startedOn, timeZone)}</td>
                    <td>{a.endedOn ? formatDate(a.endedOn, timeZone) : "Now"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">Nobody has been assigned yet.</p>
        )}
      </section>

      <section id="status" aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading">Case status: {caseStatus.status === "open" ? "open" : "closed"}</h2>
        <Form method="post" className="card-form" noValidate>
          <FormError state={statusState} />
          {caseStatus.status === "open" ? (
            <>
              <h3>Close the case</h3>
              <p className="field-hint">
                The advocates&apos; assignments and the current placement end on the closing date: advocates no longer see the youth. The
                case stays on file under closed cases and can be reopened.
              </p>
              <div className="form-row">
                <TextField label="Closed on" name="closedOn" type="date" state={statusState} defaultValue={today} max={today} required />
                <SelectField
                  label="Reason"
                  name="reason"
                  state={statusState}
                  required
                  placeholder="Choose…"
                  options={CLOSE_REASONS.map((r) => ({ value: r, label: CLOSE_REASON_LABELS[r] }))}
                />
              </div>
              <TextArea label="Note" name="note" state={statusState} rows={3} />
              <SubmitButton pendingText="Closing…" intent="close" className="button button-danger">
                Close the case
              </SubmitButton>
            </>
          ) : (
            <>
              <h3>Reopen the case</h3>
              <TextField label="Reopened on" name="reopenedOn" type="date" state={statusState} defaultValue={today} max={today} required />
              <TextArea label="Why it is reopening" name="reason" state={statusState} rows={3} required />
              <SubmitButton pendingText="Reopening…" intent="reopen">
                Reopen the case
              </SubmitButton>
            </>
          )}
        </Form>
        {caseStatus.history.length ? (
          <>
            <h3>History</h3>
            <ol className="placement-list">
              {caseStatus.history.map((h, i) => (
                <li key={i}>
                  <strong>{h.status === "closed" ? "Closed" : "Opened"}</strong> on {formatDate(h.effectiveOn, timeZone)}: {h.reason}
                  {h.note ? ` (${h.note})` : ""} <span className="cell-sub">recorded by {h.by}</span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </FormPage>
  );
}
