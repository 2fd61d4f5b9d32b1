import type { Route } from "./+types/admin";
import { ROLE_LABELS } from "~/domain/roles";
import { listProgramMembers } from "~/server/admin.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Administration · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  return { programName: viewer.programName, members: listProgramMembers(viewer) };
}

export default function Admin({ loaderData }: Route.ComponentProps) {
  const { members, programName } = loaderData;
  return (
    <section aria-labelledby="admin-heading">
      <div className="page-head">
        <h1 id="admin-heading">Administration</h1>
        <p className="muted">
          People with access to {programName}. Administrators manage accounts and settings and, by design, see no case content.
        </p>
      </div>
      <table className="simple-table">
        <caption className="sr-only">Users of {programName}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>{ROLE_LABELS[m.role]}</td>
              <td>{m.disabled ? "Disabled" : "Active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
