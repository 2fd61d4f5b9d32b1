import { Form, Link, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/youth-list";
import { AdvocateFilters, FilterActions, SupervisorFilter } from "~/components/ListFilters";
import { DataTable, type DataTableColumn } from "~/components/table/DataTable";
import { formatSort, parseTableParams } from "~/components/table/url-state";
import { CsecStatusText } from "~/components/CsecStatusText";
import { UnreportedClocks } from "~/components/UnreportedClocks";
import { CSEC_STATUS_LABELS } from "~/domain/csec";
import { can, scopeInWords } from "~/domain/permissions";
import { savedNotice } from "~/domain/notices";
import { SavedNotice } from "~/components/SavedNotice";
import { PLACEMENT_TYPE_LABELS, PLACEMENT_TYPES } from "~/domain/youth";
import { formatDate, formatDateTime } from "~/domain/dates";
import { requireViewer } from "~/server/session.server";
import { listYouthForViewer, YOUTH_SORTABLE, type YouthListRow } from "~/server/youth.server";

export const meta: Route.MetaFunction = () => [{ title: "Youth · CASA MDT" }];

const filterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  placement: z.enum(PLACEMENT_TYPES).optional().catch(undefined),
  advocate: z.coerce.number().int().positive().optional().catch(undefined),
  advocateName: z.string().trim().max(100).optional().catch(undefined),
  supervisor: z.coerce.number().int().positive().optional().catch(undefined),
  supervisorName: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["open", "closed", "all"]).catch("open"),
  csec: z.string().max(20).optional().catch(undefined),
  missing: z.enum(["now", "ncmec-overdue"]).optional().catch(undefined),
  stale: z.literal("1").optional().catch(undefined),
  noContact: z.coerce.number().int().min(1).max(365).optional().catch(undefined),
});

/** The "not contacted in" choices the filter offers (any other number of days still works in the URL). */
const NO_CONTACT_DAYS = [30, 60, 90] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const params = new URL(request.url).searchParams;
  const table = parseTableParams(params, {
    sortable: YOUTH_SORTABLE,
    defaultSort: { id: "name", desc: false },
  });
  const filters = filterSchema.parse({
    q: params.get("q") || undefined,
    placement: params.get("placement") || undefined,
    advocate: params.get("advocate") || undefined,
    advocateName: params.get("advocateName") || undefined,
    supervisor: params.get("supervisor") || undefined,
    supervisorName: params.get("supervisorName") || undefined,
    status: params.get("status") ?? "open",
    csec: params.get("csec") || undefined,
    missing: params.get("missing") || undefined,
    stale: params.get("stale") || undefined,
    noContact: params.get("noContact") || undefined,
  });
  const list = listYouthForViewer(viewer, {
    ...table,
    q: filters.q,
    placement: filters.placement,
    advocateId: filters.advocate,
    advocateName: filters.advocateName,
    supervisorId: filters.supervisor,
    supervisorName: filters.supervisorName,
    caseStatus: filters.status,
    csec: filters.csec,
    missingNow: filters.missing === "ncmec-overdue" ? "ncmec_overdue" : filters.missing === "now",
    stale: filters.stale === "1",
    noContactDays: filters.noContact,
  });
  const csec = filters.csec && (list.filterOptions.csec as readonly string[]).includes(filters.csec) ? filters.csec : "";
  return {
    list,
    sort: table.sort,
    timeZone: viewer.timeZone,
    scopeWords: scopeInWords(viewer.role),
    canTakeIn: can(viewer.role, "manage:cases"),
    notice: savedNotice(request.url),
    filters: {
      q: filters.q ?? "",
      placement: filters.placement ?? "",
      advocate: filters.advocate ? String(filters.advocate) : "",
      advocateName: filters.advocateName ?? "",
      supervisor: filters.supervisor ? String(filters.supervisor) : "",
      supervisorName: filters.supervisorName ?? "",
      status: filters.status,
      csec,
      missing: filters.missing !== undefined,
      stale: filters.stale === "1",
      noContact: filters.noContact ? String(filters.noContact) : "",
    },
  };
}

export default function YouthList({ loaderData }: Route.ComponentProps) {
  const { list, sort, filters, timeZone } = loaderData;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/youth";
  const filtered = Boolean(
    filters.q ||
    filters.placement ||
    filters.advocate ||
    filters.advocateName ||
    filters.supervisor ||
    filters.supervisorName ||
    filters.csec ||
    filters.missing ||
    filters.stale ||
    filters.noContact ||
    filters.status !== "open",
  );

  const columns: DataTableColumn<YouthListRow>[] = [
    {
      id: "name",
      header: "Name",
      sortable: true,
      cell: (y) => (
        <>
          <Link to={`/youth/${y.id}`}>{y.name}</Link>
          {y.missingSince ? (
            <span className="badge badge-alert badge-block">
              {y.missing?.words ?? "Missing"} (since {formatDateTime(y.missingSince, timeZone)})
            </span>
          ) : null}
          <UnreportedClocks missing={y.missing} />
        </>
      ),
    },
    { id: "age", header: "Age", sortable: true, cell: (y) => (Number.isNaN(y.age) ? "—" : y.age), className: "num" },
    { id: "caseNumber", header: "Case number", sortable: true, cell: (y) => y.caseNumber },
    {
      id: "placement",
      header: "Placement",
      sortable: true,
      cell: (y) =>
        y.placement ? (
          <>
            {y.placement.label}
            <span className="cell-sub">since {formatDate(y.placement.since, timeZone)}</span>
          </>
        ) : (
          <span className="muted">{y.caseStatus === "closed" ? "Case closed" : "None recorded"}</span>
        ),
    },
    { id: "advocate", header: "Advocate", sortable: true, cell: (y) => y.advocates.join(", ") || <Unassigned /> },
    { id: "supervisor", header: "Supervisor", sortable: true, cell: (y) => y.supervisors.join(", ") || <Unassigned /> },
    { id: "csec", header: "CSEC status", sortable: true, cell: (y) => <CsecStatusText view={y.csec} timeZone={timeZone} /> },
  ];

  return (
    <section aria-labelledby="youth-heading" aria-busy={loading}>
      <div className="page-head">
        <h1 id="youth-heading">Youth</h1>
        <p className="muted">
          {list.total === 1 ? "1 youth" : `${list.total} youth`} {filtered ? "match these filters" : loaderData.scopeWords}
        </p>
        {loaderData.canTakeIn ? (
          <p>
            <Link className="button button-primary" to="/youth/new">
              Take in a youth
            </Link>
          </p>
        ) : null}
      </div>
      <SavedNotice notice={loaderData.notice} />

      <Form method="get" className="filters" role="search" aria-label="Filter youth">
        <div className="field">
          <label htmlFor="f-q">Name or case number</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q} key={`q-${filters.q}`} />
        </div>
        <div className="field">
          <label htmlFor="f-placement">Placement</label>
          <select id="f-placement" name="placement" defaultValue={filters.placement} key={`p-${filters.placement}`}>
            <option value="">Any</option>
            {PLACEMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {PLACEMENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <AdvocateFilters options={list.filterOptions} advocate={filters.advocate} advocateName={filters.advocateName} />
        <SupervisorFilter options={list.filterOptions} supervisor={filters.supervisor} supervisorName={filters.supervisorName} />
        <div className="field">
          <label htmlFor="f-status">Case</label>
          <select id="f-status" name="status" defaultValue={filters.status} key={`st-${filters.status}`}>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">Open and closed</option>
          </select>
        </div>
        {list.filterOptions.csec.length > 0 ? (
          <div className="field">
            <label htmlFor="f-csec">CSEC status</label>
            <select id="f-csec" name="csec" defaultValue={filters.csec} key={`c-${filters.csec}`}>
              <option value="">Any</option>
              {list.filterOptions.csec.map((s) => (
                <option key={s} value={s}>
                  {CSEC_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" name="missing" value="now" defaultChecked={filters.missing} key={`m-${filters.missing}`} /> Missing now
            only
          </label>
        </div>
        <div className="field field-checkbox">
          <label>
            <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale} key={`s-${filters.stale}`} /> With a stale contact
            only
          </label>
        </div>
        <div className="field">
          <label htmlFor="f-no-contact">Youth not contacted in</label>
          <select id="f-no-contact" name="noContact" defaultValue={filters.noContact} key={`nc-${filters.noContact}`}>
            <option value="">Any time</option>
            {[...new Set([...NO_CONTACT_DAYS.map(String), ...(filters.noContact ? [filters.noContact] : [])])].map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={formatSort(sort)} />
        <input type="hidden" name="size" value={list.size} />
        <FilterActions filtered={filtered} clearHref="/youth" />
      </Form>

      <DataTable
        rows={list.rows}
        columns={columns}
        getRowId={(y) => String(y.id)}
        total={list.total}
        page={list.page}
        size={list.size}
        sort={sort}
        caption="Youth in your scope"
        hideCaption
        rowHeaderColumnId="name"
        emptyState={
          <div className="empty-state">
            {filtered ? (
              <>
                <h2>No youth match these filters</h2>
                <p>
                  Try a shorter name, another placement, or <Link to="/youth">clear the filters</Link>.
                </p>
              </>
            ) : (
              <>
                <h2>No youth assigned to you yet</h2>
                <p>
                  When your supervisor or program lead assigns a youth to you, they appear here. If you expected to see someone, ask your
                  supervisor to check the assignment.
                </p>
              </>
            )}
          </div>
        }
      />
    </section>
  );
}

function Unassigned() {
  return <span className="muted">Unassigned</span>;
}
