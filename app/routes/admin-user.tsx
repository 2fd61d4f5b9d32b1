import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin-user";
import { FormError, SelectField, SubmitButton } from "~/components/forms";
import { OneTimeLink } from "~/components/OneTimeLink";
import { ROLE_LABELS } from "~/domain/roles";
import { changeRoleSchema, usualSupervisorSchema } from "~/domain/user-forms";
import { StaffPicker } from "~/components/StaffPicker";
import { memberChoices } from "~/server/cases.server";
import { formReply, parseValues, readForm } from "~/server/forms.server";
import { formValues } from "~/domain/forms";
import { idParam } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { changeRole, createResetLink, getManagedUser, manageableRoles, setActive, setUsualSupervisor } from "~/server/users.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.user.name ?? "Person"} · People · CASA MDT` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const user = getManagedUser(viewer, idParam(params.userId, "Person"));
  return {
    user,
    roles: manageableRoles(viewer),
    self: user.id === viewer.userId,
    supervisors: user.role === "advocate" ? memberChoices(viewer, "supervisor") : null,
  };
}

const intentSchema = z.enum(["role", "supervisor", "deactivate", "reactivate", "link"], { error: "Choose what to do." });

export async function action({ request, params }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const userId = idParam(params.userId, "Person");
  const user = getManagedUser(viewer, userId);
  const values = formValues(await readForm(request));
  const intent = intentSchema.safeParse(values.intent);
  if (!intent.success) return formReply({ _form: "Choose what to do." }, values);
  if (intent.data === "role") {
    const form = parseValues(values, changeRoleSchema, { intent: "role" });
    if (!form.ok) return form.reply;
    const result = changeRole(viewer, userId, form.data);
    if (!result.ok) return formReply(result.errors, values, { intent: "role" }, result.status);
    return { done: `${user.name} is now ${ROLE_LABELS[form.data.role].toLowerCase()}.` };
  }
  if (intent.data === "supervisor") {
    const form = parseValues(values, usualSupervisorSchema, { intent: "supervisor" });
    if (!form.ok) return form.reply;
    const result = setUsualSupervisor(viewer, userId, form.data.supervisor);
    if (!result.ok) return formReply(result.errors, values, { intent: "supervisor" }, result.status);
    return { done: `${user.name}’s usual supervisor is saved.` };
  }
  if (intent.data === "link") {
    const result = createResetLink(viewer, userId);
    if (!result.ok) return formReply(result.errors, values, { intent: "link" });
    return {
      link: {
        url: `${new URL(request.url).origin}/reset-password/${result.token}`,
        expiresAt: result.expiresAt,
        timeZone: viewer.timeZone,
      },
    };
  }
  const result = setActive(viewer, userId, intent.data === "reactivate");
  if (!result.ok) return data({ errors: result.errors, values, intent: intent.data }, { status: result.status });
  return {
    done:
      intent.data === "reactivate"
        ? `${user.name}’s account is active again.`
        : `${user.name}’s account is deactivated; their sessions have ended.`,
  };
}

export default function AdminUser({ loaderData, actionData }: Route.ComponentProps) {
  const { user, roles, self } = loaderData;
  const state = actionData && "errors" in actionData ? actionData : undefined;
  const roleState = state && "intent" in state && state.intent === "role" ? state : undefined;
  const supervisorState = state && "intent" in state && state.intent === "supervisor" ? state : undefined;
  return (
    <section aria-labelledby="user-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/admin/users">People</Link> <span aria-hidden="true">›</span> <span aria-current="page">{user.name}</span>
      </nav>
      <h1 id="user-heading">{user.name}</h1>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </div>
        {user.role === "advocate" ? (
          <div>
            <dt>Usual supervisor</dt>
            <dd>{user.usualSupervisor?.name ?? <span className="muted">None</span>}</dd>
          </div>
        ) : null}
        <div>
          <dt>Account</dt>
          <dd>{user.active ? "Active" : "Deactivated"}</dd>
        </div>
      </dl>
      {actionData && "done" in actionData ? (
        <p className="alert alert-ok" role="status">
          {actionData.done}
        </p>
      ) : null}
      {actionData && "link" in actionData && actionData.link?.url ? (
        <OneTimeLink name={user.name} url={actionData.link.url} expiresAt={actionData.link.expiresAt} timeZone={actionData.link.timeZone} />
      ) : null}
      {state && !roleState && !supervisorState ? <FormError state={state} /> : null}
      {self ? (
        <p className="muted">This is your own account: change your password from the account menu.</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="role-heading">
            <h2 id="role-heading">Role</h2>
            <Form method="post" className="card-form" noValidate>
              <FormError state={roleState} />
              <input type="hidden" name="baseRole" value={user.role} />
              <SelectField
                label="Role in this program"
                name="role"
                state={roleState}
                defaultValue={user.role}
                options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                required
              />
              <SubmitButton pendingText="Saving…" intent="role">
                Change the role
              </SubmitButton>
            </Form>
          </section>
          {user.role === "advocate" ? (
            <section className="panel" aria-labelledby="supervisor-heading">
              <h2 id="supervisor-heading">Usual supervisor</h2>
              <Form method="post" className="card-form" noValidate>
                <FormError state={supervisorState} />
                <StaffPicker
                  id="f-supervisor"
                  label="Supervisor"
                  name="supervisor"
                  options={loaderData.supervisors}
                  value={
                    supervisorState
                      ? typeof supervisorState.values?.supervisor === "string"
                        ? supervisorState.values.supervisor
                        : ""
                      : loaderData.supervisors
                        ? String(user.usualSupervisor?.id ?? "")
                        : (user.usualSupervisor?.email ?? "")
                  }
                  placeholder="None"
                  hint={`Offered first when a youth is taken in with ${user.name}. It changes no youth's assignments.`}
                  error={supervisorState?.errors?.supervisor}
                />
                <SubmitButton pendingText="Saving…" intent="supervisor">
                  Save the usual supervisor
                </SubmitButton>
              </Form>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">Password</h2>
            <p>A new one-time link lets {user.name} set a new password. Their current password keeps working until they do.</p>
            <Form method="post">
              <SubmitButton pendingText="Making a link…" intent="link" className="button">
                Make a password link
              </SubmitButton>
            </Form>
          </section>
          <section className="panel" aria-labelledby="account-heading">
            <h2 id="account-heading">Account</h2>
            {user.active ? (
              <>
                <p>Deactivating ends every session of {user.name} at once. Their contacts, notes and history stay, with their name.</p>
                <Form method="post">
                  <SubmitButton pendingText="Deactivating…" intent="deactivate" className="button button-danger">
                    Deactivate the account
                  </SubmitButton>
                </Form>
              </>
            ) : (
              <Form method="post">
                <SubmitButton pendingText="Reactivating…" intent="reactivate" className="button">
                  Reactivate the account
                </SubmitButton>
              </Form>
            )}
          </section>
        </>
      )}
    </section>
  );
}
