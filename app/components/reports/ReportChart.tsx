/**
 * A report table drawn as bars. Imported only by the report routes, and recharts itself (in
 * ReportBars) only once the page runs in the browser, so no page's first load downloads it. The
 * same numbers are in the table beside the chart.
 *
 * Drawn in the browser only: recharts sizes itself with inline styles, which the Content
 * Security Policy refuses in server-rendered HTML (`style-src 'self'`) but allows when React sets
 * them on elements it creates. Without JavaScript the table carries the numbers.
 */
import { lazy, Suspense } from "react";
import { useInBrowser } from "~/components/use-in-browser";
import type { ReportTable } from "~/server/reports.server";

const ReportBars = lazy(() => import("./ReportBars"));

export function ReportChart({ table }: { table: ReportTable }) {
  const inBrowser = useInBrowser();
  if (!table.chart) return null;
  const pending = <div className="report-chart report-chart-pending" aria-hidden="true" />;
  if (!inBrowser) return pending;
  return (
    <Suspense fallback={pending}>
      <ReportBars table={table} chart={table.chart} />
    </Suspense>
  );
}
