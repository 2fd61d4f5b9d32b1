/**
 * The pieces every filter form of a list shares (youth list, request queue, reports): a select of people,
 * the advocate filter as the viewer's scope allows it, and the "Apply filters / Clear" row.
 */
import { Link } from "react-router";
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
      {options.advocateByName ? (
        <div className="field">
          <label htmlFor="f-advocateName">Advocate name</label>
          <input id="f-advocateName" name="advocateName" type="search" defaultValue={advocateName} key={`an-${advocateName}`} />
        </div>
      ) : null}
    </>
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
