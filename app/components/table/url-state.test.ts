import { describe, it, expect } from "vitest";
import { formatSort, parseSort, parseTableParams, withParams, type SortState } from "./url-state";

const defaultSort: SortState = { id: "name", desc: false };
const opts = { sortable: ["name", "createdAt", "client.name"], defaultSort } as const;

function parse(query: string, extra: Partial<Parameters<typeof parseTableParams>[1]> = {}) {
  return parseTableParams(new URLSearchParams(query), { ...opts, ...extra });
}

describe("parseTableParams", () => {
  it("returns defaults for an empty query", () => {
    expect(parse("")).toEqual({ page: 1, size: 25, sort: { id: "name", desc: false } });
  });

  it("reads valid values", () => {
    expect(parse("page=3&size=50&sort=createdAt.desc")).toEqual({
      page: 3,
      size: 50,
      sort: { id: "createdAt", desc: true },
    });
  });

  describe("page", () => {
    it.each([
      ["", 1],
      ["0", 1],
      ["-2", 1],
      ["abc", 1],
      ["2abc", 1],
      ["2.5", 1],
      ["2.0", 1],
      ["1e3", 1],
      ["0x10", 1],
      ["+2", 1],
      [" 2", 1],
      ["2 ", 1],
      ["Infinity", 1],
      ["NaN", 1],
      ["99999999999999999999", 1],
      ["007", 7],
      ["12", 12],
    ])("page=%j -> %i", (raw, expected) => {
      expect(parse(`page=${encodeURIComponent(raw)}`).page).toBe(expected);
    });

    it("handles a missing page param and takes the first of duplicates", () => {
      expect(parse("size=10").page).toBe(1);
      expect(parse("page=4&page=9").page).toBe(4);
    });

    it("keeps a large but valid page (out-of-range is the caller's business)", () => {
      expect(parse("page=5000").page).toBe(5000);
    });
  });

  describe("size", () => {
    it.each([
      ["10", 10],
      ["100", 100],
      ["7", 25],
      ["0", 25],
      ["-10", 25],
      ["10.0", 25],
      ["1e2", 25],
      ["abc", 25],
      ["", 25],
      ["1000000", 25],
    ])("size=%j -> %i", (raw, expected) => {
      expect(parse(`size=${encodeURIComponent(raw)}`).size).toBe(expected);
    });

    it("respects custom pageSizes and defaultSize", () => {
      expect(parse("size=20", { pageSizes: [20, 40], defaultSize: 20 }).size).toBe(20);
      expect(parse("size=25", { pageSizes: [20, 40], defaultSize: 40 }).size).toBe(40);
      expect(parse("", { pageSizes: [20, 40], defaultSize: 40 }).size).toBe(40);
    });
  });

  describe("sort", () => {
    it.each([
      "",
      "name",
      "name.",
      ".asc",
      "name.up",
      "name.ASC",
      "name.asc.desc",
      "password.asc",
      "NAME.asc",
      "name asc",
      "name.asc;drop table users",
      "constructor.asc",
      "__proto__.desc",
    ])("sort=%j falls back to the default", (raw) => {
      expect(parse(`sort=${encodeURIComponent(raw)}`).sort).toEqual(defaultSort);
    });

    it("accepts whitelisted fields in both directions, including dotted ids", () => {
      expect(parse("sort=name.desc").sort).toEqual({ id: "name", desc: true });
      expect(parse("sort=createdAt.asc").sort).toEqual({ id: "createdAt", desc: false });
      expect(parse("sort=client.name.desc").sort).toEqual({ id: "client.name", desc: true });
    });

    it("returns a copy of the default, not the same object", () => {
      const result = parse("sort=nope.asc").sort;
      expect(result).toEqual(defaultSort);
      expect(result).not.toBe(defaultSort);
    });
  });

  it("survives everything being garbage at once", () => {
    expect(parse("page=%00&size=%F0%9F%92%A9&sort=%E2%80%8Bname.asc")).toEqual({
      page: 1,
      size: 25,
      sort: defaultSort,
    });
  });
});

describe("parseSort / formatSort", () => {
  it("round-trips", () => {
    const s: SortState = { id: "client.name", desc: true };
    expect(formatSort(s)).toBe("client.name.desc");
    expect(parseSort(formatSort(s), ["client.name"])).toEqual(s);
    expect(parseSort(null, ["name"])).toBeNull();
  });
});

describe("withParams", () => {
  const current = new URLSearchParams("status=open&page=3&size=50&sort=name.asc");

  it("sets, replaces and deletes keys, preserving the others and their order", () => {
    expect(withParams(current, { page: 4 })).toBe("?status=open&page=4&size=50&sort=name.asc");
    expect(withParams(current, { sort: "createdAt.desc", page: null })).toBe("?status=open&size=50&sort=createdAt.desc");
    expect(withParams(current, { q: "smith", page: null })).toBe("?status=open&size=50&sort=name.asc&q=smith");
  });

  it("does not mutate its input", () => {
    const before = current.toString();
    withParams(current, { page: null, status: "closed" });
    expect(current.toString()).toBe(before);
  });

  it("replaces every value of a repeated key", () => {
    const multi = new URLSearchParams("tag=a&tag=b&page=2");
    expect(withParams(multi, { tag: "c" })).toBe("?tag=c&page=2");
    expect(withParams(multi, { tag: null, page: null })).toBe("?");
  });

  it("encodes values", () => {
    expect(withParams(new URLSearchParams(), { q: "a&b=c d" })).toBe("?q=a%26b%3Dc+d");
  });

  it("returns a bare '?' when nothing is left", () => {
    expect(withParams(new URLSearchParams("page=2"), { page: null })).toBe("?");
    expect(withParams(new URLSearchParams(), {})).toBe("?");
  });
});
