import { describe, expect, it } from "vitest";
import { conversationStepSchema, returnAnswersOf } from "./episode-forms";
import { durationWords, isFrequentRunner, missingWords, parseReturnAnswers, reportClock, unreported, type EpisodeTimes } from "./episodes";

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
const episode = (over: Partial<EpisodeTimes> = {}): EpisodeTimes => ({
  leftAt: "2026-11-30T01:00:00.000Z",
  returnedAt: null,
  reportedToLawEnforcementAt: null,
  reportedToNcmecAt: null,
  ...over,
});

describe("durationWords", () => {
  it.each([
    [0, "1 min"],
    [59_999, "1 min"],
    [45 * 60_000, "45 min"],
    [H, "1 h"],
    [21 * H + 59 * 60_000, "21 h"],
    [24 * H, "1 day"],
    [45 * H, "1 day 21 h"],
    [72 * H + 30 * 60_000, "3 days"],
    [-5 * H, "1 min"],
  ])("%d ms reads %s", (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });
});

describe("reportClock", () => {
  it("is due, with the time left, until 24 hours after the youth went missing", () => {
    const c = reportClock("ncmec", episode(), at("2026-11-30T22:00:00.000Z"));
    expect(c).toEqual({ state: "due", leftMs: 3 * H, words: "NCMEC report due now: at the latest in 3 h" });
  });

  it("is overdue from the 24th hour on, by how long", () => {
    expect(reportClock("ncmec", episode(), at("2026-12-01T01:00:00.000Z")).state).toBe("overdue");
    const c = reportClock("ncmec", episode(), at("2026-12-01T22:00:00.000Z"));
    expect(c).toEqual({ state: "overdue", byMs: 21 * H, words: "NCMEC report not recorded: 21 h overdue" });
  });

  it("says how long after going missing a report was made, and whether that was late", () => {
    const inTime = reportClock("ncmec", episode({ reportedToNcmecAt: "2026-11-30T03:00:00.000Z" }), at("2026-12-05T00:00:00.000Z"));
    expect(inTime).toEqual({ state: "reported", afterMs: 2 * H, late: false, words: "Reported to NCMEC 2 h after going missing" });
    const late = reportClock(
      "law_enforcement",
      episode({ reportedToLawEnforcementAt: "2026-12-01T04:00:00.000Z" }),
      at("2026-12-05T00:00:00.000Z"),
    );
    expect(late).toMatchObject({
      state: "reported",
      late: true,
      words: "Reported to Law enforcement 1 day 3 h after going missing (late)",
    });
  });

  it("reads each report on its own", () => {
    const e = episode({ reportedToLawEnforcementAt: "2026-11-30T02:00:00.000Z" });
    const now = at("2026-12-01T03:00:00.000Z");
    expect(reportClock("law_enforcement", e, now).state).toBe("reported");
    expect(reportClock("ncmec", e, now).state).toBe("overdue");
    expect(unreported(e, now).map((c) => c.state)).toEqual(["overdue"]);
  });

  it("is not_recorded, not overdue, once the youth has returned without a report", () => {
    const c = reportClock("ncmec", episode({ returnedAt: "2026-12-03T00:00:00.000Z" }), at("2026-12-10T00:00:00.000Z"));
    expect(c).toEqual({ state: "not_recorded", words: "No NCMEC report recorded" });
    expect(unreported(episode({ returnedAt: "2026-12-03T00:00:00.000Z" }), at("2026-12-10T00:00:00.000Z"))).toEqual([]);
  });

  it("counts real hours across a daylight-saving change (24 h is 24 elapsed hours, not a calendar day)", () => {
    // Los Angeles falls back at 2026-11-01 09:00 UTC: that local day has 25 hours.
    const e = episode({ leftAt: "2026-11-01T06:00:00.000Z" }); // 23:00 on Oct 31, Pacific daylight time
    expect(reportClock("ncmec", e, at("2026-11-02T05:59:00.000Z")).state).toBe("due");
    expect(reportClock("ncmec", e, at("2026-11-02T06:00:00.000Z")).state).toBe("overdue");
  });

  it("lists the overdue report before the one still due", () => {
    const e = episode({ leftAt: "2026-11-30T01:00:00.000Z" });
    const clocks = unreported(e, at("2026-11-30T05:00:00.000Z"));
    expect(clocks.map((c) => c.state)).toEqual(["due", "due"]);
  });
});

describe("missingWords", () => {
  it("counts from leaving to now while missing, and to the return once back", () => {
    expect(missingWords(episode(), at("2026-12-01T22:00:00.000Z"))).toBe("Missing 1 day 21 h");
    expect(missingWords(episode({ returnedAt: "2026-12-03T01:00:00.000Z" }), at("2026-12-20T00:00:00.000Z"))).toBe("Missing for 3 days");
  });
});

describe("isFrequentRunner", () => {
  const now = at("2026-12-01T00:00:00.000Z");
  it("flags three or more episodes within the last 90 days", () => {
    expect(isFrequentRunner(["2026-11-20T00:00:00Z", "2026-10-01T00:00:00Z", "2026-09-03T00:00:00Z"], now)).toBe(true);
  });
  it("does not count an episode older than 90 days", () => {
    expect(isFrequentRunner(["2026-11-20T00:00:00Z", "2026-10-01T00:00:00Z", "2026-09-01T23:59:00Z"], now)).toBe(false);
    expect(isFrequentRunner(["2026-11-20T00:00:00Z", "2026-10-01T00:00:00Z"], now)).toBe(false);
  });
});

describe("the return conversation", () => {
  it("keeps only the questions marked asked or declined, with their notes", () => {
    const input = conversationStepSchema.parse({
      conversationAt: "2026-12-01T10:00",
      q_why_left: "asked",
      q_why_left_note: "  Wanted to see a friend  ",
      q_support: "declined",
      q_where: "",
      q_where_note: "not asked yet",
    });
    expect(returnAnswersOf(input)).toEqual({
      why_left: { status: "asked", note: "Wanted to see a friend" },
      support: { status: "declined", note: null },
    });
  });

  it("refuses a state that is not asked or declined", () => {
    expect(conversationStepSchema.safeParse({ conversationAt: "2026-12-01T10:00", q_why_left: "maybe" }).success).toBe(false);
  });

  it("reads stored answers defensively", () => {
    expect(parseReturnAnswers("not json")).toEqual({});
    expect(parseReturnAnswers('{"why_left":{"status":"asked","note":"x"},"where":{"status":"??"}}')).toEqual({
      why_left: { status: "asked", note: "x" },
    });
  });
});
