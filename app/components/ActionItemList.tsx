import { Form, Link } from "react-router";
import { SubmitButton, TextField, type FormState } from "~/components/forms";
import { describeDue, formatDate } from "~/domain/dates";
import type { ActionRow } from "~/server/action-items.server";

/**
 * Action items with their owner and how due they are in words; open ones can be marked done or
 * dropped (with a reason). The forms post to the page they are on, which handles the intents
 * `done` and `drop`.
 */
export function ActionItemList({
  items,
  today,
  timeZone,
  canWrite,
  showYouth,
  dropState,
}: {
  items: ActionRow[];
  today: string;
  timeZone: string;
  canWrite: boolean;
  showYouth: boolean;
  dropState?: FormState & { actionId?: number };
}) {
  return (
    <ul className="action-list">
      {items.map((item) => {
        const overdue = item.status === "open" && item.daysOverdue !== null && item.daysOverdue > 0;
        const dropErrors = dropState?.actionId === item.id ? dropState : undefined;
        return (
          <li key={item.id} className={overdue ? "overdue" : undefined}>
            <div className="action-main">
              <span className="action-text">{item.description}</span>
              <span className="cell-sub">
                {showYouth ? (
                  <>
                    <Link to={`/youth/${item.youthId}`}>{item.youthName}</Link> ·{" "}
                  </>
                ) : null}
                Owner: {item.owner}
                {item.meetingId ? (
                  <>
                    {" "}
                    · <Link to={`/meetings/${item.meetingId}`}>from a meeting</Link>
                  </>
                ) : null}
              </span>
            </div>
            <div className="action-due">
              {item.status === "open" ? (
                item.dueOn ? (
                  overdue ? (
                    <span className="badge badge-alert">{describeDue(item.dueOn, today)}</span>
                  ) : (
                    <span>
                      {formatDate(item.dueOn, timeZone)} <span className="cell-sub">{describeDue(item.dueOn, today)}</span>
                    </span>
                  )
                ) : (
                  <span className="muted">No due date</span>
                )
              ) : item.status === "done" ? (
                <span className="badge badge-ok">Done {item.doneAt ? formatDate(item.doneAt, timeZone) : ""}</span>
              ) : (
                <span>
                  <span className="badge badge-neutral">Dropped</span>
                  {item.dropReason ? <span className="cell-sub">{item.dropReason}</span> : null}
                </span>
              )}
            </div>
            {canWrite && item.status === "open" ? (
              <div className="action-buttons">
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="actionId" value={item.id} />
                  <SubmitButton intent="done" pendingText="Saving…" className="button">
                    Mark done<span className="sr-only">: {item.description}</span>
                  </SubmitButton>
                </Form>
                <details className="drop" open={Boolean(dropErrors)}>
                  <summary>
                    Drop<span className="sr-only">: {item.description}</span>
                  </summary>
                  <Form method="post" noValidate preventScrollReset>
                    <input type="hidden" name="actionId" value={item.id} />
                    <TextField label="Why is it dropped?" name="reason" idPrefix={`action-${item.id}`} state={dropErrors} required />
                    <SubmitButton intent="drop" pendingText="Saving…" className="button">
                      Drop the item
                    </SubmitButton>
                  </Form>
                </details>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
