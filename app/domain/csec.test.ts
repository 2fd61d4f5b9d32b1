import { describe, expect, it } from "vitest";
import {
  CSEC_BASES,
  CSEC_STATUSES,
  csecDistinguishable,
  csecSensitiveVisible,
  csecViewFor,
  type CsecAudience,
  type CsecFacts,
  type CsecStatus,
} from "./csec";
import { csecAudienceOf } from "./permissions";
import type { Role } from "./roles";

/** DOMAIN.md speaks of roles and the court; each role's audience comes from its permissions. */
type Who = Role | "court";
const AUDIENCES: Who[] = ["advocate", "supervisor", "program_lead", "admin", "court"];
const audienceOf = (who: Who): CsecAudience => (who === "court" ? "court" : csecAudienceOf(who));

function facts(status: CsecStatus, over: Partial<CsecFacts> = {}): CsecFacts {
  return {
    status,
    basis: status === "confirmed" ? "court_finding" : null,
    basisOn: status === "confirmed" ? "2026-03-01" : null,
    changedAt: "2026-03-02T10:00:00.000Z",
    viewerOpenConcernRaisedAt: null,
    ...over,
  };
}

/**
 * DOMAIN.md's table, row by row. "own" is the advocate who raised the open concern themself.
 * Each cell is the kind of view that audience gets for that status.
 */
const TABLE: Array<[audience: Who, ownConcern: boolean, none: string, concern: string, confirmed: string]> = [
  ["advocate", false, "hidden", "hidden", "confirmed"],
  ["advocate", true, "hidden", "own_concern", "confirmed"],
  ["supervisor", false, "none", "concern", "confirmed"],
  ["supervisor", true, "none", "concern", "confirmed"],
  ["program_lead", false, "none", "concern", "confirmed"],
  ["program_lead", true, "none", "concern", "confirmed"],
  ["admin", false, "hidden", "hidden", "hidden"],
  ["admin", true, "hidden", "hidden", "hidden"],
  ["court", false, "hidden", "hidden", "confirmed"],
  ["court", true, "hidden", "hidden", "confirmed"],
];

describe("csecViewFor: every row of DOMAIN.md's visibility table", () => {
  it("covers every audience with and without an own open concern", () => {
    for (const a of AUDIENCES) {
      expect(
        TABLE.filter(([aud]) => aud === a)
          .map(([, own]) => own)
          .sort(),
      ).toEqual([false, true]);
    }
  });

  for (const [audience, own, ...expected] of TABLE) {
    CSEC_STATUSES.forEach((status, i) => {
      it(`${audience}${own ? " (raised it)" : ""} sees ${expected[i]} when the status is ${status}`, () => {
        const view = csecViewFor(
          audienceOf(audience),
          facts(status, { viewerOpenConcernRaisedAt: own ? "2026-02-20T09:00:00.000Z" : null }),
        );
        expect(view.kind).toBe(expected[i]);
      });
    });
  }

  it("gives the confirmed status with its basis and date, for every basis", () => {
    for (const basis of CSEC_BASES) {
      for (const audience of ["advocate", "supervisor", "program_lead", "court"] as const) {
        expect(csecViewFor(audienceOf(audience), facts("confirmed", { basis, basisOn: "2026-01-15" }))).toEqual({
          kind: "confirmed",
          basis,
          basisOn: "2026-01-15",
        });
      }
    }
  });

  it("tells the advocate when they raised their own concern, and nothing else", () => {
    const view = csecViewFor(audienceOf("advocate"), facts("concern", { viewerOpenConcernRaisedAt: "2026-02-20T09:00:00.000Z" }));
    expect(view).toEqual({ kind: "own_concern", raisedAt: "2026-02-20T09:00:00.000Z" });
  });

  it("hides none and concern identically from an advocate who did not raise it", () => {
    expect(csecViewFor(audienceOf("advocate"), facts("none"))).toEqual(csecViewFor(audienceOf("advocate"), facts("concern")));
  });

  it("never shows a confirmed status without its basis", () => {
    for (const audience of AUDIENCES) {
      const view = csecViewFor(audienceOf(audience), facts("confirmed", { basis: null, basisOn: null }));
      expect(view.kind).not.toBe("confirmed");
    }
  });
});

describe("csecSensitiveVisible follows the status's own visibility", () => {
  const expected: Record<Who, Record<CsecStatus, boolean>> = {
    advocate: { none: false, concern: false, confirmed: true },
    supervisor: { none: true, concern: true, confirmed: true },
    program_lead: { none: true, concern: true, confirmed: true },
    admin: { none: false, concern: false, confirmed: false },
    court: { none: false, concern: false, confirmed: true },
  };
  for (const audience of AUDIENCES) {
    for (const status of CSEC_STATUSES) {
      it(`${audience}, ${status}: ${expected[audience][status] ? "shown" : "hidden"}`, () => {
        expect(csecSensitiveVisible(audienceOf(audience), status)).toBe(expected[audience][status]);
      });
    }
  }
});

describe("csecDistinguishable", () => {
  it("lets only those who may know of concerns tell a concern from none", () => {
    expect(AUDIENCES.map((a) => [a, csecDistinguishable(audienceOf(a))])).toEqual([
      ["advocate", "confirmed_only"],
      ["supervisor", "all"],
      ["program_lead", "all"],
      ["admin", "nothing"],
      ["court", "confirmed_only"],
    ]);
  });
});
