/**
 * The youth list's sort keys (`youth.sort_advocate`, `sort_supervisor`, `sort_placement`,
 * `sort_csec`; see db/schema.ts), and each core role's latest contact (`kept_csw_contact`,
 * `kept_attorney_contact`, `kept_clc_contact`), kept by triggers and defined once here. Sorting a program of
 * 30,000 youth by a subquery per youth (the first advocate's name, the current placement) reads
 * every youth and sorts them for each page; a kept key sorts by an index and stops at the page.
 *
 * From each definition come the triggers that keep the keys true on every insert, update and
 * delete of what they are worked out from, and the recount that works them out for every youth
 * (the migration's backfill, the large seed's bulk write, and the test that compares them).
 * Migrations 0029 (sort keys) and 0031 (core contacts) hold `sortKeyMigrationSql()` exactly as
 * generated; db/youth-sort-keys.test.ts fails when they drift apart. A change to a definition needs a new
 * migration that drops and recreates the triggers and recounts.
 */

type Source = {
  table: string;
  /** The youth a row of the table bears on (`r` is `old` or `new`), as a condition on `youth.id`. */
  youth: (r: string) => string;
  /** The columns whose change can change a key (the update trigger watches these). */
  watches: string[];
  /** Update only (a user's name); rows of the table are never deleted while referenced. */
  updateOnly?: true;
};

type SortKey = {
  column: string;
  /** The key's value for the youth row being updated (`youth`), from the records. */
  value: string;
  /** The tables it is worked out from. */
  sources: string[];
  /** The migration that added it (and holds its backfill). */
  migration: "0029" | "0031";
};

const firstAssigned = (kind: "advocate" | "supervisor") =>
  `(SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = '${kind}' AND a.ended_on IS NULL)`;

/**
 * A core role's latest contact among its current holders: NULL when nobody holds the role (never
 * stale), '' when they do and none was ever contacted (before every cutoff), else the latest
 * `case_parties.last_contact_at`. "Stale for the role" is then `key < cutoff`, as
 * staleContactCountSql asks "some current holder, and none contacted since the cutoff".
 */
const coreContact = (role: "csw" | "attorney" | "clc_case_manager") =>
  `(SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = '${role}' AND p.ended_on IS NULL)`;

/** `youth.sort_csec`: the CSEC status as a rank, for ordering and filtering (youth.server.ts reads it). */
export const CSEC_RANK = { none: 0, concern: 1, confirmed: 2 } as const;

/** The keys, in column order. The values are those the list ordered by before (youth.server.ts). */
export const SORT_KEYS: readonly SortKey[] = [
  { column: "sort_advocate", value: firstAssigned("advocate"), sources: ["youth_assignments", "users"], migration: "0029" },
  { column: "sort_supervisor", value: firstAssigned("supervisor"), sources: ["youth_assignments", "users"], migration: "0029" },
  {
    column: "sort_placement",
    value: `(SELECT p.type FROM placements p WHERE p.youth_id = youth.id AND p.ended_on IS NULL)`,
    sources: ["placements"],
    migration: "0029",
  },
  {
    column: "sort_csec",
    value: `coalesce((SELECT CASE s.status WHEN 'none' THEN ${CSEC_RANK.none} WHEN 'concern' THEN ${CSEC_RANK.concern} ELSE ${CSEC_RANK.confirmed} END
    FROM youth_csec_status s WHERE s.youth_id = youth.id), ${CSEC_RANK.none})`,
    sources: ["youth_csec_status"],
    migration: "0029",
  },
  // Not for sorting: a program's "stale core contact" count reads them from one index instead of
  // a set of every stale party of the program (contacts.server.ts, hasStaleContactSql).
  { column: "kept_csw_contact", value: coreContact("csw"), sources: ["case_parties"], migration: "0031" },
  { column: "kept_attorney_contact", value: coreContact("attorney"), sources: ["case_parties"], migration: "0031" },
  { column: "kept_clc_contact", value: coreContact("clc_case_manager"), sources: ["case_parties"], migration: "0031" },
];

const SOURCES: readonly Source[] = [
  { table: "youth_assignments", youth: (r) => `youth.id = ${r}.youth_id`, watches: ["youth_id", "user_id", "kind", "ended_on"] },
  {
    table: "users",
    youth: (r) => `youth.id IN (SELECT a.youth_id FROM youth_assignments a WHERE a.user_id = ${r}.id AND a.ended_on IS NULL)`,
    watches: ["name"],
    updateOnly: true,
  },
  { table: "placements", youth: (r) => `youth.id = ${r}.youth_id`, watches: ["youth_id", "type", "ended_on"] },
  { table: "youth_csec_status", youth: (r) => `youth.id = ${r}.youth_id`, watches: ["youth_id", "status"] },
  { table: "case_parties", youth: (r) => `youth.id = ${r}.youth_id`, watches: ["youth_id", "role", "ended_on", "last_contact_at"] },
];

const assignments = (keys: readonly SortKey[]) => keys.map((k) => `${k.column} = ${k.value}`).join(",\n  ");

function triggers(source: Source): string[] {
  const keys = SORT_KEYS.filter((k) => k.sources.includes(source.table));
  const update = (where: string) => `UPDATE youth SET ${assignments(keys)}\n  WHERE ${where};`;
  const name = (event: string) => `youth_sort_keys_${source.table}_${event}`;
  const made = [
    `CREATE TRIGGER ${name("update")} AFTER UPDATE OF ${source.watches.join(", ")} ON ${source.table} BEGIN
${update(source.updateOnly ? source.youth("new") : `${source.youth("old")} OR ${source.youth("new")}`)}
END;`,
  ];
  if (!source.updateOnly) {
    made.unshift(`CREATE TRIGGER ${name("insert")} AFTER INSERT ON ${source.table} BEGIN
${update(source.youth("new"))}
END;`);
    made.push(`CREATE TRIGGER ${name("delete")} AFTER DELETE ON ${source.table} BEGIN
${update(source.youth("old"))}
END;`);
  }
  return made;
}

/** The triggers that keep the sort keys, one statement each. */
export function sortKeyTriggersSql(): string[] {
  return SOURCES.flatMap(triggers);
}

/** Works out every youth's keys from the records: one statement per migration that added keys (its backfill). */
export function sortKeyRecountSql(): string[] {
  const migrations = [...new Set(SORT_KEYS.map((k) => k.migration))];
  return migrations.map((m) => `UPDATE youth SET ${assignments(SORT_KEYS.filter((k) => k.migration === m))};`);
}

/** The triggers and the backfill migration `m` added, as generated here. */
export function sortKeyMigrationSql(m: SortKey["migration"]): string[] {
  const keys = SORT_KEYS.filter((k) => k.migration === m);
  const tables = new Set(keys.flatMap((k) => k.sources));
  const added = SOURCES.filter(
    (s) => tables.has(s.table) && SORT_KEYS.filter((k) => k.sources.includes(s.table)).every((k) => k.migration === m),
  );
  return [...added.flatMap(triggers), `UPDATE youth SET ${assignments(keys)};`];
}

type Client = { exec(sql: string): unknown };

/** Works the keys out again for every youth (after a bulk write done without the triggers). In the caller's transaction. */
export function recountSortKeys(client: Client): void {
  for (const s of sortKeyRecountSql()) client.exec(s);
}

/** The triggers of the sort keys, dropped; returns what creates them again. For a bulk write. */
export function dropSortKeyTriggers(client: Client): () => void {
  const names = sortKeyTriggersSql().map((s) => /^CREATE TRIGGER (\S+)/.exec(s)![1]!);
  for (const name of names) client.exec(`DROP TRIGGER ${name}`);
  return () => {
    for (const s of sortKeyTriggersSql()) client.exec(s);
  };
}
