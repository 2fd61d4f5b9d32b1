/**
 * Text search of youth (issue 15: FTS5 trigram): "name or case number contains", in any case,
 * read from the trigram index `youth_search` for three characters or more, which the triggers
 * keep in step with every insert, rename and delete of a youth. Checked against a plain model of
 * "contains" over generated queries, including quotes and LIKE's own wildcards.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~/server/db.server";
import { youthMatches } from "~/server/youth.server";
import { createProgram } from "../helpers/factories";

const db = getDb();
const c = db.$client;
const program = createProgram(db, "Search County");
const other = createProgram(db, "Other Search County");

const NAMES: Array<[string, string, string]> = [
  ["María", "López", "SC-0001"],
  ["Marisol", "Ramírez", "SC-0002"],
  ["Ana", "O'Brien", "SC-0003"],
  ["D'Andre", "Smith-Jones", "SC-0004"],
  ["Zoë", "Álvarez", "SC-0005"],
  ["Kim", "100%_Real", "SC-0006"],
  ["Quote", 'Say "Hi"', "SC-0007"],
  ["ÉLODIE", "MARTIN", "sc-0008"],
];
const insert = c.prepare(
  `insert into youth (program_id, first_name, last_name, date_of_birth, case_number) values (?, ?, ?, '2010-01-01', ?)`,
);
const ids = NAMES.map(([f, l, n]) => Number(insert.run(program.id, f, l, n).lastInsertRowid));
// The same names in another program: never found from this one (the caller scopes by program).
for (const [f, l, n] of NAMES) insert.run(other.id, f, l, n);

const found = (q: string, programId = program.id) =>
  db.all<{ id: number }>(sql`select id from youth where program_id = ${programId} and ${youthMatches(q)} order by id`).map((r) => r.id);

/** "Contains, in any case", as a person means it. */
function model(q: string): number[] {
  const needle = q.toLowerCase();
  return db
    .all<{ id: number; name: string; caseNumber: string }>(
      sql`select id, first_name || ' ' || last_name as name, case_number as caseNumber from youth where program_id = ${program.id} order by id`,
    )
    .filter((y) => y.name.toLowerCase().includes(needle) || y.caseNumber.toLowerCase().includes(needle))
    .map((y) => y.id);
}

describe("youth text search", () => {
  it("finds a name or case number from any three characters of it, in any case", () => {
    expect(found("lóp")).toEqual([ids[0]]);
    expect(found("LÓPEZ")).toEqual([ids[0]]);
    expect(found("mar")).toEqual([ids[0], ids[1], ids[7]]);
    expect(found("élodie martin")).toEqual([ids[7]]);
    expect(found("SC-000")).toEqual(ids);
    expect(found("o'b")).toEqual([ids[2]]);
    expect(found('"hi"')).toEqual([ids[6]]);
    expect(found("0%_")).toEqual([ids[5]]);
    expect(found("%%%")).toEqual([]);
    expect(found("ía l")).toEqual([ids[0]]);
  });

  it("agrees with 'contains, in any case' for generated queries", () => {
    const source = NAMES.flatMap(([f, l, n]) => [`${f} ${l}`, n]);
    const fromNames = fc
      .record({ s: fc.constantFrom(...source), start: fc.nat(), len: fc.integer({ min: 3, max: 8 }), upper: fc.boolean() })
      .map(({ s, start, len, upper }) => {
        const chars = [...s];
        const from = start % Math.max(1, chars.length - 2);
        const piece = chars.slice(from, from + len).join("");
        return upper ? piece.toUpperCase() : piece;
      })
      .filter((q) => [...q].length >= 3);
    const odd = fc.array(fc.constantFrom(..."aeoímlrz ÁÉ'\"%_*^-:()0SC".split("")), { minLength: 3, maxLength: 6 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(fromNames, odd), (q) => {
        expect(found(q), JSON.stringify(q)).toEqual(model(q));
      }),
      { numRuns: 300 },
    );
  });

  it("follows a youth's rename, a new case number and a delete", () => {
    const id = Number(insert.run(program.id, "Temporary", "Person", "SC-0099").lastInsertRowid);
    expect(found("tempor")).toEqual([id]);
    c.prepare("update youth set first_name = 'Renamed', case_number = 'SC-7777' where id = ?").run(id);
    expect(found("tempor")).toEqual([]);
    expect(found("renamed pers")).toEqual([id]);
    expect(found("7777")).toEqual([id]);
    c.prepare("delete from placements where youth_id = ?").run(id);
    c.prepare("delete from youth where id = ?").run(id);
    expect(found("renamed")).toEqual([]);
    expect(c.prepare("select count(*) as n from youth_search where rowid = ?").get(id)).toEqual({ n: 0 });
  });
});
