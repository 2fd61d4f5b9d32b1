import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/inbox";
import { SimplePager } from "~/components/SimplePager";
import { SubmitButton } from "~/components/forms";
import { formatDateTime } from "~/domain/dates";
import { formValues } from "~/domain/forms";
import { pageOf, readForm } from "~/server/forms.server";
import { INBOX_PAGE_SIZE, inboxOf, markRead } from "~/server/notifications.server";
import { requireViewer } from "~/server/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Inbox · CASA MDT" }];

export async function loader({ request }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  const page = pageOf(request.url);
  return { inbox: inboxOf(viewer, page), page, size: INBOX_PAGE_SIZE, timeZone: viewer.timeZone };
}

/** Marks one notification, or all of them, read; back to the same page of the inbox. */
export async function action({ request }: Route.ActionArgs) {
  const viewer = await requireViewer(request);
  const values = formValues(await readForm(request));
  const page = new URL(request.url).searchParams.get("page");
  if (values.intent === "all") markRead(viewer, "all");
  else if (typeof values.id === "string" && /^\d{1,12}$/u.test(values.id)) markRead(viewer, [Number(values.id)]);
  throw redirect(page ? `/inbox?page=${encodeURIComponent(page)}` : "/inbox");
}

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const { inbox, page, size, timeZone } = loaderData;
  return (
    <section aria-labelledby="inbox-heading">
      <div className="page-head">
        <h1 id="inbox-heading">Inbox</h1>
        <p className="muted">
          {inbox.unread === 0 ? "Nothing unread." : `${inbox.unread} unread.`} What needs you: concerns to review, requests to decide and
          decided, action items given to you, meetings you are invited to, a youth missing.
        </p>
        {inbox.unread > 0 ? (
          <Form method="post">
            <SubmitButton intent="all" pendingText="Marking…" className="button">
              Mark all read
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      {inbox.items.length === 0 ? (
        <div className="empty-state">
          <p>Nothing here yet. When someone asks something of you, or something changes on your youth, it appears here.</p>
        </div>
      ) : (
        <SimplePager path="/inbox" params={{}} total={inbox.total} page={page} size={size} noun={["notification", "notifications"]}>
          <ol className="inbox-list">
            {inbox.items.map((n) => (
              <li key={n.id} className={n.read ? "inbox-item" : "inbox-item inbox-unread"}>
                <div>
                  {n.urgent ? <span className="badge badge-alert">Urgent</span> : null}
                  {!n.read ? <span className="badge badge-warn">New</span> : null} <Link to={`/inbox/${n.id}`}>{n.text}</Link>
                  <span className="cell-sub">{formatDateTime(n.createdAt, timeZone)}</span>
                </div>
                {!n.read ? (
                  <Form method="post" action={page > 1 ? `/inbox?page=${page}` : "/inbox"}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="button button-small">
                      Mark read
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        </SimplePager>
      )}
    </section>
  );
}
