/**
 * The demo's youth, written out by hand: which case is in which state, who raised what, which
 * requests, meetings and action items tests rely on. Everything a plan leaves open is filled in by
 * chance (DEMO_PROFILE). Index i of program one uses D.P1_YOUTH_NAMES[i] (program two:
 * D.P2_YOUTH_NAMES[i]); DEMO_YOUTH names some of them.
 */
import * as D from "./data";
import { basePlan, flag, st, type ConcernPlan, type Stint, type U, type UpcomingPlan, type YouthPlan } from "./model";
import type { Rng } from "./rng";

export function p1CaseNumber(i: number): string {
  return `DK-${String(10231 + i * 389).padStart(5, "0")}`;
}
export function p2CaseNumber(i: number): string {
  return `SC-J-${String(4402 + i * 211).padStart(4, "0")}`;
}

/** Program one's staff the plans name, by their keys in USER_DEFS (demo.ts). */
export const PROGRAM_ONE_STAFF = ["lead", "sup1", "sup2", "a1", "a2", "a3", "a4", "a5", "a6"] as const;
type ProgramOneStaff = Record<(typeof PROGRAM_ONE_STAFF)[number], U>;
export const PROGRAM_TWO_STAFF = ["lead2", "sup21", "a21", "a22"] as const;
type ProgramTwoStaff = Record<(typeof PROGRAM_TWO_STAFF)[number], U>;

function p1Plan(i: number, age: number, openedOn: number, advocates: Stint[], extra: Partial<YouthPlan> = {}): YouthPlan {
  return { ...basePlan({ name: D.P1_YOUTH_NAMES[i]!, caseNumber: p1CaseNumber(i), age, openedOn, advocates }), ...extra };
}

function p2Plan(i: number, age: number, openedOn: number, advocates: Stint[], extra: Partial<YouthPlan> = {}): YouthPlan {
  return { ...basePlan({ name: D.P2_YOUTH_NAMES[i]!, caseNumber: p2CaseNumber(i), age, openedOn, advocates }), ...extra };
}

function regularMdt(inDays: number): UpcomingPlan {
  return { inDays, type: "regular_mdt", inviteAdvocate: true, agenda: [] };
}

/** A concern with two random red flags in the week before it was raised. */
function genericConcern(rng: Rng, by: U, on: number): ConcernPlan {
  const indicators = rng.some(D.RED_FLAG_INDICATORS, 2);
  return { by, on, note: rng.pick(D.CONCERN_NOTES), flags: indicators.map((ind, k) => flag(ind, by, on - 6 + k * 2)) };
}

/** Program one: 30 youth, in index order (the order of the random draws is part of the output). */
export function programOnePlans(staff: ProgramOneStaff, rng: Rng): YouthPlan[] {
  return [...advocateCaseloadPlans(staff, rng), ...otherProgramOnePlans(staff, rng)];
}

/**
 * Youth 0-5: advocate@example.org's own caseload, one youth in each state the CSEC rule and the
 * missing-youth views tell apart. In index order: the order of the random draws is part of the output.
 */
function advocateCaseloadPlans(staff: ProgramOneStaff, rng: Rng): YouthPlan[] {
  return [
    advocateNonePlan(staff),
    advocateConcernBySomeoneElsePlan(staff),
    advocateOwnConcernPlan(staff),
    advocateConfirmedPlan(staff, rng),
    missingNowPlan(staff),
    advocateClearedPlan(staff),
  ];
}

/** 0 — advocateNone: no CSEC concern; a request submitted and a draft, an overdue action item. */
function advocateNonePlan({ a1 }: ProgramOneStaff): YouthPlan {
  return p1Plan(0, 15, -620, [st(a1, -560)], {
    pastRunaways: 0,
    upcoming: {
      inDays: 3,
      type: "regular_mdt",
      inviteAdvocate: true,
      agenda: [{ text: "School attendance plan", sensitive: false }],
    },
    requests: [
      { type: "identification_documents", status: "submitted", by: a1, on: -30, dueIn: 25, description: "California state ID card" },
      { type: "career_exploration", status: "draft", by: a1, on: -3, dueIn: 30 },
    ],
    actions: [
      {
        description: "Call the school counselor about the attendance plan",
        owner: { user: a1 },
        due: -6,
        sensitive: false,
        by: a1,
        on: -20,
      },
      { description: "Bring the library card form to the next visit", owner: { user: a1 }, due: 4, sensitive: false, by: a1, on: -5 },
    ],
  });
}

/** 1 — advocateConcernBySomeoneElse: supervisor1 raised the concern; a CSEC advocate on the team. */
function advocateConcernBySomeoneElsePlan({ sup1, a1 }: ProgramOneStaff): YouthPlan {
  return p1Plan(1, 16, -900, [st(a1, -480)], {
    csec: {
      kind: "concern",
      csecAdvocateParty: true,
      concern: {
        by: sup1,
        on: -12,
        note:
          "Caregiver saw Destiny get into a silver Charger with an adult man outside school three times this month; " +
          "she came back with new nails and a second phone. Asking the team to look at this together.",
        flags: [
          flag(
            "older_intimate_partner",
            sup1,
            -19,
            "Talks about a boyfriend, 24, who lives on Larkspur Street and picks her up from school.",
          ),
          flag("travel_hotel_stays", sup1, -14, "A key card from the Marigold Motel was found in her backpack after a weekend away."),
          flag("unexplained_gifts_cash_phones", sup1, -13, "Two prepaid phones and about $300 in cash she would not explain."),
        ],
      },
    },
    pastRunaways: 1,
    safetyPlan: true,
    upcoming: {
      inDays: 5,
      type: "csec_mdt",
      inviteAdvocate: false,
      agenda: [
        { text: "CSEC advocate referral and first meetings", sensitive: true },
        { text: "Safety plan review with the CSEC advocate", sensitive: true },
      ],
    },
    requests: [
      { type: "restoration_funds", status: "submitted", by: sup1, on: -7, dueIn: 14, amountCents: 45_000 },
      { type: "csec_advocate", status: "submitted", by: sup1, on: -9, dueIn: 7 },
    ],
    actions: [
      { description: "Follow up on the CSEC advocate referral", owner: { user: sup1 }, due: 3, sensitive: true, by: sup1, on: -9 },
      { description: "Confirm the CSEC unit screening with DCFS", owner: { role: "csw" }, due: -2, sensitive: true, by: sup1, on: -10 },
    ],
  });
}

/** 2 — advocateOwnConcern: the advocate raised the concern, awaiting review. */
function advocateOwnConcernPlan({ a1 }: ProgramOneStaff): YouthPlan {
  return p1Plan(2, 14, -400, [st(a1, -350)], {
    csec: {
      kind: "concern",
      csecAdvocateParty: false,
      concern: {
        by: a1,
        on: -4,
        note: "Jasmine has a second phone and gets very anxious when it buzzes; she changed the subject when I asked. Asking for a review.",
        flags: [
          flag("multiple_phones_social_media", a1, -6, "Has a second phone she keeps hidden; new social-media accounts."),
          flag("fear_or_submissiveness", a1, -5, "Went quiet and anxious whenever the second phone buzzed."),
        ],
      },
    },
    upcoming: regularMdt(6),
  });
}

/** 3 — advocateConfirmed: confirmed by the agency's CSEC unit (advocate4 had the case before). */
function advocateConfirmedPlan({ sup1, a1, a4 }: ProgramOneStaff, rng: Rng): YouthPlan {
  return p1Plan(3, 17, -1100, [st(a4, -1040, -210), st(a1, -210)], {
    csec: {
      kind: "confirmed",
      concern: {
        by: a4,
        on: -260,
        note: rng.pick(D.CONCERN_NOTES),
        flags: [flag("running_away", a4, -265), flag("tattoos_branding", a4, -262)],
      },
      by: sup1,
      on: -150,
      basis: "agency_csec_unit",
      basisOn: -152,
      note: D.CONFIRM_NOTES.agency_csec_unit,
    },
    pastRunaways: 2,
    safetyPlan: true,
    upcoming: regularMdt(10),
    requests: [
      { type: "restoration_funds", status: "fulfilled", by: a1, on: -100, dueIn: 21, amountCents: 80_000 },
      { type: "csec_advocate", status: "fulfilled", by: sup1, on: -148, dueIn: 14 },
      {
        type: "therapy",
        subtype: "emdr",
        status: "approved",
        by: a1,
        on: -20,
        dueIn: 14,
        description: "EMDR with a trauma-focused clinician",
      },
    ],
  });
}

/** 4 — missingNow: missing now, an emergency placement meeting in two days. */
function missingNowPlan({ sup1, a1 }: ProgramOneStaff): YouthPlan {
  return p1Plan(4, 15, -300, [st(a1, -280)], {
    missingNow: true,
    pastRunaways: 1,
    safetyPlan: true,
    upcoming: {
      inDays: 2,
      type: "emergency_placement",
      inviteAdvocate: true,
      agenda: [{ text: "Placement options when Marisol returns", sensitive: false }],
    },
    actions: [
      {
        description: "Check in with the caregiver daily until Marisol is back",
        owner: { user: a1 },
        due: 1,
        sensitive: false,
        by: sup1,
        on: -1,
      },
    ],
  });
}

/** 5 — advocateCleared: a concern cleared by the program lead; no recent contact. */
function advocateClearedPlan({ lead, sup1, a1 }: ProgramOneStaff): YouthPlan {
  return p1Plan(5, 16, -700, [st(a1, -640)], {
    csec: {
      kind: "cleared",
      concern: {
        by: sup1,
        on: -140,
        note: "Trinity's friends say she spends late nights at the Bayview transit center with older men; raising so we can check.",
        flags: [flag("inconsistent_accounts", sup1, -146), flag("truancy", sup1, -143)],
      },
      by: lead,
      on: -95,
      reason: D.CLEAR_REASONS[0]!,
    },
    staleContact: true,
    upcoming: null,
  });
}

/** Youth 6-29: the shared case, the other advocates' caseloads (supervisor2's from 16), closed cases. */
function otherProgramOnePlans({ lead, sup1, sup2, a1, a2, a3, a4, a5, a6 }: ProgramOneStaff, rng: Rng): YouthPlan[] {
  return [
    // 6 — sharedConcernByCoAdvocate
    p1Plan(6, 17, -800, [st(a2, -400), st(a1, -90)], {
      csec: {
        kind: "concern",
        csecAdvocateParty: false,
        concern: {
          by: a2,
          on: -20,
          note: "Brianna mentioned 'working parties' at a house on Quail Run Road with people she met online.",
          flags: [flag("gang_involvement", a2, -25), flag("controlling_relationship", a2, -21)],
        },
      },
      upcoming: regularMdt(12),
    }),
    // 7 — confirmedCourtFinding (direct, no concern)
    p1Plan(7, 16, -720, [st(a2, -500)], {
      csec: {
        kind: "confirmed",
        concern: null,
        by: sup1,
        on: -300,
        basis: "court_finding",
        basisOn: -305,
        note: D.CONFIRM_NOTES.court_finding,
      },
      pastRunaways: 1,
    }),
    // 8 — missingReportedInTime
    p1Plan(8, 13, -420, [st(a2, -380)], { missingNow: "reported" }),
    p1Plan(9, 15, -900, [st(a3, -700, -330), st(a2, -330)], { staleContact: true }),
    p1Plan(10, 19, -1500, [st(a2, -1300)]),
    // 11 — concernByLead
    p1Plan(11, 15, -500, [st(a3, -450)], { csec: { kind: "concern", csecAdvocateParty: false, concern: genericConcern(rng, lead, -30) } }),
    // 12 — closedCase
    p1Plan(12, 12, -800, [st(a3, -760, -60)], { closedOn: -60, upcoming: null }),
    p1Plan(13, 14, -350, [st(a3, -330), st(a2, -200)]),
    p1Plan(14, 16, -600, [st(a3, -560)], { pastRunaways: 1 }),
    p1Plan(15, 11, -260, [st(a3, -240)]),
    p1Plan(16, 16, -640, [st(a4, -600)], { csec: { kind: "concern", csecAdvocateParty: false, concern: genericConcern(rng, a4, -45) } }),
    p1Plan(17, 14, -500, [st(a4, -480), st(a5, -300)]),
    p1Plan(18, 17, -980, [st(a4, -900)], { staleContact: true }),
    p1Plan(19, 15, -700, [st(a6, -600, -250), st(a4, -250)]),
    p1Plan(20, 12, -200, [st(a4, -180)]),
    // 21 — confirmedYouthDisclosure
    p1Plan(21, 17, -1000, [st(a5, -950)], {
      csec: {
        kind: "confirmed",
        concern: genericConcern(rng, a5, -200),
        by: sup2,
        on: -170,
        basis: "youth_disclosure",
        basisOn: -172,
        note: D.CONFIRM_NOTES.youth_disclosure,
      },
      pastRunaways: 2,
    }),
    p1Plan(22, 14, -900, [st(a5, -850, -120)], { closedOn: -120, upcoming: null }),
    p1Plan(23, 16, -700, [st(a2, -500, -200), st(a5, -200)]),
    p1Plan(24, 13, -330, [st(a5, -300)]),
    p1Plan(25, 18, -1200, [st(a5, -1100)]),
    p1Plan(26, 15, -620, [st(a6, -580)], {
      csec: { kind: "cleared", concern: genericConcern(rng, a6, -300), by: sup2, on: -270, reason: D.CLEAR_REASONS[1]! },
    }),
    p1Plan(27, 17, -1100, [st(a6, -1000)], {
      csec: {
        kind: "confirmed",
        concern: null,
        by: lead,
        on: -400,
        basis: "agency_csec_unit",
        basisOn: -402,
        note: D.CONFIRM_NOTES.agency_csec_unit,
      },
      pastRunaways: 1,
    }),
    p1Plan(28, 14, -540, [st(a6, -500)], { staleContact: true }),
    p1Plan(29, 16, -380, [st(a6, -350)]),
  ];
}

/** Program two: 6 youth. */
export function programTwoPlans({ lead2, sup21: sup, a21: b1, a22: b2 }: ProgramTwoStaff, rng: Rng): YouthPlan[] {
  return [
    p2Plan(0, 16, -600, [st(b1, -550)], {
      csec: {
        kind: "concern",
        csecAdvocateParty: true,
        concern: {
          by: sup,
          on: -15,
          note: "Camila was dropped off at the Juniper Lodge twice by an older man; caregiver is worried.",
          flags: [flag("older_intimate_partner", sup, -20), flag("travel_hotel_stays", sup, -16)],
        },
      },
      upcoming: {
        inDays: 4,
        type: "csec_mdt",
        inviteAdvocate: false,
        agenda: [{ text: "CSEC advocate referral and first meetings", sensitive: true }],
      },
      requests: [{ type: "csec_advocate", status: "submitted", by: sup, on: -10, dueIn: 10 }],
    }),
    p2Plan(1, 15, -400, [st(b1, -380)], { missingNow: true, pastRunaways: 1 }),
    p2Plan(2, 17, -900, [st(b1, -850)], {
      csec: {
        kind: "confirmed",
        concern: {
          by: b1,
          on: -180,
          note: rng.pick(D.CONCERN_NOTES),
          flags: [flag("running_away", b1, -185), flag("substance_use", b1, -183)],
        },
        by: sup,
        on: -120,
        basis: "court_finding",
        basisOn: -121,
        note: D.CONFIRM_NOTES.court_finding,
      },
      requests: [{ type: "restoration_funds", status: "approved", by: b1, on: -30, dueIn: 20, amountCents: 30_000 }],
    }),
    p2Plan(3, 14, -500, [st(b2, -470)], { pastRunaways: 1 }),
    p2Plan(4, 13, -700, [st(b1, -500, -230), st(b2, -230)]),
    p2Plan(5, 16, -650, [st(b2, -600), st(b1, -300)], {
      csec: {
        kind: "cleared",
        concern: { by: b2, on: -200, note: rng.pick(D.CONCERN_NOTES), flags: [flag("truancy", b2, -205)] },
        by: lead2,
        on: -170,
        reason: D.CLEAR_REASONS[0]!,
      },
    }),
  ];
}
