import { Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { initialsOf } from "~/domain/youth";
import type { Route } from "./+types/meeting-detail";
import { ActionItemList } from "~/components/ActionItemList";
import { CheckboxGroup, FormError, SelectField, StaleVersion, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { SavedNotice } from "~/components/SavedNotice";
import { calendarDateIn, formatDate, formatDateTime, utcToZonedLocal } from "~/domain/dates";
import { baseVersionOf, formValues } from "~/domain/forms";
import { savedNotice, savedUrl, type SavedNoticeKey } from "~/domain/notices";
import { actionItemFormSchema, agendaItemSchema, cancelFormSchema, outcomeFormSchema, rescheduleFormSchema } from "~/domain/meeting-forms";
import { CONTACT_METHOD_LABELS, type ContactMethod } from "~/domain/contacts";
import { addActionItem, closeActionFromForm } from "~/server/action-items.server";
import { addAgendaItem } from "~/server/agenda.server";
import { formReply, parseValues, refusalReply, readForm } from "~/server/forms.server";
import {
  changeMeeting,
  draftMeetingNotes,
  getMeeting,
  recordMeetingOutcome,
  type MeetingRecord,
  type MeetingWhen,
} from "~/server/meetings.server";
import { invitationOffer, sendMeetingInvitations } from "~/server/meeting-invitations.server";
import { peopleForYouth } from "~/server/people.server";
import { idParam, requirePermission, requireYouthInScope } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `MDT meeting: ${initialsOf(data.meeting.youthName)} · CASA MDT` : "Meeting · CASA MDT" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const meeting = getMeeting(viewer, idParam(params.meetingId, "Meeting"));
  return {
    meeting,
    owners: meeting.canWrite ? peopleForYouth(requireYouthInScope(viewer, meeting.youthId)).owners : [],
    invitations: meeting.canWrite ? invitationOffer(viewer, meeting.id) : null,
    timeZone: viewer.timeZone,
    today: calendarDateIn(new Date(), viewer.timeZone),
    notice: savedNotice(request.url),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const meetingId = idParam(params.meetingId, "Meeting");
  const meeting = getMeeting(viewer, meetingId);
  requirePermission(viewer, "write:case", "Your role cannot change meetings.");
  const inScope = requireYouthInScope(viewer, meeting.youthId);
  const values = formValues(await readForm(request), ["attended"]);
  const intent = String(values.intent ?? "");
  const back = (saved: SavedNoticeKey) => redirect(savedUrl(`/meetings/${meetingId}`, saved));

  switch (intent) {
    case "add-action": {
      const form = parseValues(values, actionItemFormSchema, { intent });
      if (!form.ok) return form.reply;
      const result = addActionItem(inScope, meetingId, form.data);
      if (!result.ok) return formReply(result.errors, values, { intent });
      throw back("action");
    }
    case "done":
    case "drop": {
      const result = closeActionFromForm(viewer, { intent, actionId: String(values.actionId ?? ""), reason: String(values.reason ?? "") });
      if (!result.ok) return formReply(result.errors, values, { intent, actionId: result.actionId });
      throw back(result.saved);
    }
    case "add-agenda": {
      const form = parseValues(values, agendaItemSchema, { intent });
      if (!form.ok) return form.reply;
      const result = addAgendaItem(viewer, meetingId, form.data.text);
      if (!result.ok) return formReply(result.errors, values, { intent });
      throw back("agenda");
    }
    case "record": {
      const form = parseValues(values, outcomeFormSchema, { intent });
      if (!form.ok) return form.reply;
      const result = recordMeetingOutcome(viewer, meetingId, form.data, baseVersionOf(values));
      if (!result.ok) {
        if ("stale" in result) return formReply(result.errors, values, { intent, current: result.current }, 409);
        return formReply(result.errors, values, { intent });
      }
      throw back("recorded");
    }
    case "draft-notes": {
      const form = parseValues(values, outcomeFormSchema.pick({ notes: true, decisions: true }), { intent });
      if (!form.ok) return form.reply;
      const result = draftMeetingNotes(viewer, meetingId, form.data, baseVersionOf(values));
      if (!result.ok) return refusalReply(result, values, { intent, ...("stale" in result ? { current: result.current } : {}) });
      throw back("notes-draft");
    }
    case "reschedule": {
      const form = parseValues(values, rescheduleFormSchema, { intent });
      if (!form.ok) return form.reply;
      const result = changeMeeting(viewer, meetingId, { kind: "reschedule", ...form.data }, baseVersionOf(values));
      if (!result.ok) return refusalReply(result, values, { intent, ...("stale" in result ? { when: result.current } : {}) });
      throw back("rescheduled");
    }
    case "cancel": {
      const form = parseValues(values, cancelFormSchema, { intent });
      if (!form.ok) return form.reply;
      const result = changeMeeting(viewer, meetingId, { kind: "cancel", ...form.data }, baseVersionOf(values));
      if (!result.ok) return refusalReply(result, values, { intent, ...("stale" in result ? { when: result.current } : {}) });
      throw back("cancelled");
    }
    case "invite": {
      const result = sendMeetingInvitations(viewer, meetingId);
      if (!result.ok) return formReply(result.errors, values, { intent });
      throw back("invited");
    }
    default:
      return formReply({ _form: "That action is not available here." }, values, { intent });
  }
}

/** After a 409 (someone saved first) show what is saved now; React Router skips reloading after an error status. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function MeetingDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { meeting: m, owners, invitations, timeZone, today, notice } = loaderData;
  const stateFor = (intent: string): FormState | undefined => (actionData?.intent === intent ? actionData : undefined);
  // Only the record form's 409 carries `current`; a reschedule's or cancellation's carries `when`.
  const recordConflict =
    actionData?.intent === "record" || actionData?.intent === "draft-notes"
      ? (actionData as { current?: MeetingRecord }).current
      : undefined;
  const whenConflict = (actionData as { when?: MeetingWhen } | undefined)?.when;
  const a = m.agenda;
  return (
    <article aria-labelledby="meeting-heading" className="meeting-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/meetings">Meetings</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${m.youthId}`}>{m.youthName}</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">{formatDateTime(m.scheduledAt, timeZone)}</span>
      </nav>
      <SavedNotice notice={actionData ? null : notice} />
      <h1 id="meeting-heading">
        {m.typeLabel} for {m.youthName}
      </h1>
      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>{formatDateTime(m.scheduledAt, timeZone)}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {m.location ?? null}
            {m.location && m.videoLink ? <br /> : null}
            {m.videoLink ? <a href={m.videoLink}>Video link</a> : null}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {m.status === "held" ? "Held" : m.status === "cancelled" ? <strong>Cancelled</strong> : "Scheduled"}
            {m.status === "cancelled" && m.changes[0]?.kind === "cancel" ? <span className="cell-sub">{m.changes[0].reason}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Prepare</dt>
          <dd>
            <Link to={`/youth/${m.youthId}/prep`}>Prep packet</Link>
          </dd>
        </div>
      </dl>

      {m.changes.length ? (
        <section aria-labelledby="changes-heading" className="panel">
          <h2 id="changes-heading">Changes to this meeting</h2>
          <ul>
            {m.changes.map((c, i) => (
              <li key={i}>
                {c.kind === "reschedule" ? (
                  <>
                    <strong>Moved</strong> from {formatDateTime(c.from, timeZone)} to {formatDateTime(c.to!, timeZone)}
                  </>
                ) : (
                  <>
                    <strong>Cancelled</strong> (it was set for {formatDateTime(c.from, timeZone)})
                  </>
                )}
                : {c.reason}{" "}
                <span className="cell-sub">
                  {c.by}, {formatDateTime(c.at, timeZone)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {m.canWrite && m.status === "scheduled" ? (
        <section aria-labelledby="move-heading" className="panel">
          <h2 id="move-heading">Reschedule or cancel</h2>
          <p className="muted">The people invited see the change and its reason on this page.</p>
          {whenConflict ? (
            <p className="alert alert-error" role="alert">
              Someone changed this meeting first: it is now {whenConflict.status === "scheduled" ? "set for" : whenConflict.status}{" "}
              {whenConflict.status === "scheduled" ? formatDateTime(whenConflict.scheduledAt, timeZone) : ""}. Your input is kept below.
            </p>
          ) : null}
          <Form method="post" className="card-form" noValidate aria-labelledby="reschedule-heading">
            <h3 id="reschedule-heading">Move it</h3>
            <FormError state={stateFor("reschedule")} />
            <input type="hidden" name="baseVersion" value={m.version} />
            <TextField
              label="New date and time"
              name="scheduledAt"
              type="datetime-local"
              state={stateFor("reschedule")}
              defaultValue={utcToZonedLocal(m.scheduledAt, timeZone)}
              required
            />
            <div className="form-row">
              <TextField label="Place (if it changes)" name="location" state={stateFor("reschedule")} />
              <TextField label="Video link (if it changes)" name="videoLink" state={stateFor("reschedule")} />
            </div>
            <TextField label="Why it moves" name="reason" idPrefix="reschedule" state={stateFor("reschedule")} required />
            <SubmitButton intent="reschedule" pendingText="Moving…" className="button">
              Move the meeting
            </SubmitButton>
          </Form>
          <Form method="post" className="card-form" noValidate aria-labelledby="cancel-heading">
            <h3 id="cancel-heading">Cancel it</h3>
            <FormError state={stateFor("cancel")} />
            <input type="hidden" name="baseVersion" value={m.version} />
            <TextField label="Why it is cancelled" name="reason" idPrefix="cancel" state={stateFor("cancel")} required />
            <SubmitButton intent="cancel" pendingText="Cancelling…" className="button button-danger">
              Cancel the meeting
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="agenda-heading" className="panel">
        <h2 id="agenda-heading">Agenda</h2>
        <p className="muted">
          Built from the record{a.since ? ` since the last meeting on ${formatDate(a.since, timeZone)}` : ""}. Add anything else below.
        </p>

        <h3>Open action items carried over</h3>
        {a.carriedOver.length ? (
          <ActionItemList
            items={a.carriedOver}
            today={today}
            timeZone={timeZone}
            canWrite={m.canWrite}
            showYouth={false}
            dropState={actionData?.intent === "drop" ? actionData : undefined}
          />
        ) : (
          <p className="muted">None: every earlier item is closed.</p>
        )}

        <h3>Requests pending or open more than 30 days</h3>
        {a.requests.length ? (
          <ul>
            {a.requests.map((r) => (
              <li key={r.id}>
                <Link to={`/requests/${r.id}`}>{r.typeLabel}</Link> <RequestStatusBadge status={r.status} /> — open {r.daysOpen} days
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No pending requests.</p>
        )}

        <h3>Since the last meeting</h3>
        <ul>
          <li>
            {a.contacts.length} contact{a.contacts.length === 1 ? "" : "s"}
            {a.contacts.length ? (
              <ul>
                {a.contacts.slice(0, 10).map((c, i) => (
                  <li key={i}>
                    {formatDate(c.occurredAt, timeZone)}: {c.with}, {CONTACT_METHOD_LABELS[c.method as ContactMethod] ?? c.method}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
          <li>
            {a.placementChanges.length ? "Placement changes:" : "No placement changes."}
            {a.placementChanges.length ? (
              <ul>
                {a.placementChanges.map((p, i) => (
                  <li key={i}>
                    {formatDate(p.on, timeZone)}: {p.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
          <li>
            {a.episodes.length ? "Runaway episodes:" : "No runaway episodes."}
            {a.episodes.length ? (
              <ul>
                {a.episodes.map((e, i) => (
                  <li key={i}>
                    Left {e.leftFrom ? `${e.leftFrom} ` : ""}on {formatDateTime(e.leftAt, timeZone)};{" "}
                    {e.returnedAt ? `returned ${formatDateTime(e.returnedAt, timeZone)}` : <strong>still missing</strong>}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
          {a.redFlags ? (
            <li>
              {a.redFlags.length ? "Red flags observed:" : "No new red flags."}
              {m.openConcernCount ? ` ${m.openConcernCount} concern${m.openConcernCount === 1 ? "" : "s"} under review.` : ""}
              {a.redFlags.length ? (
                <ul>
                  {a.redFlags.map((f, i) => (
                    <li key={i}>
                      {f.label} ({formatDate(f.observedOn, timeZone)})
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ) : null}
        </ul>

        <h3>Added by hand</h3>
        {a.byHand.length ? (
          <ul>
            {a.byHand.map((i) => (
              <li key={i.id}>
                {i.text} <span className="muted">({i.addedBy})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing yet.</p>
        )}
        {m.canWrite ? (
          <Form method="post" className="inline-form" noValidate preventScrollReset>
            <TextField label="Add to the agenda" name="text" state={stateFor("add-agenda")} required />
            <SubmitButton intent="add-agenda" pendingText="Adding…" className="button">
              Add
            </SubmitButton>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading" className="panel">
        <h2 id="actions-heading">Action items from this meeting</h2>
        {m.actions.length ? (
          <ActionItemList
            items={m.actions}
            today={today}
            timeZone={timeZone}
            canWrite={m.canWrite}
            showYouth={false}
            dropState={actionData?.intent === "drop" ? actionData : undefined}
          />
        ) : (
          <p className="muted">No action items yet. Every action needs an owner and a due date.</p>
        )}
        {m.canWrite ? (
          <Form method="post" className="card-form" noValidate aria-labelledby="add-action-heading" preventScrollReset>
            <h3 id="add-action-heading">Add an action item</h3>
            <FormError state={stateFor("add-action")} />
            <TextField label="What" name="description" state={stateFor("add-action")} required />
            <div className="form-row">
              <SelectField label="Owner" name="owner" state={stateFor("add-action")} placeholder="Choose…" options={owners} required />
              <TextField label="Due" name="dueOn" type="date" state={stateFor("add-action")} required />
            </div>
            <SubmitButton intent="add-action" pendingText="Adding…">
              Add action item
            </SubmitButton>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="outcome-heading" className="panel">
        <h2 id="outcome-heading">Attendance, notes and decisions</h2>
        {m.status === "held" ? (
          <>
            <h3>Attended</h3>
            <ul>
              {m.attendees.map((p) => (
                <li key={p.key}>
                  {p.label}: {p.attended ? "attended" : "did not attend"}
                </li>
              ))}
            </ul>
            {m.notes ? (
              <>
                <h3>Notes</h3>
                <p className="notes">{m.notes}</p>
              </>
            ) : null}
            {m.decisions ? (
              <>
                <h3>Decisions</h3>
                <p className="notes">{m.decisions}</p>
              </>
            ) : null}
          </>
        ) : (
          <>
            <h3>Invited</h3>
            {m.attendees.length ? (
              <ul>
                {m.attendees.map((p) => (
                  <li key={p.key}>{p.label}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nobody invited yet.</p>
            )}
            {invitations ? (
              <Form method="post" className="inline-form" noValidate preventScrollReset>
                <FormError state={stateFor("invite")} />
                <p className="field-hint">
                  The email says only that there is an MDT meeting at this time, with a calendar entry and a link here.
                  {invitations.alreadyInvited
                    ? ` ${invitations.alreadyInvited} of them have one for this time already; they get nothing new.`
                    : ""}
                </p>
                <SubmitButton intent="invite" pendingText="Queuing…" className="button">
                  Email an invitation to {invitations.recipients} team member{invitations.recipients === 1 ? "" : "s"} with an email address
                </SubmitButton>
              </Form>
            ) : null}
          </>
        )}
        {m.canWrite && !m.inPast && m.status === "scheduled" ? (
          <Form method="post" className="card-form" noValidate aria-labelledby="draft-notes-heading">
            <h3 id="draft-notes-heading">Notes and decisions, started before the meeting</h3>
            <p className="field-hint">A draft: the write-up after the meeting starts from it. Attendance is recorded afterwards.</p>
            <FormError state={stateFor("draft-notes")} />
            <StaleVersion
              version={recordConflict?.version ?? m.version}
              current={
                actionData?.intent === "draft-notes" && recordConflict
                  ? [
                      { label: "Notes", value: recordConflict.notes },
                      { label: "Decisions", value: recordConflict.decisions },
                    ]
                  : undefined
              }
            />
            <TextArea label="Notes" name="notes" idPrefix="draft" state={stateFor("draft-notes")} defaultValue={m.notes} />
            <TextArea label="Decisions" name="decisions" idPrefix="draft" state={stateFor("draft-notes")} defaultValue={m.decisions} />
            <SubmitButton intent="draft-notes" pendingText="Saving…" className="button">
              Save the draft notes
            </SubmitButton>
          </Form>
        ) : null}
        {m.canWrite && m.inPast && m.status !== "cancelled" ? (
          <Form method="post" className="card-form" noValidate aria-labelledby="record-heading">
            <h3 id="record-heading">{m.status === "held" ? "Update the record" : "Record the meeting"}</h3>
            <FormError state={stateFor("record")} />
            <StaleVersion
              version={recordConflict?.version ?? m.version}
              current={
                recordConflict && [
                  { label: "Attended", value: recordConflict.attended.join(", ") },
                  { label: "Notes", value: recordConflict.notes },
                  { label: "Decisions", value: recordConflict.decisions },
                ]
              }
            />
            <CheckboxGroup
              legend="Who attended"
              name="attended"
              state={stateFor("record")}
              defaultValues={m.attendees.filter((p) => p.attended).map((p) => p.key)}
              options={m.attendees.map((p) => ({ value: p.key, label: p.label }))}
            />
            <TextArea label="Notes" name="notes" state={stateFor("record")} defaultValue={m.notes} />
            <TextArea label="Decisions" name="decisions" state={stateFor("record")} defaultValue={m.decisions} />
            <SubmitButton intent="record" pendingText="Saving…">
              Save the record
            </SubmitButton>
          </Form>
        ) : null}
      </section>
    </article>
  );
}
