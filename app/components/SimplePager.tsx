/**
 * The plain paging of a filtered list paged in SQL (people, audit log): a count line above the
 * list ("120 entries, page 2 of 3"), the list, and Previous/Next links below it, each the list's
 * URL with its filters and the other page.
 */
import type { ReactNode } from "react";
import { Link } from "react-router";

export function SimplePager({
  path,
  params,
  page,
  total,
  totalIsCapped = false,
  size,
  noun,
  previous = "Previous page",
  next = "Next page",
  pageParam = "page",
  label = "Pages",
  children,
}: {
  /** The list's URL path, and its filters (empty ones are left out of the links). */
  path: string;
  params: Record<string, string>;
  page: number;
  total: number;
  /** The count stopped at `total`: there are more, reached by narrowing the filters. */
  totalIsCapped?: boolean;
  size: number;
  /** What the list counts: ["person", "people"]. */
  noun: readonly [one: string, many: string];
  previous?: string;
  next?: string;
  /** The query parameter of the page (a page with two lists pages each by its own). */
  pageParam?: string;
  /** The pager's name for screen readers (unique on the page). */
  label?: string;
  children: ReactNode;
}) {
  const last = Math.max(1, Math.ceil(total / size));
  const href = (p: number) =>
    `${path}?${new URLSearchParams(Object.entries({ ...params, [pageParam]: String(p) }).filter(([, v]) => v !== "")).toString()}`;
  return (
    <>
      <p className="muted">
        {totalIsCapped ? `More than ${total.toLocaleString("en-US")}` : total} {total === 1 ? noun[0] : noun[1]}
        {last > 1 ? `, page ${page} of ${last}` : ""}
        {totalIsCapped ? ". Narrow the dates or filters to reach older ones." : ""}
      </p>
      {children}
      {last > 1 ? (
        <nav aria-label={label} className="dt-pager">
          {page > 1 ? <Link to={href(page - 1)}>{previous}</Link> : null} {page < last ? <Link to={href(page + 1)}>{next}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
