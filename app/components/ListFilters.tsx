/**
 * The pieces every filter form of a list shares (youth list, request queue, reports): a select of people,
 * the advocate filter as the viewer's scope allows it, and the "Apply filters / Clear" row.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link, useFetcher } from "react-router";
import type { PersonOption } from "~/server/youth.server";

/** A select of people ("Any" first); the list's URL keeps the chosen id. */
export function PersonFilter({
  name,
  label,
  people,
  value,
}: {
  name: string;
  label: string;
  people: readonly PersonOption[];
  value: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value} key={`${name}-${value}`}>
        <option value="">Any</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Filter by advocate: a supervisor picks from the advocates of their caseload; a program lead,
 * who may have thousands, types a name (see `advocateFilterOptions` on the server).
 */
export function AdvocateFilters({
  options,
  advocate,
  advocateName,
}: {
  options: { advocates: readonly PersonOption[]; advocateByName: boolean };
  advocate: string;
  advocateName: string;
}) {
  return (
    <>
      {options.advocates.length > 0 ? <PersonFilter name="advocate" label="Advocate" people={options.advocates} value={advocate} /> : null}
      {options.advocateByName ? <PersonNameFilter name="advocateName" label="Advocate name" kind="advocates" value={advocateName} /> : null}
    </>
  );
}

/**
 * Filter by supervisor: from a select when the program has a few, by part of a name when it has
 * many (see `supervisorFilterOptions` on the server). A supervisor chosen by id (a link from the
 * caseload page) shows as their name; applying the filters again filters by that name.
 */
export function SupervisorFilter({
  options,
  supervisor,
  supervisorName,
}: {
  options: { supervisors: readonly PersonOption[]; supervisorByName: boolean; supervisorChosen: PersonOption | null };
  supervisor: string;
  supervisorName: string;
}) {
  if (options.supervisors.length > 0)
    return <PersonFilter name="supervisor" label="Supervisor" people={options.supervisors} value={supervisor} />;
  if (!options.supervisorByName) return null;
  const chosen = options.supervisorChosen && String(options.supervisorChosen.id) === supervisor ? options.supervisorChosen : null;
  return (
    <PersonNameFilter name="supervisorName" label="Supervisor name" kind="supervisors" value={supervisorName || (chosen?.name ?? "")} />
  );
}

/**
 * A name to filter by, with suggestions (a `<datalist>`) fetched from `/people/<kind>` as it is
 * typed. It is a plain text field without JavaScript: the list filters by the text either way.
 */
function PersonNameFilter(props: { name: string; label: string; kind: "supervisors" | "advocates"; value: string }) {
  // A new value from the server (the filters applied, or cleared) starts the field afresh.
  return <PersonNameField key={`${props.name}-${props.value}`} {...props} />;
}

function PersonNameField({ name, label, kind, value }: { name: string; label: string; kind: "supervisors" | "advocates"; value: string }) {
  const id = `f-${name}`;
  const listId = `${useId()}-suggestions`;
  const fetcher = useFetcher<{ people: PersonOption[] }>();
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const suggest = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    const q = next.trim();
    if (q.length < 2) return;
    timer.current = setTimeout(() => void fetcher.load(`/people/${kind}?q=${encodeURIComponent(q)}`), 150);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="search" list={listId} autoComplete="off" value={text} onChange={(e) => suggest(e.target.value)} />
      <datalist id={listId}>
        {(fetcher.data?.people ?? []).map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
    </div>
  );
}

/** A select of request types ("Any" first), as `type` in the URL, under the program's labels. */
export function RequestTypeFilter({
  label,
  value,
  options,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ key: string; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor="f-type">{label}</label>
      <select id="f-type" name="type" defaultValue={value} key={`t-${value}`}>
        <option value="">Any</option>
        {options.map((t) => (
          <option key={t.key} value={t.key}>
            {t.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Submits the filter form; "Clear" (back to `clearHref`) once something is filtered. */
export function FilterActions({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <div className="filter-actions">
      <button type="submit" className="button button-primary">
        Apply filters
      </button>
      {filtered ? (
        <Link to={clearHref} className="button">
          Clear
        </Link>
      ) : null}
    </div>
  );
}
