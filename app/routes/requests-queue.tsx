import { Form, Link, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/requests-queue";
import { RequestStatusBadge } from "~/components/RequestStatusBadge";
import { requestTypeOptions } from "~/server/program-settings.server";
import { AdvocateFilters, FilterActions, RequestTypeFilter } from "~/components/ListFilters";
import { DataTable, type DataTableColumn } from "~/components/table/DataTable";
import { formatSort, parseTableParams, withParams } from "~/components/table/url-state";
import { describeDue, formatDate } from "~/domain/dates";
import { formatCents, REQUEST_STATUS_LABELS, REQUEST_STATUSES, REQUEST_TYPES } from "~/domain/requests";
import { listRequestQueue, REQUEST_SORTABLE, type RequestRow } from "~/server/requests.server";
import { requireViewer } from "~/server/session.server";
import { calendarDateIn } from "~/domain/dates";

export const meta: Route.MetaFunction = () => [{ title: "Requests · CASA MDT" }];

const filterSchema = z.object({
  type: z
    .enum(REQUEST_TYPES.map((t) => t.key) as [string, ...string[]])
    .optional()
    .catch(undefined),
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  youth: z.string().trim().max(100).optional().catch(undefined),
  advocate: z.coerce.number().int().positive().optional().catch(undefined),
  advocateName: z.string().trim().max(100).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  openDays: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
});

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const params = new URL(request.url).searchParams;
  const table = parseTableParams(params, { sortable: REQUEST_SORTABLE, defaultSort: { id: "requestedAt", desc: true } });
  const f = filterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
  const queue = listRequestQueue(viewer, {
    ...table,
    type: f.type,
    status: f.status,
    youth: f.youth,
    advocateId: f.advocate,
    advocateName: f.advocateName,
    overdue: f.overdue === "1",
    requestedByUserId: f.mine === "1" ? viewer.userId : undefined,
    openMoreThanDays: f.openDays,
  });
  return {
    queue,
    typeOptions: requestTypeOptions(viewer.programId),
    sort: table.sort,
    today: calendarDateIn(new Date(), viewer.timeZone),
    timeZone: viewer.timeZone,
    filters: {
      type: f.type ?? "",
      status: f.status ?? "",
      youth: f.youth ?? "",
      advocate: f.advocate ? String(f.advocate) : "",
      advocateName: f.advocateName ?? "",
      overdue: f.overdue === "1",
      mine: f.mine === "1",
      openDays: f.openDays === undefined ? "" : String(f.openDays),
    },
  };
}

export default function RequestsQueue({ loaderData }: Route.ComponentProps) {
  const { queue, sort, filters, today, timeZone } = loaderData;
  const navigation = useNavigation();
  const search = new URLSearchParams(
    Object.entries({ ...filters, overdue: filters.overdue ? "1" : "", mine: filters.mine ? "1" : "", sort: formatSort(sort) }).filter(
      (entry): entry is [string, string] => entry[1] !== "",
    ),
  );
  const filtered = Boolean(
    filters.type || filters.youth || filters.advocate || filters.advocateName || filters.overdue || filters.mine || filters.openDays,
  );
  const all = REQUEST_STATUSES.reduce((n, s) => n + queue.counts[s], 0);

  const columns: DataTableColumn<RequestRow>[] = [
    {
      id: "youth",
      header: "Youth",
      sortable: true,
      cell: (r) => <Link to={`/youth/${r.youthId}`}>{r.youthName}</Link>,
    },
    {
      id: "type",
      header: "Request",
      sortable: true,
      cell: (r) => (
        <Link to={`/requests/${r.id}`}>
          {r.typeLabel}
          <span className="sr-only"> for {r.youthName}</span>
        </Link>
      ),
    },
    { id: "status", header: "Status", sortable: true, cell: (r) => <RequestStatusBadge status={r.status} /> },
    { id: "addressedTo", header: "Addressed to", cell: (r) => r.addressedTo },
    {
      id: "requestedAt",
      header: "Requested",
      sortable: true,
      cell: (r) => (
        <>
          {formatDate(r.requestedAt, timeZone)}
          <span className="cell-sub">by {r.requestedBy}</span>
        </>
      ),
    },
    {
      id: "dueOn",
      header: "Due",
      sortable: true,
      cell: (r) =>
        r.dueOn ? (
          <>
            {formatDate(r.dueOn, timeZone)}
            {r.overdue ? <span className="badge badge-alert badge-block">{describeDue(r.dueOn, today)}</span> : null}
          </>
        ) : (
          <span className="muted">No due date</span>
        ),
    },
    { id: "daysOpen", header: "Days open", sortable: true, className: "num", cell: (r) => r.daysOpen },
    { id: "amount", header: "Amount", sortable: true, className: "num", cell: (r) => (r.amountCents ? formatCents(r.amountCents) : "") },
  ];

  return (
    <section aria-labelledby="requests-heading" aria-busy={navigation.state === "loading"}>
      <div className="page-head">
        <h1 id="requests-heading">Requests</h1>
        <p className="muted">Resource requests for the youth in your scope.</p>
      </div>
      <nav aria-label="Requests by status" className="status-tabs">
        <ul>
          <li>
            <Link to={withParams(search, { status: null, page: null })} aria-current={filters.status === "" ? "page" : undefined}>
              All <span className="count">{all}</span>
            </Link>
          </li>
          {REQUEST_STATUSES.map((s) => (
            <li key={s}>
              <Link to={withParams(search, { status: s, page: null })} aria-current={filters.status === s ? "page" : undefined}>
                {REQUEST_STATUS_LABELS[s]} <span className="count">{queue.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" className="filters" role="search" aria-label="Filter requests">
        <div className="field">
          <label htmlFor="f-youth">Youth</label>
          <input id="f-youth" name="youth" type="search" defaultValue={filters.youth} key={`y-${filters.youth}`} />
        </div>
        <RequestTypeFilter label="Type" value={filters.type} options={loaderData.typeOptions} />
        <AdvocateFilters options={queue} advocate={filters.advocate} advocateName={filters.advocateName} />
        <div className="field">
          <label htmlFor="f-openDays">Open more than (days)</label>
          <input
            id="f-openDays"
            name="openDays"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={filters.openDays}
            key={`o-${filters.openDays}`}
          />
        </div>
        <div className="field field-inline">
          <label>
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} key={`od-${filters.overdue}`} /> Overdue only
          </label>
        </div>
        <div className="field field-inline">
          <label>
            <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} key={`mine-${filters.mine}`} /> Requested by me
          </label>
        </div>
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <input type="hidden" name="sort" value={formatSort(sort)} />
        <input type="hidden" name="size" value={queue.size} />
        <FilterActions filtered={filtered} clearHref={filters.status ? `/requests?status=${filters.status}` : "/requests"} />
      </Form>

      <DataTable
        rows={queue.rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        total={queue.total}
        page={queue.page}
        size={queue.size}
        sort={sort}
        caption="Resource requests"
        hideCaption
        emptyState={
          <div className="empty-state">
            <h2>{filtered || filters.status ? "No requests match" : "No requests yet"}</h2>
            <p>
              {filtered || filters.status
                ? "Try another status or clear the filters."
                : "Requests are made from a youth's page: open a youth and choose “New request”."}
            </p>
          </div>
        }
      />
    </section>
  );
}
