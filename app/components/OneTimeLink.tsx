/** A one-time password link, shown once to the person who made it, to hand over. */
import { formatDateTime } from "~/domain/dates";

export function OneTimeLink({ name, url, expiresAt, timeZone }: { name: string; url: string; expiresAt: string; timeZone: string }) {
  return (
    <section className="panel one-time-link" aria-labelledby="one-time-link-heading" role="status">
      <h2 id="one-time-link-heading">Link for {name} to set a password</h2>
      <p>
        Give this link to {name} in person or by a channel you trust. It works once, until {formatDateTime(expiresAt, timeZone)}, and is not
        shown again: if it is lost, make a new one.
      </p>
      <p>
        <label htmlFor="one-time-link-url">Link</label>
        <input id="one-time-link-url" type="text" readOnly value={url} className="one-time-link-url" />
      </p>
    </section>
  );
}
