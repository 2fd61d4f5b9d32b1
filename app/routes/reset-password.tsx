import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/reset-password";
import { PasswordField } from "~/components/PasswordField";
import { savedUrl } from "~/domain/notices";
import { MIN_PASSWORD_LENGTH } from "~/domain/passwords";
import { setPasswordSchema } from "~/domain/user-forms";
import { parseForm } from "~/server/forms.server";
import { resetLinkAccount, setPasswordWithLink } from "~/server/users.server";

export const meta: Route.MetaFunction = () => [{ title: "Set your password · CASA MDT" }, { name: "referrer", content: "no-referrer" }];

export function loader({ params }: Route.LoaderArgs) {
  const account = resetLinkAccount(params.token ?? "");
  if (!account) {
    throw data(
      { message: "This link has been used, has expired, or is not a link we made. Ask your administrator or program lead for a new one." },
      { status: 404 },
    );
  }
  return { name: account.name };
}

/** Never sends a password back: a failed form returns only its messages. */
export async function action({ request, params }: Route.ActionArgs) {
  const form = await parseForm(request, setPasswordSchema, { echo: [] });
  if (!form.ok) return form.reply;
  if (!(await setPasswordWithLink(params.token ?? "", form.data.password))) {
    throw data({ message: "This link has been used or has expired. Ask for a new one." }, { status: 404 });
  }
  throw redirect(savedUrl("/login", "password-set"));
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const errors: Partial<Record<string, string>> = actionData?.errors ?? {};
  const pending = useNavigation().state === "submitting";
  return (
    <main className="login" id="main">
      <div className="login-card">
        <h1>Set your password</h1>
        <p className="muted">
          Hello {loaderData.name}. Choose a password of at least {MIN_PASSWORD_LENGTH} characters; a phrase of several words is easiest to
          remember.
        </p>
        {Object.keys(errors).length ? (
          <p className="alert alert-error" role="alert">
            Your password was not set: see below.
          </p>
        ) : null}
        <Form method="post" noValidate>
          {(["password", "confirm"] as const).map((name) => (
            <PasswordField
              key={name}
              name={name}
              label={name === "password" ? "New password" : "The same password again"}
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              error={errors[name]}
            />
          ))}
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Saving…" : "Set my password"}
          </button>
        </Form>
      </div>
    </main>
  );
}
