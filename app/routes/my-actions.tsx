import { Link, redirect } from "react-router";
import type { Route } from "./+types/my-actions";
import { ActionItemList } from "~/components/ActionItemList";
import { SavedNotice } from "~/components/SavedNotice";
import { formatSort } from "~/components/table/url-state";
import { calendarDateIn } from "~/domain/dates";
import { formValues } from "~/domain/forms";
import { can, scopeInWords, seesThroughAssignment } from "~/domain/permissions";
import { savedNotice, savedUrl } from "~/domain/notices";
import { closeActionFromForm, listCaseloadActions, listMyActions } from "~/server/action-items.server";
import { formReply, readForm } from "~/server/forms.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.heading ?? "My actions"} · CASA MDT` }];

const STATUS = ["open", "done", "dropped", "all"] as const;
const PAGE_SIZE = 100;

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  const status = STATUS.find((s) => s === url.searchParams.get("status")) ?? "open";
  const sortDesc = url.searchParams.get("sort") === "due.desc";
  // `who=caseload`: every item on the viewer's youth, not only their own; `overdue=1`: only those past due.
  const caseload = url.searchParams.get("who") === "caseload";
  const overdue = caseload && url.searchParams.get("overdue") === "1";
  const pageParam = Number(url.searchParams.get("page"));
  const page = Number.isSafeInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const list = caseload
    ? listCaseloadActions(viewer, { status, overdue, sortDesc, page, size: PAGE_SIZE })
    : (() => {
        const rows = listMyActions(viewer, { status, sortDesc });
        return { rows, total: rows.length, page: 1, size: rows.length };
      })();
  return {
    heading: caseload ? (overdue ? "Overdue action items" : "Action items on your youth") : "My actions",
    caseload,
    overdue,
    items: list.rows,
    total: list.total,
    page: list.page,
    pageSize: list.size,
    status,
    sortDesc,
    canWrite: can(viewer.role, "write:case"),
    includesCasaRole: seesThroughAssignment(viewer.role, "advocate"),
    scopeWords: scopeInWords(viewer.role),
    today: calendarDateIn(new Date(), viewer.timeZone),
    timeZone: viewer.timeZone,
    notice: savedNotice(url),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const values = formValues(await readForm(request));
  const intent = String(values.intent ?? "");
  const result = closeActionFromForm(viewer, { intent, actionId: String(values.actionId ?? ""), reason: String(values.reason ?? "") });
  if (!result.ok) return formReply(result.errors, values, { intent, actionId: result.actionId });
  const here = new URL(request.url);
  throw redirect(savedUrl(`${here.pathname}${here.search}`, result.saved));
}

export default function MyActions({ loaderData, actionData }: Route.ComponentProps) {
  const { items, status, sortDesc, today, timeZone, caseload } = loaderData;
  const overdueShown = items.filter((i) => i.status === "open" && (i.daysOverdue ?? 0) > 0).length;
  const param = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams({ status, sort: formatSort({ id: "due", desc: sortDesc }) });
    if (caseload) p.set("who", "caseload");
    if (loaderData.overdue) p.set("overdue", "1");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    return `/actions?${p}`;
  };
  const lastPage = Math.max(1, Math.ceil(loaderData.total / Math.max(1, loaderData.pageSize)));
  return (
    <section aria-labelledby="actions-heading">
      <div className="page-head">
        <h1 id="actions-heading">{loaderData.heading}</h1>
        <p className="muted">
          {caseload
            ? `${loaderData.total} ${loaderData.overdue ? "open and past their due date" : "in all"}, on the youth ${loaderData.scopeWords}, whoever owns them.`
            : `Action items you own${loaderData.includesCasaRole ? ", and those owned by the CASA advocate role on your youth" : ""}.`}
          {!caseload && status === "open" && overdueShown ? ` ${overdueShown} overdue.` : ""}
        </p>
      </div>
      <SavedNotice notice={actionData ? null : loaderData.notice} />
      <nav aria-label="Whose action items" className="status-tabs">
        <ul>
          <li>
            <Link to="/actions" aria-current={!caseload ? "page" : undefined}>
              Mine
            </Link>
          </li>
          <li>
            <Link to="/actions?who=caseload" aria-current={caseload && !loaderData.overdue ? "page" : undefined}>
              On your youth
            </Link>
          </li>
          <li>
            <Link to="/actions?who=caseload&overdue=1" aria-current={loaderData.overdue ? "page" : undefined}>
              Overdue on your youth
            </Link>
          </li>
        </ul>
      </nav>
      {loaderData.overdue ? null : (
        <nav aria-label="Filter by status" className="status-tabs">
          <ul>
            {STATUS.map((s) => (
              <li key={s}>
                <Link to={param({ status: s, page: null })} aria-current={status === s ? "page" : undefined}>
                  {s === "all" ? "All" : s[0]!.toUpperCase() + s.slice(1)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p>
        Sorted by due date, {sortDesc ? "latest first" : "soonest first"}.{" "}
        <Link to={param({ sort: sortDesc ? "due.asc" : "due.desc", page: null })}>Sort {sortDesc ? "soonest" : "latest"} first</Link>
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
          {loaderData.overdue
            ? "Nothing is overdue on your youth."
            : caseload
              ? "No action items here yet. Items agreed in MDT meetings appear here."
              : status === "open"
                ? "Nothing open is yours. Items given to you in MDT meetings appear here."
                : "Nothing here."}
        </p>
      )}
      {caseload && lastPage > 1 ? (
        <nav aria-label="Pages" className="pager">
          <p>
            Page {loaderData.page} of {lastPage}.{" "}
            {loaderData.page > 1 ? <Link to={param({ page: String(loaderData.page - 1) })}>Previous page</Link> : null}{" "}
            {loaderData.page < lastPage ? <Link to={param({ page: String(loaderData.page + 1) })}>Next page</Link> : null}
          </p>
        </nav>
      ) : null}
    </section>
  );
}
