import { Form, Link } from "react-router";
import { z } from "zod";
import { pageNumber } from "~/server/forms.server";
import type { Route } from "./+types/admin-users";
import { FilterActions } from "~/components/ListFilters";
import { SimplePager } from "~/components/SimplePager";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { listUsers, manageableRoles } from "~/server/users.server";
import { requireViewer } from "~/server/session.server";
import { TableScroll } from "~/components/TableScroll";

export const meta: Route.MetaFunction = () => [{ title: "People · CASA MDT" }];

const PAGE_SIZE = 50;
const filterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  active: z.enum(["active", "inactive"]).optional().catch(undefined),
  page: pageNumber,
});

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const f = filterSchema.parse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== "")));
  const list = listUsers(viewer, { q: f.q, role: f.role, active: f.active, page: f.page, size: PAGE_SIZE });
  return {
    list,
    page: f.page,
    size: PAGE_SIZE,
    roles: manageableRoles(viewer),
    filters: { q: f.q ?? "", role: f.role ?? "", active: f.active ?? "" },
    programName: viewer.programName,
  };
}

export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  const { list, filters, roles, page, size, programName } = loaderData;
  const filtered = Boolean(filters.q || filters.role || filters.active);
  return (
    <section aria-labelledby="users-heading">
      <div className="page-head">
        <h1 id="users-heading">People</h1>
        <p className="muted">
          The people of {programName} you manage. Deactivating an account ends its sessions at once; what the person recorded keeps their
          name.
        </p>
        <p>
          <Link to="/admin/users/new" className="button button-primary">
            Add a person
          </Link>
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Filter people">
        <div className="field">
          <label htmlFor="f-q">Name or email</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q} key={`q-${filters.q}`} />
        </div>
        <div className="field">
          <label htmlFor="f-role">Role</label>
          <select id="f-role" name="role" defaultValue={filters.role} key={`r-${filters.role}`}>
            <option value="">Any</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-active">Account</label>
          <select id="f-active" name="active" defaultValue={filters.active} key={`a-${filters.active}`}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="inactive">Deactivated</option>
          </select>
        </div>
        <FilterActions filtered={filtered} clearHref="/admin/users" />
      </Form>
      {list.rows.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? "Nobody matches these filters." : "Nobody yet: add the first person."}</p>
        </div>
      ) : (
        <SimplePager path="/admin/users" params={filters} total={list.total} page={page} size={size} noun={["person", "people"]}>
          <TableScroll label="People">
            <table className="simple-table">
              <caption className="sr-only">People of {programName}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Account</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                    </th>
                    <td>{u.email}</td>
                    <td>{ROLE_LABELS[u.role]}</td>
                    <td>{u.active ? "Active" : "Deactivated"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </SimplePager>
      )}
    </section>
  );
}
