import { formatDateTime, plural } from "~/domain/dates";
import type { YouthSectionProps } from "./types";

/**
 * The youth at a glance, at the top of the page: what needs someone now, each a link to its
 * section. Read from the page's own data (no request of its own). A concern is counted only
 * for those who may see it: the reviewers see every open one, an advocate only their own.
 */
export function SummaryStrip({ page, timeZone }: YouthSectionProps) {
  const overdue = page.actions.filter((a) => a.status === "open" && (a.daysOverdue ?? 0) > 0).length;
  const stale = page.freshness.filter((f) => f.stale).length;
  const pending = page.requests.filter((r) => r.status === "submitted" || r.status === "approved").length;
  const next = page.meetings
    .filter((m) => m.status === "scheduled" && m.scheduledAt >= page.now)
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
  // The reviewers count every open concern, those kept under watch too; the advocate who raised
  // one counts it only while it is under review (of a review's outcome they learn only that it
  // happened and what to keep doing).
  const concerns = (page.csec.full?.concerns ?? page.csec.ownSubmissions).filter((c) => c.reviewStatus === "under_review").length;
  const watched = page.csec.full ? page.csec.full.concerns.filter((c) => c.reviewStatus === "monitoring").length : 0;
  const items: Array<{ href: string; text: string; urgent: boolean }> = [
    ...(page.overview.missing ? [{ href: `#missing-heading`, text: page.overview.missing.words, urgent: true }] : []),
    { href: "#actions", text: overdue ? `${plural(overdue, "action item")} overdue` : "No action overdue", urgent: overdue > 0 },
    { href: "#contacts", text: stale ? `${plural(stale, "stale contact")}` : "Contacts up to date", urgent: stale > 0 },
    { href: "#requests", text: pending ? `${plural(pending, "request")} pending` : "No request pending", urgent: false },
    {
      href: "#meetings",
      text: next ? `Next meeting ${formatDateTime(next.scheduledAt, timeZone)}` : "No meeting scheduled",
      urgent: false,
    },
    ...(concerns ? [{ href: "#concerns", text: `${plural(concerns, "concern")} under review`, urgent: true }] : []),
    ...(watched ? [{ href: "#concerns", text: `${plural(watched, "concern")} kept under watch`, urgent: false }] : []),
  ];
  return (
    <nav aria-label="At a glance" className="summary-strip">
      <ul>
        {items.map((i) => (
          <li key={i.text} className={i.urgent ? "summary-urgent" : undefined}>
            <a href={i.href}>{i.text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
