import { Form, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/safety-plan";
import { CheckboxGroup, FormError, StaleVersion, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { FormPage } from "~/components/FormPage";
import { calendarDateIn } from "~/domain/dates";
import { baseVersionOf } from "~/domain/forms";
import { savedUrl } from "~/domain/notices";
import { formReply, parseForm } from "~/server/forms.server";
import { HOTLINES } from "~/domain/hotlines";
import { safetyPlanSchema } from "~/domain/youth-forms";
import { getSafetyPlans, saveSafetyPlan } from "~/server/safety-plans.server";
import { idParam, requireYouthWrite } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { requireYouthFormPage } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Safety plan · CASA MDT" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const { inScope, youth } = requireYouthFormPage(viewer, params.youthId, "write:case", "Your role cannot change safety plans.");
  return { youth, plan: getSafetyPlans(inScope, { historyLimit: 0 }).current, today: calendarDateIn(new Date(), viewer.timeZone) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const youthId = idParam(params.youthId, "Youth");
  const inScope = requireYouthWrite(viewer, youthId, "write:case", "Your role cannot change safety plans.");
  const form = await parseForm(request, safetyPlanSchema, { arrays: ["hotlines"], extra: { current: undefined } });
  if (!form.ok) return form.reply;
  const { data: p, values } = form;
  const people = [
    { name: p.support1Name, relation: p.support1Relation, phone: p.support1Phone },
    { name: p.support2Name, relation: p.support2Relation, phone: p.support2Phone },
    { name: p.support3Name, relation: p.support3Relation, phone: p.support3Phone },
  ];
  const errors: Record<string, string> = {};
  people.forEach((person, i) => {
    if (!person.name && (person.relation || person.phone)) errors[`support${i + 1}Name`] = "Add the person's name, or clear the row.";
  });
  if (Object.keys(errors).length) return formReply(errors, values, { current: undefined });
  const result = saveSafetyPlan(
    inScope,
    {
      supportPeople: people.flatMap((s) => (s.name ? [{ name: s.name, relation: s.relation ?? null, phone: s.phone ?? null }] : [])),
      hotlines: p.hotlines,
      notes: p.notes,
      reviewedOn: p.reviewedOn,
    },
    baseVersionOf(values),
  );
  if (!result.ok) {
    // Someone saved a newer version meanwhile: show it beside the person's own input.
    if ("stale" in result) return formReply(result.errors, values, { current: result.current }, 409);
    return formReply(result.errors, values, { current: undefined });
  }
  throw redirect(savedUrl(`/youth/${youthId}`, "safety-plan", "safety-plan"));
}

type PlanShown = {
  version: number;
  supportPeople: Array<{ name: string; relation: string | null; phone: string | null }>;
  hotlines: string[];
  notes: string | null;
  reviewedOn: string;
  reviewedBy: string;
};

function describePlan(plan: PlanShown) {
  return [
    ...plan.supportPeople.map((p, i) => ({ label: `Person ${i + 1}`, value: [p.name, p.relation, p.phone].filter(Boolean).join(", ") })),
    { label: "Hotlines", value: plan.hotlines.map((k) => HOTLINES.find((h) => h.key === k)?.name ?? k).join(", ") },
    { label: "Notes", value: plan.notes },
    { label: "Reviewed", value: `${plan.reviewedOn} by ${plan.reviewedBy}` },
  ];
}

/** After a 409 (someone saved first) show what is saved now; React Router skips reloading after an error status. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function SafetyPlan({ loaderData, actionData }: Route.ComponentProps) {
  const { plan, today } = loaderData;
  const state: FormState | undefined = actionData;
  const current = actionData?.current ?? undefined;
  return (
    <FormPage
      youth={loaderData.youth}
      title={plan ? "Review the safety plan" : "Make a safety plan"}
      intro={<p>Work this out with the youth. Saving keeps the earlier version in the plan's history.</p>}
    >
      <Form method="post" className="card-form" noValidate>
        <FormError state={state} />
        <StaleVersion version={current?.version ?? plan?.version ?? 0} current={current ? describePlan(current) : undefined} />
        <fieldset>
          <legend>The youth's top three support people</legend>
          {[1, 2, 3].map((n) => {
            const person = plan?.supportPeople[n - 1];
            return (
              <div className="form-row" key={n}>
                <TextField label={`Person ${n}: name`} name={`support${n}Name`} state={state} defaultValue={person?.name} />
                <TextField label="Relation" name={`support${n}Relation`} state={state} defaultValue={person?.relation} />
                <TextField label="Phone" name={`support${n}Phone`} type="tel" state={state} defaultValue={person?.phone} />
              </div>
            );
          })}
        </fieldset>
        <CheckboxGroup
          legend="Hotlines the youth knows by heart"
          name="hotlines"
          state={state}
          defaultValues={plan?.hotlines ?? []}
          options={HOTLINES.map((h) => ({ value: h.key, label: h.name, hint: h.number }))}
        />
        <TextArea label="Notes" name="notes" state={state} defaultValue={plan?.notes} />
        <TextField
          label="Reviewed with the youth on"
          name="reviewedOn"
          type="date"
          state={state}
          defaultValue={today}
          max={today}
          required
        />
        <SubmitButton pendingText="Saving…">Save the safety plan</SubmitButton>
      </Form>
    </FormPage>
  );
}
