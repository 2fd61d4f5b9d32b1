import { Link, redirect } from "react-router";
import type { Route } from "./+types/my-actions";
import { ActionItemList } from "~/components/ActionItemList";
import { SavedNotice } from "~/components/SavedNotice";
import { formatSort } from "~/components/table/url-state";
import { calendarDateIn } from "~/domain/dates";
import { formValues } from "~/domain/forms";
import { can, seesThroughAssignment } from "~/domain/permissions";
import { savedNotice, savedUrl } from "~/domain/notices";
import { closeActionFromForm, listMyActions } from "~/server/action-items.server";
import { formReply } from "~/server/forms.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "My actions · CASA MDT" }];

const STATUS = ["open", "done", "dropped", "all"] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  const status = STATUS.find((s) => s === url.searchParams.get("status")) ?? "open";
  const sortDesc = url.searchParams.get("sort") === "due.desc";
  return {
    items: listMyActions(viewer, { status, sortDesc }),
    status,
    sortDesc,
    canWrite: can(viewer.role, "write:case"),
    includesCasaRole: seesThroughAssignment(viewer.role, "advocate"),
    today: calendarDateIn(new Date(), viewer.timeZone),
    timeZone: viewer.timeZone,
    notice: savedNotice(url),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const values = formValues(await request.formData());
  const intent = String(values.intent ?? "");
  const result = closeActionFromForm(viewer, { intent, actionId: String(values.actionId ?? ""), reason: String(values.reason ?? "") });
  if (!result.ok) return formReply(result.errors, values, { intent, actionId: result.actionId });
  const here = new URL(request.url);
  throw redirect(savedUrl(`${here.pathname}${here.search}`, result.saved));
}

export default function MyActions({ loaderData, actionData }: Route.ComponentProps) {
  const { items, status, sortDesc, today, timeZone } = loaderData;
  const overdue = items.filter((i) => i.status === "open" && (i.daysOverdue ?? 0) > 0).length;
  const param = (changes: Record<string, string>) => {
    const p = new URLSearchParams({ status, sort: formatSort({ id: "due", desc: sortDesc }), ...changes });
    return `/actions?${p}`;
  };
  return (
    <section aria-labelledby="actions-heading">
      <div className="page-head">
        <h1 id="actions-heading">My actions</h1>
        <p className="muted">
          Action items you own{loaderData.includesCasaRole ? ", and those owned by the CASA advocate role on your youth" : ""}.
          {status === "open" && overdue ? ` ${overdue} overdue.` : ""}
        </p>
      </div>
      <SavedNotice notice={actionData ? null : loaderData.notice} />
      <nav aria-label="Filter by status" className="status-tabs">
        <ul>
          {STATUS.map((s) => (
            <li key={s}>
              <Link to={param({ status: s })} aria-current={status === s ? "page" : undefined}>
                {s === "all" ? "All" : s[0]!.toUpperCase() + s.slice(1)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        Sorted by due date, {sortDesc ? "latest first" : "soonest first"}.{" "}
        <Link to={param({ sort: sortDesc ? "due.asc" : "due.desc" })}>Sort {sortDesc ? "soonest" : "latest"} first</Link>
      </p>
      {items.length ? (
        <ActionItemList
          items={items}
          today={today}
          timeZone={timeZone}
          canWrite={loaderData.canWrite}
          showYouth
          dropState={actionData?.intent === "drop" ? actionData : undefined}
        />
      ) : (
        <p className="empty-state">
          {status === "open" ? "Nothing open is yours. Items given to you in MDT meetings appear here." : "Nothing here."}
        </p>
      )}
    </section>
  );
}
