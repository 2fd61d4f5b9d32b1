import { Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { initialsOf } from "~/domain/youth";
import type { Route } from "./+types/episode-detail";
import { FormError, SelectField, StaleVersion, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { SavedNotice } from "~/components/SavedNotice";
import { formatDateTime, utcToZonedLocal } from "~/domain/dates";
import {
  conversationStepSchema,
  notifiedStepSchema,
  reportMissingSchema,
  reportStepSchema,
  returnedStepSchema,
} from "~/domain/episode-forms";
import { EPISODE_STEP_LABELS, EPISODE_STEPS, missingWords, reportClocks, RETURN_QUESTIONS, type EpisodeStep } from "~/domain/episodes";
import { baseVersionOf, formValues } from "~/domain/forms";
import { can } from "~/domain/permissions";
import { savedNotice, savedUrl } from "~/domain/notices";
import { getEpisode, recordEpisodeStep, type EpisodeDetail, type StepInput } from "~/server/episodes.server";
import { formReply, parseValues, readForm } from "~/server/forms.server";
import { idParam, requireYouthInScope, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { getYouthHeading } from "~/server/youth.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Missing episode: ${initialsOf(data.youth.name)} · CASA MDT` : "Missing episode · CASA MDT" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const inScope = requireYouthInScope(viewer, idParam(params.youthId, "Youth"));
  const episode = getEpisode(inScope, idParam(params.episodeId, "Episode"));
  const now = new Date();
  return {
    youth: getYouthHeading(inScope),
    episode,
    missing: missingWords(episode, now),
    clocks: reportClocks(episode, now),
    canWrite: can(viewer.role, "write:case"),
    timeZone: viewer.timeZone,
    nowLocal: utcToZonedLocal(now.toISOString(), viewer.timeZone),
    notice: savedNotice(request.url),
  };
}

const DENIED = "Your role cannot change this youth's record.";

/** The step a form posts, parsed by that step's schema. */
function parseStep(step: EpisodeStep, values: ReturnType<typeof formValues>) {
  const extra = { intent: step, current: null as EpisodeDetail | null };
  switch (step) {
    case "left": {
      const f = parseValues(values, reportMissingSchema, extra);
      return f.ok ? { ok: true as const, input: { step, input: f.data } satisfies StepInput } : f;
    }
    case "law_enforcement":
    case "ncmec": {
      const f = parseValues(values, reportStepSchema, extra);
      return f.ok ? { ok: true as const, input: { step, input: f.data } satisfies StepInput } : f;
    }
    case "notified": {
      const f = parseValues(values, notifiedStepSchema, extra);
      return f.ok ? { ok: true as const, input: { step, input: f.data } satisfies StepInput } : f;
    }
    case "returned": {
      const f = parseValues(values, returnedStepSchema, extra);
      return f.ok ? { ok: true as const, input: { step, input: f.data } satisfies StepInput } : f;
    }
    case "conversation": {
      const f = parseValues(values, conversationStepSchema, extra);
      return f.ok ? { ok: true as const, input: { step, input: f.data } satisfies StepInput } : f;
    }
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", DENIED);
  const episodeId = idParam(params.episodeId, "Episode");
  getEpisode(inScope, episodeId);
  const values = formValues(await readForm(request));
  const step = EPISODE_STEPS.find((s) => s === values.intent);
  if (!step) return formReply({ _form: "That step is not on this checklist." }, values, { intent: "", current: null });
  const parsed = parseStep(step, values);
  if (!parsed.ok) return parsed.reply;
  const result = recordEpisodeStep(inScope, episodeId, parsed.input, baseVersionOf(values));
  if (!result.ok) {
    if ("stale" in result) return formReply(result.errors, values, { intent: step, current: result.current }, 409);
    return formReply(result.errors, values, { intent: step, current: null });
  }
  throw redirect(savedUrl(`/youth/${youthId}/episodes/${episodeId}`, "episode-step", step));
}

/** After a 409 (someone saved first) show what is saved now; React Router skips reloading after an error status. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function EpisodeDetailPage({ loaderData, actionData }: Route.ComponentProps) {
  const { youth, episode: e, clocks, canWrite, timeZone } = loaderData;
  const stateFor = (step: EpisodeStep): FormState | undefined => (actionData?.intent === step ? actionData : undefined);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : null);
  const local = (iso: string | null) => (iso ? utcToZonedLocal(iso, timeZone) : "");
  const recorded = (step: EpisodeStep) => {
    const s = e.steps[step];
    return s ? (
      <p className="muted">
        Recorded by {s.by}, {formatDateTime(s.at, timeZone)}
      </p>
    ) : null;
  };
  const stepForm = (step: EpisodeStep, done: boolean, fields: React.ReactNode) =>
    canWrite ? (
      <details className="history" open={!done || actionData?.intent === step}>
        <summary>{done ? "Correct this step" : "Record this step"}</summary>
        <Form method="post" className="card-form" noValidate preventScrollReset aria-label={EPISODE_STEP_LABELS[step]}>
          <FormError state={stateFor(step)} />
          <StaleVersion version={e.version} />
          {fields}
          <SubmitButton intent={step} pendingText="Saving…">
            Save
          </SubmitButton>
        </Form>
      </details>
    ) : null;

  return (
    <article aria-labelledby="episode-heading" className="form-page episode-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <Link to={`/youth/${youth.id}`}>{youth.name}</Link>{" "}
        <span aria-hidden="true">›</span> <span aria-current="page">Missing episode</span>
      </nav>
      <SavedNotice notice={actionData ? null : loaderData.notice} />
      <h1 id="episode-heading">
        {youth.name}: {e.returnedAt ? "missing episode" : "missing now"}
      </h1>
      {actionData?.current ? (
        <p className="alert alert-error" role="alert">
          Someone else saved this checklist while you were editing; what is saved now is shown below, and your entry is still in its form.
        </p>
      ) : null}
      <section className={e.returnedAt ? "panel" : "missing-banner"} aria-labelledby="clock-heading">
        <h2 id="clock-heading">{loaderData.missing}</h2>
        <ul className="clock-list">
          {clocks.map((c) => (
            <li key={c.kind} className={c.state === "overdue" ? "clock-overdue" : c.state === "due" ? "clock-due" : undefined}>
              {c.state === "overdue" ? <strong>{c.words}</strong> : c.words}
            </li>
          ))}
        </ul>
      </section>

      <section id="left" className="panel" aria-labelledby="left-heading">
        <h2 id="left-heading">{EPISODE_STEP_LABELS.left}</h2>
        <p>
          Last seen {when(e.leftAt)}
          {e.leftFrom ? `, from ${e.leftFrom}` : ""}.{e.noticedBy ? ` Noticed by ${e.noticedBy}.` : ""}
        </p>
        {e.circumstances ? <p className="notes">{e.circumstances}</p> : null}
        {recorded("left")}
        {stepForm(
          "left",
          true,
          <>
            <TextField
              idPrefix="left"
              label="Last seen or left at"
              name="leftAt"
              type="datetime-local"
              state={stateFor("left")}
              defaultValue={local(e.leftAt)}
              required
            />
            <TextField label="Left from" name="leftFrom" idPrefix="left" state={stateFor("left")} defaultValue={e.leftFrom} required />
            <TextField label="Who noticed" name="noticedBy" idPrefix="left" state={stateFor("left")} defaultValue={e.noticedBy} />
            <TextArea
              label="Circumstances"
              name="circumstances"
              idPrefix="left"
              state={stateFor("left")}
              defaultValue={e.circumstances}
              rows={3}
            />
          </>,
        )}
      </section>

      <section id="law_enforcement" className="panel" aria-labelledby="le-heading">
        <h2 id="le-heading">{EPISODE_STEP_LABELS.law_enforcement}</h2>
        {e.reportedToLawEnforcementAt ? (
          <p>
            Reported {when(e.reportedToLawEnforcementAt)}
            {e.lawEnforcementAgency ? ` to ${e.lawEnforcementAgency}` : ""}
            {e.lawEnforcementReportNumber ? `, report number ${e.lawEnforcementReportNumber}` : ""}.
          </p>
        ) : (
          <p className="muted">Not recorded yet. Call the local police (911 if the youth is in danger) and ask for the report number.</p>
        )}
        {recorded("law_enforcement")}
        {stepForm(
          "law_enforcement",
          !!e.reportedToLawEnforcementAt,
          <>
            <TextField
              idPrefix="law_enforcement"
              label="Reported at"
              name="reportedAt"
              type="datetime-local"
              state={stateFor("law_enforcement")}
              defaultValue={local(e.reportedToLawEnforcementAt) || loaderData.nowLocal}
              required
            />
            <TextField
              idPrefix="law_enforcement"
              label="Agency"
              name="agency"
              state={stateFor("law_enforcement")}
              defaultValue={e.lawEnforcementAgency}
              hint="e.g. the sheriff's station or police department"
            />
            <TextField
              idPrefix="law_enforcement"
              label="Report number"
              name="reference"
              state={stateFor("law_enforcement")}
              defaultValue={e.lawEnforcementReportNumber}
            />
          </>,
        )}
      </section>

      <section id="ncmec" className="panel" aria-labelledby="ncmec-heading">
        <h2 id="ncmec-heading">{EPISODE_STEP_LABELS.ncmec}</h2>
        {e.reportedToNcmecAt ? (
          <p>
            Reported {when(e.reportedToNcmecAt)}
            {e.ncmecCaseNumber ? `, case number ${e.ncmecCaseNumber}` : ""}.
          </p>
        ) : (
          <p className="muted">Not recorded yet. Call NCMEC at 1-800-THE-LOST (1-800-843-5678) and ask for the case number.</p>
        )}
        {recorded("ncmec")}
        {stepForm(
          "ncmec",
          !!e.reportedToNcmecAt,
          <>
            <TextField
              idPrefix="ncmec"
              label="Reported at"
              name="reportedAt"
              type="datetime-local"
              state={stateFor("ncmec")}
              defaultValue={local(e.reportedToNcmecAt) || loaderData.nowLocal}
              required
            />
            <TextField
              label="NCMEC case number"
              name="reference"
              idPrefix="ncmec"
              state={stateFor("ncmec")}
              defaultValue={e.ncmecCaseNumber}
            />
          </>,
        )}
      </section>

      <section id="notified" className="panel" aria-labelledby="notified-heading">
        <h2 id="notified-heading">{EPISODE_STEP_LABELS.notified}</h2>
        <ul>
          {e.notified.map((n) => (
            <li key={n.key}>
              {n.label}: {n.at ? `told ${when(n.at)}` : <span className="muted">not recorded</span>}
            </li>
          ))}
        </ul>
        {recorded("notified")}
        {stepForm(
          "notified",
          e.notified.every((n) => n.at),
          <div className="form-row">
            {e.notified.map((n) => (
              <TextField
                idPrefix="notified"
                key={n.key}
                label={`${n.label} told at`}
                name={n.key}
                type="datetime-local"
                state={stateFor("notified")}
                defaultValue={local(n.at)}
              />
            ))}
          </div>,
        )}
      </section>

      <section id="returned" className="panel" aria-labelledby="returned-heading">
        <h2 id="returned-heading">{EPISODE_STEP_LABELS.returned}</h2>
        {e.returnedAt ? (
          <p>
            Back {when(e.returnedAt)}
            {e.foundAt ? `, found at ${e.foundAt}` : ""}
            {e.foundBy ? ` by ${e.foundBy}` : ""}.
          </p>
        ) : (
          <p className="muted">Still missing.</p>
        )}
        {recorded("returned")}
        {stepForm(
          "returned",
          !!e.returnedAt,
          <>
            <TextField
              idPrefix="returned"
              label="Came back or found at"
              name="returnedAt"
              type="datetime-local"
              state={stateFor("returned")}
              defaultValue={local(e.returnedAt) || loaderData.nowLocal}
              required
            />
            <TextField label="Where" name="foundAt" idPrefix="returned" state={stateFor("returned")} defaultValue={e.foundAt} />
            <TextField
              label="Found or brought back by"
              name="foundBy"
              idPrefix="returned"
              state={stateFor("returned")}
              defaultValue={e.foundBy}
            />
          </>,
        )}
      </section>

      <section id="conversation" className="panel" aria-labelledby="conversation-heading">
        <h2 id="conversation-heading">{EPISODE_STEP_LABELS.conversation}</h2>
        <p className="muted">
          Express relief that the youth is back and concern for how they are. Ask without judging; they may decline any question. Open with:
          “I am here to talk, if you need me.”
        </p>
        {e.returnConversationAt ? (
          <>
            <p>Talked {when(e.returnConversationAt)}.</p>
            <ul>
              {RETURN_QUESTIONS.map((q) => {
                const a = e.returnAnswers[q.key];
                return (
                  <li key={q.key}>
                    {q.text} <strong>{a ? (a.status === "asked" ? "Asked" : "Declined") : "Not asked"}</strong>
                    {a?.note ? <span className="cell-sub">{a.note}</span> : null}
                  </li>
                );
              })}
              <li>Health resources offered: {e.healthResourcesOfferedAt ? "yes" : "no"}</li>
              <li>Safety plan reviewed: {e.safetyPlanReviewedAt ? "yes" : "no"}</li>
            </ul>
          </>
        ) : null}
        {recorded("conversation")}
        {e.returnedAt
          ? stepForm(
              "conversation",
              !!e.returnConversationAt,
              <>
                <TextField
                  idPrefix="conversation"
                  label="Talked at"
                  name="conversationAt"
                  type="datetime-local"
                  state={stateFor("conversation")}
                  defaultValue={local(e.returnConversationAt) || loaderData.nowLocal}
                  required
                />
                {RETURN_QUESTIONS.map((q) => (
                  <fieldset key={q.key} className="question">
                    <legend>{q.text}</legend>
                    <SelectField
                      label="Asked?"
                      idPrefix={q.key}
                      name={`q_${q.key}`}
                      state={stateFor("conversation")}
                      defaultValue={e.returnAnswers[q.key]?.status ?? ""}
                      options={[
                        { value: "", label: "Not asked yet" },
                        { value: "asked", label: "Asked" },
                        { value: "declined", label: "The youth declined" },
                      ]}
                    />
                    <TextArea
                      idPrefix="conversation"
                      label="Note"
                      name={`q_${q.key}_note`}
                      state={stateFor("conversation")}
                      defaultValue={e.returnAnswers[q.key]?.note}
                      rows={2}
                    />
                  </fieldset>
                ))}
                <label className="checkbox">
                  <input type="checkbox" name="healthResourcesOffered" defaultChecked={!!e.healthResourcesOfferedAt} /> Health resources
                  offered
                </label>
                <label className="checkbox">
                  <input type="checkbox" name="safetyPlanReviewed" defaultChecked={!!e.safetyPlanReviewedAt} /> Safety plan reviewed with
                  the youth (<Link to={`/youth/${youth.id}/safety-plan`}>open the safety plan</Link>)
                </label>
              </>,
            )
          : null}
      </section>
    </article>
  );
}
