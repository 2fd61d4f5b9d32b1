/**
 * The calendar section of /settings: the person's private feed URL to paste into a calendar, and
 * the forms that make, replace or turn it off (posted to /settings/calendar). Takes what
 * `calendarSettingsOf` returns; renders nothing for a role without meetings (administrators).
 */
import { Form } from "react-router";
import { SubmitButton } from "~/components/forms";

export function CalendarSettings({
  available,
  feedUrl,
  includeActions,
}: {
  available: boolean;
  feedUrl: string | null;
  includeActions: boolean;
}) {
  if (!available) return null;
  return (
    <section id="calendar" className="panel" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar</h2>
      <p>
        Your MDT meetings in your own calendar: paste this private address into Google Calendar (&ldquo;From URL&rdquo;), Outlook
        (&ldquo;Subscribe from web&rdquo;) or Apple Calendar (&ldquo;New Calendar Subscription&rdquo;). Each meeting shows only as
        &ldquo;MDT meeting&rdquo; with the youth&rsquo;s initials and a link here: anyone with the address sees those entries, nothing more.
        If it reaches someone it should not, make a new address: the old one stops working at once.
      </p>
      {feedUrl ? (
        <>
          <div className="field">
            <label htmlFor="calendar-feed-url">Your calendar address</label>
            <input id="calendar-feed-url" type="text" readOnly value={feedUrl} className="one-time-link-url" />
          </div>
          <Form method="post" action="/settings/calendar" className="card-form" aria-labelledby="calendar-actions-heading">
            <h3 id="calendar-actions-heading">What it shows</h3>
            <div className="checkbox">
              <input id="calendar-include-actions" type="checkbox" name="includeActions" value="1" defaultChecked={includeActions} />
              <label htmlFor="calendar-include-actions">Also the due dates of my open action items</label>
            </div>
            <SubmitButton intent="actions" pendingText="Saving…" className="button">
              Save
            </SubmitButton>
          </Form>
          <Form method="post" action="/settings/calendar" className="inline-form">
            <SubmitButton intent="regenerate" pendingText="Making a new address…" className="button">
              Make a new address
            </SubmitButton>
            <SubmitButton intent="revoke" pendingText="Turning off…" className="button button-danger">
              Turn the calendar feed off
            </SubmitButton>
          </Form>
        </>
      ) : (
        <Form method="post" action="/settings/calendar" className="inline-form">
          <SubmitButton intent="regenerate" pendingText="Making the address…" className="button button-primary">
            Make my calendar address
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
