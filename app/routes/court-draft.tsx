import { Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { initialsOf } from "~/domain/youth";
import type { Route } from "./+types/court-draft";
import { PrintButton } from "~/components/PrintButton";
import { PrintedBy } from "~/components/PrintedBy";
import { FormError, StaleVersion, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { CSEC_BASIS_LABELS } from "~/domain/csec";
import { confirmCourtTextSchema, courtSectionsSchema } from "~/domain/court-forms";
import { COURT_SECTION_FIELDS, COURT_SECTION_HINTS, COURT_SECTION_LABELS, courtQuery } from "~/domain/court-sections";
import { formatDate, formatDateTime } from "~/domain/dates";
import { baseVersionOf, formValues } from "~/domain/forms";
import { savedNotice, savedUrl } from "~/domain/notices";
import { REQUEST_STATUS_LABELS } from "~/domain/requests";
import {
  confirmCourtText,
  courtPeriodOf,
  getCourtReport,
  saveCourtSections,
  type CourtSections,
  type CourtTextCheck,
} from "~/server/court-report.server";
import { formReply, parseValues, refusalReply, readForm } from "~/server/forms.server";
import { printedBy } from "~/server/packets.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { SavedNotice } from "~/components/SavedNotice";
import { TableScroll } from "~/components/TableScroll";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Court report draft: ${initialsOf(data.draft.overview.name)} · CASA MDT` : "Court report draft" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const period = courtPeriodOf(new URL(request.url), viewer);
  const youthId = idParam(params.youthId, "Youth");
  const report = getCourtReport(viewer, youthId, period);
  return { ...report, period, timeZone: viewer.timeZone, printed: printedBy(viewer), notice: savedNotice(request.url) };
}

const DENIED = "Your role cannot write the court report.";

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", DENIED); // 404, then 403, before the form is read
  const url = new URL(request.url);
  const period = courtPeriodOf(url, viewer);
  const values = formValues(await readForm(request));
  const back = `/youth/${youthId}/court-draft${courtQuery(period)}`;
  if (values.intent === "confirm") {
    const form = parseValues(values, confirmCourtTextSchema, { intent: "confirm" as const, current: null });
    if (!form.ok) return form.reply;
    const result = confirmCourtText(inScope, period, form.data.hash);
    if (!result.ok) return formReply(result.errors, values, { intent: "confirm" as const, current: null }, 409);
    throw redirect(savedUrl(back, "court-text-confirmed", "check"));
  }
  if (values.intent === "save") {
    const form = parseValues(values, courtSectionsSchema, { intent: "save" as const, current: null });
    if (!form.ok) return form.reply;
    const result = saveCourtSections(inScope, form.data, baseVersionOf(values));
    if (!result.ok) return refusalReply(result, values, { intent: "save" as const, current: "stale" in result ? result.current : null });
    throw redirect(savedUrl(back, "court-sections", "sections"));
  }
  return formReply({ _form: "Choose to save your sections or to confirm the passages." }, values, {
    intent: "unknown" as const,
    current: null,
  });
}

/** After a 409 (someone saved the sections meanwhile, or the text changed) show what is saved now. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function CourtDraft({ loaderData, actionData }: Route.ComponentProps) {
  const { draft: d, sections, check, canEdit, timeZone, notice, period } = loaderData;
  const o = d.overview;
  const saveState: FormState | undefined = actionData?.intent === "save" ? actionData : undefined;
  const confirmState: FormState | undefined = actionData?.intent === "confirm" ? actionData : undefined;
  const staleSections = actionData?.intent === "save" ? actionData.current : null;
  const docxHref = `/youth/${o.id}/court-draft.docx${courtQuery(period)}`;
  return (
    <section aria-labelledby="court-heading" className="print-page court-draft">
      <div className="no-print">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${o.id}`}>{o.name}</Link>{" "}
          <span aria-hidden="true">›</span> <span aria-current="page">Court report draft</span>
        </nav>
        <SavedNotice notice={actionData ? null : notice} />
        <p className="alert alert-info" role="note">
          Only confirmed CSEC status is included. Concerns, red flags and anything that would reveal an unconfirmed concern are left out of
          this draft, whoever prints it. What people wrote (your sections, meeting decisions, action items) is checked for CSEC words before
          it is printed or downloaded.
        </p>
        <Form method="get" className="inline-filter">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={d.period.from} />
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={d.period.to} />
          <button type="submit" className="button">
            Change period
          </button>
          {check.blocked ? (
            <a className="button" href="#check">
              Check the flagged passages to print or download
            </a>
          ) : (
            <>
              <PrintButton />
              <a className="button" href={docxHref} download>
                Download for Word (.docx)
              </a>
            </>
          )}
        </Form>
        {check.flagged.length ? <TextCheck check={check} timeZone={timeZone} state={confirmState} /> : null}
        {canEdit ? <SectionsForm sections={sections} stale={staleSections} state={saveState} timeZone={timeZone} /> : null}
      </div>

      {check.blocked ? (
        <p className="print-only print-blocked-note">
          This court report draft cannot be printed yet: passages in it name CSEC words while the youth&apos;s status is not confirmed. Open
          it on screen and confirm or change them first.
        </p>
      ) : null}
      <article className={check.blocked ? "packet print-blocked" : "packet"}>
        <PrintedBy printed={loaderData.printed} timeZone={timeZone} />
        <header className="packet-head">
          <p className="draft-mark">DRAFT — for review before filing</p>
          <h1 id="court-heading">CASA court report: {o.name}</h1>
          <p>
            Case {o.caseNumber} · born {formatDate(o.dateOfBirth, timeZone)} (age {o.age}) · period {formatDate(d.period.from, timeZone)} to{" "}
            {formatDate(d.period.to, timeZone)}
          </p>
          {d.csec.kind === "confirmed" ? (
            <p>
              CSEC status: confirmed ({CSEC_BASIS_LABELS[d.csec.basis]}, {formatDate(d.csec.basisOn, timeZone)}).
            </p>
          ) : null}
        </header>

        <section>
          <h2>Placement</h2>
          <p>
            {o.placement
              ? `Currently placed in: ${o.placement.label}${o.placement.description ? `, ${o.placement.description}` : ""}, since ${formatDate(o.placement.since, timeZone)}.`
              : "No current placement recorded."}
          </p>
          {o.placementHistory.length > 1 ? (
            <ol>
              {o.placementHistory.map((p, i) => (
                <li key={i}>
                  {p.label}
                  {p.description ? `, ${p.description}` : ""}: {formatDate(p.startedOn, timeZone)} –{" "}
                  {p.endedOn ? formatDate(p.endedOn, timeZone) : "present"}
                  {p.endReason ? ` (${p.endReason})` : ""}
                </li>
              ))}
            </ol>
          ) : null}
        </section>

        <section>
          <h2>Runaway episodes</h2>
          {d.episodes.length ? (
            <ul>
              {d.episodes.map((e) => (
                <li key={e.leftAt}>
                  Left {formatDateTime(e.leftAt, timeZone)};{" "}
                  {e.returnedAt ? `returned ${formatDateTime(e.returnedAt, timeZone)}` : "not yet returned"}.
                </li>
              ))}
            </ul>
          ) : (
            <p>No runaway episodes in the period.</p>
          )}
        </section>

        <section>
          <h2>The team</h2>
          <ul>
            {d.team.map((t, i) => (
              <li key={i}>
                {t.role}: {t.name}
                {t.organization ? `, ${t.organization}` : ""}
              </li>
            ))}
          </ul>
        </section>

        <section>
          <h2>Contacts made in the period</h2>
          {d.contactCounts.length ? (
            <TableScroll label="Contacts made in the period">
              <table className="simple-table compact">
                <thead>
                  <tr>
                    <th scope="col">With</th>
                    <th scope="col" className="num">
                      Contacts
                    </th>
                    <th scope="col">Most recent</th>
                  </tr>
                </thead>
                <tbody>
                  {d.contactCounts.map((c) => (
                    <tr key={c.with}>
                      <td>{c.with}</td>
                      <td className="num">{c.count}</td>
                      <td>{formatDate(c.last, timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p>No contacts logged in the period.</p>
          )}
        </section>

        <section>
          <h2>Services requested and received</h2>
          {d.requests.length ? (
            <ul>
              {d.requests.map((r) => (
                <li key={r.id}>
                  {r.label}: requested {formatDate(r.requestedAt, timeZone)}, {REQUEST_STATUS_LABELS[r.status].toLowerCase()}
                  {r.closedAt ? ` ${formatDate(r.closedAt, timeZone)}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p>No services requested.</p>
          )}
        </section>

        <section>
          <h2>MDT meetings: decisions and outcomes</h2>
          {d.meetings.length ? (
            <ol>
              {d.meetings.map((m) => (
                <li key={m.id}>
                  {formatDate(m.scheduledAt, timeZone)}, {m.typeLabel}: {m.decisions ?? "no decisions recorded"}
                </li>
              ))}
            </ol>
          ) : (
            <p>No MDT meetings held in the period.</p>
          )}
          {d.actions.length ? (
            <>
              <h3>Action items</h3>
              <ul>
                {d.actions.map((a) => (
                  <li key={a.id}>
                    {a.description}:{" "}
                    {a.status === "done"
                      ? `done${a.doneAt ? ` ${formatDate(a.doneAt, timeZone)}` : ""}`
                      : a.status === "dropped"
                        ? `dropped${a.dropReason ? ` (${a.dropReason})` : ""}`
                        : `open${a.dueOn ? `, due ${formatDate(a.dueOn, timeZone)}` : ""}`}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        {COURT_SECTION_FIELDS.map((k) => (
          <section key={k}>
            <h2>{COURT_SECTION_LABELS[k]}</h2>
            {sections[k] ? <p className="notes">{sections[k]}</p> : <p className="muted">Not written yet.</p>}
          </section>
        ))}
        <section>
          <h2>Next hearing</h2>
          <p>{sections.nextHearingOn ? formatDate(sections.nextHearingOn, timeZone) : "Not set."}</p>
        </section>
      </article>
    </section>
  );
}

/** The flagged passages, quoted, and the confirmation that lets the draft be printed and downloaded. */
function TextCheck({ check, timeZone, state }: { check: CourtTextCheck; timeZone: string; state?: FormState }) {
  return (
    <section id="check" aria-labelledby="check-heading" className={check.blocked ? "panel panel-warn" : "panel"}>
      <h2 id="check-heading">{check.blocked ? "Check before this goes to the court" : "Flagged passages, confirmed"}</h2>
      <p>
        {check.flagged.length === 1 ? "This passage names" : `These ${check.flagged.length} passages name`} words about commercial sexual
        exploitation, and the youth&apos;s CSEC status is not confirmed. A court report can make a suspicion part of the court record.
        Change the text, or confirm that it may go to the court as written.
      </p>
      <ol className="flagged-passages">
        {check.flagged.map((f, i) => (
          <li key={i}>
            <p className="cell-sub">
              {f.source} · names: {f.words.join(", ")}
            </p>
            <blockquote>{f.passage}</blockquote>
          </li>
        ))}
      </ol>
      {check.confirmed ? (
        <p className="alert alert-ok">
          Confirmed by {check.confirmed.by} on {formatDateTime(check.confirmed.at, timeZone)}. Any change to these passages needs a new
          confirmation.
        </p>
      ) : (
        <Form method="post" className="card-form" noValidate>
          <FormError state={state} />
          <input type="hidden" name="hash" value={check.hash ?? ""} />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="understood"
                value="yes"
                aria-invalid={state?.errors?.understood ? true : undefined}
                aria-describedby={state?.errors?.understood ? "understood-error" : undefined}
              />
              <span>I have read each passage above. It may go to the court as written, although the status is not confirmed.</span>
            </label>
            {state?.errors?.understood ? (
              <p id="understood-error" className="field-error">
                {state.errors.understood}
              </p>
            ) : null}
          </div>
          <SubmitButton intent="confirm" pendingText="Confirming…">
            Confirm and allow printing
          </SubmitButton>
          <p className="cell-sub">Your confirmation is recorded in the audit log.</p>
        </Form>
      )}
    </section>
  );
}

/** The sections the advocate writes, saved as a draft; each save is kept as a version. */
function SectionsForm({
  sections,
  stale,
  state,
  timeZone,
}: {
  sections: CourtSections;
  stale: CourtSections | null;
  state?: FormState;
  timeZone: string;
}) {
  return (
    <section id="sections" aria-labelledby="sections-heading" className="panel">
      <h2 id="sections-heading">Your sections</h2>
      <p className="muted">
        {sections.updatedAt
          ? `Saved by ${sections.updatedBy} on ${formatDateTime(sections.updatedAt, timeZone)} (version ${sections.version}).`
          : "Not started. Write what only you can tell the court; the rest of the draft comes from the record."}
      </p>
      <Form method="post" className="card-form" noValidate>
        <FormError state={state} />
        <StaleVersion
          version={stale?.version ?? sections.version}
          current={
            stale
              ? [
                  ...COURT_SECTION_FIELDS.map((k) => ({ label: COURT_SECTION_LABELS[k], value: stale[k] })),
                  { label: "Next hearing", value: stale.nextHearingOn },
                ]
              : undefined
          }
        />
        {COURT_SECTION_FIELDS.map((k) => (
          <TextArea
            key={k}
            label={COURT_SECTION_LABELS[k]}
            name={k}
            state={state}
            defaultValue={sections[k]}
            rows={6}
            hint={COURT_SECTION_HINTS[k]}
          />
        ))}
        <TextField label="Next hearing" name="nextHearingOn" type="date" state={state} defaultValue={sections.nextHearingOn ?? ""} />
        <SubmitButton intent="save" pendingText="Saving…">
          Save draft
        </SubmitButton>
      </Form>
      {sections.versions.length ? (
        <details className="history">
          <summary>Earlier versions ({sections.versions.length})</summary>
          <ol>
            {sections.versions.map((v) => (
              <li key={v.version}>
                <p className="cell-sub">
                  Version {v.version}, saved by {v.savedBy} {formatDateTime(v.savedAt, timeZone)}
                </p>
                {COURT_SECTION_FIELDS.map((k) =>
                  v[k] ? (
                    <p key={k} className="notes">
                      <strong>{COURT_SECTION_LABELS[k]}:</strong> {v[k]}
                    </p>
                  ) : null,
                )}
                {v.nextHearingOn ? <p>Next hearing: {formatDate(v.nextHearingOn, timeZone)}</p> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
