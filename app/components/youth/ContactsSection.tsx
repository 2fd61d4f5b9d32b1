import { Form, Link } from "react-router";
import { CheckboxGroup, FormError, SelectField, SubmitButton, TextArea, TextField, type FormState } from "~/components/forms";
import { plural, formatDateTime } from "~/domain/dates";
import { CONTACT_METHOD_LABELS, CONTACT_METHODS } from "~/domain/contacts";
import { ShowMore } from "./ShowMore";
import type { YouthSectionProps } from "./types";

/** How long since each core party was contacted, the form to log a contact, and the contacts logged. */
export function ContactsSection({
  page,
  timeZone,
  canWrite,
  base,
  contactState,
  moreHref,
}: YouthSectionProps & { contactState: FormState | undefined }) {
  const { parties, contacts, freshness } = page;
  return (
    <section id="contacts" aria-labelledby="contacts-heading" className="panel">
      <h2 id="contacts-heading">Contacts</h2>
      <ul className="freshness" aria-label="Time since last contact">
        {freshness.map((f) => (
          <li key={f.key} className={f.stale || f.missingFromTeam ? "stale" : undefined}>
            <strong>{f.label}</strong>
            {f.names.length ? <span className="cell-sub">{f.names.join(", ")}</span> : null}
            <span>
              {f.missingFromTeam
                ? "Nobody in this role"
                : f.daysSince === null
                  ? "Never contacted"
                  : f.daysSince === 0
                    ? "Contacted today"
                    : `${plural(f.daysSince, "day")} since last contact`}
            </span>
            {f.stale ? <span className="badge badge-warn">Overdue: over {f.thresholdDays} days</span> : null}
            {f.missingFromTeam ? <span className="badge badge-warn">Gap in the team</span> : null}
          </li>
        ))}
      </ul>

      {canWrite ? (
        <Form method="post" className="card-form" aria-labelledby="log-contact-heading" noValidate preventScrollReset>
          <h3 id="log-contact-heading">Log a contact</h3>
          <FormError state={contactState} />
          <CheckboxGroup
            legend="Who took part"
            name="with"
            className="participants"
            state={contactState}
            defaultValues={["youth"]}
            options={[
              { value: "youth", label: "The youth" },
              ...parties.current.map((p) => ({ value: String(p.id), label: `${p.name} (${p.roleLabel})` })),
            ]}
            hint="Tick everyone who took part, e.g. the youth and the caregiver at a home visit."
          />
          <div className="form-row">
            <TextField label="When" name="occurredAt" type="datetime-local" state={contactState} defaultValue={page.nowLocal} required />
            <SelectField
              label="How"
              name="method"
              state={contactState}
              placeholder="Choose…"
              options={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
              required
            />
          </div>
          <div className="form-row">
            <SelectField
              label="Did you reach them?"
              name="outcome"
              state={contactState}
              defaultValue="made"
              options={[
                { value: "made", label: "Yes, we were in touch" },
                { value: "attempted", label: "No, I tried (no answer, not there)" },
              ]}
              hint="A try is kept on the record but does not count as a contact."
            />
            <TextField label="Minutes" name="durationMinutes" state={contactState} inputMode="numeric" hint="How long it took, e.g. 45." />
          </div>
          <TextArea
            label="Summary"
            name="summary"
            state={contactState}
            required
            rows={3}
            hint="What was discussed and any follow-up. Keep it factual."
          />
          <SubmitButton intent="log-contact" pendingText="Saving contact…">
            Log contact
          </SubmitButton>
        </Form>
      ) : null}

      <Form method="get" className="inline-filter" preventScrollReset>
        <label htmlFor="contact-with">Show contacts with</label>
        <select id="contact-with" name="with" defaultValue={page.contactFilter} key={page.contactFilter}>
          <option value="">Everyone</option>
          <option value="youth">The youth</option>
          {[...parties.current, ...parties.history].map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.roleLabel})
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          Show
        </button>
      </Form>
      {contacts.length === 0 ? (
        <p className="empty-state">
          {page.contactFilter ? "No contacts in which this person took part yet." : "No contacts logged yet. Log the first one above."}
        </p>
      ) : (
        <ol className="contact-list" aria-label="Logged contacts">
          {contacts.map((c) => (
            <li key={c.id}>
              <p className="contact-meta">
                <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt, timeZone)}</time> · {c.withLabel} · {c.methodLabel}
                {c.durationMinutes ? ` · ${c.durationMinutes} min` : ""}
                {c.outcome === "attempted" ? <span className="badge badge-warn">Tried, not reached</span> : null}
                {c.revisions ? <span className="muted"> · corrected</span> : null}
                {c.correctable ? (
                  <>
                    {" · "}
                    <Link to={`${base}/contacts/${c.id}/edit`}>Correct or delete</Link>
                  </>
                ) : null}
                <span className="muted"> · logged by {c.loggedBy}</span>
              </p>
              <p>{c.summary}</p>
            </li>
          ))}
        </ol>
      )}
      <ShowMore
        shown={contacts.length}
        total={page.contactTotal}
        href={moreHref("contacts", contacts.length, "contacts")}
        what="contacts"
      />
    </section>
  );
}
