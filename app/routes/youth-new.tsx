import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/youth-new";
import { FormError, SelectField, SubmitButton, TextField } from "~/components/forms";
import { AssignmentFields } from "~/components/StaffPicker";
import { INTAKE_ARRAYS, intakeSchema } from "~/domain/case-forms";
import { MAX_ADVOCATES } from "~/domain/case-lifecycle";
import { calendarDateIn } from "~/domain/dates";
import { savedUrl } from "~/domain/notices";
import { seesThroughAssignment } from "~/domain/permissions";
import { PLACEMENT_TYPE_LABELS, PLACEMENT_TYPES } from "~/domain/youth";
import { createYouth, staffChoices } from "~/server/cases.server";
import { formReply, parseForm } from "~/server/forms.server";
import { requireCaseAccess, requirePermission } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Take in a youth · CASA MDT" }];

const DENIED = "Only supervisors and program leads take in youth.";

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  requirePermission(viewer, "manage:cases", DENIED);
  const ownCaseload = seesThroughAssignment(viewer.role, "supervisor");
  return {
    choices: staffChoices(viewer),
    supervisorFixed: ownCaseload ? viewer.name : undefined,
    today: calendarDateIn(new Date(), viewer.timeZone),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  requirePermission(viewer, "manage:cases", DENIED);
  const form = await parseForm(request, intakeSchema, { arrays: INTAKE_ARRAYS });
  if (!form.ok) return form.reply;
  const result = createYouth(viewer, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  throw redirect(result.visibleToViewer ? savedUrl(`/youth/${result.id}`, "youth-created") : savedUrl("/youth", "youth-created-elsewhere"));
}

export default function YouthNew({ loaderData, actionData }: Route.ComponentProps) {
  const { choices, supervisorFixed, today } = loaderData;
  return (
    <section className="form-page" aria-labelledby="form-page-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/youth">Youth</Link> <span aria-hidden="true">›</span> <span aria-current="page">Take in a youth</span>
      </nav>
      <h1 id="form-page-title">Take in a youth</h1>
      <div className="intro">
        <p>
          Open a case for a youth the court has appointed the program to. Record only what the program needs: initials are enough for a
          name. The team (social worker, attorney ...) is added on the youth&apos;s page afterwards.
        </p>
      </div>
      <Form method="post" className="card-form" noValidate>
        <FormError state={actionData} />
        <div className="form-row">
          <TextField label="First name or initial" name="firstName" state={actionData} required autoComplete="off" />
          <TextField label="Last name or initial" name="lastName" state={actionData} required autoComplete="off" />
        </div>
        <div className="form-row">
          <TextField label="Date of birth" name="dateOfBirth" type="date" state={actionData} max={today} required />
          <TextField
            label="Dependency case number"
            name="caseNumber"
            state={actionData}
            required
            hint="As on the court's papers, e.g. DP-2026-0142. Each case number is used once in the program."
          />
        </div>
        <fieldset className="fieldset">
          <legend>Placement</legend>
          <div className="form-row">
            <SelectField
              label="Type"
              name="placementType"
              state={actionData}
              required
              placeholder="Choose…"
              options={PLACEMENT_TYPES.map((t) => ({ value: t, label: PLACEMENT_TYPE_LABELS[t] }))}
            />
            <TextField label="Placed there since" name="placementSince" type="date" state={actionData} max={today} required />
          </div>
          <TextField
            label="Home, facility or caregiver"
            name="placementDescription"
            state={actionData}
            hint="Not an address: the team knows where to find it."
          />
        </fieldset>
        <AssignmentFields
          state={actionData}
          advocates={choices.advocates}
          supervisors={choices.supervisors}
          storedAdvocates={[]}
          storedSupervisor=""
          slots={MAX_ADVOCATES - 1}
          supervisorFixed={supervisorFixed}
        />
        <SubmitButton pendingText="Opening the case…">Open the case</SubmitButton>
      </Form>
      <p>
        <Link to="/youth">Back to the youth list without saving</Link>
      </p>
    </section>
  );
}
