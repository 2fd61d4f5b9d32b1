/**
 * Every date the seed writes is an offset in days from an anchor day (00:00 UTC), so "overdue",
 * "upcoming" and "missing now" stay true whenever it is seeded.
 */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Day offsets from the anchor day (00:00 UTC) to stored strings. */
export class Clock {
  readonly base: number;
  constructor(readonly anchor: string) {
    const base = Date.parse(`${anchor}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || Number.isNaN(base) || new Date(base).toISOString().slice(0, 10) !== anchor) {
      throw new Error(`anchor must be a date as YYYY-MM-DD, got "${anchor}"`);
    }
    this.base = base;
  }
  /** `YYYY-MM-DD` of the day `off` days from the anchor. */
  day(off: number): string {
    return new Date(this.base + off * DAY).toISOString().slice(0, 10);
  }
  ms(off: number, hour: number, minute = 0): number {
    return this.base + off * DAY + hour * HOUR + minute * MINUTE;
  }
  /** UTC ISO instant, `off` days from the anchor at hour:minute UTC. */
  at(off: number, hour: number, minute = 0): string {
    return iso(this.ms(off, hour, minute));
  }
  /** The day offset of an instant. */
  dayOf(ms: number): number {
    return Math.floor((ms - this.base) / DAY);
  }
}
