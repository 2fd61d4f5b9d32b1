/** The period of a report: this month, last month, last quarter, year to date, or custom dates. */
import { formatDate } from "~/domain/dates";
import { PERIOD_KINDS, PERIOD_LABELS, type Period } from "~/domain/reports";
import type { ReportParams } from "~/server/reports.server";

export function PeriodFields({ values, errors }: { values: ReportParams; errors: Partial<Record<keyof ReportParams, string>> }) {
  return (
    <>
      <div className="field">
        <label htmlFor="f-period">Period</label>
        <select id="f-period" name="period" defaultValue={values.period} key={`p-${values.period}`}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {PERIOD_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {(["from", "to"] as const).map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`f-${f}`}>{f === "from" ? "From (custom dates)" : "To (custom dates)"}</label>
          <input
            id={`f-${f}`}
            name={f}
            type="date"
            defaultValue={values[f]}
            key={`${f}-${values[f]}`}
            aria-invalid={errors[f] ? true : undefined}
            aria-describedby={errors[f] ? `f-${f}-error` : undefined}
          />
          {errors[f] ? (
            <p className="field-error" id={`f-${f}-error`}>
              {errors[f]}
            </p>
          ) : null}
        </div>
      ))}
    </>
  );
}

/** "This month: 1 Dec 2026 – 2 Dec 2026". */
export function periodInWords(period: Period): string {
  return `${PERIOD_LABELS[period.kind]}: ${formatDate(period.from, "UTC")} – ${formatDate(period.to, "UTC")}`;
}
