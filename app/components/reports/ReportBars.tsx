/**
 * The bars of a report chart (recharts), loaded by ReportChart only once the page runs in the
 * browser: recharts (~125 KB gzipped) is in this module's chunk alone, so even the report pages'
 * first load does not wait for it. Colour never carries meaning alone: each series also has its
 * own pattern, named in the legend. A count hidden as "fewer than 5" is not drawn (it never
 * reached the browser).
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ReportTable } from "~/server/reports.server";
import { formatCents } from "~/domain/requests";
import { cellText } from "./format";

/** Okabe-Ito colours (distinguishable with the common colour-vision deficiencies). */
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];

type Pattern = { id: string; mark: React.ReactNode };
const PATTERNS: Pattern[] = [
  { id: "solid", mark: null },
  { id: "stripes", mark: <path d="M0,8 L8,0" stroke="#fff" strokeWidth="2" /> },
  { id: "dots", mark: <circle cx="4" cy="4" r="1.6" fill="#fff" /> },
  { id: "cross", mark: <path d="M0,0 L8,8 M8,0 L0,8" stroke="#fff" strokeWidth="1.2" /> },
  { id: "hlines", mark: <path d="M0,4 L8,4" stroke="#fff" strokeWidth="2" /> },
  { id: "vlines", mark: <path d="M4,0 L4,8" stroke="#fff" strokeWidth="2" /> },
];

const fillId = (table: string, i: number) => `fill-${table}-${i}`;

export default function Chart({ table, chart }: { table: ReportTable; chart: NonNullable<ReportTable["chart"]> }) {
  const x = table.columns.findIndex((c) => c.key === chart.x);
  const series = chart.series.map((key) => ({ key, index: table.columns.findIndex((c) => c.key === key) })).filter((s) => s.index >= 0);
  const data = table.rows.map((row) => {
    const point: Record<string, string | number | null> = { label: cellText(table.columns[x]!, row[x] ?? null, "short") };
    for (const s of series) {
      const v = row[s.index];
      point[s.key] = typeof v === "number" ? (chart.unit === "money" ? v / 100 : v) : null;
    }
    return point;
  });
  const format = (v: unknown) => (chart.unit === "money" ? formatCents(Math.round(Number(v) * 100)) : String(v));
  const described = series.map((s) => table.columns[s.index]!.header).join(", ");
  const notDrawn = table.rows.some((row) => series.some((s) => typeof row[s.index] === "string"));
  return (
    <>
      <div className="report-chart" role="img" aria-label={`Bar chart of ${described}. The table below has the same numbers.`}>
        <BarChart
          responsive
          data={data}
          style={{ width: "100%", maxWidth: 760, aspectRatio: 2.2 }}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        >
          <defs>
            {series.map((s, i) => {
              const pattern = PATTERNS[i % PATTERNS.length]!;
              return (
                <pattern key={s.key} id={fillId(table.key, i)} width="8" height="8" patternUnits="userSpaceOnUse">
                  <rect width="8" height="8" fill={COLOURS[i % COLOURS.length]} />
                  {pattern.mark}
                </pattern>
              );
            })}
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis
            allowDecimals={chart.unit !== "count"}
            tickFormatter={format}
            tick={{ fontSize: 12 }}
            width={chart.unit === "money" ? 72 : 40}
          />
          <Tooltip formatter={(v) => format(v)} />
          <Legend itemSorter={null} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={table.columns[s.index]!.header}
              stackId={chart.kind === "stacked" ? "stack" : undefined}
              fill={`url(#${fillId(table.key, i)})`}
              stroke={COLOURS[i % COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      {notDrawn ? <p className="muted chart-note">Counts from 1 to 4 are not drawn; the table shows them as “fewer than 5”.</p> : null}
    </>
  );
}
