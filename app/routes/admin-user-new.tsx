import { Form, Link } from "react-router";
import type { Route } from "./+types/admin-user-new";
import { FormError, SelectField, SubmitButton, TextField } from "~/components/forms";
import { OneTimeLink } from "~/components/OneTimeLink";
import { ROLE_LABELS } from "~/domain/roles";
import { RESET_LINK_HOURS } from "~/domain/passwords";
import { newUserSchema } from "~/domain/user-forms";
import { formReply, parseForm } from "~/server/forms.server";
import { requireViewer } from "~/server/session.server";
import { createUser, manageableRoles, requireUserAdmin } from "~/server/users.server";
import { memberChoices } from "~/server/cases.server";
import { StaffPicker } from "~/components/StaffPicker";

export const meta: Route.MetaFunction = () => [{ title: "Add a person · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireUserAdmin(viewer);
  return { roles: manageableRoles(viewer), programName: viewer.programName, supervisors: memberChoices(viewer, "supervisor") };
}

export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  requireUserAdmin(viewer);
  const form = await parseForm(request, newUserSchema);
  if (!form.ok) return form.reply;
  const result = await createUser(viewer, form.data);
  if (!result.ok) return formReply(result.errors, form.values);
  return {
    created: {
      id: result.userId,
      name: form.data.name,
      url: `${new URL(request.url).origin}/reset-password/${result.token}`,
      expiresAt: result.expiresAt,
      timeZone: viewer.timeZone,
    },
  };
}

export default function AdminUserNew({ loaderData, actionData }: Route.ComponentProps) {
  const created = actionData && "created" in actionData ? actionData.created : null;
  const state = actionData && "errors" in actionData ? actionData : undefined;
  return (
    <section className="form-page" aria-labelledby="form-page-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/admin/users">People</Link> <span aria-hidden="true">›</span> <span aria-current="page">Add a person</span>
      </nav>
      <h1 id="form-page-title">Add a person to {loaderData.programName}</h1>
      {created ? (
        <>
          <p className="alert alert-ok" role="status">
            The account of {created.name} is ready.
          </p>
          <OneTimeLink name={created.name} url={created.url} expiresAt={created.expiresAt} timeZone={created.timeZone} />
          <p>
            <Link to={`/admin/users/${created.id}`}>Open {created.name}’s account</Link> ·{" "}
            <Link to="/admin/users/new">Add another person</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="card-form" noValidate>
          <FormError state={state} />
          <TextField label="Name" name="name" state={state} required autoComplete="off" />
          <TextField label="Email" name="email" type="email" state={state} required autoComplete="off" />
          <SelectField
            label="Role"
            name="role"
            state={state}
            placeholder="Choose a role…"
            options={loaderData.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            required
          />
          <StaffPicker
            id="f-supervisor"
            label="Usual supervisor (for an advocate)"
            name="supervisor"
            options={loaderData.supervisors}
            value={typeof state?.values?.supervisor === "string" ? state.values.supervisor : ""}
            placeholder="None yet"
            hint="Offered first when a youth is taken in with this advocate. Who sees a youth is decided by the youth's own assignments."
            error={state?.errors?.supervisor}
          />
          <p className="field-hint">
            You will get a link for the person to set their own password, valid for {RESET_LINK_HOURS} hours and shown only once.
          </p>
          <SubmitButton pendingText="Adding…">Add the person</SubmitButton>
        </Form>
      )}
    </section>
  );
}
