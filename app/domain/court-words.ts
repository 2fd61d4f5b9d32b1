/**
 * Words that would put a CSEC suspicion in front of the court. The CSEC rule decides what the
 * system itself puts in a court-facing document; it cannot read what a person typed. So text a
 * person wrote (the advocate's sections, meeting decisions, action items, placement notes) is
 * checked with this matcher before a court draft is printed or downloaded while the youth's
 * status is not confirmed (DOMAIN.md: "the app warns when such text names CSEC words").
 *
 * The list errs towards warning: a false alarm costs a click, a miss can put an unconfirmed
 * suspicion on the court record. Phrases that are ordinary in a youth's file ("life skills",
 * "escorted to school", "watched the game") are deliberately not matched.
 */

type Pattern = { word: string; pattern: RegExp };

const PATTERNS: Pattern[] = [
  { word: "trafficking", pattern: /\b(?:sex[- ])?traffick(?:ing|ed|ers?)\b/giu },
  { word: "exploitation", pattern: /\bexploit(?:s|ed|ing|ation|ative|ers?)?\b/giu },
  { word: "CSEC", pattern: /\bc\.?\s?s\.?\s?e\.?\s?c\b\.?/giu },
  {
    word: "the life",
    pattern:
      /(?:\b(?:in|into|out of|leave|leaves|leaving|left|back in|back into|get out of|got out of|getting out of)\s+the\s+life\b|["“']the life["”'])/giu,
  },
  { word: "pimp", pattern: /\bpimp(?:s|ed|ing)?\b/giu },
  { word: "prostitution", pattern: /\bprostitut(?:e|es|ed|ion|ing)\b/giu },
  { word: "commercial sex", pattern: /\bcommercial(?:ly)?\s+sex(?:ual(?:ly)?)?\b/giu },
  { word: "sex work", pattern: /\bsex[- ]?work(?:er|ers|ing)?\b/giu },
  { word: "survival sex", pattern: /\bsurvival\s+sex\b/giu },
  { word: "sugar daddy", pattern: /\bsugar\s+dadd(?:y|ies)\b/giu },
  { word: "bottom girl", pattern: /\bbottom\s+(?:girl|bitch)\b/giu },
  { word: "sextortion", pattern: /\bsextort(?:ion|ed|ing)?\b/giu },
  { word: "sex buyer", pattern: /\bsex\s+buyers?\b/giu },
];

/** The CSEC words found in a text, in order, with the passage (its sentence) to quote. */
export type CsecWordMatch = { word: string; passage: string };

/** Where a passage came from in the draft ("Your observations", "MDT meeting, 3 March: decisions"). */
export type CourtTextSource = { source: string; text: string | null | undefined };

export type FlaggedPassage = { source: string; passage: string; words: string[] };

const LONG_SENTENCE = 240;
const CONTEXT = 90;

/** Every CSEC word in `text`, each with the sentence around it; several words in one sentence are one passage. */
export function findCsecWords(text: string): CsecWordMatch[] {
  const hits: Array<{ index: number; length: number; word: string }> = [];
  for (const { word, pattern } of PATTERNS) {
    for (const m of text.matchAll(pattern)) hits.push({ index: m.index, length: m[0].length, word });
  }
  hits.sort((a, b) => a.index - b.index);
  const out: CsecWordMatch[] = [];
  for (const hit of hits) {
    const passage = passageAround(text, hit.index, hit.length);
    if (out.some((o) => o.word === hit.word && o.passage === passage)) continue;
    out.push({ word: hit.word, passage });
  }
  return out;
}

/** The sentence holding text[index, index + length), shortened around the match when long. */
function passageAround(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const startMatch = /[.!?\n][^.!?\n]*$/u.exec(before);
  const start = startMatch ? startMatch.index + 1 : 0;
  const endRel = text.slice(index + length).search(/[.!?\n]/u);
  const end = endRel === -1 ? text.length : index + length + endRel + 1;
  let sentence = text.slice(start, end).trim();
  if (sentence.length > LONG_SENTENCE) {
    const from = Math.max(start, index - CONTEXT);
    const to = Math.min(end, index + length + CONTEXT);
    sentence = `${from > start ? "…" : ""}${text.slice(from, to).trim()}${to < end ? "…" : ""}`;
  }
  return sentence.replace(/\s+/gu, " ");
}

/**
 * The passages of a draft's person-written text that name CSEC words, one per sentence, with the
 * words each names. Empty when nothing matches.
 */
export function flagCourtText(sources: readonly CourtTextSource[]): FlaggedPassage[] {
  const out: FlaggedPassage[] = [];
  for (const { source, text } of sources) {
    if (!text) continue;
    const byPassage = new Map<string, Set<string>>();
    for (const m of findCsecWords(text)) {
      const words = byPassage.get(m.passage) ?? new Set<string>();
      words.add(m.word);
      byPassage.set(m.passage, words);
    }
    for (const [passage, words] of byPassage) out.push({ source, passage, words: [...words] });
  }
  return out;
}
