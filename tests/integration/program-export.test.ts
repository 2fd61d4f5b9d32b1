/**
 * The program export (/reports/export, issue 11): a program lead's workbook, decoded with exceljs,
 * holds every record of their program and nothing of another, as independent SQL counts them;
 * no password hash; no text a spreadsheet would run as a formula; dates as dates; an audit row.
 * Other roles get 403. And it really streams: bytes leave before the last batch is read, reading
 * waits for a client that does not read, and a client that goes away releases the snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { loader } from "~/routes/reports-export";
import { utcToZonedLocal } from "~/domain/dates";
import { exportProgram, RECORD_SHEETS, type ProgramExportOptions } from "~/server/program-export.server";
import { getViewer, type Viewer } from "~/server/session.server";
import { XLSX_TYPE } from "~/server/spreadsheet.server";
import { programId, queries, userId, withAuditFailing } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { callRoute, cookieFor, getAs, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const sqlite = db.$client;
const { one, all } = queries(sqlite);
const EVIL = '=HYPERLINK("http://evil.example","x")';
/** Contacts added to the demo so that the export spans many batches and more than the streams' buffers. */
const EXTRA_CONTACTS = 20_000;

let p1: number;
let p2: number;
let lead: Viewer;
let evilContactId: number;
let evilRequestId: number;

beforeAll(async () => {
  p1 = programId(sqlite, "example-county");
  p2 = programId(sqlite, "second-county");
  lead = (await getViewer(await getAs(db, "lead@example.org", "/reports/export")))!;
  evilContactId = one("select min(id) as id from contacts where program_id = ?", p1)!.id as number;
  evilRequestId = one("select min(id) as id from resource_requests where program_id = ?", p1)!.id as number;
  sqlite.prepare("update contacts set summary = ? where id = ?").run(EVIL, evilContactId);
  sqlite.prepare("update resource_requests set description = ? where id = ?").run(EVIL, evilRequestId);
  // Summaries that do not compress to nothing (a pseudo-random hex string each), as real notes don't.
  const youthId = one("select min(id) as id from youth where program_id = ?", p1)!.id as number;
  const insert = sqlite.prepare(
    "insert into contacts (program_id, youth_id, occurred_at, method, summary, logged_by_user_id) values (?, ?, ?, 'phone', ?, ?)",
  );
  let seed = 42;
  const hex = () => {
    let s = "";
    while (s.length < 200) {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      s += seed.toString(16);
    }
    return s;
  };
  // A deleted contact in each program (the demo has none): the archive is exported like any record.
  const deleted = sqlite.prepare(
    `insert into contact_deletions (program_id, youth_id, contact_id, party_ids, with_youth, occurred_at, method, outcome, summary,
       logged_by_user_id, logged_at, revisions, reason, deleted_by_user_id, deleted_at)
     select y.program_id, y.id, ?, '[7]', 1, '2026-03-01T17:00:00.000Z', 'in_person', 'made', ?, ?, '2026-03-01T18:00:00.000Z',
       '[]', 'Duplicate', ?, '2026-03-02T09:00:00.000Z' from youth y where y.program_id = ? order by y.id limit 1`,
  );
  deleted.run(900_001, "Deleted in program one", lead.userId, lead.userId, p1);
  deleted.run(900_002, "Deleted in program two", lead.userId, lead.userId, p2);
  sqlite.transaction(() => {
    for (let i = 0; i < EXTRA_CONTACTS; i++)
      insert.run(p1, youthId, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), hex(), lead.userId);
  })();
});

type SheetRow = Record<string, ExcelJS.CellValue>;

/** A sheet's rows as objects keyed by the header row. */
function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return rows;
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** Independent SQL: the rows of each record type in a program. */
function countsFor(program: number): Record<string, number> {
  const n = (query: string) => one(query, program)!.n as number;
  const counts: Record<string, number> = {};
  for (const { name } of RECORD_SHEETS) {
    counts[name] =
      name === "meeting_attendees" || name === "meeting_agenda_items"
        ? n(`select count(*) as n from ${name} x join mdt_meetings m on m.id = x.meeting_id where m.program_id = ?`)
        : name === "users"
          ? n("select count(*) as n from memberships where program_id = ?")
          : n(`select count(*) as n from ${name} where program_id = ?`);
  }
  return counts;
}

function exportsBy(email: string): number {
  return one(
    `select count(*) as n from audit_events where action = 'program.export' and actor_user_id = ? and entity_type = 'program'
       and entity_id = ? and details = '{"format":"xlsx"}'`,
    userId(sqlite, email),
    String(p1),
  )!.n as number;
}

/** Reads a response body to the end; returns its size. */
async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  return bytes;
}

describe("a program lead's export", () => {
  let workbook: ExcelJS.Workbook;
  let response: Response;
  let auditedBefore: number;

  beforeAll(async () => {
    auditedBefore = exportsBy("lead@example.org");
    const result = await callRoute(loader, await getAs(db, "lead@example.org", "/reports/export"));
    expect(statusOf(result)).toBe(200);
    response = result as Response;
    workbook = await workbookOf(response);
  });

  it("is an .xlsx attachment named after the program and the day", () => {
    expect(response.headers.get("Content-Type")).toBe(XLSX_TYPE);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="example-county-export-${new Date().toISOString().slice(0, 10)}.xlsx"`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("has a sheet per record type, each with exactly the program's rows", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["about", ...RECORD_SHEETS.map((s) => s.name)]);
    const expected = countsFor(p1);
    expect(expected.youth).toBeGreaterThan(0);
    expect(expected.contacts).toBeGreaterThan(EXTRA_CONTACTS);
    expect(expected.resource_requests).toBeGreaterThan(0);
    const actual = Object.fromEntries(RECORD_SHEETS.map(({ name }) => [name, rowsOf(workbook.getWorksheet(name)!).length]));
    expect(actual).toEqual(expected);
  });

  it("has who else took part in contacts, and the deleted contacts, with every column", () => {
    const extras = rowsOf(workbook.getWorksheet("contact_parties")!);
    expect(extras.length).toBeGreaterThan(0);
    expect(Object.keys(extras[0]!)).toEqual(["id", "program_id", "youth_id", "contact_id", "party_id"]);
    const exportedContacts = new Set(rowsOf(workbook.getWorksheet("contacts")!).map((c) => c.id));
    for (const e of extras) expect(exportedContacts.has(e.contact_id)).toBe(true);
    const deletions = rowsOf(workbook.getWorksheet("contact_deletions")!);
    expect(deletions).toHaveLength(1);
    expect(deletions[0]).toMatchObject({
      contact_id: 900_001,
      party_ids: "[7]",
      with_youth: true,
      summary: "Deleted in program one",
      reason: "Duplicate",
      revisions: "[]",
    });
    expect(deletions[0]!.deleted_at).toBeInstanceOf(Date);
    expect(deletions[0]!.logged_at).toBeInstanceOf(Date);
  });

  it("holds nothing of the other program", () => {
    const youth = rowsOf(workbook.getWorksheet("youth")!);
    const otherCases = all("select case_number from youth where program_id = ?", p2).map((r) => r.case_number);
    expect(otherCases.length).toBeGreaterThan(0);
    expect(youth.filter((y) => otherCases.includes(y.case_number))).toEqual([]);
    const otherContacts = new Set(all("select id from contacts where program_id = ?", p2).map((r) => r.id));
    expect(otherContacts.size).toBeGreaterThan(0);
    expect(rowsOf(workbook.getWorksheet("contacts")!).filter((c) => otherContacts.has(c.id))).toEqual([]);
    for (const sheet of workbook.worksheets) {
      for (const row of rowsOf(sheet)) if ("program_id" in row) expect(row.program_id, sheet.name).toBe(p1);
    }
    const meetings = new Set(all("select id from mdt_meetings where program_id = ?", p1).map((r) => r.id));
    for (const name of ["meeting_attendees", "meeting_agenda_items"]) {
      for (const row of rowsOf(workbook.getWorksheet(name)!)) expect(meetings.has(row.meeting_id), name).toBe(true);
    }
    const otherEmails = all("select u.email from users u join memberships m on m.user_id = u.id where m.program_id = ?", p2).map(
      (r) => r.email,
    );
    expect(rowsOf(workbook.getWorksheet("users")!).filter((u) => otherEmails.includes(u.email))).toEqual([]);
  });

  it("carries no password hash, no session, nothing of rate limits", () => {
    for (const sheet of workbook.worksheets) expect(sheet.getRow(1).values, sheet.name).not.toContain("password_hash");
    const names = workbook.worksheets.map((s) => s.name);
    for (const table of ["sessions", "rate_limits", "audit_events", "memberships"]) expect(names).not.toContain(table);
    expect((workbook.getWorksheet("users")!.getRow(1).values as unknown[]).slice(1)).toEqual([
      "id",
      "name",
      "email",
      "role",
      "disabled_at",
    ]);
    const hashes = new Set(all("select password_hash from users").map((r) => r.password_hash));
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(hashes.has(cell.value as string)).toBe(false)));
    }
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const contact = rowsOf(workbook.getWorksheet("contacts")!).find((c) => c.id === evilContactId)!;
    const request = rowsOf(workbook.getWorksheet("resource_requests")!).find((r) => r.id === evilRequestId)!;
    expect(contact.summary).toBe(`'${EVIL}`);
    expect(request.description).toBe(`'${EVIL}`);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
  });

  it("writes dates as dates, instants in the program's time zone, booleans and numbers as such", () => {
    const youth = rowsOf(workbook.getWorksheet("youth")!);
    const first = one("select id, date_of_birth, created_at from youth where program_id = ? order by id limit 1", p1)!;
    const row = youth.find((y) => y.id === first.id)!;
    expect(row.date_of_birth).toBeInstanceOf(Date);
    expect((row.date_of_birth as Date).toISOString().slice(0, 10)).toBe(first.date_of_birth);
    const contact = one("select id, occurred_at from contacts where program_id = ? order by id limit 1", p1)!;
    const cell = rowsOf(workbook.getWorksheet("contacts")!).find((c) => c.id === contact.id)!.occurred_at;
    expect(cell).toBeInstanceOf(Date);
    expect((cell as Date).toISOString().slice(0, 16)).toBe(utcToZonedLocal(contact.occurred_at as string, lead.timeZone));
    const formatOf = (name: string, column: string) => {
      const sheet = workbook.getWorksheet(name)!;
      return sheet.getRow(2).getCell((sheet.getRow(1).values as unknown[]).indexOf(column)).numFmt;
    };
    expect(formatOf("youth", "date_of_birth")).toBe("yyyy-mm-dd");
    expect(formatOf("contacts", "occurred_at")).toBe("yyyy-mm-dd hh:mm");
    const attended = rowsOf(workbook.getWorksheet("meeting_attendees")!).map((a) => a.attended);
    expect(attended.some((a) => a === true || a === false)).toBe(true);
    expect(attended.every((a) => a === true || a === false || a === null)).toBe(true);
    expect(typeof youth[0]!.id).toBe("number");
    // Not a date: where a runaway youth was found.
    const found = rowsOf(workbook.getWorksheet("runaway_episodes")!)
      .map((e) => e.found_at)
      .filter((f) => f !== null);
    for (const place of found) expect(typeof place).toBe("string");
  });

  it("is marked confidential, with who exported it", () => {
    const about = workbook.getWorksheet("about")!;
    const lines: Record<string, ExcelJS.CellValue> = {};
    about.eachRow((row) => (lines[String(row.getCell(1).value)] = row.getCell(2).value));
    expect(lines.Confidential).toMatch(/foster youth/);
    expect(lines["Exported by"]).toBe(`${lead.name} <${lead.email}>`);
    expect(lines["Exported at"]).toBeInstanceOf(Date);
  });

  it("is audited once, as the lead's export of the program", () => {
    expect(exportsBy("lead@example.org")).toBe(auditedBefore + 1);
  });
});

describe("who may export", () => {
  for (const email of ["advocate@example.org", "supervisor@example.org", "admin@example.org"]) {
    it(`${email}: 403, and nothing audited`, async () => {
      const before = one("select count(*) as n from audit_events where action = 'program.export'")!.n;
      const result = await callRoute(loader, await getAs(db, email, "/reports/export"));
      expect(statusOf(result)).toBe(403);
      expect(one("select count(*) as n from audit_events where action = 'program.export'")!.n).toBe(before);
    });
  }

  it("no export without its audit row", async () => {
    await withAuditFailing(sqlite, () => {
      expect(() => exportProgram(lead)).toThrow(/audit log unavailable/);
      return Promise.resolve();
    });
    expect(snapshotReleased()).toBe(true);
  });

  it("another program's lead gets their own program only", async () => {
    const result = await callRoute(loader, await getAs(db, "lead@second.example.org", "/reports/export"));
    const workbook = await workbookOf(result as Response);
    const youth = rowsOf(workbook.getWorksheet("youth")!);
    expect(youth.length).toBe(countsFor(p2).youth);
    expect(new Set(youth.map((y) => y.program_id))).toEqual(new Set([p2]));
  });
});

/**
 * Whether no connection holds an old read snapshot: a TRUNCATE checkpoint (after a write) only
 * succeeds when every reader has finished, and with no busy wait it answers at once.
 */
function snapshotReleased(): boolean {
  sqlite.prepare("update programs set name = name where id = ?").run(p1);
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
    return result!.busy === 0;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

describe("streaming", () => {
  const watched = (options: ProgramExportOptions = {}) => {
    const batches: Array<{ sheet: string; rows: number }> = [];
    const run = exportProgram(lead, { batchSize: 250, ...options, onBatch: (sheet, rows) => batches.push({ sheet, rows }) });
    return { ...run, batches };
  };

  it("sends its first bytes before the last batch is read, and reads no further while the client does not read", async () => {
    const contactsAtStart = one("select count(*) as n from contacts where program_id = ?", p1)!.n as number;
    const { response, finished, batches } = watched();
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const atFirstBytes = batches.length;
    // The client pauses; meanwhile the app writes (the export's snapshot does not block it).
    sqlite
      .prepare(
        "insert into contacts (program_id, youth_id, occurred_at, method, summary, logged_by_user_id) select program_id, youth_id, occurred_at, method, 'later', logged_by_user_id from contacts where id = ?",
      )
      .run(evilContactId);
    expect(snapshotReleased()).toBe(false);
    // Reading must stop while the client does not read: wait until it has (or 5 s have passed).
    let whilePaused = -1;
    for (const deadline = Date.now() + 5000; batches.length !== whilePaused && Date.now() < deadline;) {
      whilePaused = batches.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    reader.releaseLock();
    expect(await drain(response.body!)).toBeGreaterThan(100_000);
    const summary = await finished;
    expect(summary.complete).toBe(true);
    expect(summary.batches).toBe(batches.length);
    expect(summary.batches).toBeGreaterThan(80);
    expect(atFirstBytes).toBeLessThan(summary.batches / 4);
    expect(whilePaused).toBeLessThan(summary.batches / 4);
    // One snapshot for the whole export: the contact written meanwhile is not in it.
    const contacts = batches.filter((b) => b.sheet === "contacts").reduce((n, b) => n + b.rows, 0);
    expect(contacts).toBe(contactsAtStart);
    expect(snapshotReleased()).toBe(true);
  });

  it("stops reading, and releases its snapshot, when the client goes away", async () => {
    const { response, finished, batches } = watched();
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    const summary = await finished;
    expect(summary.complete).toBe(false);
    const readWhenStopped = batches.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(batches.length).toBe(readWhenStopped);
    expect(readWhenStopped).toBeLessThan(40);
    expect(snapshotReleased()).toBe(true);
  });

  it("stops when the request is aborted", async () => {
    const controller = new AbortController();
    const { response, finished } = watched({ signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    expect((await finished).complete).toBe(false);
    expect(snapshotReleased()).toBe(true);
  });

  it("continues a record type on a second sheet past the row limit of a sheet", async () => {
    const { response, finished } = watched({ maxRowsPerSheet: 6000, batchSize: 2000 });
    const workbook = await workbookOf(response);
    const summary = await finished;
    const total = one("select count(*) as n from contacts where program_id = ?", p1)!.n as number;
    const parts = workbook.worksheets.filter((s) => s.name === "contacts" || s.name.startsWith("contacts ("));
    expect(parts.map((s) => s.name)).toEqual(
      ["contacts", "contacts (2)", "contacts (3)", "contacts (4)"].slice(0, Math.ceil(total / 6000)),
    );
    expect(summary.sheets).toEqual(workbook.worksheets.map((s) => s.name));
    const ids = parts.flatMap((s) => rowsOf(s).map((r) => r.id as number));
    expect(ids.length).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(total);
    for (const part of parts) expect(part.getRow(1).values).toEqual(workbook.getWorksheet("contacts")!.getRow(1).values);
  });
});

describe("HEAD", () => {
  it("answers with the headers only: nothing read, nothing audited; still 403 for others", async () => {
    const exports = () =>
      (db.$client.prepare("select count(*) as n from audit_events where action = 'program.export'").get() as { n: number }).n;
    const before = exports();
    const head = async (email: string) =>
      callRoute(
        loader,
        new Request("http://localhost/reports/export", { method: "HEAD", headers: { Cookie: await cookieFor(db, email) } }),
      );
    const res = await head("lead@example.org");
    expect(statusOf(res)).toBe(200);
    expect((res as Response).body).toBeNull();
    expect(statusOf(await head("advocate@example.org"))).toBe(403);
    expect(exports()).toBe(before);
  });
});
