/**
 * A caseload as a table: one row per open youth, each figure a link to where it is dealt with;
 * and the same figures per advocate or supervisor. Sorting and paging are links (the server
 * sorts), so both work without JavaScript. The caption is for screen readers: the page's
 * heading above the table says the same.
 */
import { UnreportedClocks } from "~/components/UnreportedClocks";
import { Link } from "react-router";
import { DataTable, type DataTableColumn } from "~/components/table/DataTable";
import type { SortState } from "~/components/table/url-state";
import { formatDateTime } from "~/domain/dates";
import type { Caseload, CaseloadRow, PersonCaseload } from "~/server/caseload.server";

/** A count that links to where it is dealt with; zero reads as a quiet dash for the eye, "none" for a screen reader. */
function CountLink({ n, to, what, urgent }: { n: number; to: string; what: string; urgent?: boolean }) {
  if (n === 0)
    return (
      <span className="muted">
        <span aria-hidden="true">–</span>
        <span className="sr-only">no {what}</span>
      </span>
    );
  return (
    <Link to={to} className={urgent ? "count-urgent" : undefined}>
      {n}
      <span className="sr-only"> {what}</span>
    </Link>
  );
}

export function CaseloadTable({
  caseload,
  sort,
  timeZone,
  caption,
  emptyState,
}: {
  caseload: Caseload;
  sort: SortState;
  timeZone: string;
  caption: string;
  emptyState: React.ReactNode;
}) {
  const columns: DataTableColumn<CaseloadRow>[] = [
    {
      id: "name",
      header: "Youth",
      sortable: true,
      cell: (y) => (
        <>
          <Link to={`/youth/${y.id}`}>{y.name}</Link>
          {y.missing ? (
            <>
              <Link className="badge badge-alert badge-block" to={`/youth/${y.id}/episodes/${y.missing.episodeId}`}>
                {y.missing.words}
              </Link>
              <UnreportedClocks missing={y.missing} />
            </>
          ) : null}
        </>
      ),
    },
    {
      id: "advocate",
      header: "Advocate",
      sortable: true,
      cell: (y) =>
        y.advocates.length ? (
          y.advocates.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? ", " : ""}
              <Link to={`/youth?advocate=${a.id}`}>{a.name}</Link>
            </span>
          ))
        ) : (
          <span className="muted">Unassigned</span>
        ),
    },
    {
      id: "overdueActions",
      header: "Overdue actions",
      sortable: true,
      className: "num",
      cell: (y) => <CountLink n={y.overdueActions} to={`/youth/${y.id}#actions`} what="overdue action items" urgent />,
    },
    {
      id: "staleContacts",
      header: "Stale contacts",
      sortable: true,
      className: "num",
      cell: (y) => <CountLink n={y.staleContacts} to={`/youth/${y.id}#contacts`} what="stale core contacts" urgent />,
    },
    {
      id: "pendingRequests",
      header: "Pending requests",
      sortable: true,
      className: "num",
      cell: (y) => <CountLink n={y.pendingRequests} to={`/youth/${y.id}#requests`} what="requests submitted or approved" />,
    },
    {
      id: "nextMeeting",
      header: "Next meeting",
      sortable: true,
      cell: (y) =>
        y.nextMeeting ? (
          <Link to={`/meetings/${y.nextMeeting.id}`}>{formatDateTime(y.nextMeeting.scheduledAt, timeZone)}</Link>
        ) : (
          <span className="muted">None scheduled</span>
        ),
    },
  ];
  if (caseload.showsConcerns) {
    columns.push({
      id: "concerns",
      header: "Concerns to review",
      sortable: true,
      className: "num",
      cell: (y) => <CountLink n={y.concerns ?? 0} to={`/youth/${y.id}/csec`} what="concerns awaiting review" urgent />,
    });
  }
  return (
    <DataTable
      rows={caseload.rows}
      columns={columns}
      getRowId={(y) => String(y.id)}
      total={caseload.total}
      page={caseload.page}
      size={caseload.size}
      sort={sort}
      caption={caption}
      hideCaption
      rowHeaderColumnId="name"
      className="caseload-table"
      emptyState={emptyState}
    />
  );
}

/** The figures per advocate (a supervisor's view) or per supervisor (a program lead's). */
export function PeopleCaseloadTable({
  people,
  kind,
  caption,
  paged = true,
}: {
  people: { rows: PersonCaseload[]; total: number; page: number; size: number };
  kind: "advocate" | "supervisor";
  caption: string;
  /** False beside a table that owns the page's `page` and `size` (all rows are then shown). */
  paged?: boolean;
}) {
  const showsConcerns = people.rows.some((r) => r.concernYouth !== null);
  const youthList = (id: number, extra = "") => `/youth?${kind}=${id}${extra}`;
  const columns: DataTableColumn<PersonCaseload>[] = [
    {
      id: "name",
      header: kind === "advocate" ? "Advocate" : "Supervisor",
      cell: (r) => (kind === "supervisor" ? <Link to={`/caseload?supervisor=${r.person.id}`}>{r.person.name}</Link> : r.person.name),
    },
    {
      id: "youth",
      header: "Youth",
      className: "num",
      cell: (r) => <Link to={youthList(r.person.id)}>{r.youth}</Link>,
    },
    {
      id: "missing",
      header: "Missing now",
      className: "num",
      cell: (r) => <CountLink n={r.missingNow} to={youthList(r.person.id, "&missing=now")} what="missing now" urgent />,
    },
    {
      id: "stale",
      header: "With a stale contact",
      className: "num",
      cell: (r) => <CountLink n={r.staleYouth} to={youthList(r.person.id, "&stale=1")} what="youth with a stale contact" urgent />,
    },
    { id: "overdue", header: "Overdue actions", className: "num", cell: (r) => r.overdueActions || <span className="muted">–</span> },
    { id: "pending", header: "Pending requests", className: "num", cell: (r) => r.pendingRequests || <span className="muted">–</span> },
  ];
  if (showsConcerns) {
    columns.push({
      id: "concerns",
      header: "Youth with a concern to review",
      className: "num",
      cell: (r) => <CountLink n={r.concernYouth ?? 0} to={youthList(r.person.id, "&csec=concern")} what="youth with a concern" urgent />,
    });
  }
  return (
    <DataTable
      rows={people.rows}
      columns={columns}
      getRowId={(r) => String(r.person.id)}
      total={people.total}
      page={people.page}
      size={people.size}
      sort={{ id: "name", desc: false }}
      caption={caption}
      hideCaption
      rowHeaderColumnId="name"
      paged={paged}
      emptyState={<p className="empty-state">No {kind}s have open cases yet.</p>}
    />
  );
}
