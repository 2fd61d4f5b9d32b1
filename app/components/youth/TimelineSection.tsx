import { formatDate, formatDateTime } from "~/domain/dates";
import { ShowMore } from "./ShowMore";
import type { YouthSectionProps } from "./types";

/** Everything that happened around the youth, newest first, as the viewer may see it. */
export function TimelineSection({ page, timeZone, moreHref }: YouthSectionProps) {
  const { timeline } = page;
  return (
    <section id="timeline" aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">Timeline</h2>
      {timeline.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline">
          {timeline.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              <time dateTime={e.at}>{e.at.length === 10 ? formatDate(e.at, timeZone) : formatDateTime(e.at, timeZone)}</time>
              <span className="timeline-title">{e.title}</span>
              {e.detail ? <span className="cell-sub">{e.detail}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <ShowMore
        shown={timeline.length}
        total={page.timelineTotal}
        href={moreHref("timeline", timeline.length, "timeline")}
        what="entries"
      />
    </section>
  );
}
