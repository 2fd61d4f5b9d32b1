import { describe, expect, it } from "vitest";
import { initialsOf } from "./youth";

describe("initialsOf", () => {
  it("keeps only the first letter of each name", () => {
    expect(initialsOf("Maria Lopez")).toBe("M. L.");
    expect(initialsOf("  ana   de la  Cruz ")).toBe("A. D. L. C.");
    expect(initialsOf("J. R.")).toBe("J. R.");
    expect(initialsOf("Ñuñez Ólafsdóttir")).toBe("Ñ. Ó.");
    expect(initialsOf("")).toBe("Youth");
  });
});
