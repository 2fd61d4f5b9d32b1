import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/meeting-detail";
import { ActionItemList } from "~/components/ActionItemList";
import { CheckboxGroup, FormError, SelectField, StaleVersion, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { calendarDateIn, formatDate, formatDateTime } from "~/domain/dates";
import { baseVersionOf, fieldErrorsOf, formValues } from "~/domain/forms";
import { actionItemFormSchema, agendaItemSchema, outcomeFormSchema } from "~/domain/meetings";
import { CONTACT_METHOD_LABELS, type ContactMethod } from "~/domain/youth-forms";
import { addActionItem, addAgendaItem, closeActionFromForm, getMeeting, peopleForYouth, recordMeetingOutcome, type MeetingRecord } from "~/server/meetings.server";
import { idParam, requirePermission } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.meeting.typeLabel}, ${data.meeting.youthName} · CASA MDT` : "Meeting · CASA MDT" },
];

const NOTICES: Record<string, string> = {
  scheduled: "Meeting scheduled.",
  action: "Action item added.",
  done: "Action item marked done.",
  dropped: "Action item dropped.",
  agenda: "Agenda item added.",
  recorded: "Meeting recorded.",
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const meeting = getMeeting(viewer, idParam(params.meetingId, "Meeting"));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    meeting,
    owners: meeting.canWrite ? peopleForYouth(viewer, meeting.youthId).owners : [],
    timeZone: viewer.timeZone,
    today: calendarDateIn(new Date(), viewer.timeZone),
    notice: saved ? (NOTICES[saved] ?? null) : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const meetingId = idParam(params.meetingId, "Meeting");
  const meeting = getMeeting(viewer, meetingId);
  requirePermission(viewer, "write:case", "Your role cannot change meetings.");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form, ["attended"]);
  const fail = (errors: Record<string, string | undefined>) => data({ intent, errors, values }, { status: 400 });
  const back = (saved: string) => redirect(`/meetings/${meetingId}?saved=${saved}`);

  switch (intent) {
    case "add-action": {
      const parsed = actionItemFormSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
      const result = addActionItem(viewer, meeting.youthId, meetingId, parsed.data);
      if (!result.ok) return fail(result.errors);
      throw back("action");
    }
    case "done":
    case "drop": {
      const result = closeActionFromForm(viewer, { intent, actionId: String(values.actionId ?? ""), reason: String(values.reason ?? "") });
      if (!result.ok) return data({ intent, actionId: result.actionId, errors: result.errors, values }, { status: 400 });
      throw back(result.saved);
    }
    case "add-agenda": {
      const parsed = agendaItemSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
      const result = addAgendaItem(viewer, meetingId, parsed.data.text);
      if (!result.ok) return fail(result.errors);
      throw back("agenda");
    }
    case "record": {
      const parsed = outcomeFormSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
      const result = recordMeetingOutcome(viewer, meetingId, parsed.data, baseVersionOf(values));
      if (!result.ok) {
        if ("stale" in result) return data({ intent, errors: result.errors, values, current: result.current }, { status: 409 });
        return fail(result.errors);
      }
      throw back("recorded");
    }
    default:
      return fail({ _form: "That action is not available here." });
  }
}

/** After a 409 (someone saved first) show what is saved now; React Router skips reloading after an error status. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function MeetingDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { meeting: m, owners, timeZone, today, notice } = loaderData;
  const stateFor = (intent: string): FormState | undefined => (actionData?.intent === intent ? actionData : undefined);
  // Only the record form's 409 carries `current`; the other replies have no such key.
  const recordConflict = (actionData as { current?: MeetingRecord } | undefined)?.current;
  const a = m.agenda;
  return (
    <article aria-labelledby="meeting-heading" className="meeting-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/meetings">Meetings</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${m.youthId}`}>{m.youthName}</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">{formatDateTime(m.scheduledAt, timeZone)}</span>
      </nav>
      {notice && !actionData ? (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      ) : null}
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
          <dd>{m.status === "held" ? "Held" : m.status === "cancelled" ? "Cancelled" : "Scheduled"}</dd>
        </div>
        <div>
          <dt>Prepare</dt>
          <dd>
            <Link to={`/youth/${m.youthId}/prep`}>Prep packet</Link>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="agenda-heading" className="panel">
        <h2 id="agenda-heading">Agenda</h2>
        <p className="muted">
          Built from the record{a.since ? ` since the last meeting on ${formatDate(a.since, timeZone)}` : ""}. Add anything else below.
        </p>

        <h3>Open action items carried over</h3>
        {a.carriedOver.length ? (
          <ActionItemList items={a.carriedOver} today={today} timeZone={timeZone} canWrite={m.canWrite} showYouth={false} dropState={actionData?.intent === "drop" ? actionData : undefined} />
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
          <ActionItemList items={m.actions} today={today} timeZone={timeZone} canWrite={m.canWrite} showYouth={false} dropState={actionData?.intent === "drop" ? actionData : undefined} />
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
          </>
        )}
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
