/**
 * The CSEC visibility rule of DOMAIN.md, decided here and nowhere else.
 *
 * Practice says: do not share a youth's CSEC status unless it has been confirmed (agency CSEC
 * unit, court finding, or the youth's own disclosure). Until then it is a concern held by a small
 * circle: the youth's supervisor and the program lead. The advocate who raised a concern sees
 * only that they raised it and that it is under review. Court-facing output only ever carries a
 * confirmed status, whoever prints it. Admins see no case content at all.
 *
 * Server modules call `csecViewFor` before any youth data leaves the server, and
 * `csecSensitiveVisible` for anything tagged CSEC-sensitive (a CSEC advocate party, a CSEC MDT
 * meeting, a restoration-funds request, a red flag ...), so that nothing reveals a concern by
 * inference.
 */

export const CSEC_STATUSES = ["none", "concern", "confirmed"] as const;
export type CsecStatus = (typeof CSEC_STATUSES)[number];

export const CSEC_BASES = ["agency_csec_unit", "court_finding", "youth_disclosure"] as const;
export type CsecBasis = (typeof CSEC_BASES)[number];

export const CSEC_STATUS_LABELS: Record<CsecStatus, string> = {
  none: "None",
  concern: "Concern (unconfirmed)",
  confirmed: "Confirmed",
};

export const CSEC_BASIS_LABELS: Record<CsecBasis, string> = {
  agency_csec_unit: "Agency CSEC unit assigned",
  court_finding: "Court finding",
  youth_disclosure: "Youth disclosure",
};

/**
 * Who is looking, in relation to this youth. Scope (is the youth theirs at all, same program) is
 * decided before this: a user of another program never reaches here, the youth is a 404 for them.
 * A viewer's audience comes from their role's permissions (`csecAudienceOf` in permissions.ts).
 */
export type CsecAudience =
  /** Sees case content and may know of a status that is not confirmed (supervisors, leads). */
  | "knows_unconfirmed"
  /** Sees case content, learns a status once it is confirmed (advocates), or that they raised a concern. */
  | "confirmed_only"
  /** Sees no case content at all (administrators). */
  | "no_case_content"
  /** Court-facing output (court report draft, anything marked for court), whoever prints it. */
  | "court";

export type CsecFacts = {
  status: CsecStatus;
  /** Set when confirmed. */
  basis: CsecBasis | null;
  basisOn: string | null;
  /** When the current status was recorded. */
  changedAt: string | null;
  /**
   * When the viewer themself raised a concern about this youth that is still under review; null
   * otherwise. Only meaningful for the viewer's own submissions.
   */
  viewerOpenConcernRaisedAt: string | null;
};

export type CsecView =
  /** Nothing is shown: not a label, not a placeholder that differs between states. */
  | { kind: "hidden" }
  | { kind: "none" }
  | { kind: "concern"; since: string | null }
  /** "You raised a concern on DATE; your supervisor is reviewing it." */
  | { kind: "own_concern"; raisedAt: string }
  | { kind: "confirmed"; basis: CsecBasis; basisOn: string };

/** Whether this audience may know of a status that is not (yet) confirmed. */
export function mayKnowUnconfirmed(audience: CsecAudience): boolean {
  return audience === "knows_unconfirmed";
}

/** The status as `audience` may see it. Exhaustive over DOMAIN.md's table. */
export function csecViewFor(audience: CsecAudience, facts: CsecFacts): CsecView {
  if (audience === "no_case_content") return { kind: "hidden" };

  if (facts.status === "confirmed") {
    // A confirmed row without its basis is a data error; never show a basis-less "confirmed".
    if (!facts.basis || !facts.basisOn) {
      return mayKnowUnconfirmed(audience) ? { kind: "concern", since: facts.changedAt } : { kind: "hidden" };
    }
    return { kind: "confirmed", basis: facts.basis, basisOn: facts.basisOn };
  }

  if (mayKnowUnconfirmed(audience)) {
    return facts.status === "concern" ? { kind: "concern", since: facts.changedAt } : { kind: "none" };
  }

  if (audience === "confirmed_only" && facts.status === "concern" && facts.viewerOpenConcernRaisedAt) {
    return { kind: "own_concern", raisedAt: facts.viewerOpenConcernRaisedAt };
  }
  return { kind: "hidden" };
}

/**
 * Whether something tagged CSEC-sensitive (it would reveal CSEC involvement) may be shown to
 * `audience` for a youth whose status is `status`. It follows the status's own visibility.
 */
export function csecSensitiveVisible(audience: CsecAudience, status: CsecStatus): boolean {
  if (audience === "no_case_content") return false;
  if (status === "confirmed") return true;
  return mayKnowUnconfirmed(audience);
}

/**
 * The statuses this audience can tell apart, for filters and sorting: an audience that may not
 * know of concerns can only distinguish "confirmed" from "not confirmed", so a filter or a sort
 * order can never separate a concern from none for them.
 */
export function csecDistinguishable(audience: CsecAudience): "all" | "confirmed_only" | "nothing" {
  if (audience === "no_case_content") return "nothing";
  return mayKnowUnconfirmed(audience) ? "all" : "confirmed_only";
}
