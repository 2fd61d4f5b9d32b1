import { Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/request-detail";
import { FormError, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { SavedNotice } from "~/components/SavedNotice";
import { calendarDateIn, describeDue, formatDate, formatDateTime, plural } from "~/domain/dates";
import { savedNotice, savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { formatCents, REQUEST_STATUS_LABELS, REQUEST_TRANSITIONS, type RequestAction } from "~/domain/requests";
import { transitionFormSchema } from "~/domain/request-forms";
import { getRequest, transitionRequest } from "~/server/requests.server";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.request.typeLabel} · CASA MDT` : "Request · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const detail = getRequest(viewer, idParam(params.requestId, "Request"));
  const url = new URL(request.url);
  return {
    request: detail,
    timeZone: viewer.timeZone,
    today: calendarDateIn(new Date(), viewer.timeZone),
    notice: savedNotice(url),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const requestId = idParam(params.requestId, "Request");
  // 404 for a request the viewer may not know exists, before anything else is looked at.
  getRequest(viewer, requestId);
  const form = await parseForm(request, transitionFormSchema);
  if (!form.ok) return form.reply;
  const result = transitionRequest(viewer, requestId, form.data.action, form.data);
  if (!result.ok) return formReply(result.errors, form.values, {}, result.status);
  throw redirect(savedUrl(`/requests/${requestId}`, form.data.action));
}

/**
 * After a 409 (someone else changed the request first) the page must show the request as it is
 * now; React Router skips reloading after an error status unless told to.
 */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function RequestDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { request: r, timeZone, today } = loaderData;
  const state: FormState | undefined = actionData;
  /** The reply to a form goes back to that form only: its errors and the values typed. */
  const stateFor = (action: RequestAction) => (state?.values?.action === action ? state : undefined);
  return (
    <article aria-labelledby="request-heading" className="form-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/requests">Requests</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${r.youthId}`}>{r.youthName}</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">{r.typeLabel}</span>
      </nav>
      <SavedNotice notice={actionData ? null : loaderData.notice} />
      <h1 id="request-heading">
        {r.typeLabel} <RequestStatusBadge status={r.status} />
      </h1>
      <dl className="facts">
        <div>
          <dt>For</dt>
          <dd>
            <Link to={`/youth/${r.youthId}`}>{r.youthName}</Link>
          </dd>
        </div>
        <div>
          <dt>Addressed to</dt>
          <dd>{r.addressedTo}</dd>
        </div>
        <div>
          <dt>Requested</dt>
          <dd>
            {formatDate(r.requestedAt, timeZone)} by {r.requestedBy}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            {r.dueOn ? formatDate(r.dueOn, timeZone) : <span className="muted">No due date</span>}
            {r.overdue && r.dueOn ? <span className="badge badge-alert badge-block">{describeDue(r.dueOn, today)}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{r.status === "fulfilled" || r.status === "denied" || r.status === "withdrawn" ? "Was open" : "Open for"}</dt>
          <dd>{plural(r.daysOpen, "day")}</dd>
        </div>
        {r.amountCents ? (
          <div>
            <dt>Amount requested</dt>
            <dd>{formatCents(r.amountCents)}</dd>
          </div>
        ) : null}
        {r.outcome.approvedAmountCents !== null ? (
          <div>
            <dt>Amount approved</dt>
            <dd>{formatCents(r.outcome.approvedAmountCents)}</dd>
          </div>
        ) : null}
        {r.status === "fulfilled" ? (
          <div>
            <dt>Provided</dt>
            <dd>
              {r.outcome.fulfilledOn ? formatDate(r.outcome.fulfilledOn, timeZone) : <span className="muted">Day not recorded</span>}
              {r.outcome.fulfilledBy ? ` by ${r.outcome.fulfilledBy}` : ""}
              {r.outcome.paidAmountCents !== null ? `; ${formatCents(r.outcome.paidAmountCents)} paid` : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      {r.outcome.note ? (
        <p className="notes">
          <strong>Outcome:</strong> {r.outcome.note}
        </p>
      ) : null}
      {r.description ? <p className="notes">{r.description}</p> : null}
      {r.canEditDraft ? (
        <p>
          <Link className="button" to={`/requests/${r.id}/edit`}>
            Edit the draft
          </Link>
        </p>
      ) : null}

      <FormError state={state} />
      {r.actions.length ? (
        <section aria-labelledby="next-heading" className="panel">
          <h2 id="next-heading">What next</h2>
          <div className="button-row">
            {r.actions
              // Denying, fulfilling and approving funds record something: they have their own forms below.
              .filter((a) => !REQUEST_TRANSITIONS[a].noteRequired && a !== "fulfil" && !(a === "approve" && r.hasAmount))
              .map((a) => (
                <Form method="post" key={a}>
                  <input type="hidden" name="version" value={r.version} />
                  <input type="hidden" name="action" value={a} />
                  <SubmitButton pendingText="Saving…" className={a === "withdraw" ? "button" : "button button-primary"}>
                    {REQUEST_TRANSITIONS[a].label}
                  </SubmitButton>
                </Form>
              ))}
          </div>
          {r.actions.includes("approve") && r.hasAmount ? (
            <ActionForm action="approve" title="Approve" version={r.version}>
              <TextField
                label="Amount approved, in dollars"
                name="amount"
                inputMode="decimal"
                idPrefix="approve"
                state={stateFor("approve")}
                defaultValue={r.amountCents ? (r.amountCents / 100).toFixed(2) : ""}
                hint="The amount requested, unless less was approved."
                required
              />
              <SubmitButton pendingText="Saving…" className="button button-primary">
                Approve
              </SubmitButton>
            </ActionForm>
          ) : null}
          {r.actions.includes("fulfil") ? (
            <ActionForm action="fulfil" title="Record that it was provided" version={r.version}>
              <TextField
                label="Day it was provided"
                name="fulfilledOn"
                type="date"
                max={today}
                state={stateFor("fulfil")}
                defaultValue={today}
                required
              />
              <TextField
                label="Provided by (provider or agency)"
                name="provider"
                state={stateFor("fulfil")}
                defaultValue={r.addressedTo === "—" ? "" : r.addressedTo}
                required
              />
              {r.hasAmount ? (
                <TextField
                  label="Amount paid, in dollars"
                  name="amount"
                  inputMode="decimal"
                  idPrefix="fulfil"
                  state={stateFor("fulfil")}
                  defaultValue={r.outcome.approvedAmountCents ? (r.outcome.approvedAmountCents / 100).toFixed(2) : ""}
                  required
                />
              ) : null}
              <TextArea
                label="Outcome"
                name="note"
                idPrefix="fulfil"
                hint="What the youth received, and anything the team should know."
                state={stateFor("fulfil")}
                rows={3}
              />
              <SubmitButton pendingText="Saving…" className="button button-primary">
                Mark fulfilled
              </SubmitButton>
            </ActionForm>
          ) : null}
          {r.actions.includes("deny") ? (
            <ActionForm action="deny" title="Deny" version={r.version}>
              <TextArea label="Reason for the denial" name="note" state={stateFor("deny")} required rows={3} />
              <SubmitButton pendingText="Saving…" className="button">
                Deny the request
              </SubmitButton>
            </ActionForm>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">History</h2>
        <ol className="timeline">
          {r.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at}>{formatDateTime(h.at, timeZone)}</time>
              <span className="timeline-title">
                {h.fromStatus === "draft" && h.toStatus === "draft"
                  ? "Draft edited"
                  : h.fromStatus
                    ? `${REQUEST_STATUS_LABELS[h.fromStatus]} → ${REQUEST_STATUS_LABELS[h.toStatus]}`
                    : "Created as a draft"}{" "}
                by {h.actor}
              </span>
              {h.toStatus === "approved" && h.amountCents !== null ? (
                <span className="cell-sub">{formatCents(h.amountCents)} approved</span>
              ) : null}
              {h.toStatus === "fulfilled" && (h.onDate || h.provider) ? (
                <span className="cell-sub">
                  Provided{h.onDate ? ` ${formatDate(h.onDate, timeZone)}` : ""}
                  {h.provider ? ` by ${h.provider}` : ""}
                  {h.amountCents !== null ? `; ${formatCents(h.amountCents)} paid` : ""}
                </span>
              ) : null}
              {h.note ? <span className="cell-sub">{h.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** One transition's form: its heading, the version it was filled from and the action, then its fields. */
function ActionForm({
  action,
  title,
  version,
  children,
}: {
  action: RequestAction;
  title: string;
  version: number;
  children: React.ReactNode;
}) {
  const heading = `${action}-heading`;
  return (
    <Form method="post" className="card-form" noValidate aria-labelledby={heading}>
      <h3 id={heading}>{title}</h3>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      {children}
    </Form>
  );
}
