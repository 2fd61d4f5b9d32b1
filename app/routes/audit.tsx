import { Form, Link, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/audit";
import { FilterActions } from "~/components/ListFilters";
import { SimplePager } from "~/components/SimplePager";
import { formatDateTime, isCalendarDate } from "~/domain/dates";
import { listAuditEvents } from "~/server/audit-log.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Audit log · CASA MDT" }];

const PAGE_SIZE = 50;
const day = z
  .string()
  .refine((v) => isCalendarDate(v))
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  who: z.string().trim().max(100).optional().catch(undefined),
  youth: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  youthText: z.string().trim().max(100).optional().catch(undefined),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)+$/)
    .max(60)
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const f = filterSchema.parse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== "")));
  const log = listAuditEvents(viewer, {
    who: f.who,
    youthId: f.youth,
    youthText: f.youthText,
    action: f.action,
    from: f.from,
    to: f.to,
    page: f.page,
    size: PAGE_SIZE,
  });
  return {
    log,
    size: PAGE_SIZE,
    timeZone: viewer.timeZone,
    filters: {
      who: f.who ?? "",
      youth: f.youth ? String(f.youth) : "",
      youthText: f.youthText ?? "",
      action: f.action ?? "",
      from: f.from ?? "",
      to: f.to ?? "",
    },
  };
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { log, filters, size, timeZone } = loaderData;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/audit";
  const filtered = Object.values(filters).some(Boolean);
  const forYouth = filters.youth ? log.rows.find((r) => String(r.youthId) === filters.youth)?.youthName : null;
  return (
    <section aria-labelledby="audit-heading" aria-busy={loading}>
      <div className="page-head">
        <h1 id="audit-heading">{forYouth ? `Who has seen or changed ${forYouth}’s record` : "Audit log"}</h1>
        <p className="muted">
          Every change to case data and every read of a youth’s record, prep packet, court draft and export, newest first.
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Filter the audit log">
        {filters.youth ? <input type="hidden" name="youth" value={filters.youth} /> : null}
        <div className="field">
          <label htmlFor="f-who">Who (name or email)</label>
          <input id="f-who" name="who" type="search" defaultValue={filters.who} key={`w-${filters.who}`} />
        </div>
        {filters.youth ? null : (
          <div className="field">
            <label htmlFor="f-youthText">Youth (name or case number)</label>
            <input id="f-youthText" name="youthText" type="search" defaultValue={filters.youthText} key={`y-${filters.youthText}`} />
          </div>
        )}
        <div className="field">
          <label htmlFor="f-action">Action</label>
          <select id="f-action" name="action" defaultValue={filters.action} key={`a-${filters.action}`}>
            <option value="">Any</option>
            {log.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from} key={`f-${filters.from}`} />
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to} key={`t-${filters.to}`} />
        </div>
        <FilterActions filtered={filtered} clearHref="/audit" />
      </Form>
      {log.rows.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? "Nothing in the log matches these filters." : "The log is empty."}</p>
        </div>
      ) : (
        <SimplePager
          path="/audit"
          params={filters}
          total={log.total}
          totalIsCapped={log.totalIsCapped}
          page={log.page}
          size={size}
          noun={["entry", "entries"]}
          previous="Newer entries"
          next="Older entries"
        >
          <div className="table-scroll" role="region" aria-labelledby="audit-heading" tabIndex={0}>
            <table className="simple-table compact">
              <caption className="sr-only">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Youth</th>
                  <th scope="col">Record</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {log.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{formatDateTime(r.at, timeZone)}</th>
                    <td>{r.actor ?? "—"}</td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>{r.youthId && r.youthName ? <Link to={`/youth/${r.youthId}`}>{r.youthName}</Link> : "—"}</td>
                    <td>{r.entity ?? "—"}</td>
                    <td className="audit-details">{r.details ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </SimplePager>
      )}
    </section>
  );
}
