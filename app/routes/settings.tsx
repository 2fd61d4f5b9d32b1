import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/settings";
import { CalendarSettings } from "~/components/CalendarSettings";
import { FormError, SubmitButton } from "~/components/forms";
import { SavedNotice } from "~/components/SavedNotice";
import { savedNotice, savedUrl } from "~/domain/notices";
import { EMAIL_FREQUENCIES, EMAIL_FREQUENCY_LABELS } from "~/domain/email-frequency";
import { emailFrequencySchema } from "~/domain/settings-forms";
import { parseForm } from "~/server/forms.server";
import { calendarSettingsOf } from "~/server/calendar.server";
import { requireViewer } from "~/server/session.server";
import { emailFrequencyOf, setEmailFrequency } from "~/server/settings.server";

export const meta: Route.MetaFunction = () => [{ title: "Your settings · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  return {
    frequency: emailFrequencyOf(viewer),
    email: viewer.email,
    calendar: calendarSettingsOf(viewer),
    notice: savedNotice(request.url),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const form = await parseForm(request, emailFrequencySchema);
  if (!form.ok) return form.reply;
  setEmailFrequency(viewer, form.data.frequency);
  throw redirect(savedUrl("/settings", "email-frequency", "email"));
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { frequency, email, calendar, notice } = loaderData;
  return (
    <section className="form-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Your settings</h1>
      <SavedNotice notice={actionData ? null : notice} />
      <section id="email" aria-labelledby="email-heading" className="panel">
        <h2 id="email-heading">Email</h2>
        <p className="muted">
          Emails go to {email}. Email is not a confidential channel, so they never name a youth or say anything about a case: only how many
          things need you, and a link to open the app.
        </p>
        <Form method="post" className="card-form" noValidate>
          <FormError state={actionData} />
          <fieldset className="field checkbox-group">
            <legend>How often to hear by email</legend>
            {EMAIL_FREQUENCIES.map((f) => (
              <label key={f} className="checkbox">
                <input type="radio" name="frequency" value={f} defaultChecked={f === frequency} />
                <span>
                  {EMAIL_FREQUENCY_LABELS[f].label}
                  <span className="cell-sub">{EMAIL_FREQUENCY_LABELS[f].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <SubmitButton pendingText="Saving…">Save</SubmitButton>
        </Form>
      </section>
      <CalendarSettings {...calendar} />
      <section aria-labelledby="password-heading" className="panel">
        <h2 id="password-heading">Password</h2>
        <p>
          <Link to="/settings/password">Change your password</Link>
        </p>
      </section>
    </section>
  );
}
