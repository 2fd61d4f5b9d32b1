import { data, Form, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/youth-detail";
import { ConcernList } from "~/components/ConcernList";
import { CsecStatusText } from "~/components/CsecStatusText";
import { FormError, SelectField, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { ActionItemList } from "~/components/ActionItemList";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { actionItemFormSchema } from "~/domain/meetings";
import { CSEC_BASIS_LABELS, CSEC_STATUS_LABELS } from "~/domain/csec";
import { formatCents } from "~/domain/requests";
import { calendarDateIn, describeDay, describeDue, formatDate, formatDateTime, plural, utcToZonedLocal } from "~/domain/dates";
import { fieldErrorsOf, formValues } from "~/domain/forms";
import { HOTLINES } from "~/domain/hotlines";
import { savedNotice } from "~/domain/notices";
import { can } from "~/domain/permissions";
import { CONTACT_METHOD_LABELS, CONTACT_METHODS, contactSchema } from "~/domain/youth-forms";
import { contactFreshness, countContacts, listContacts, logContact } from "~/server/contacts.server";
import { getCsecPanel } from "~/server/csec.server";
import { listParties } from "~/server/parties.server";
import { addActionItem, closeActionFromForm, listActionsForYouth, listMeetingsForYouth, peopleForYouth } from "~/server/meetings.server";
import { listRequestsForYouth } from "~/server/requests.server";
import { getSafetyPlans } from "~/server/safety-plans.server";
import { auditRead } from "~/server/audit.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { getTimeline } from "~/server/timeline.server";
import { getYouthOverview } from "~/server/youth.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.overview.name} · CASA MDT` : "Youth · CASA MDT" }];

/**
 * Long lists show their newest entries and grow on request (`?contacts=40`), so a youth with
 * years of records still makes a small, fast page.
 */
const PAGE = { contacts: 20, timeline: 30, plans: 5 } as const;
const MAX_SHOWN = 2_000;

function shownCount(url: URL, param: string, step: number): number {
  const value = url.searchParams.get(param) ?? "";
  const n = /^\d{1,9}$/.test(value) ? Number(value) : 0;
  return n > 0 ? Math.min(n, MAX_SHOWN) : step;
}

/** The page's URL with one list showing `step` more, and back at that list. */
function moreHref(search: string, param: keyof typeof PAGE, shown: number, anchor: string): string {
  const params = new URLSearchParams(search);
  params.set(param, String(Math.min(shown + PAGE[param], MAX_SHOWN)));
  params.delete("saved");
  return `?${params}#${anchor}`;
}

function ShowMore({ shown, total, href, what }: { shown: number; total: number; href: string; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="show-more">
      Showing the newest {shown} of {total} {what}. <Link to={href} preventScrollReset>Show more</Link>
    </p>
  );
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const url = new URL(request.url);
  const contactFilter = url.searchParams.get("with") ?? "";
  const shown = {
    contacts: shownCount(url, "contacts", PAGE.contacts),
    timeline: shownCount(url, "timeline", PAGE.timeline),
    plans: shownCount(url, "plans", PAGE.plans),
  };
  const overview = getYouthOverview(viewer, youthId);
  auditRead(viewer, "youth.view", youthId);
  const timeline = getTimeline(viewer, youthId, shown.timeline);
  return {
    overview,
    parties: listParties(viewer, youthId),
    contacts: listContacts(viewer, youthId, { with: contactFilter, limit: shown.contacts }),
    contactTotal: countContacts(viewer, youthId, { with: contactFilter }),
    contactFilter,
    freshness: contactFreshness(viewer, youthId),
    safetyPlan: getSafetyPlans(viewer, youthId, { historyLimit: shown.plans }),
    requests: listRequestsForYouth(viewer, youthId),
    meetings: listMeetingsForYouth(viewer, youthId),
    actions: listActionsForYouth(viewer, youthId),
    owners: can(viewer.role, "write:case") ? peopleForYouth(viewer, youthId).owners : [],
    canRequest: can(viewer.role, "write:requests"),
    csec: getCsecPanel(viewer, youthId),
    timeline: timeline.entries,
    timelineTotal: timeline.total,
    canWrite: can(viewer.role, "write:case"),
    timeZone: viewer.timeZone,
    nowLocal: utcToZonedLocal(new Date().toISOString(), viewer.timeZone),
    today: calendarDateIn(new Date(), viewer.timeZone),
    notice: savedNotice(url.searchParams.get("saved")),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change this youth's record.");
  const form = await request.formData();
  const values = formValues(form);
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: Record<string, string | undefined>) => data({ intent, errors, values }, { status: 400 });
  switch (intent) {
    case "log-contact": {
      const parsed = contactSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
      const result = logContact(viewer, youthId, parsed.data);
      if (!result.ok) return fail(result.errors);
      throw redirect(`/youth/${youthId}?saved=contact#contacts`);
    }
    case "add-action": {
      const parsed = actionItemFormSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
      const result = addActionItem(viewer, youthId, null, parsed.data);
      if (!result.ok) return fail(result.errors);
      throw redirect(`/youth/${youthId}?saved=action#actions`);
    }
    case "done":
    case "drop": {
      const result = closeActionFromForm(viewer, { intent, actionId: String(values.actionId ?? ""), reason: String(values.reason ?? "") });
      if (!result.ok) return data({ intent, actionId: result.actionId, errors: result.errors, values }, { status: 400 });
      throw redirect(`/youth/${youthId}?saved=${result.saved === "done" ? "action-done" : "action-dropped"}#actions`);
    }
    default:
      return fail({ _form: "That action is not available here." });
  }
}

export default function YouthDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { overview, parties, contacts, freshness, safetyPlan, csec, timeline, canWrite, timeZone, notice } = loaderData;
  const { search } = useLocation();
  const base = `/youth/${overview.id}`;
  const contactState: FormState | undefined = actionData?.intent === "log-contact" ? actionData : undefined;
  const today = loaderData.today;

  return (
    <article aria-labelledby="youth-name" className="youth-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <span aria-current="page">{overview.name}</span>
      </nav>

      {notice ? (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      ) : null}

      {overview.missing ? (
        <section className="missing-banner" role="alert" aria-labelledby="missing-heading">
          <h2 id="missing-heading">Missing now</h2>
          <p>
            {overview.name} left {overview.missing.leftFrom ? `${overview.missing.leftFrom} ` : ""}on{" "}
            {formatDateTime(overview.missing.leftAt, timeZone)}.{" "}
            {overview.missing.reportedToLawEnforcementAt
              ? `Reported to law enforcement ${formatDateTime(overview.missing.reportedToLawEnforcementAt, timeZone)}.`
              : "Not yet reported to law enforcement."}{" "}
            {overview.missing.reportedToNcmecAt
              ? `Reported to NCMEC ${formatDateTime(overview.missing.reportedToNcmecAt, timeZone)}.`
              : "Not yet reported to NCMEC (1-800-THE-LOST): both reports are due at once, within 24 hours at the latest."}
          </p>
        </section>
      ) : null}

      <header className="youth-head">
        <h1 id="youth-name">{overview.name}</h1>
        <dl className="facts">
          <div>
            <dt>Age</dt>
            <dd>
              {overview.age} <span className="muted">(born {formatDate(overview.dateOfBirth, timeZone)})</span>
            </dd>
          </div>
          <div>
            <dt>Case number</dt>
            <dd>{overview.caseNumber}</dd>
          </div>
          <div>
            <dt>Case</dt>
            <dd>{overview.caseStatus === "open" ? "Open" : "Closed"}</dd>
          </div>
          <div>
            <dt>Placement</dt>
            <dd>
              {overview.placement ? (
                <>
                  {overview.placement.label}
                  {overview.placement.description ? `, ${overview.placement.description}` : ""}
                  <span className="cell-sub">since {formatDate(overview.placement.since, timeZone)}</span>
                </>
              ) : (
                <span className="muted">None recorded</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Advocate{overview.advocates.length === 1 ? "" : "s"}</dt>
            <dd>{overview.advocates.map((a) => a.name).join(", ") || <span className="muted">Unassigned</span>}</dd>
          </div>
          <div>
            <dt>Supervisor</dt>
            <dd>{overview.supervisors.map((a) => a.name).join(", ") || <span className="muted">Unassigned</span>}</dd>
          </div>
          <div>
            <dt>CSEC status</dt>
            <dd>
              <CsecStatusText view={csec.view} timeZone={timeZone} />
            </dd>
          </div>
        </dl>
      </header>

      <nav aria-label="On this page" className="page-sections">
        <ul>
          <li><a href="#team">Team</a></li>
          <li><a href="#contacts">Contacts</a></li>
          <li><a href="#actions">Action items</a></li>
          <li><a href="#meetings">Meetings</a></li>
          <li><a href="#requests">Requests</a></li>
          <li><a href="#safety-plan">Safety plan</a></li>
          <li><a href="#concerns">Red flags and concerns</a></li>
          <li><a href="#placements">Placements</a></li>
          <li><a href="#timeline">Timeline</a></li>
        </ul>
      </nav>

      <section id="team" aria-labelledby="team-heading" className="panel">
        <div className="panel-head">
          <h2 id="team-heading">Team</h2>
          {canWrite ? (
            <Link className="button" to={`${base}/parties/new`}>
              Add a team member
            </Link>
          ) : null}
        </div>
        {parties.current.length === 0 ? (
          <p className="empty-state">No one is on this youth's team yet. Add the CSW, attorney and CLC case manager first.</p>
        ) : (
          <table className="simple-table">
            <caption className="sr-only">Current team</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Name</th>
                <th scope="col">How to reach</th>
                <th scope="col">Last contacted</th>
                {canWrite ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {parties.current.map((p) => (
                <tr key={p.id}>
                  <td>{p.roleLabel}</td>
                  <th scope="row">
                    {p.name}
                    {p.organization ? <span className="cell-sub">{p.organization}</span> : null}
                  </th>
                  <td>
                    {p.phone ? <a href={`tel:${p.phone}`}>{p.phone}</a> : null}
                    {p.phone && p.email ? <br /> : null}
                    {p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null}
                    {!p.phone && !p.email ? <span className="muted">No details</span> : null}
                  </td>
                  <td>{p.lastContactAt ? describeDay(calendarDateIn(new Date(p.lastContactAt), timeZone), today) : <span className="muted">Never</span>}</td>
                  {canWrite ? (
                    <td className="row-actions">
                      <Link to={`${base}/parties/${p.id}/edit`}>
                        Edit<span className="sr-only"> {p.name}</span>
                      </Link>
                      <Link to={`${base}/parties/${p.id}/replace`}>
                        Replace<span className="sr-only"> {p.name} as {p.roleLabel}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {parties.history.length > 0 ? (
          <details className="history">
            <summary>Earlier team members ({parties.history.length})</summary>
            <ul>
              {parties.history.map((p) => (
                <li key={p.id}>
                  {p.roleLabel}: {p.name}
                  {p.organization ? `, ${p.organization}` : ""} — {formatDate(p.startedOn, timeZone)} to{" "}
                  {formatDate(p.endedOn!, timeZone)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section id="contacts" aria-labelledby="contacts-heading" className="panel">
        <h2 id="contacts-heading">Contacts</h2>
        <ul className="freshness" aria-label="Time since last contact">
          {freshness.map((f) => (
            <li key={f.key} className={f.stale || f.missingFromTeam ? "stale" : undefined}>
              <strong>{f.label}</strong>
              {f.names.length ? <span className="cell-sub">{f.names.join(", ")}</span> : null}
              <span>
                {f.missingFromTeam
                  ? "Nobody in this role"
                  : f.daysSince === null
                    ? "Never contacted"
                    : f.daysSince === 0
                      ? "Contacted today"
                      : `${plural(f.daysSince, "day")} since last contact`}
              </span>
              {f.stale ? <span className="badge badge-warn">Overdue: over {f.thresholdDays} days</span> : null}
              {f.missingFromTeam ? <span className="badge badge-warn">Gap in the team</span> : null}
            </li>
          ))}
        </ul>

        {canWrite ? (
          <Form method="post" className="card-form" aria-labelledby="log-contact-heading" noValidate preventScrollReset>
            <h3 id="log-contact-heading">Log a contact</h3>
            <FormError state={contactState} />
            <div className="form-row">
              <SelectField
                label="With"
                name="with"
                state={contactState}
                defaultValue="youth"
                options={[
                  { value: "youth", label: "The youth" },
                  ...parties.current.map((p) => ({ value: String(p.id), label: `${p.name} (${p.roleLabel})` })),
                ]}
                required
              />
              <TextField label="When" name="occurredAt" type="datetime-local" state={contactState} defaultValue={loaderData.nowLocal} required />
              <SelectField
                label="How"
                name="method"
                state={contactState}
                placeholder="Choose…"
                options={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
                required
              />
            </div>
            <TextArea label="Summary" name="summary" state={contactState} required rows={3} hint="What was discussed and any follow-up. Keep it factual." />
            <SubmitButton intent="log-contact" pendingText="Saving contact…">
              Log contact
            </SubmitButton>
          </Form>
        ) : null}

        <Form method="get" className="inline-filter" preventScrollReset>
          <label htmlFor="contact-with">Show contacts with</label>
          <select id="contact-with" name="with" defaultValue={loaderData.contactFilter} key={loaderData.contactFilter}>
            <option value="">Everyone</option>
            <option value="youth">The youth</option>
            {[...parties.current, ...parties.history].map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.roleLabel})
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            Show
          </button>
        </Form>
        {contacts.length === 0 ? (
          <p className="empty-state">
            {loaderData.contactFilter ? "No contacts with this person yet." : "No contacts logged yet. Log the first one above."}
          </p>
        ) : (
          <ol className="contact-list" aria-label="Logged contacts">
            {contacts.map((c) => (
              <li key={c.id}>
                <p className="contact-meta">
                  <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt, timeZone)}</time> · {c.withLabel} · {c.methodLabel}
                  <span className="muted"> · logged by {c.loggedBy}</span>
                </p>
                <p>{c.summary}</p>
              </li>
            ))}
          </ol>
        )}
        <ShowMore shown={contacts.length} total={loaderData.contactTotal} href={moreHref(search, "contacts", contacts.length, "contacts")} what="contacts" />
      </section>

      <section id="actions" aria-labelledby="actions-heading" className="panel">
        <h2 id="actions-heading">Action items</h2>
        {loaderData.actions.length ? (
          <ActionItemList
            items={loaderData.actions}
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
                <SelectField label="Owner" name="owner" state={actionData?.intent === "add-action" ? actionData : undefined} placeholder="Choose…" options={loaderData.owners} required />
                <TextField label="Due" name="dueOn" type="date" state={actionData?.intent === "add-action" ? actionData : undefined} required />
              </div>
              <SubmitButton intent="add-action" pendingText="Adding…">
                Add action item
              </SubmitButton>
            </Form>
          </details>
        ) : null}
      </section>

      <section id="meetings" aria-labelledby="meetings-heading" className="panel">
        <div className="panel-head">
          <h2 id="meetings-heading">MDT meetings</h2>
          <div className="button-row">
            {canWrite ? (
              <Link className="button" to={`${base}/meetings/new`}>
                Schedule a meeting
              </Link>
            ) : null}
            <Link className="button" to={`${base}/prep`}>
              Prep packet
            </Link>
            <Link className="button" to={`${base}/court-draft`}>
              Court report draft
            </Link>
          </div>
        </div>
        {loaderData.meetings.length ? (
          <ul className="meeting-list">
            {loaderData.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>
                  {formatDateTime(m.scheduledAt, timeZone)}: {m.typeLabel}
                </Link>{" "}
                <span className="muted">({m.status === "held" ? "held" : m.status === "cancelled" ? "cancelled" : "scheduled"})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No MDT meetings yet.</p>
        )}
      </section>

      <section id="requests" aria-labelledby="requests-heading" className="panel">
        <div className="panel-head">
          <h2 id="requests-heading">Requests</h2>
          {loaderData.canRequest ? (
            <Link className="button" to={`${base}/requests/new`}>
              New request
            </Link>
          ) : null}
        </div>
        {loaderData.requests.length === 0 ? (
          <p className="empty-state">No resource requests yet. A request for therapy, documents or funds starts here.</p>
        ) : (
          <table className="simple-table">
            <caption className="sr-only">Resource requests for {overview.name}</caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Addressed to</th>
                <th scope="col">Requested</th>
                <th scope="col">Due</th>
                <th scope="col" className="num">Days open</th>
                <th scope="col" className="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/requests/${r.id}`}>{r.typeLabel}</Link>
                  </th>
                  <td>
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td>{r.addressedTo}</td>
                  <td>
                    {formatDate(r.requestedAt, timeZone)}
                    <span className="cell-sub">by {r.requestedBy}</span>
                  </td>
                  <td>
                    {r.dueOn ? formatDate(r.dueOn, timeZone) : <span className="muted">—</span>}
                    {r.overdue && r.dueOn ? <span className="badge badge-alert badge-block">{describeDue(r.dueOn, today)}</span> : null}
                  </td>
                  <td className="num">{r.daysOpen}</td>
                  <td className="num">{r.amountCents ? formatCents(r.amountCents) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section id="safety-plan" aria-labelledby="safety-heading" className="panel">
        <div className="panel-head">
          <h2 id="safety-heading">Safety plan</h2>
          {canWrite ? (
            <Link className="button" to={`${base}/safety-plan`}>
              {safetyPlan.current ? "Review the safety plan" : "Make a safety plan"}
            </Link>
          ) : null}
        </div>
        {safetyPlan.current ? (
          <>
            <p className="muted">
              Version {safetyPlan.current.version}, reviewed {formatDate(safetyPlan.current.reviewedOn, timeZone)} by{" "}
              {safetyPlan.current.reviewedBy}.
            </p>
            <h3>Top support people</h3>
            {safetyPlan.current.supportPeople.length ? (
              <ol>
                {safetyPlan.current.supportPeople.map((p, i) => (
                  <li key={i}>
                    {p.name}
                    {p.relation ? ` (${p.relation})` : ""}
                    {p.phone ? (
                      <>
                        {" "}
                        — <a href={`tel:${p.phone}`}>{p.phone}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">No support people named yet.</p>
            )}
            <h3>Hotlines the youth knows by heart</h3>
            <ul className="hotlines">
              {HOTLINES.map((h) => {
                const known = safetyPlan.current!.hotlines.includes(h.key);
                return (
                  <li key={h.key}>
                    <span aria-hidden="true">{known ? "✓" : "○"}</span> {h.name}, {h.number}
                    <span className="sr-only">{known ? ": memorised" : ": not yet"}</span>
                  </li>
                );
              })}
            </ul>
            {safetyPlan.current.notes ? <p className="notes">{safetyPlan.current.notes}</p> : null}
            {safetyPlan.history.length ? (
              <details className="history">
                <summary>Earlier versions ({safetyPlan.historyTotal})</summary>
                <ul>
                  {safetyPlan.history.map((p) => (
                    <li key={p.version}>
                      Version {p.version}, reviewed {formatDate(p.reviewedOn, timeZone)} by {p.reviewedBy}:{" "}
                      {p.supportPeople.map((s) => s.name).join(", ") || "no support people"}; {plural(p.hotlines.length, "hotline")} memorised
                    </li>
                  ))}
                </ul>
                <ShowMore shown={safetyPlan.history.length} total={safetyPlan.historyTotal} href={moreHref(search, "plans", safetyPlan.history.length, "safety-plan")} what="earlier versions" />
              </details>
            ) : null}
          </>
        ) : (
          <p className="empty-state">No safety plan yet. Work one out with the youth: their top three people to call, and the hotlines to know by heart.</p>
        )}
      </section>

      <section id="concerns" aria-labelledby="concerns-heading" className="panel">
        <div className="panel-head">
          <h2 id="concerns-heading">Red flags and concerns</h2>
          <div className="button-row">
            {csec.canRaise ? (
              <Link className="button" to={`${base}/concern`}>
                Raise a concern
              </Link>
            ) : null}
            {csec.canReview ? (
              <Link className="button" to={`${base}/csec`}>
                {csec.view.kind === "concern" ? "Review the concern" : "Record CSEC status"}
              </Link>
            ) : null}
          </div>
        </div>
        <p>
          CSEC status: <CsecStatusText view={csec.view} timeZone={timeZone} />
          {csec.view.kind === "hidden" ? <span className="muted"> Nothing confirmed to show.</span> : null}
        </p>
        {csec.full ? (
          <>
            <ConcernList concerns={csec.full.concerns} timeZone={timeZone} empty="No concerns have been raised for this youth." />
            {csec.full.history.length ? (
              <details className="history">
                <summary>Status history ({csec.full.history.length})</summary>
                <ol>
                  {csec.full.history.map((h, i) => (
                    <li key={i}>
                      {formatDateTime(h.at, timeZone)}: {CSEC_STATUS_LABELS[h.fromStatus]} → {CSEC_STATUS_LABELS[h.toStatus]}
                      {h.basis ? ` (${CSEC_BASIS_LABELS[h.basis]}, ${formatDate(h.basisOn!, timeZone)})` : ""} by {h.actor}
                      {h.note ? <span className="cell-sub">{h.note}</span> : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </>
        ) : csec.ownSubmissions.length ? (
          <>
            <h3>What you raised</h3>
            <ConcernList concerns={csec.ownSubmissions} timeZone={timeZone} empty="" />
          </>
        ) : (
          <p className="muted">
            If you notice red flags, raise a concern: it goes to the youth's supervisor, who reviews it.
          </p>
        )}
      </section>

      <section id="placements" aria-labelledby="placements-heading" className="panel">
        <h2 id="placements-heading">Placements</h2>
        {overview.placementHistory.length ? (
          <ol className="placement-list">
            {overview.placementHistory.map((p, i) => (
              <li key={i}>
                <strong>{p.label}</strong>
                {p.description ? `, ${p.description}` : ""}: {formatDate(p.startedOn, timeZone)} –{" "}
                {p.endedOn ? formatDate(p.endedOn, timeZone) : "now"}
                {p.endReason ? <span className="cell-sub">{p.endReason}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No placements recorded.</p>
        )}
      </section>

      <section id="timeline" aria-labelledby="timeline-heading" className="panel">
        <h2 id="timeline-heading">Timeline</h2>
        {timeline.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <ol className="timeline">
            {timeline.map((e, i) => (
              <li key={i} data-kind={e.kind}>
                <time dateTime={e.at}>{e.at.length === 10 ? formatDate(e.at, timeZone) : formatDateTime(e.at, timeZone)}</time>
                <span className="timeline-title">{e.title}</span>
                {e.detail ? <span className="cell-sub">{e.detail}</span> : null}
              </li>
            ))}
          </ol>
        )}
        <ShowMore shown={timeline.length} total={loaderData.timelineTotal} href={moreHref(search, "timeline", timeline.length, "timeline")} what="entries" />
      </section>
    </article>
  );
}
