import { describe, expect, it } from "vitest";
import { findCsecWords, flagCourtText } from "./court-words";

const words = (text: string) => findCsecWords(text).map((m) => m.word);

describe("findCsecWords", () => {
  it.each([
    ["She may be a victim of sex trafficking.", "trafficking"],
    ["Her boyfriend TRAFFICKED her.", "trafficking"],
    ["Concern about traffickers near the group home.", "trafficking"],
    ["Possible sexual exploitation.", "exploitation"],
    ["He exploited her trust.", "exploitation"],
    ["Referred to the CSEC unit.", "CSEC"],
    ["Referred to the C.S.E.C. unit.", "CSEC"],
    ["csec advocate assigned", "CSEC"],
    ["She said she wants to get out of the life.", "the life"],
    ['She talks about "the life" as normal.', "the life"],
    ["She is still in the life, her friend says.", "the life"],
    ["An older man who acts as her pimp.", "pimp"],
    ["She was pimped out.", "pimp"],
    ["Arrested for prostitution.", "prostitution"],
    ["Involved in commercial sex.", "commercial sex"],
    ["Commercially sexually exploited.", "commercial sex"],
    ["Talks about sex work.", "sex work"],
    ["She mentioned survival sex.", "survival sex"],
    ["A sugar daddy buys her phones.", "sugar daddy"],
    ["She called another girl the bottom girl.", "bottom girl"],
    ["A case of sextortion online.", "sextortion"],
  ])("flags %j", (text, word) => {
    expect(words(text)).toContain(word);
  });

  it.each([
    "She finished the life skills class and wants to join the soccer team.",
    "Her caregiver escorted her to school; they watched the game together.",
    "The traffic on the way to court made us late.",
    "The life of the party at the family visit.",
    "She loves her pimpernel flowers and explores the park.",
    "",
  ])("does not flag %j", (text) => {
    expect(findCsecWords(text)).toEqual([]);
  });

  it("quotes the sentence that holds the word, not the whole text", () => {
    const text =
      "School is going well. She said an older man pays for her phone and calls her his girl; I worry this is trafficking! She is eating well.";
    expect(findCsecWords(text)).toEqual([
      { word: "trafficking", passage: "She said an older man pays for her phone and calls her his girl; I worry this is trafficking!" },
    ]);
  });

  it("shortens a long sentence around the word", () => {
    const text = `${"word ".repeat(80)}pimp ${"more ".repeat(80)}`;
    const [m] = findCsecWords(text);
    expect(m!.passage.startsWith("…")).toBe(true);
    expect(m!.passage.endsWith("…")).toBe(true);
    expect(m!.passage).toContain("pimp");
    expect(m!.passage.length).toBeLessThan(200);
  });
});

describe("flagCourtText", () => {
  it("gives one passage per sentence with every word it names, by source", () => {
    const flagged = flagCourtText([
      { source: "Your observations", text: "She is doing well. Her pimp, a trafficker, calls her. Nothing else." },
      { source: "Recommendations", text: "Continue tutoring." },
      { source: "Meeting decisions", text: null },
      { source: "Youth's wishes", text: "She wants out of the life.\nShe wants to see her brother." },
    ]);
    expect(flagged).toEqual([
      { source: "Your observations", passage: "Her pimp, a trafficker, calls her.", words: ["pimp", "trafficking"] },
      { source: "Youth's wishes", passage: "She wants out of the life.", words: ["the life"] },
    ]);
  });

  it("is empty when nothing matches", () => {
    expect(flagCourtText([{ source: "Observations", text: "She likes art class." }])).toEqual([]);
  });
});
