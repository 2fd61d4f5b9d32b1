/**
 * The report counts kept by triggers (`report_request_counts`, `report_decision_counts`,
 * `report_fulfilled_counts`, `report_action_due_counts`; see db/schema.ts), defined once here.
 * From each definition come:
 * - the triggers that keep the counts true on every insert, update and delete of the records;
 * - the recount that builds them from the records (the migration's backfill, the large seed's
 *   bulk write, and the test that compares the kept counts with a recount).
 *
 * Each rollup names the migration that created it, which holds `rollupTriggersSql(migration)` and
 * `rollupRecountSql(migration)` as they were generated; db/report-rollups.test.ts fails when they
 * drift apart. A change to a definition needs a new migration that drops and recreates the
 * triggers and recounts.
 */

type Rollup = {
  /** The migration that created the table, its triggers and its first count. */
  migration: "0026_report_rollups" | "0027_report_rollups_meetings_denials";
  table: string;
  /** The records counted. */
  source: string;
  /** The record's columns the counts depend on (its update trigger watches these). */
  watches: string[];
  /** Which records are counted, on the record `r`. */
  counted: (r: string) => string;
  /** Each grain and the record's bucket in it. */
  grains: [grain: string, bucket: (r: string) => string][];
  /** The other key columns and their values. */
  keys: [column: string, value: (r: string) => string][];
  /** The summed columns and each record's part of them. */
  sums: [column: string, value: (r: string) => string][];
  /** Events counted under their request's type (a `type` key): they follow a change of it. */
  requestType?: true;
};

/** The type of the request an event (`r`) is about. */
const typeOfRequest = (r: string) => `coalesce((SELECT q.type FROM resource_requests q WHERE q.id = ${r}.request_id), '')`;

const instantGrains = (column: string): Rollup["grains"] => [
  ["h", (r) => `substr(${r}.${column}, 1, 13)`],
  ["d", (r) => `substr(${r}.${column}, 1, 10)`],
];
const dayGrains = (column: string): Rollup["grains"] => [
  ["d", (r) => `substr(${r}.${column}, 1, 10)`],
  ["m", (r) => `substr(${r}.${column}, 1, 7)`],
];

export const ROLLUPS: Rollup[] = [
  {
    migration: "0026_report_rollups",
    table: "report_request_counts",
    source: "resource_requests",
    watches: ["program_id", "requested_at", "type", "status", "amount_cents"],
    counted: () => "1",
    grains: instantGrains("requested_at"),
    keys: [
      ["type", (r) => `${r}.type`],
      ["status", (r) => `${r}.status`],
    ],
    sums: [
      ["n", () => "1"],
      ["amount_n", (r) => `(${r}.amount_cents IS NOT NULL)`],
      ["amount_cents", (r) => `coalesce(${r}.amount_cents, 0)`],
    ],
  },
  {
    migration: "0026_report_rollups",
    table: "report_decision_counts",
    source: "request_status_events",
    watches: ["program_id", "request_id", "at", "to_status", "amount_cents"],
    counted: (r) => `${r}.to_status IN ('approved', 'denied')`,
    grains: instantGrains("at"),
    keys: [
      ["type", typeOfRequest],
      ["to_status", (r) => `${r}.to_status`],
    ],
    requestType: true,
    sums: [
      ["n", () => "1"],
      ["amount_n", (r) => `(${r}.amount_cents IS NOT NULL)`],
      ["amount_cents", (r) => `coalesce(${r}.amount_cents, 0)`],
    ],
  },
  {
    migration: "0026_report_rollups",
    table: "report_fulfilled_counts",
    source: "resource_requests",
    watches: ["program_id", "status", "fulfilled_on", "type", "fulfil_days", "paid_amount_cents"],
    counted: (r) => `${r}.status = 'fulfilled' AND ${r}.fulfilled_on IS NOT NULL`,
    grains: dayGrains("fulfilled_on"),
    keys: [
      ["type", (r) => `${r}.type`],
      ["fulfil_days", (r) => `coalesce(${r}.fulfil_days, -1)`],
    ],
    sums: [
      ["n", () => "1"],
      ["paid_n", (r) => `(${r}.paid_amount_cents IS NOT NULL)`],
      ["paid_cents", (r) => `coalesce(${r}.paid_amount_cents, 0)`],
    ],
  },
  {
    migration: "0026_report_rollups",
    table: "report_action_due_counts",
    source: "action_items",
    watches: ["program_id", "due_on", "done_at", "done_on"],
    counted: (r) => `${r}.due_on IS NOT NULL`,
    grains: dayGrains("due_on"),
    keys: [
      [
        "state",
        (r) =>
          `CASE WHEN ${r}.done_at IS NULL THEN 'open' WHEN ${r}.done_on IS NULL THEN 'undated' WHEN ${r}.done_on > ${r}.due_on THEN 'late' ELSE 'on_time' END`,
      ],
    ],
    sums: [["n", () => "1"]],
  },
  {
    migration: "0027_report_rollups_meetings_denials",
    table: "report_meeting_counts",
    source: "mdt_meetings",
    watches: ["program_id", "scheduled_at", "status"],
    counted: () => "1",
    grains: instantGrains("scheduled_at"),
    keys: [["status", (r) => `${r}.status`]],
    sums: [["n", () => "1"]],
  },
  {
    migration: "0027_report_rollups_meetings_denials",
    table: "report_denial_counts",
    source: "request_status_events",
    watches: ["program_id", "at", "to_status", "note"],
    counted: (r) => `${r}.to_status = 'denied'`,
    grains: instantGrains("at"),
    // The reason as SQLite trims it; reasons that differ only in capitals are merged when read.
    keys: [
      ["type", typeOfRequest],
      ["reason", (r) => `trim(coalesce(${r}.note, ''))`],
    ],
    sums: [["n", () => "1"]],
    requestType: true,
  },
];

const conflictKey = (t: Rollup) => ["program_id", "grain", "bucket", ...t.keys.map(([c]) => c)].join(", ");
const columns = (t: Rollup) => `${conflictKey(t)}, ${t.sums.map(([c]) => c).join(", ")}`;
const upsert = (t: Rollup) =>
  `ON CONFLICT (${conflictKey(t)}) DO UPDATE SET ${t.sums.map(([c]) => `${c} = ${c} + excluded.${c}`).join(", ")}`;

/** Adds (sign 1) or takes away (-1) record `r`'s part of each grain. */
function contribution(t: Rollup, r: string, sign: 1 | -1): string {
  const neg = sign === 1 ? "" : "-";
  return t.grains
    .map(
      ([grain, bucket]) =>
        `  INSERT INTO ${t.table} (${columns(t)})
    SELECT ${r}.program_id, '${grain}', ${bucket(r)}, ${t.keys.map(([, v]) => v(r)).join(", ")}, ${t.sums.map(([, v]) => `${neg}${v(r)}`).join(", ")}
    WHERE ${t.counted(r)}
    ${upsert(t)};`,
    )
    .join("\n");
}

function triggers(t: Rollup): string[] {
  const changed = t.watches.map((c) => `old.${c} IS NOT new.${c}`).join(" OR ");
  return [
    `CREATE TRIGGER ${t.table}_insert AFTER INSERT ON ${t.source} BEGIN\n${contribution(t, "new", 1)}\nEND;`,
    `CREATE TRIGGER ${t.table}_delete AFTER DELETE ON ${t.source} BEGIN\n${contribution(t, "old", -1)}\nEND;`,
    `CREATE TRIGGER ${t.table}_update AFTER UPDATE OF ${t.watches.join(", ")} ON ${t.source}
  WHEN ${changed} BEGIN\n${contribution(t, "old", -1)}\n${contribution(t, "new", 1)}\nEND;`,
  ];
}

/**
 * An event counted under its request's type (`requestType`): when a request's type changes (a
 * draft's edit), its counted events move with it.
 */
function followsRequestType(t: Rollup): string[] {
  if (!t.requestType) return [];
  const contribution = (which: "old" | "new") =>
    t.grains.map(
      ([grain, bucket]) => `  INSERT INTO ${t.table} (${columns(t)})
    SELECT e.program_id, '${grain}', ${bucket("e")}, ${t.keys.map(([c, v]) => (c === "type" ? `${which}.type` : v("e"))).join(", ")}, ${t.sums
      .map(([, v]) => `${which === "old" ? "-" : ""}${v("e")}`)
      .join(", ")}
    FROM ${t.source} e WHERE e.request_id = new.id AND ${t.counted("e")}
    ${upsert(t)};`,
    );
  return [
    `CREATE TRIGGER ${t.table}_request_type AFTER UPDATE OF type ON resource_requests
  WHEN old.type IS NOT new.type BEGIN
${[...contribution("old"), ...contribution("new")].join("\n")}
END;`,
  ];
}

const ofMigration = (migration?: string) => ROLLUPS.filter((t) => migration === undefined || t.migration === migration);

/** The triggers that keep the rollups (of one migration, or all), one statement each. */
export function rollupTriggersSql(migration?: string): string[] {
  return ofMigration(migration).flatMap((t) => [...triggers(t), ...followsRequestType(t)]);
}

/** Statements that count one rollup from its records into `into` (its own table, or an empty copy of it). */
export function recountSql(t: Rollup, into = t.table): string[] {
  return t.grains.map(
    ([grain, bucket]) => `INSERT INTO ${into} (${columns(t)})
  SELECT r.program_id, '${grain}', ${bucket("r")}, ${t.keys.map(([, v]) => v("r")).join(", ")}, ${t.sums.map(([c, v]) => (c === "n" ? "count(*)" : `sum(${v("r")})`)).join(", ")}
  FROM ${t.source} r WHERE ${t.counted("r")}
  GROUP BY ${[1, 3, ...t.keys.map((_, i) => i + 4)].join(", ")};`,
  );
}

/** The recount of the rollups (of one migration, or all) into their own (empty) tables. */
export function rollupRecountSql(migration?: string): string[] {
  return ofMigration(migration).flatMap((t) => recountSql(t));
}

type Client = { exec(sql: string): unknown; prepare(sql: string): { all(): unknown[] } };

/**
 * Counts every rollup again from the records (after a bulk write done without the triggers).
 * In the caller's transaction.
 */
export function recountRollups(client: Client): void {
  for (const t of ROLLUPS) client.exec(`DELETE FROM ${t.table}`);
  for (const s of rollupRecountSql()) client.exec(s);
}

/** The triggers of the rollups, dropped; returns what creates them again. For a bulk write. */
export function dropRollupTriggers(client: Client): () => void {
  const names = rollupTriggersSql().map((s) => /^CREATE TRIGGER (\S+)/.exec(s)![1]!);
  for (const name of names) client.exec(`DROP TRIGGER ${name}`);
  return () => {
    for (const s of rollupTriggersSql()) client.exec(s);
  };
}
