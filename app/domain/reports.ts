/**
 * The reports' own rules, decided here and tested here: which period a report covers (and the one
 * before it, for the summary), its months, and small-count suppression.
 *
 * Suppression: any count from 1 to 4 in a breakdown could single out a youth, so it is shown as
 * "fewer than 5" everywhere (screen, charts' tables, CSV, Excel), and where a shown total would
 * let a hidden count be worked out by subtraction, a second count is hidden as well.
 */
import { addDays, daysBetween, isCalendarDate } from "./dates";

// =============================================================================================
// Periods

export const PERIOD_KINDS = ["this_month", "last_month", "last_quarter", "year_to_date", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  this_month: "This month",
  last_month: "Last month",
  last_quarter: "Last quarter",
  year_to_date: "Year to date",
  custom: "Custom dates",
};

/** Calendar days, both ends included, in the program's time zone. */
export type Period = { kind: PeriodKind; from: string; to: string };

/** The longest custom period: three years of months keeps every chart readable. */
export const MAX_PERIOD_DAYS = 3 * 366;

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
function monthEnd(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}
function shiftMonths(day: string, n: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

export type PeriodInput = { period?: string; from?: string; to?: string };
export type PeriodResult = { ok: true; period: Period } | { ok: false; errors: Partial<Record<"from" | "to", string>> };

/** The period a report's URL asks for, on `today` (the program's calendar date). This month by default. */
export function resolvePeriod(input: PeriodInput, today: string): PeriodResult {
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(input.period ?? "") ? (input.period as PeriodKind) : "this_month";
  switch (kind) {
    case "this_month":
      return { ok: true, period: { kind, from: monthStart(today), to: today } };
    case "last_month": {
      const from = shiftMonths(today, -1);
      return { ok: true, period: { kind, from, to: monthEnd(from) } };
    }
    case "last_quarter": {
      const month = Number(today.slice(5, 7));
      const thisQuarterStart = `${today.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`;
      const from = shiftMonths(thisQuarterStart, -3);
      return { ok: true, period: { kind, from, to: addDays(thisQuarterStart, -1) } };
    }
    case "year_to_date":
      return { ok: true, period: { kind, from: `${today.slice(0, 4)}-01-01`, to: today } };
    case "custom": {
      const errors: Partial<Record<"from" | "to", string>> = {};
      const from = input.from?.trim() ?? "";
      const to = input.to?.trim() ?? "";
      if (!isCalendarDate(from)) errors.from = "Enter the first day of the period.";
      if (!isCalendarDate(to)) errors.to = "Enter the last day of the period.";
      if (!errors.from && !errors.to) {
        if (to < from) errors.to = "The last day cannot be before the first day.";
        else if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) errors.to = "Choose a period of at most three years.";
        else if (from > today) errors.from = "The period cannot start in the future.";
      }
      if (errors.from || errors.to) return { ok: false, errors };
      return { ok: true, period: { kind, from, to } };
    }
  }
}

/**
 * The period just before, for "this period beside the previous one": the previous calendar month
 * (for a month so far, the whole previous month), the quarter before, the same days of last year
 * (year to date), or as many days immediately before (custom).
 */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case "this_month":
    case "last_month": {
      const from = shiftMonths(period.from, -1);
      return { kind: "custom", from, to: monthEnd(from) };
    }
    case "last_quarter": {
      const from = shiftMonths(period.from, -3);
      return { kind: "custom", from, to: addDays(period.from, -1) };
    }
    case "year_to_date": {
      const year = Number(period.from.slice(0, 4)) - 1;
      const to = `${year}${period.to.slice(4)}`;
      // 29 February of a leap year has no counterpart: the last day of February instead.
      return { kind: "custom", from: `${year}-01-01`, to: isCalendarDate(to) ? to : `${year}-02-28` };
    }
    case "custom": {
      const days = daysBetween(period.from, period.to) + 1;
      return { kind: "custom", from: addDays(period.from, -days), to: addDays(period.from, -1) };
    }
  }
}

/** The months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(period: Pick<Period, "from" | "to">): string[] {
  const months: string[] = [];
  for (let m = monthStart(period.from); m <= period.to; m = shiftMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

/** "March 2026" for `2026-03`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 15)));
}

// =============================================================================================
// Small counts

export const SUPPRESSED = "fewer than 5";
export type Suppressed = typeof SUPPRESSED;
/** A count as it may be shown: the number, or "fewer than 5". */
export type ShownCount = number | Suppressed;

export const isSuppressed = (v: unknown): v is Suppressed => v === SUPPRESSED;

/** Counts from 1 to 4 single a youth out; 0 does not (nothing to single out). */
export const isSmallCount = (n: number) => n >= 1 && n <= 4;

export type SuppressedGrid = {
  cells: ShownCount[][];
  /** Present when asked for: each row's total (the sum of its cells). */
  rowTotals?: ShownCount[];
  /** Present when asked for: each column's total. */
  columnTotals?: ShownCount[];
  /** Present when both are asked for. */
  grandTotal?: ShownCount;
};

/**
 * Suppresses a table of counts: `cells[row][column]`, with the row and/or column totals the table
 * will show. The one function that decides what of a breakdown may be shown.
 *
 * 1. Every count (cell or total) from 1 to 4 is hidden.
 * 2. Where a line (a row with its total, a column with its total) has exactly one hidden entry,
 *    it could be worked out from the others, so the smallest other non-zero entry of that line is
 *    hidden too (a cell rather than the total, when there is one). Hiding one may expose another
 *    line, so this repeats until nothing changes.
 *
 * A list without totals is one row with `rowTotals: false`. Zeros are always shown.
 */
export function suppressCounts(
  cells: readonly (readonly number[])[],
  opts: { rowTotals?: boolean; columnTotals?: boolean } = {},
): SuppressedGrid {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : Math.max(...cells.map((r) => r.length));
  // One matrix with the totals as an extra column (rowTotals) and an extra row (columnTotals).
  const R = rows + (opts.columnTotals ? 1 : 0);
  const C = cols + (opts.rowTotals ? 1 : 0);
  const value: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(0));
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) value[r]![c] = cells[r]![c] ?? 0;
  if (opts.rowTotals) for (let r = 0; r < rows; r++) value[r]![cols] = value[r]!.slice(0, cols).reduce((a, b) => a + b, 0);
  if (opts.columnTotals) for (let c = 0; c < C; c++) value[rows]![c] = value.slice(0, rows).reduce((a, row) => a + row[c]!, 0);

  const hidden: boolean[][] = value.map((row) => row.map(isSmallCount));

  // Lines that a reader can add up: each data row with its total, each column with its total.
  const lines: [number, number][][] = [];
  if (opts.rowTotals) for (let r = 0; r < R; r++) lines.push(Array.from({ length: C }, (_, c) => [r, c] as [number, number]));
  if (opts.columnTotals) for (let c = 0; c < C; c++) lines.push(Array.from({ length: R }, (_, r) => [r, c] as [number, number]));
  const isTotal = ([r, c]: [number, number]) => (opts.rowTotals && c === cols) || (opts.columnTotals && r === rows);

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => hidden[r]![c]).length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => !hidden[r]![c] && value[r]![c]! > 0)
        .sort((a, b) => Number(isTotal(a)) - Number(isTotal(b)) || value[a[0]]![a[1]]! - value[b[0]]![b[1]]!);
      const pick = candidates[0];
      if (pick) {
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
  }

  const shown = (r: number, c: number): ShownCount => (hidden[r]![c] ? SUPPRESSED : value[r]![c]!);
  const out: SuppressedGrid = { cells: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => shown(r, c))) };
  if (opts.rowTotals) out.rowTotals = Array.from({ length: rows }, (_, r) => shown(r, cols));
  if (opts.columnTotals) out.columnTotals = Array.from({ length: cols }, (_, c) => shown(rows, c));
  if (opts.rowTotals && opts.columnTotals) out.grandTotal = shown(rows, cols);
  return out;
}

/** One count on its own (no total beside it). */
export function suppressCount(n: number): ShownCount {
  return suppressCounts([[n]]).cells[0]![0]!;
}

/**
 * A part of a whole shown side by side ("episodes" and "of which reported within 24 hours"): the
 * rest (whole - part) is as good as shown, so it is suppressed too, as a cell of the same line.
 */
export function suppressPartOfWhole(part: number, whole: number): { part: ShownCount; whole: ShownCount } {
  const g = suppressCounts([[part, Math.max(0, whole - part)]], { rowTotals: true });
  return { part: g.cells[0]![0]!, whole: g.rowTotals![0]! };
}

// =============================================================================================
// Medians and percentiles

/**
 * The median and 90th percentile of values given as a histogram (value -> how many), as SQL
 * returns them grouped: the median is the middle value, or the mean of the two middle ones; the
 * 90th percentile is the nearest rank, the value at rank ceil(0.9 n) in ascending order.
 */
export function medianAndP90(histogram: readonly { value: number; n: number }[]): { n: number; median: number | null; p90: number | null } {
  const sorted = [...histogram].filter((h) => h.n > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((a, h) => a + h.n, 0);
  if (n === 0) return { n: 0, median: null, p90: null };
  /** The value at 1-based rank `rank`. */
  const at = (rank: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (seen >= rank) return h.value;
    }
    return sorted.at(-1)!.value;
  };
  const median = n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
  return { n, median, p90: at(Math.ceil((9 * n) / 10)) };
}
