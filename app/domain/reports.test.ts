import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  medianAndP90,
  monthsOf,
  previousPeriod,
  resolvePeriod,
  suppressCount,
  suppressCounts,
  suppressPartOfWhole,
  SUPPRESSED,
  type Period,
} from "./reports";

const S = SUPPRESSED;
const period = (input: Parameters<typeof resolvePeriod>[0], today: string): Period => {
  const r = resolvePeriod(input, today);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.period;
};

describe("periods", () => {
  it("this month, last month, last quarter and year to date, on a known day", () => {
    expect(period({}, "2026-12-02")).toEqual({ kind: "this_month", from: "2026-12-01", to: "2026-12-02" });
    expect(period({ period: "last_month" }, "2026-03-31")).toEqual({ kind: "last_month", from: "2026-02-01", to: "2026-02-28" });
    expect(period({ period: "last_month" }, "2026-01-15")).toEqual({ kind: "last_month", from: "2025-12-01", to: "2025-12-31" });
    expect(period({ period: "last_quarter" }, "2026-12-02")).toEqual({ kind: "last_quarter", from: "2026-07-01", to: "2026-09-30" });
    expect(period({ period: "last_quarter" }, "2026-02-10")).toEqual({ kind: "last_quarter", from: "2025-10-01", to: "2025-12-31" });
    expect(period({ period: "year_to_date" }, "2026-12-02")).toEqual({ kind: "year_to_date", from: "2026-01-01", to: "2026-12-02" });
    expect(period({ period: "nonsense" }, "2026-12-02").kind).toBe("this_month");
  });

  it("custom dates are checked, all errors at once", () => {
    expect(period({ period: "custom", from: "2026-01-05", to: "2026-02-10" }, "2026-12-02")).toEqual({
      kind: "custom",
      from: "2026-01-05",
      to: "2026-02-10",
    });
    expect(resolvePeriod({ period: "custom", from: "2026-02-30", to: "" }, "2026-12-02")).toEqual({
      ok: false,
      errors: { from: "Enter the first day of the period.", to: "Enter the last day of the period." },
    });
    expect(resolvePeriod({ period: "custom", from: "2026-03-01", to: "2026-02-01" }, "2026-12-02")).toMatchObject({ ok: false });
    expect(resolvePeriod({ period: "custom", from: "2020-01-01", to: "2026-02-01" }, "2026-12-02")).toMatchObject({ ok: false });
    expect(resolvePeriod({ period: "custom", from: "2027-01-01", to: "2027-02-01" }, "2026-12-02")).toMatchObject({ ok: false });
  });

  it("the previous period is the month, quarter, same days of last year, or as many days before", () => {
    expect(previousPeriod(period({}, "2026-12-02"))).toMatchObject({ from: "2026-11-01", to: "2026-11-30" });
    expect(previousPeriod(period({ period: "last_quarter" }, "2026-12-02"))).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(previousPeriod(period({ period: "year_to_date" }, "2028-02-29"))).toMatchObject({ from: "2027-01-01", to: "2027-02-28" });
    expect(previousPeriod(period({ period: "custom", from: "2026-03-10", to: "2026-03-19" }, "2026-12-02"))).toMatchObject({
      from: "2026-02-28",
      to: "2026-03-09",
    });
  });

  it("months of a period", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOf({ from: "2026-12-01", to: "2026-12-02" })).toEqual(["2026-12"]);
  });
});

describe("small-count suppression", () => {
  it("hides 1 to 4, shows 0 and 5 or more", () => {
    expect([0, 1, 4, 5, 12].map(suppressCount)).toEqual([0, S, S, 5, 12]);
  });

  it("a breakdown with its total: a second, smallest cell is hidden so the first cannot be subtracted out", () => {
    // 3 + 6 + 9 = 18: 3 is hidden, so 6 (the smallest other non-zero) goes too; 9 and 18 stay.
    expect(suppressCounts([[3, 6, 9]], { rowTotals: true })).toEqual({ cells: [[S, S, 9]], rowTotals: [18] });
    // Two small cells already hide each other.
    expect(suppressCounts([[3, 2, 9]], { rowTotals: true })).toEqual({ cells: [[S, S, 9]], rowTotals: [14] });
    // A small total: hidden, and then one cell must go too, or the total could be added up.
    expect(suppressCounts([[0, 0, 0]], { rowTotals: true })).toEqual({ cells: [[0, 0, 0]], rowTotals: [0] });
    expect(suppressCounts([[3, 0]], { rowTotals: true })).toEqual({ cells: [[S, 0]], rowTotals: [S] });
    // Zeros are never the second cell (hiding a zero protects nothing).
    expect(suppressCounts([[7, 0, 3]], { rowTotals: true })).toEqual({ cells: [[S, 0, S]], rowTotals: [10] });
    // Without a total nothing can be subtracted: only the small count goes.
    expect(suppressCounts([[3, 6, 9]])).toEqual({ cells: [[S, 6, 9]] });
  });

  it("a part of a whole: the rest is as good as shown, so a small rest hides the part", () => {
    // 7 open, 5 not contacted: the 2 contacted could be worked out, so the 5 are hidden.
    expect(suppressPartOfWhole(5, 7)).toEqual({ part: S, whole: 7 });
    expect(suppressPartOfWhole(5, 10)).toEqual({ part: 5, whole: 10 });
    expect(suppressPartOfWhole(0, 6)).toEqual({ part: 0, whole: 6 });
    expect(suppressPartOfWhole(6, 6)).toEqual({ part: 6, whole: 6 });
    expect(suppressPartOfWhole(2, 3)).toEqual({ part: S, whole: S });
  });

  it("a table with row and column totals: hiding in a row can expose a column, and is followed through", () => {
    //        a   b   c | total
    // Jan    3  10  10 |  23   -> 3 hidden, then 10 (a) ... see below
    // Feb   10  10  10 |  30
    // total 13  20  20 |  53
    const g = suppressCounts(
      [
        [3, 10, 10],
        [10, 10, 10],
      ],
      { rowTotals: true, columnTotals: true },
    );
    // Row Jan hides 3 and one 10 (b); column a then has one hidden (3), so Feb's 10 in a goes;
    // column b has Jan's 10 hidden, so Feb's b goes; row Feb now has two hidden. Stable.
    expect(g.cells).toEqual([
      [S, S, 10],
      [S, S, 10],
    ]);
    expect(g.rowTotals).toEqual([23, 30]);
    expect(g.columnTotals).toEqual([13, 20, 20]);
    expect(g.grandTotal).toBe(53);
  });

  it("never leaves a line where a single hidden entry could be worked out (generated tables)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        (cells, rowTotals, columnTotals) => {
          const g = suppressCounts(cells, { rowTotals, columnTotals });
          const lines: (number | string)[][] = [];
          const values: (number | string)[][] = g.cells.map((row, r) => (rowTotals ? [...row, g.rowTotals![r]!] : row));
          if (columnTotals) values.push(rowTotals ? [...g.columnTotals!, g.grandTotal!] : g.columnTotals!);
          if (rowTotals) lines.push(...values);
          if (columnTotals) for (let c = 0; c < values[0]!.length; c++) lines.push(values.map((row) => row[c]!));
          for (const line of lines) expect(line.filter((v) => v === S).length).not.toBe(1);
          // Every shown number is the true one, and no count from 1 to 4 is shown.
          cells.forEach((row, r) =>
            row.forEach((n, c) => {
              const shown = g.cells[r]![c];
              if (shown !== S) expect(shown).toBe(n);
              if (n >= 1 && n <= 4) expect(shown).toBe(S);
            }),
          );
        },
      ),
    );
  });
});

describe("median and 90th percentile from a histogram", () => {
  it("by hand", () => {
    // 2, 4, 6, 8, 10, 20: median (6 + 8) / 2 = 7; rank ceil(5.4) = 6 -> 20.
    expect(medianAndP90([2, 4, 6, 8, 10, 20].map((value) => ({ value, n: 1 })))).toEqual({ n: 6, median: 7, p90: 20 });
    // 1, 2, 2, 3, 4, 6, 8, 10, 10, 20 as a histogram, out of order: median (4 + 6) / 2 = 5; rank 9 -> 10.
    expect(
      medianAndP90([
        { value: 10, n: 2 },
        { value: 1, n: 1 },
        { value: 2, n: 2 },
        { value: 20, n: 1 },
        { value: 3, n: 1 },
        { value: 4, n: 1 },
        { value: 6, n: 1 },
        { value: 8, n: 1 },
      ]),
    ).toEqual({ n: 10, median: 5, p90: 10 });
    expect(medianAndP90([{ value: 3, n: 1 }])).toEqual({ n: 1, median: 3, p90: 3 });
    expect(medianAndP90([])).toEqual({ n: 0, median: null, p90: null });
  });

  it("agrees with sorting every value (generated)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        const p90 = sorted[Math.ceil((9 * n) / 10) - 1]!; // nearest rank, counted in integers
        const histogram = [...new Set(values)].map((value) => ({ value, n: values.filter((v) => v === value).length }));
        expect(medianAndP90(histogram)).toEqual({ n, median, p90 });
      }),
    );
  });
});
