import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/login";
import { SavedNotice } from "~/components/SavedNotice";
import { signInSchema } from "~/domain/auth-schemas";
import type { FieldErrors } from "~/domain/forms";
import { savedNotice } from "~/domain/notices";
import { signIn } from "~/server/auth.server";
import { parseForm } from "~/server/forms.server";
import { createUserSession, getViewer, safeRedirectPath } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Sign in · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const redirectTo = safeRedirectPath(params.get("redirectTo"));
  if (await getViewer(request)) throw redirect(redirectTo);
  return { redirectTo, notice: savedNotice(request.url) };
}

/** A failed sign-in never sends the password back, only the email. */
type ActionResult = { errors: FieldErrors; values: { email: string } };

export async function action({ request, context }: Route.ActionArgs) {
  const form = await parseForm(request, signInSchema, { echo: ["email"] });
  if (!form.ok) return form.reply;
  const email = typeof form.values.email === "string" ? form.values.email : "";
  const result = await signIn(form.data.email, form.data.password, {
    address: context?.clientAddress,
    cookieHeader: request.headers.get("Cookie"),
  });
  if (!result.ok) {
    if (result.reason === "invalid") {
      return data<ActionResult>(
        { errors: { _form: "That email and password do not match an active account." }, values: { email } },
        { status: 401 },
      );
    }
    const message =
      result.reason === "busy"
        ? "Too many people are signing in right now. Please try again in a few seconds."
        : `Too many failed attempts. Please wait ${waitInWords(result.retryAfterSeconds)} and try again.`;
    return data<ActionResult>(
      { errors: { _form: message }, values: { email } },
      { status: result.reason === "busy" ? 503 : 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  const session = await createUserSession(result.userId, result.programId);
  const headers = new Headers();
  headers.append("Set-Cookie", session.setCookie);
  headers.append("Set-Cookie", result.deviceCookie);
  throw redirect(safeRedirectPath(form.data.redirectTo), { headers });
}

function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "a second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formAction === "/login";
  const errors = actionData?.errors ?? {};
  return (
    <main className="login" id="main">
      <div className="login-card">
        <h1>CASA MDT coordination</h1>
        <p className="muted">Sign in to see the youth you work with.</p>
        <SavedNotice notice={actionData ? null : loaderData.notice} />
        {errors._form || errors.email || errors.password ? (
          <p className="alert alert-error" role="alert" id="form-error">
            {errors._form ?? "Enter your email address and password."}
          </p>
        ) : null}
        <Form method="post" noValidate aria-describedby={errors._form ? "form-error" : undefined}>
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              // The page has one job; the field it starts with is where everyone begins. The page's
              // title and heading still name it for screen readers.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              defaultValue={actionData?.values.email ?? ""}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "email-error" : undefined}
            />
            {errors.email ? (
              <p className="field-error" id="email-error">
                {errors.email}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? "password-error" : undefined}
            />
            {errors.password ? (
              <p className="field-error" id="password-error">
                {errors.password}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      </div>
    </main>
  );
}
