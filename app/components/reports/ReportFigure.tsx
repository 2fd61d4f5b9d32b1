/**
 * One report table in a `<figure>`: its caption, its chart when it has one, the same numbers in a
 * table, and its downloads (CSV, Excel). The chart is passed in, so this file never imports
 * recharts itself.
 */
import { Link } from "react-router";
import type { ReportTable } from "~/server/reports.server";
import { cellText } from "./format";

export function ReportTableView({ table }: { table: ReportTable }) {
  const numeric = (kind: string) => kind !== "text" && kind !== "month" && kind !== "link" && kind !== "date";
  if (table.rows.length === 0) return <p className="muted">Nothing in this period.</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${table.key}-title`} tabIndex={0}>
      <table className="report-table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={numeric(c.kind) ? "num" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {table.columns.map((c, i) => {
                const text = cellText(c, row[i] ?? null);
                const content = c.kind === "link" && typeof row[i] === "string" ? <Link to={row[i]}>{text}</Link> : text;
                return i === 0 ? (
                  <th key={c.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className={numeric(c.kind) ? "num" : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {table.totalRow ? (
          <tfoot>
            <tr>
              {table.columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row">
                    {String(table.totalRow![0])}
                  </th>
                ) : (
                  <td key={c.key} className={numeric(c.kind) ? "num" : undefined}>
                    {cellText(c, table.totalRow![i] ?? null)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export function ReportFigure({ table, search, chart }: { table: ReportTable; search: string; chart?: React.ReactNode }) {
  const file = (ext: string) => `/reports/tables/${table.key}.${ext}${search ? `?${search}` : ""}`;
  return (
    <figure className="report-figure" aria-labelledby={`${table.key}-title`} id={table.key}>
      <figcaption>
        <h3 id={`${table.key}-title`}>{table.title}</h3>
        <p className="muted">{table.caption}</p>
      </figcaption>
      {chart}
      <ReportTableView table={table} />
      <p className="report-downloads no-print">
        Download:{" "}
        <a href={file("csv")}>
          CSV<span className="sr-only"> of {table.title}</span>
        </a>
        {" · "}
        <a href={file("xlsx")}>
          Excel<span className="sr-only"> workbook of {table.title}</span>
        </a>
        {table.listHref ? (
          <>
            {" · "}
            <Link to={table.listHref}>See the list</Link>
          </>
        ) : null}
      </p>
    </figure>
  );
}
