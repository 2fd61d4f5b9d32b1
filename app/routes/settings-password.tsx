import { Form, useNavigation } from "react-router";
import type { Route } from "./+types/settings-password";
import { PasswordField } from "~/components/PasswordField";
import { MIN_PASSWORD_LENGTH } from "~/domain/passwords";
import { changePasswordSchema } from "~/domain/user-forms";
import { formReply, parseForm } from "~/server/forms.server";
import { requireViewer } from "~/server/session.server";
import { changeOwnPassword } from "~/server/users.server";

export const meta: Route.MetaFunction = () => [{ title: "Change your password · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requireViewer(request);
  return {};
}

/** Never sends a password back: a failed form returns only its messages. */
export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const form = await parseForm(request, changePasswordSchema, { echo: [], extra: { done: false } });
  if (!form.ok) return form.reply;
  const result = await changeOwnPassword(viewer, form.data);
  if (!result.ok) return formReply(result.errors, {}, { done: false });
  return { errors: {}, done: true };
}

const FIELDS = [
  ["current", "Current password", "current-password"],
  ["password", "New password", "new-password"],
  ["confirm", "The new password again", "new-password"],
] as const;

export default function SettingsPassword({ actionData }: Route.ComponentProps) {
  const errors: Partial<Record<string, string>> = actionData?.errors ?? {};
  const pending = useNavigation().state === "submitting";
  return (
    <section className="form-page" aria-labelledby="form-page-title">
      <h1 id="form-page-title">Change your password</h1>
      <p className="muted">
        At least {MIN_PASSWORD_LENGTH} characters. Your other sessions (other browsers, other devices) end; this one stays.
      </p>
      {actionData?.done ? (
        <p className="alert alert-ok" role="status">
          Your password is changed, and your other sessions have ended.
        </p>
      ) : null}
      {Object.keys(errors).length ? (
        <p className="alert alert-error" role="alert">
          Your password was not changed: see below.
        </p>
      ) : null}
      <Form method="post" className="card-form" noValidate key={actionData?.done ? "done" : "form"}>
        {FIELDS.map(([name, label, autoComplete]) => (
          <PasswordField key={name} name={name} label={label} autoComplete={autoComplete} error={errors[name]} />
        ))}
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : "Change my password"}
        </button>
      </Form>
    </section>
  );
}
