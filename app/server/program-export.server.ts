/**
 * The whole program's records as one Excel workbook, so that a program is never locked in
 * (issue 11, "Downloads"): one worksheet per record type, streamed and audited.
 *
 * - Program leads only (`export:program`); one `program.export` audit row before a byte is sent.
 * - Every query is scoped to the viewer's program (tables without `program_id` through their
 *   meeting). Case tables are exported with every column of `db/schema.ts`, so a column added
 *   later is exported too; users only with id, name, email, role and disabled_at (never a hash).
 * - Streamed from a second, read-only connection holding one read transaction: WAL gives it a
 *   consistent snapshot without blocking the app's writes. Tables are read in keyset batches and
 *   written to exceljs' streaming writer with turns of the event loop in between, and the writer
 *   waits while the zip (or the client behind it) is behind, so a 50,000-youth program neither
 *   fills memory nor stops the server. A client that goes away stops the reading.
 * - Cells: timestamps are Excel date-times in the program's time zone, calendar dates Excel
 *   dates, booleans TRUE/FALSE, integers numbers, and every text passes `neutraliseFormula`.
 */
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { eq, getTableColumns, getTableName, type Table } from "drizzle-orm";
import { EventEmitter } from "node:events";
import { PassThrough, Readable } from "node:stream";
import * as schema from "../../db/schema";
import { utcToZonedLocal } from "../domain/dates";
import { auditChange } from "./audit.server";
import { getDb, type Db } from "./db.server";
import { requireCaseAccess, requirePermission } from "./scope.server";
import type { Viewer } from "./session.server";
import { downloadHeaders, neutraliseFormula, XLSX_TYPE } from "./spreadsheet.server";

/** Excel's limit: 1,048,576 rows per sheet, one of them the header. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;
/** Excel's limit on the characters in one cell. */
const EXCEL_MAX_CELL_CHARS = 32_767;
const BATCH_SIZE = 2000;
/** archiver buffers 1 MiB of output by default, whether the client reads it or not: less. */
const ZIP_OPTIONS: Partial<ExcelJS.stream.xlsx.ArchiverZipOptions> & { highWaterMark: number } = { highWaterMark: 64 * 1024 };
/** A client that takes no byte for this long is taken to have gone. */
const STALLED_MS = 5 * 60_000;
/** Rows written between two turns of the event loop (a batch of 2,000 takes ~60 ms to write). */
const ROWS_PER_TURN = 500;

type ColumnKind = "integer" | "boolean" | "text" | "date" | "datetime";
type ExportColumn = { name: string; kind: ColumnKind };
/** One record type: its columns, and the SQL of one keyset batch (params: program id, last key, limit). */
type RecordSheet = { name: string; columns: ExportColumn[]; keyIndex: number; batchSql: string };

/** Text columns whose names look like a timestamp but are not one. */
const TEXT_COLUMNS = new Set(["runaway_episodes.found_at"]);

function kindOf(table: string, column: { name: string; columnType: string; dataType: string }): ColumnKind {
  if (column.columnType === "SQLiteBoolean") return "boolean";
  if (column.dataType === "number") return "integer";
  if (TEXT_COLUMNS.has(`${table}.${column.name}`)) return "text";
  if (column.name === "at" || column.name.endsWith("_at")) return "datetime";
  if (column.name.endsWith("_on") || column.name === "on_date" || column.name === "date_of_birth") return "date";
  return "text";
}

type SheetOptions = {
  /** How the table reaches its program: its own `program_id`, or its meeting's. */
  via?: "meeting";
  /** The keyset column (unique, the rowid); `id` unless the table has none. */
  key?: string;
  /** A column from a joined table, after the table's own. */
  extra?: { select: string; join: string; column: ExportColumn };
};

/** A case table, with every column the schema gives it. */
function sheetOf(table: Table, { via, key = "id", extra }: SheetOptions = {}): RecordSheet {
  const name = getTableName(table);
  const own = Object.values(getTableColumns(table)).map((c) => ({ name: c.name, kind: kindOf(name, c) }));
  const select = [...own.map((c) => `t."${c.name}"`), ...(extra ? [extra.select] : [])].join(", ");
  // `+t.program_id` keeps SQLite on the rowid range (id > ? order by id): with an index on
  // (program_id, ...) every batch would read and sort the rest of the program's rows instead.
  const from =
    via === "meeting"
      ? `"${name}" t cross join mdt_meetings m on m.id = t.meeting_id where m.program_id = ?`
      : `"${name}" t ${extra?.join ?? ""} where +t.program_id = ?`;
  return {
    name,
    columns: extra ? [...own, extra.column] : own,
    keyIndex: own.findIndex((c) => c.name === key),
    batchSql: `select ${select} from ${from} and t."${key}" > ? order by t."${key}" limit ?`,
  };
}

/** The record types of DOMAIN.md, in the order a reader meets them. Not sessions, rate limits or the audit log. */
export const RECORD_SHEETS: readonly RecordSheet[] = [
  sheetOf(schema.youth),
  sheetOf(schema.placements),
  sheetOf(schema.caseStatusChanges),
  sheetOf(schema.youthAssignments, {
    extra: { select: "u.name", join: "cross join users u on u.id = t.user_id", column: { name: "user_name", kind: "text" } },
  }),
  sheetOf(schema.caseParties),
  sheetOf(schema.contacts),
  sheetOf(schema.contactParties),
  sheetOf(schema.contactRevisions),
  sheetOf(schema.contactDeletions),
  sheetOf(schema.resourceRequests),
  sheetOf(schema.requestStatusEvents),
  sheetOf(schema.mdtMeetings),
  sheetOf(schema.meetingChanges),
  sheetOf(schema.meetingAttendees, { via: "meeting" }),
  sheetOf(schema.meetingAgendaItems, { via: "meeting" }),
  sheetOf(schema.actionItems),
  sheetOf(schema.runawayEpisodes),
  sheetOf(schema.runawayEpisodeSteps),
  sheetOf(schema.safetyPlans),
  sheetOf(schema.youthCsecStatus, { key: "youth_id" }),
  sheetOf(schema.csecStatusEvents),
  sheetOf(schema.csecConcerns),
  sheetOf(schema.redFlags),
  sheetOf(schema.courtReports, { key: "youth_id" }),
  sheetOf(schema.courtReportVersions),
  sheetOf(schema.courtTextConfirmations),
  {
    name: "users",
    columns: [
      { name: "id", kind: "integer" },
      { name: "name", kind: "text" },
      { name: "email", kind: "text" },
      { name: "role", kind: "text" },
      { name: "disabled_at", kind: "datetime" },
    ],
    keyIndex: 0,
    batchSql: `select u.id, u.name, u.email, m.role, u.disabled_at from users u
      cross join memberships m on m.user_id = u.id and m.program_id = ? where u.id > ? order by u.id limit ?`,
  },
];

export type ExportSummary = {
  /** False when the client went away or an error stopped the export. */
  complete: boolean;
  /** Data rows written, header rows not counted. */
  rows: number;
  batches: number;
  /** The worksheets begun, in order. */
  sheets: string[];
  error?: unknown;
};

export type ProgramExportOptions = {
  db?: Db;
  /** The request's signal: the export stops reading when the client disconnects. */
  signal?: AbortSignal;
  now?: Date;
  batchSize?: number;
  /** Rows per sheet before a record type continues on "name (2)" (Excel's limit unless a test says less). */
  maxRowsPerSheet?: number;
  /** After each batch is read: for benchmarks and tests that watch the export progress. */
  onBatch?: (sheet: string, rows: number) => void;
};

export type ProgramExport = { response: Response; finished: Promise<ExportSummary> };

/**
 * The program's records as a streamed .xlsx download, for a program lead (403 for anyone else).
 * `finished` settles, and never rejects, once the client has the last byte or the export stopped.
 */
export function exportProgram(viewer: Viewer, options: ProgramExportOptions = {}): ProgramExport {
  requireCaseAccess(viewer);
  requirePermission(viewer, "export:program", "Only program leads can export the program's records.");
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const program = db
    .select({ slug: schema.programs.slug, name: schema.programs.name, timeZone: schema.programs.timeZone })
    .from(schema.programs)
    .where(eq(schema.programs.id, viewer.programId))
    .get();
  if (!program) throw new Error(`program ${viewer.programId} does not exist`);

  const reader = openSnapshot(db);
  try {
    auditChange(db, viewer, { action: "program.export", entityType: "program", entityId: viewer.programId, details: { format: "xlsx" } });
  } catch (error) {
    closeSnapshot(reader);
    throw error;
  }

  const out = new PassThrough();
  const summary: ExportSummary = { complete: false, rows: 0, batches: 0, sheets: [] };
  const finished = writeWorkbook(reader, out, summary, { viewer, program, now, options }).then(
    () => {
      if (!summary.complete) out.destroy();
      return summary;
    },
    (error: unknown) => {
      console.error("program export failed", error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
      return { ...summary, error };
    },
  );
  // Node's web ReadableStream and the DOM's are the same object under two declarations.
  const body = Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
  const fileName = `${program.slug}-export-${now.toISOString().slice(0, 10)}.xlsx`;
  return { response: new Response(body, { headers: downloadHeaders(fileName, XLSX_TYPE) }), finished };
}

/** A read-only connection to the app's database file, inside one read transaction. */
function openSnapshot(db: Db): Database.Database {
  if (db.$client.memory) throw new Error("the program export reads the database file through a second connection: not in memory");
  const reader = new Database(db.$client.name, { readonly: true, fileMustExist: true });
  try {
    reader.pragma("busy_timeout = 5000");
    reader.exec("BEGIN");
    // The snapshot starts with the first read, not with BEGIN: take it now.
    reader.prepare("select count(*) from programs").get();
    return reader;
  } catch (error) {
    reader.close();
    throw error;
  }
}

function closeSnapshot(reader: Database.Database): void {
  if (reader.inTransaction) reader.exec("COMMIT");
  reader.close();
}

type Context = { viewer: Viewer; program: { name: string; timeZone: string }; now: Date; options: ProgramExportOptions };

async function writeWorkbook(reader: Database.Database, out: PassThrough, summary: ExportSummary, context: Context): Promise<void> {
  const { viewer, program, options } = context;
  const stopped = () => out.destroyed || options.signal?.aborted === true;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
  const cellsOf = cellWriter(program.timeZone);
  try {
    // Shared strings would keep every distinct text in memory until the end: inline strings.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: ZIP_OPTIONS });
    workbook.creator = viewer.name;
    workbook.created = context.now;
    writeAbout(workbook, context, cellsOf("datetime"));
    summary.sheets.push("about");

    for (const sheet of RECORD_SHEETS) {
      const batch = reader.prepare(sheet.batchSql).raw(true);
      const next = (after: SqlValue) => batch.all(viewer.programId, after, batchSize) as SqlValue[][];
      const toCell = sheet.columns.map((c) => cellsOf(c.kind));
      // One style object per column, shared by its cells: exceljs looks a style up by identity
      // before it serialises it to find its index (a quarter of the writing time otherwise).
      const styles = sheet.columns.map((c): Partial<ExcelJS.Style> => (NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {}));
      let rows = next(0);
      const widths = columnWidths(sheet.columns, rows);
      const openSheet = async (name: string) => {
        const worksheet = addSheet(workbook, name, sheet.columns, widths, styles);
        summary.sheets.push(name);
        // Not a row more until the zip has finished the sheets before this one.
        await roomToWrite(worksheet, out, options.signal);
        return worksheet;
      };
      let worksheet = await openSheet(sheet.name);
      let part = 1;
      let inSheet = 0;
      for (;;) {
        if (stopped()) return;
        summary.batches++;
        options.onBatch?.(sheet.name, rows.length);
        for (let i = 0; i < rows.length; i++) {
          if (i > 0 && i % ROWS_PER_TURN === 0) await new Promise(setImmediate);
          if (inSheet === maxRows) {
            worksheet.commit();
            worksheet = await openSheet(`${sheet.name} (${++part})`);
            inSheet = 0;
          }
          if (stopped()) return;
          const values = toCell.map((convert, c) => convert(rows[i]![c] ?? null));
          const row = worksheet.addRow(values);
          for (let c = 0; c < values.length; c++) if (values[c] !== undefined) row.getCell(c + 1).style = styles[c]!;
          row.commit();
          inSheet++;
          summary.rows++;
        }
        if (rows.length < batchSize) break;
        await roomToWrite(worksheet, out, options.signal);
        if (stopped()) return;
        rows = next(rows[rows.length - 1]![sheet.keyIndex]!);
      }
      worksheet.commit();
    }
    // Every row is read: end the snapshot before the zip's last bytes.
    closeSnapshot(reader);
    // exceljs waits for the output to finish, which a client that went away never lets it do;
    // the output closes either way, and has ended when the client had every byte.
    const closed = new Promise<boolean>((resolve) => out.once("close", () => resolve(out.readableEnded)));
    summary.complete = await Promise.race([workbook.commit().then(() => closed), closed]);
  } finally {
    if (reader.open) closeSnapshot(reader);
  }
}

/**
 * A turn of the event loop (other requests are served meanwhile), then a wait until the zip has
 * taken in what this sheet was given so far. exceljs 4.4 writes a sheet's XML into the zip's
 * input without waiting (its StreamBuf ignores backpressure) and the compressor takes a chunk per
 * turn of the loop, so unchecked the XML of whole tables piles up in front of it (1 GB of RSS on
 * the large seed). The zip's input is an ordinary stream that says when it is full, also when a
 * slow client holds the zip up; `zipInputOf` finds it.
 */
async function roomToWrite(worksheet: ExcelJS.Worksheet, out: PassThrough, signal: AbortSignal | undefined): Promise<void> {
  await new Promise(setImmediate);
  const since = Date.now();
  // Every wait is short, so a client that went away is noticed within 100 ms.
  while (!out.destroyed && !signal?.aborted) {
    if (Date.now() - since > STALLED_MS) {
      // A connection that takes nothing would otherwise hold the snapshot (and the WAL) for ever.
      out.destroy(new Error(`the client took nothing for ${STALLED_MS / 60_000} minutes`));
      return;
    }
    const input = zipInputOf(worksheet);
    if (input === "not-started") {
      await delay(5); // the zip is still compressing earlier sheets
    } else if (input.pending < input.highWaterMark) {
      return;
    } else {
      await eventOrTimeout(input.stream, "drain", 100);
    }
  }
}

type ZipInput = { stream: EventEmitter; pending: number; highWaterMark: number };
type WritableInternals = EventEmitter & { _writableState?: { length?: unknown; highWaterMark?: unknown } };

/**
 * The zip's input for a sheet: the archiver stream that exceljs 4.4's StreamBuf pipes into, once
 * the zip has reached the sheet. Another exceljs may lay this out differently: then every export
 * fails (and so do its tests) rather than stream without bound.
 */
function zipInputOf(worksheet: ExcelJS.Worksheet): ZipInput | "not-started" {
  const pipes = (worksheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (Array.isArray(pipes) && pipes.length === 0) return "not-started";
  const input: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const state = input instanceof EventEmitter ? (input as WritableInternals)._writableState : undefined;
  if (typeof state?.length !== "number" || typeof state.highWaterMark !== "number") {
    throw new Error("exceljs' streaming writer is not laid out as 4.4.0's: the program export cannot see its zip's backpressure");
  }
  return { stream: input as EventEmitter, pending: state.length, highWaterMark: state.highWaterMark };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function eventOrTimeout(emitter: EventEmitter, event: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      emitter.off(event, done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    emitter.on(event, done);
  });
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  integer: undefined,
  boolean: undefined,
  text: undefined,
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: ExportColumn[],
  widths: number[],
  styles: Array<Partial<ExcelJS.Style>>,
): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = columns.map((_, i) => ({ width: widths[i], style: styles[i] }));
  const header = worksheet.addRow(columns.map((c) => c.name));
  header.font = { bold: true };
  header.commit();
  return worksheet;
}

/** A width per column from its header and the first batch: the rest is not known while streaming. */
function columnWidths(columns: ExportColumn[], rows: SqlValue[][]): number[] {
  return columns.map((c, i) => {
    if (c.kind === "date") return 12;
    if (c.kind === "datetime") return 17;
    let longest = c.name.length;
    for (const row of rows) {
      const v = row[i];
      if (typeof v === "string" || typeof v === "number") longest = Math.max(longest, String(v).length);
    }
    return Math.min(Math.max(longest + 2, 8), 60);
  });
}

type CellValue = string | number | boolean | Date | undefined;
/** What better-sqlite3 returns for a column. */
type SqlValue = string | number | bigint | Buffer | null;
type ToCell = (value: SqlValue) => CellValue;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How a stored value of each kind becomes a cell. Excel's date-times have no time zone, so an
 * instant becomes the program's wall-clock time; the offset is looked up once per day (per hour
 * on the days the clocks change), not once per cell.
 */
function cellWriter(timeZone: string): (kind: ColumnKind) => ToCell {
  const offsetAt = (instant: number) => Date.parse(`${utcToZonedLocal(new Date(instant).toISOString(), timeZone)}Z`) - instant;
  const dayOffsets = new Map<number, number | null>();
  const hourOffsets = new Map<number, number>();
  const wallClock = (instant: number): Date => {
    const day = Math.floor(instant / DAY_MS);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * DAY_MS);
      offset = start === offsetAt((day + 1) * DAY_MS) ? start : null;
      dayOffsets.set(day, offset);
    }
    if (offset === null) {
      const hour = Math.floor(instant / HOUR_MS);
      offset = hourOffsets.get(hour) ?? offsetAt(hour * HOUR_MS);
      hourOffsets.set(hour, offset);
    }
    return new Date(instant + offset);
  };
  const text: ToCell = (value) => {
    if (value === null) return undefined;
    if (typeof value === "number") return value;
    return textCell(typeof value === "string" ? value : value.toString());
  };
  const converters: Record<ColumnKind, ToCell> = {
    text,
    integer: (value) => (typeof value === "bigint" ? Number(value) : text(value)),
    boolean: (value) => (value === 0 || value === 1 ? value === 1 : text(value)),
    date: (value) => {
      const d = typeof value === "string" ? CALENDAR_DATE.exec(value) : null;
      return d ? new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]))) : text(value);
    },
    datetime: (value) => (typeof value === "string" && ISO_INSTANT.test(value) ? wallClock(Date.parse(value)) : text(value)),
  };
  return (kind) => converters[kind];
}

/** Text as a cell: never a formula, and within Excel's limit (longer text is cut, and says so). */
function textCell(text: string): string {
  const safe = neutraliseFormula(text);
  if (safe.length <= EXCEL_MAX_CELL_CHARS) return safe;
  const note = ` [cut: ${safe.length} characters, Excel's limit is ${EXCEL_MAX_CELL_CHARS}]`;
  return safe.slice(0, EXCEL_MAX_CELL_CHARS - note.length) + note;
}

/** The first sheet: what this file is, whose, by whom and when (DOMAIN.md: downloads are marked confidential). */
function writeAbout(workbook: ExcelJS.stream.xlsx.WorkbookWriter, { viewer, program, now }: Context, dateTime: ToCell): void {
  const sheet = workbook.addWorksheet("about");
  sheet.columns = [{ width: 14 }, { width: 100 }];
  const lines: Array<[string, CellValue]> = [
    ["Confidential", "Case records of foster youth: keep and share this file only as the program's policy allows."],
    ["Program", textCell(program.name)],
    ["Exported by", textCell(`${viewer.name} <${viewer.email}>`)],
    ["Exported at", dateTime(now.toISOString())],
    ["Times", textCell(`Date-times are in the program's time zone, ${program.timeZone}.`)],
    ["Sheets", `One per record type, columns named as in the database; past ${EXCEL_MAX_DATA_ROWS} rows a type continues on "name (2)".`],
  ];
  for (const [label, value] of lines) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = "yyyy-mm-dd hh:mm";
    row.commit();
  }
  sheet.commit();
}
