/**
 * Dates and durations, computed in one place. Stored times are UTC ISO strings; calendar dates
 * are `YYYY-MM-DD`; what people read is in the program's time zone.
 */

const DAY_MS = 86_400_000;

/**
 * The formats the app shows, each built once per time zone: constructing an Intl.DateTimeFormat
 * costs far more than formatting with one, and a long list formats hundreds of dates.
 */
const FORMATS = {
  calendarDate: { locale: "en-CA", options: { year: "numeric", month: "2-digit", day: "2-digit" } },
  date: { locale: "en-US", options: { day: "numeric", month: "short", year: "numeric" } },
  dateTime: { locale: "en-US", options: { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" } },
  wallClock: {
    locale: "en-US",
    options: { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" },
  },
} as const satisfies Record<string, { locale: string; options: Intl.DateTimeFormatOptions }>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const { locale, options } = FORMATS[kind];
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return formatter("calendarDate", timeZone).format(instant);
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date `n` days after (or before, when negative) `day`. */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Age in whole years on `today` for a date of birth (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return NaN;
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** "12 March 2026" in the program's time zone (date only values are shown as they are). */
export function formatDate(value: string, timeZone: string): string {
  const instant = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return formatter("date", value.length === 10 ? "UTC" : timeZone).format(instant);
}

/** "Nov 28, 2026, 4:30 PM" in the program's time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatter("dateTime", timeZone).format(new Date(iso));
}

/** "3 days overdue", "due today", "due in 2 days" for a due date relative to today. */
export function describeDue(dueOn: string, today: string): string {
  const d = daysBetween(today, dueOn);
  if (d === 0) return "due today";
  if (d < 0) return `${plural(-d, "day")} overdue`;
  return `due in ${plural(d, "day")}`;
}

/** "today", "yesterday", "5 days ago", "in 3 days" for a calendar date relative to today. */
export function describeDay(day: string, today: string): string {
  const d = daysBetween(day, today);
  if (d === 0) return "today";
  if (d === 1) return "yesterday";
  if (d === -1) return "tomorrow";
  return d > 0 ? `${plural(d, "day")} ago` : `in ${plural(-d, "day")}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Minutes to add to UTC to get the wall-clock time in `timeZone` at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatter("wallClock", timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time (`YYYY-MM-DDTHH:mm`, as an `<input type="datetime-local">`
 * sends it) in the program's time zone; null when the text is not such a time.
 */
export function zonedLocalToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // Two passes settle the offset on either side of a DST change.
  let instant = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  instant = asUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The wall-clock `YYYY-MM-DDTHH:mm` of a UTC instant in `timeZone`, for a datetime-local input. */
export function utcToZonedLocal(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Whether `text` is a real calendar date `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
