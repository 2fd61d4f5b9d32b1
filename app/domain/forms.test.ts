import { describe, expect, it } from "vitest";
import { formValues, withoutDeceptiveCharacters } from "./forms";

describe("deceptive characters in form text", () => {
  it("are stripped: NUL and other controls, bidirectional overrides, embeddings and isolates", () => {
    expect(withoutDeceptiveCharacters("Ana\u0000 Ruiz")).toBe("Ana Ruiz");
    expect(withoutDeceptiveCharacters("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    for (const c of ["\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u0007", "\u001B", "\u007F"]) {
      expect(withoutDeceptiveCharacters(`a${c}b`), c.codePointAt(0)!.toString(16)).toBe("ab");
    }
  });

  it("leave ordinary text alone: line breaks, tabs, accents, right-to-left scripts, emoji", () => {
    const text = "Line one\nLine two\r\n\tIndented · José Núñez · مرحبا · שלום · \u200F mark 👋";
    expect(withoutDeceptiveCharacters(text)).toBe(text);
  });

  it("are stripped from every value a form sends, repeated fields included", () => {
    const form = new FormData();
    form.append("name", "Dana\u202E Lee");
    form.append("flags", "a\u0000");
    form.append("flags", "b");
    expect(formValues(form, ["flags"])).toEqual({ name: "Dana Lee", flags: ["a", "b"] });
  });
});
