/**
 * Reusable, accessible, server-driven data table.
 *
 * All processing (sorting, filtering, paging) happens in SQL on the server; the
 * table state lives in the URL (see ./url-state.ts). TanStack Table v9 is used
 * in fully manual mode purely as the header/row/pagination model. Every state
 * change is a plain <Link> or a GET <Form>, so the table works without JS.
 *
 * No data fetching here: the route loader parses the URL with
 * `parseTableParams`, queries, and passes `rows`, `total`, `page`, `size`,
 * `sort` down.
 */
import { useId, useMemo, type ReactNode } from "react";
import { Form, Link, useLocation, useSearchParams } from "react-router";
import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type TableState,
} from "@tanstack/react-table";
import { DEFAULT_PAGE_SIZES, TABLE_PARAM, formatSort, withParams, type SortState } from "./url-state";

export type DataTableColumn<TRow> = {
  /** Column id; for sortable columns this is the value used in `?sort=<id>.asc`. */
  id: string;
  /** Plain-text header (also the sort link's visible text). */
  header: string;
  cell: (row: TRow) => ReactNode;
  /** Renders the header as a sort link. The id must also be in the loader's `sortable` whitelist. */
  sortable?: boolean;
  /** Applied to both the <th> and every <td> of the column. */
  className?: string;
};

export type DataTableProps<TRow extends RowData> = {
  rows: readonly TRow[];
  columns: readonly DataTableColumn<TRow>[];
  getRowId: (row: TRow) => string;
  /** Total number of rows matching the current filters (across all pages). */
  total: number;
  /** Current 1-based page, as parsed by `parseTableParams`. */
  page: number;
  /** Current page size, as parsed by `parseTableParams`. */
  size: number;
  sort: SortState;
  /** Table caption (accessible name of the table). */
  caption: string;
  /** Keep the caption for screen readers but hide it visually. */
  hideCaption?: boolean;
  /** Rendered instead of the table when `rows` is empty. */
  emptyState: ReactNode;
  /** Page-size choices for the "Rows per page" select. Default: [10, 25, 50, 100]. */
  pageSizes?: readonly number[];
  /** Optional column whose cells are rendered as `<th scope="row">` (e.g. the name column). */
  rowHeaderColumnId?: string;
  /** Locale for number formatting in the pager. Fixed (not the runtime default) to avoid SSR/hydration mismatches. */
  locale?: string;
  /** Extra class on the outer wrapper. */
  className?: string;
  /** False for a table that shows all its rows beside another table that owns the URL's page and size: no pager. */
  paged?: boolean;
};

type DataTableColumnMeta = { className?: string };
/** Only its type matters: tableFeatures reads the shape of column `meta` from it. */
const columnMeta: DataTableColumnMeta = {};

// Module scope: v9 wants a stable features object. Only the two features we
// need; no sorted/paginated row-model slots, because the server does the work.
const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta,
});
type Features = typeof features;

function cx(...names: Array<string | false | null | undefined>): string | undefined {
  const joined = names.filter(Boolean).join(" ");
  return joined || undefined;
}

export function DataTable<TRow extends RowData>({
  rows,
  columns,
  getRowId,
  total,
  page,
  size,
  sort,
  caption,
  hideCaption = false,
  emptyState,
  pageSizes = DEFAULT_PAGE_SIZES,
  rowHeaderColumnId,
  locale = "en-US",
  className,
  paged = true,
}: DataTableProps<TRow>) {
  const [searchParams] = useSearchParams();
  const captionId = useId();

  const tableColumns = useMemo(
    () =>
      columns.map((col): ColumnDef<Features, TRow> => ({
        id: col.id,
        header: col.header,
        // v9 only lets a column sort (`getCanSort`) if it has an accessor, so
        // give every column an identity accessor; cells render from the row.
        accessorFn: (row) => row,
        cell: (ctx) => col.cell(ctx.row.original),
        enableSorting: col.sortable === true,
        meta: { className: col.className },
      })),
    [columns],
  );

  // Memoised so controlled state is referentially stable between renders.
  const state = useMemo(
    (): Partial<TableState<Features>> => ({
      sorting: [{ id: sort.id, desc: sort.desc }],
      pagination: { pageIndex: Math.max(page, 1) - 1, pageSize: size },
    }),
    [sort.id, sort.desc, page, size],
  );

  // State is read-only here: it comes from the URL and changes only through
  // links/forms, so no on*Change handlers are wired.
  const table = useTable({
    features,
    columns: tableColumns,
    data: rows,
    getRowId,
    state,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });

  const fmt = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const pageCount = table.getPageCount();
  const firstRow = (page - 1) * size + 1;
  const lastRow = firstRow + rows.length - 1;

  const sizeOptions = pageSizes.includes(size) ? pageSizes : [...pageSizes, size].sort((a, b) => a - b);
  const preservedParams = [...searchParams.entries()].filter(([key]) => key !== TABLE_PARAM.page && key !== TABLE_PARAM.size);

  // Out of range (e.g. page 99 of 13): "Previous" goes to the last real page.
  const prevPage = Math.min(page - 1, Math.max(pageCount, 1));
  // Page 1 is the default, so drop the param instead of writing `page=1`.
  const prevHref = withParams(searchParams, { [TABLE_PARAM.page]: prevPage <= 1 ? null : prevPage });
  const nextHref = withParams(searchParams, { [TABLE_PARAM.page]: page + 1 });

  return (
    <div className={cx("dt", className)}>
      {rows.length === 0 ? (
        <div className="dt-empty">{emptyState}</div>
      ) : (
        // Focusable, labelled region so keyboard users can scroll a wide table.
        <div className="dt-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="dt-table">
            <caption id={captionId} className={cx("dt-caption", hideCaption && "sr-only")}>
              {caption}
            </caption>
            <thead className="dt-head">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const column = header.column;
                    const colClass = column.columnDef.meta?.className;
                    if (header.isPlaceholder) {
                      return <td key={header.id} className={colClass} />;
                    }
                    if (!column.getCanSort()) {
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                          className={cx("dt-th", colClass)}
                        >
                          <table.FlexRender header={header} />
                        </th>
                      );
                    }
                    const current = column.getIsSorted();
                    // enableSortingRemoval: false => never `false`; unsorted -> asc -> desc -> asc.
                    const next = column.getNextSortingOrder() || "asc";
                    const to = withParams(searchParams, {
                      [TABLE_PARAM.sort]: formatSort({ id: column.id, desc: next === "desc" }),
                      [TABLE_PARAM.page]: null,
                    });
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                        aria-sort={current === "asc" ? "ascending" : current === "desc" ? "descending" : "none"}
                        className={cx("dt-th", "dt-th-sortable", current && "dt-sorted", colClass)}
                      >
                        <Link to={to} preventScrollReset className="dt-sort-link">
                          <table.FlexRender header={header} />
                          <span className="dt-sort-icon" aria-hidden="true">
                            {current === "asc" ? " ▲" : current === "desc" ? " ▼" : " ↕"}
                          </span>
                          <span className="sr-only">{next === "desc" ? " (sort descending)" : " (sort ascending)"}</span>
                        </Link>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="dt-body">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="dt-row">
                  {row.getAllCells().map((cell) => {
                    const colClass = cell.column.columnDef.meta?.className;
                    return cell.column.id === rowHeaderColumnId ? (
                      <th key={cell.id} scope="row" className={cx("dt-td", "dt-row-header", colClass)}>
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id} className={cx("dt-td", colClass)}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {paged && (total > 0 || page > 1) ? (
        <nav aria-label="Pagination" className="dt-pager">
          <p className="dt-pager-summary" role="status">
            {rows.length > 0
              ? `Showing ${fmt.format(firstRow)}–${fmt.format(lastRow)} of ${fmt.format(total)}`
              : `Showing 0 of ${fmt.format(total)}`}
          </p>
          <ul className="dt-pager-list">
            <li className="dt-pager-item">
              {table.getCanPreviousPage() ? (
                <Link to={prevHref} rel="prev" className="dt-pager-link dt-pager-prev">
                  Previous<span className="sr-only"> page</span>
                </Link>
              ) : (
                <span role="link" aria-disabled="true" className="dt-pager-link dt-pager-prev dt-disabled">
                  Previous<span className="sr-only"> page</span>
                </span>
              )}
            </li>
            <li className="dt-pager-item dt-pager-status">
              Page {fmt.format(page)} of {fmt.format(Math.max(pageCount, 1))}
            </li>
            <li className="dt-pager-item">
              {table.getCanNextPage() ? (
                <Link to={nextHref} rel="next" className="dt-pager-link dt-pager-next">
                  Next<span className="sr-only"> page</span>
                </Link>
              ) : (
                <span role="link" aria-disabled="true" className="dt-pager-link dt-pager-next dt-disabled">
                  Next<span className="sr-only"> page</span>
                </span>
              )}
            </li>
          </ul>
          <PageSizeForm size={size} sizeOptions={sizeOptions} preservedParams={preservedParams} fmt={fmt} />
        </nav>
      ) : null}
    </div>
  );
}

function PageSizeForm({
  size,
  sizeOptions,
  preservedParams,
  fmt,
}: {
  size: number;
  sizeOptions: readonly number[];
  preservedParams: ReadonlyArray<readonly [string, string]>;
  fmt: Intl.NumberFormat;
}) {
  const selectId = useId();
  const { pathname } = useLocation();
  // A GET form replaces the whole query string, so every other current param
  // (filters, sort) is carried in hidden inputs; `page` is dropped on purpose
  // (changing the size resets to page 1). An explicit pathname action avoids
  // React Router appending `?index` on index routes.
  // No auto-submit on change: an explicit "Apply" keeps keyboard users who
  // arrow through the options from triggering a navigation per keystroke
  // (WCAG 3.2.2 On Input), and it is the same flow with or without JS.
  return (
    <Form method="get" action={pathname} preventScrollReset className="dt-page-size">
      {preservedParams.map(([key, value], i) => (
        <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor={selectId} className="dt-page-size-label">
        Rows per page
      </label>
      {/* key: remount when the URL's size changes (e.g. back button) so the uncontrolled select stays in sync. */}
      <select key={size} id={selectId} name={TABLE_PARAM.size} defaultValue={String(size)} className="dt-page-size-select">
        {sizeOptions.map((n) => (
          <option key={n} value={String(n)}>
            {fmt.format(n)}
          </option>
        ))}
      </select>
      <button type="submit" className="dt-page-size-apply">
        Apply
      </button>
    </Form>
  );
}
