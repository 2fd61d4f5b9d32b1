/**
 * How a report cell reads, on screen and in a chart's labels. Client-safe (no server imports).
 */
import { formatDate } from "~/domain/dates";
import { monthLabel } from "~/domain/reports";
import { formatCents } from "~/domain/requests";
import type { ReportCell, ReportColumn } from "~/server/reports.server";

export function cellText(column: ReportColumn, value: ReportCell, style: "long" | "short" = "long"): string {
  if (value === null) return "—";
  if (typeof value === "string" && column.kind !== "text" && column.kind !== "month" && column.kind !== "date" && column.kind !== "link") {
    return value; // "fewer than 5"
  }
  switch (column.kind) {
    case "money":
      return formatCents(Number(value));
    case "month":
      return /^\d{4}-\d{2}$/.test(String(value))
        ? style === "short"
          ? monthLabel(String(value)).replace(/^(\w{3})\w*/, "$1")
          : monthLabel(String(value))
        : String(value);
    case "date":
      return formatDate(String(value), "UTC");
    case "link":
      return `Request #${String(value).split("/").pop()}`;
    case "number":
      return typeof value === "number" ? value.toLocaleString("en-US", { maximumFractionDigits: 1 }) : String(value);
    case "count":
      return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
    default:
      return String(value);
  }
}
