import { describe, expect, it } from "vitest";
import { ageOn, calendarDateIn, daysBetween, describeDay, describeDue } from "./dates";

describe("dates", () => {
  it("computes age in whole years, birthdays included", () => {
    expect(ageOn("2010-06-15", "2026-06-14")).toBe(15);
    expect(ageOn("2010-06-15", "2026-06-15")).toBe(16);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
  });
  it("counts calendar days across DST changes", () => {
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-11-02", "2026-10-31")).toBe(-2);
  });
  it("words due dates and days", () => {
    expect(describeDue("2026-11-26", "2026-11-29")).toBe("3 days overdue");
    expect(describeDue("2026-11-28", "2026-11-29")).toBe("1 day overdue");
    expect(describeDue("2026-11-29", "2026-11-29")).toBe("due today");
    expect(describeDue("2026-12-01", "2026-11-29")).toBe("due in 2 days");
    expect(describeDay("2026-11-28", "2026-11-29")).toBe("yesterday");
    expect(describeDay("2026-11-19", "2026-11-29")).toBe("10 days ago");
  });
  it("takes the calendar date in the program's time zone", () => {
    expect(calendarDateIn(new Date("2026-11-30T05:00:00Z"), "America/Los_Angeles")).toBe("2026-11-29");
    expect(calendarDateIn(new Date("2026-11-30T05:00:00Z"), "UTC")).toBe("2026-11-30");
  });
});

describe("wall-clock times in the program's time zone", () => {
  it("converts a datetime-local value to UTC, either side of DST", async () => {
    const { zonedLocalToUtc, utcToZonedLocal } = await import("./dates");
    expect(zonedLocalToUtc("2026-11-29T09:30", "America/Los_Angeles")).toBe("2026-11-29T17:30:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:30", "America/Los_Angeles")).toBe("2026-07-01T16:30:00.000Z");
    expect(zonedLocalToUtc("2026-02-30T09:30", "America/Los_Angeles")).toBeNull();
    expect(zonedLocalToUtc("yesterday", "America/Los_Angeles")).toBeNull();
    expect(utcToZonedLocal("2026-11-29T17:30:00.000Z", "America/Los_Angeles")).toBe("2026-11-29T09:30");
  });
  it("adds calendar days across month and year ends", async () => {
    const { addDays } = await import("./dates");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("recognises real calendar dates only", async () => {
    const { isCalendarDate } = await import("./dates");
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-2-1")).toBe(false);
  });
});
