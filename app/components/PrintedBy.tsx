import { formatDateTime } from "~/domain/dates";

/**
 * On paper only: who printed this confidential record and when, at the top of the first page.
 * Every page also carries "Confidential" and its page number (the print stylesheet's @page).
 */
export function PrintedBy({ printed, timeZone }: { printed: { by: string; at: string; program: string }; timeZone: string }) {
  return (
    <p className="print-only printed-by">
      Confidential: a case record of {printed.program}. Printed {formatDateTime(printed.at, timeZone)} by {printed.by}. Do not copy; shred
      when no longer needed.
    </p>
  );
}
