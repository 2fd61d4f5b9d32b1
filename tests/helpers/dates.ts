/**
 * Dates for tests, computed here independently of app/domain/dates.ts (so a bug there cannot
 * hide itself): calendar dates and datetime-local values in a program's time zone.
 */

export const DAY_MS = 86_400_000;

/** The demo's program one ("example-county") keeps its calendar in this zone. */
export const PROGRAM_ONE_TZ = "America/Los_Angeles";

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant)) {
    out[p.type] = p.value;
  }
  return out;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The calendar date `n` days from today (negative: before) in the time zone. */
export function dayFromToday(timeZone: string, n: number): string {
  const today = localDate(new Date(), timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date `n` days before today in the time zone. */
export function daysAgo(timeZone: string, n: number): string {
  return dayFromToday(timeZone, -n);
}

/**
 * A calendar date `days` before today in UTC (not in a program's zone), as YYYY-MM-DD: for a few
 * days back it is in the past in every program's time zone.
 */
export function utcDaysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A UTC instant on the calendar day `n` days ago in a US time zone (20:00 UTC is noon or 1 pm on
 * the US west coast, and the same calendar day in every US zone).
 */
export function instantDaysAgo(timeZone: string, n: number): string {
  return `${daysAgo(timeZone, n)}T20:00:00.000Z`;
}

/** Whole days from calendar date `from` to `to`. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * An instant `offsetMs` from now, on a whole minute, both as what a datetime-local input sends
 * in the time zone (`local`) and as the UTC ISO string the app should store (`utc`).
 */
export function meetingTime(timeZone: string, offsetMs: number): { local: string; utc: string } {
  const instant = new Date(Math.floor((Date.now() + offsetMs) / 60_000) * 60_000);
  const p = parts(instant, timeZone);
  return { local: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, utc: instant.toISOString() };
}

/** `YYYY-MM-DDTHH:mm` (what a datetime-local input sends) for now + `offsetMs` in a time zone. */
export function localDateTime(timeZone: string, offsetMs = 0): string {
  return meetingTime(timeZone, offsetMs).local;
}
