import Database from "better-sqlite3";

/** Read-only access to a test server's database, for facts a wire test must not find on the wire. */
export function openReadOnly(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** Every CSEC fact stored about a youth that only the small circle may see: timestamps, notes, flags. */
export function concernTraces(db: Database.Database, youthId: number): string[] {
  const rows = [
    ...db.prepare("select changed_at as v from youth_csec_status where youth_id = ?").all(youthId),
    ...db.prepare("select raised_at as v from csec_concerns where youth_id = ?").all(youthId),
    ...db.prepare("select note as v from csec_concerns where youth_id = ? and note is not null").all(youthId),
    ...db.prepare("select at as v from csec_status_events where youth_id = ?").all(youthId),
    ...db.prepare("select note as v from csec_status_events where youth_id = ? and note is not null").all(youthId),
    ...db.prepare("select note as v from red_flags where youth_id = ? and note is not null").all(youthId),
    ...db.prepare("select name as v from case_parties where youth_id = ? and role = 'csec_advocate'").all(youthId),
  ] as Array<{ v: string }>;
  return [...new Set(rows.map((r) => r.v))];
}

export function youthIdByName(db: Database.Database, y: { firstName: string; lastName: string }): number {
  const row = db.prepare("select id from youth where first_name = ? and last_name = ?").get(y.firstName, y.lastName) as
    | { id: number }
    | undefined;
  if (!row) throw new Error(`No youth ${y.firstName} ${y.lastName}`);
  return row.id;
}
