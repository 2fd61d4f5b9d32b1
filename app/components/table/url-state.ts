/**
 * URL <-> table-state helpers for server-driven tables.
 *
 * Pure and client-safe: no React, no DOM beyond the standard URLSearchParams.
 * The URL is the single source of truth for a table's state:
 *
 *   ?page=2&size=25&sort=name.asc&<filters...>
 *
 * - `page`: 1-based page number.
 * - `size`: rows per page; must be one of the allowed page sizes.
 * - `sort`: `<field>.asc` or `<field>.desc`; `<field>` must be whitelisted
 *   (it ends up in an ORDER BY, so never trust it without the whitelist).
 * - anything else: filters, owned by the page that renders the table.
 */

export type SortState = { id: string; desc: boolean };

export type TableParams = {
  /** 1-based page number, always an integer >= 1. */
  page: number;
  /** Rows per page, always one of `pageSizes` (or `defaultSize`). */
  size: number;
  /** Always a whitelisted field (or the default sort). */
  sort: SortState;
};

export type ParseTableParamsOptions = {
  /** Whitelist of sortable field ids. Anything else falls back to `defaultSort`. */
  sortable: readonly string[];
  defaultSort: SortState;
  /** Allowed page sizes. Default: `DEFAULT_PAGE_SIZES`. */
  pageSizes?: readonly number[];
  /** Used when `size` is missing or not allowed. Default: 25. Should be one of `pageSizes`. */
  defaultSize?: number;
};

export const DEFAULT_PAGE_SIZES: readonly number[] = [10, 25, 50, 100];
export const DEFAULT_PAGE_SIZE = 25;

/** Names of the URL params owned by the table. */
export const TABLE_PARAM = { page: "page", size: "size", sort: "sort" } as const;

/** Only plain, non-negative decimal integers ("007" is fine, "1e3", "2.0", " 2", "+2", "0x10" are not). */
const DIGITS = /^[0-9]+$/;

function parsePositiveInt(raw: string | null): number | null {
  if (raw === null || !DIGITS.test(raw)) return null;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) return null;
  return n;
}

/** `{ id: "name", desc: false }` -> `"name.asc"`. */
export function formatSort(sort: SortState): string {
  return `${sort.id}.${sort.desc ? "desc" : "asc"}`;
}

/**
 * `"name.asc"` -> `{ id: "name", desc: false }`, or `null` if malformed or the
 * field is not in `sortable`. The direction is split at the last dot, so field
 * ids may themselves contain dots (`client.name.desc`).
 */
export function parseSort(raw: string | null, sortable: readonly string[]): SortState | null {
  if (raw === null) return null;
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = raw.slice(0, dot);
  const dir = raw.slice(dot + 1);
  if (dir !== "asc" && dir !== "desc") return null;
  if (!sortable.includes(id)) return null;
  return { id, desc: dir === "desc" };
}

/**
 * Reads `page`, `size` and `sort` from the URL, replacing anything missing,
 * malformed or not allowed with a safe default. Never throws.
 *
 * Only the first occurrence of each param is considered.
 */
export function parseTableParams(searchParams: URLSearchParams, opts: ParseTableParamsOptions): TableParams {
  const pageSizes = opts.pageSizes ?? DEFAULT_PAGE_SIZES;
  const defaultSize = opts.defaultSize ?? DEFAULT_PAGE_SIZE;

  const page = parsePositiveInt(searchParams.get(TABLE_PARAM.page)) ?? 1;

  const requestedSize = parsePositiveInt(searchParams.get(TABLE_PARAM.size));
  const size = requestedSize !== null && pageSizes.includes(requestedSize) ? requestedSize : defaultSize;

  const sort = parseSort(searchParams.get(TABLE_PARAM.sort), opts.sortable) ?? {
    id: opts.defaultSort.id,
    desc: opts.defaultSort.desc,
  };

  return { page, size, sort };
}

/**
 * Returns a `?query` string (for `<Link to>` / `href`) made of the current
 * params with `changes` applied: a string/number sets the key (replacing every
 * existing value of that key), `null` deletes it. The input is not mutated.
 * Unchanged params (filters, etc.) are preserved in their original order.
 *
 * Always returns a string starting with "?"; a bare "?" means "no params"
 * and is a valid link target (the current path with an empty query).
 *
 * IMPORTANT: anything that changes which rows exist or how they are ordered —
 * sort, page size, or any filter — must also reset the page, otherwise the
 * user can land on a page past the end. Callers do that by passing
 * `page: null` alongside the change, e.g.
 *
 *   withParams(searchParams, { sort: "name.desc", page: null })
 *   withParams(searchParams, { status: "open", page: null })
 *
 * Only pure page navigation passes a page number.
 */
export function withParams(searchParams: URLSearchParams, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams(searchParams);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `?${query}` : "?";
}
