/**
 * The youth page's writes, each as each demo role (issue 3, "Each action as each demo role"):
 * allowed ones redirect with `?saved=`, write their rows and exactly one matching audit row in the
 * same transaction; forbidden ones answer 403 (the role forbids it) or 404 (the youth is out of
 * scope) and change nothing at all.
 *
 * Every case runs on its own fresh youth (demo users, program one), so the cases cannot disturb
 * one another and every allowed action is one that would succeed: confirm and clear get a youth
 * with an open concern.
 */
import { describe, expect, it } from "vitest";
import { action as youthDetailAction } from "~/routes/youth-detail";
import { action as partyNewAction } from "~/routes/party-new";
import { action as partyEditAction } from "~/routes/party-edit";
import { action as partyReplaceAction } from "~/routes/party-replace";
import { action as safetyPlanAction } from "~/routes/safety-plan";
import { action as concernNewAction } from "~/routes/concern-new";
import { action as csecReviewAction } from "~/routes/csec-review";
import { PROGRAM_ONE_TZ, daysAgo, localDateTime } from "../helpers/dates";
import {
  auditRowsAfter,
  maxId,
  partyVersion,
  queries,
  safetyPlanVersion,
  snapshot,
  userId,
  withAuditFailing,
  type AuditRow,
} from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, describeResult, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";
import { CASE_TABLES, type CaseTable } from "../helpers/youth-page";

const db = await demoDatabase();

const client = db.$client;
const { one, all } = queries(client);

type Ctx = { c: YouthCase; actorId: number; stamp: string; auditRow: AuditRow };

type ActionSpec = {
  name: string;
  audit: string;
  saved: string;
  /** Confirm and clear need a youth with an open concern to be possible at all. */
  needsConcern: boolean;
  /** Only supervisors and leads may do it (an advocate gets 403 on their own youth). */
  reviewOnly: boolean;
  fn: (args: never) => unknown;
  url: (c: YouthCase) => string;
  params: (c: YouthCase) => Record<string, string>;
  fields: (c: YouthCase, stamp: string) => Fields;
  /** The tables the action may change besides audit_events; every other case table must stay as it was. */
  touches: CaseTable[];
  verify: (ctx: Ctx) => void;
};

/** Youth rows without the derived sort keys (sort_advocate, sort_csec ...). */
const withoutSortKeys = (rows: unknown[]) =>
  rows.map((r) =>
    Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !k.startsWith("sort_") && !k.startsWith("kept_"))),
  );

const contactWhen = () => localDateTime(PROGRAM_ONE_TZ, -2 * 3_600_000);

const ACTIONS: ActionSpec[] = [
  {
    name: "log a contact",
    audit: "contact.log",
    saved: "contact",
    needsConcern: false,
    reviewOnly: false,
    fn: youthDetailAction,
    url: (c) => `/youth/${c.youthId}`,
    params: (c) => ({ youthId: String(c.youthId) }),
    fields: (c, stamp) => ({
      intent: "log-contact",
      with: String(c.cswId),
      occurredAt: contactWhen(),
      method: "phone",
      summary: `Called the CSW about school enrolment ${stamp}`,
    }),
    // The party's derived "last contacted" moves with it.
    touches: ["contacts", "case_parties"],
    verify: ({ c, actorId, stamp, auditRow }) => {
      const rows = all(`SELECT * FROM contacts WHERE summary = ?`, `Called the CSW about school enrolment ${stamp}`);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        youth_id: c.youthId,
        program_id: c.programId,
        party_id: c.cswId,
        method: "phone",
        logged_by_user_id: actorId,
      });
      // Stored as UTC; it is the wall-clock time typed in the program's time zone.
      const occurred = new Date(String(row.occurred_at));
      expect(Number.isNaN(occurred.getTime())).toBe(false);
      expect(Math.abs(occurred.getTime() - (Date.now() - 2 * 3_600_000))).toBeLessThan(3 * 60_000);
      expect(auditRow).toMatchObject({ entity_type: "contact", entity_id: String(row.id) });
      // Only that party's last contact moved, to the latest of its contacts.
      const party = all(
        `SELECT last_contact_at, (SELECT max(occurred_at) FROM contacts WHERE party_id = ?) AS latest FROM case_parties WHERE id = ?`,
        c.cswId,
        c.cswId,
      )[0]!;
      expect(party.last_contact_at).toBe(party.latest);
    },
  },
  {
    name: "add a party",
    audit: "party.add",
    saved: "party-added",
    needsConcern: false,
    reviewOnly: false,
    fn: partyNewAction,
    url: (c) => `/youth/${c.youthId}/parties/new`,
    params: (c) => ({ youthId: String(c.youthId) }),
    fields: (_c, stamp) => ({
      role: "therapist",
      name: `Dr. Tess Morgan ${stamp}`,
      organization: "Westside Counseling",
      phone: "555-201-3344",
      email: "tess.morgan@westside.example.org",
      startedOn: "2025-06-01",
    }),
    touches: ["case_parties"],
    verify: ({ c, stamp, auditRow }) => {
      const rows = all(`SELECT * FROM case_parties WHERE name = ?`, `Dr. Tess Morgan ${stamp}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        youth_id: c.youthId,
        program_id: c.programId,
        role: "therapist",
        organization: "Westside Counseling",
        phone: "555-201-3344",
        email: "tess.morgan@westside.example.org",
        started_on: "2025-06-01",
        ended_on: null,
      });
      expect(auditRow).toMatchObject({ entity_type: "case_party", entity_id: String(rows[0]!.id) });
    },
  },
  {
    name: "edit a party",
    audit: "party.update",
    saved: "party-updated",
    needsConcern: false,
    reviewOnly: false,
    fn: partyEditAction,
    url: (c) => `/youth/${c.youthId}/parties/${c.cswId}/edit`,
    params: (c) => ({ youthId: String(c.youthId), partyId: String(c.cswId) }),
    fields: (c, stamp) => ({
      name: `Casey Worker-Lopez ${stamp}`,
      organization: "DCFS Region 2",
      phone: "555-201-9999",
      email: "casey.lopez@dcfs.example.org",
      baseVersion: partyVersion(client, c.cswId!),
    }),
    touches: ["case_parties"],
    verify: ({ c, stamp, auditRow }) => {
      const row = one(`SELECT * FROM case_parties WHERE id = ?`, c.cswId)!;
      expect(row).toMatchObject({
        youth_id: c.youthId,
        role: "csw",
        name: `Casey Worker-Lopez ${stamp}`,
        organization: "DCFS Region 2",
        phone: "555-201-9999",
        email: "casey.lopez@dcfs.example.org",
        started_on: "2025-01-01",
        ended_on: null,
      });
      expect(row.updated_at).not.toBeNull();
      expect(auditRow).toMatchObject({ entity_type: "case_party", entity_id: String(c.cswId) });
      expect(JSON.parse(auditRow.details ?? "{}")).toMatchObject({ name: { to: `Casey Worker-Lopez ${stamp}` } });
    },
  },
  {
    name: "replace a party",
    audit: "party.replace",
    saved: "party-replaced",
    needsConcern: false,
    reviewOnly: false,
    fn: partyReplaceAction,
    url: (c) => `/youth/${c.youthId}/parties/${c.cswId}/replace`,
    params: (c) => ({ youthId: String(c.youthId), partyId: String(c.cswId) }),
    fields: (_c, stamp) => ({
      name: `Robin Okafor ${stamp}`,
      organization: "Example County DCFS",
      phone: "555-201-4455",
      email: "robin.okafor@dcfs.example.org",
      startedOn: "2025-09-01",
    }),
    touches: ["case_parties"],
    verify: ({ c, stamp, auditRow }) => {
      const old = one(`SELECT * FROM case_parties WHERE id = ?`, c.cswId)!;
      expect(old).toMatchObject({ role: "csw", started_on: "2025-01-01", ended_on: "2025-09-01" });
      const rows = all(`SELECT * FROM case_parties WHERE name = ?`, `Robin Okafor ${stamp}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ youth_id: c.youthId, role: "csw", started_on: "2025-09-01", ended_on: null });
      expect(auditRow).toMatchObject({ entity_type: "case_party", entity_id: String(rows[0]!.id) });
      expect(JSON.parse(auditRow.details ?? "{}")).toMatchObject({ replacedPartyId: c.cswId });
    },
  },
  {
    name: "save the safety plan",
    audit: "safety_plan.save",
    saved: "safety-plan",
    needsConcern: false,
    reviewOnly: false,
    fn: safetyPlanAction,
    url: (c) => `/youth/${c.youthId}/safety-plan`,
    params: (c) => ({ youthId: String(c.youthId) }),
    fields: (c, stamp) => ({
      baseVersion: safetyPlanVersion(client, c.youthId),
      support1Name: "May Parker",
      support1Relation: "aunt",
      support1Phone: "555-201-0001",
      support2Name: "Coach Lee",
      support2Relation: "coach",
      support2Phone: "",
      support3Name: "",
      support3Relation: "",
      support3Phone: "",
      hotlines: ["nhth", "runaway_safeline"],
      notes: `Knows to call May first ${stamp}`,
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 1),
    }),
    touches: ["safety_plans"],
    verify: ({ c, actorId, stamp, auditRow }) => {
      const rows = all(`SELECT * FROM safety_plans WHERE youth_id = ?`, c.youthId);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        version: 1,
        program_id: c.programId,
        reviewed_by_user_id: actorId,
        reviewed_on: daysAgo(PROGRAM_ONE_TZ, 1),
        notes: `Knows to call May first ${stamp}`,
      });
      expect(JSON.parse(String(row.support_people))).toEqual([
        { name: "May Parker", relation: "aunt", phone: "555-201-0001" },
        { name: "Coach Lee", relation: "coach", phone: null },
      ]);
      expect(JSON.parse(String(row.hotlines_memorized))).toEqual(["nhth", "runaway_safeline"]);
      expect(auditRow).toMatchObject({ entity_type: "safety_plan", entity_id: String(row.id) });
    },
  },
  {
    name: "raise a concern",
    audit: "csec.concern_raise",
    saved: "concern",
    needsConcern: false,
    reviewOnly: false,
    fn: concernNewAction,
    url: (c) => `/youth/${c.youthId}/concern`,
    params: (c) => ({ youthId: String(c.youthId) }),
    fields: (_c, stamp) => ({
      indicators: ["older_intimate_partner", "travel_hotel_stays"],
      observedOn: daysAgo(PROGRAM_ONE_TZ, 1),
      note: `Picked up from school by an older man ${stamp}`,
    }),
    touches: ["csec_concerns", "red_flags", "youth_csec_status", "csec_status_events"],
    verify: ({ c, actorId, stamp, auditRow }) => {
      const concerns = all(`SELECT * FROM csec_concerns WHERE youth_id = ?`, c.youthId);
      expect(concerns).toHaveLength(1);
      const concern = concerns[0]!;
      expect(concern).toMatchObject({
        raised_by_user_id: actorId,
        review_status: "under_review",
        note: `Picked up from school by an older man ${stamp}`,
      });
      const flags = all(`SELECT * FROM red_flags WHERE youth_id = ? ORDER BY id`, c.youthId);
      expect(flags.map((f) => [f.indicator, f.concern_id, f.observed_by_user_id, f.observed_on])).toEqual([
        ["older_intimate_partner", concern.id, actorId, daysAgo(PROGRAM_ONE_TZ, 1)],
        ["travel_hotel_stays", concern.id, actorId, daysAgo(PROGRAM_ONE_TZ, 1)],
      ]);
      expect(one(`SELECT * FROM youth_csec_status WHERE youth_id = ?`, c.youthId)).toMatchObject({
        status: "concern",
        basis: null,
        changed_by_user_id: actorId,
      });
      const events = all(`SELECT * FROM csec_status_events WHERE youth_id = ?`, c.youthId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ from_status: "none", to_status: "concern", concern_id: concern.id, actor_user_id: actorId });
      expect(auditRow).toMatchObject({ entity_type: "csec_concern", entity_id: String(concern.id) });
    },
  },
  {
    name: "confirm CSEC status",
    audit: "csec.confirm",
    saved: "confirmed",
    needsConcern: true,
    reviewOnly: true,
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: (c) => ({ youthId: String(c.youthId) }),
    fields: (_c, stamp) => ({
      intent: "confirm",
      basis: "court_finding",
      basisOn: daysAgo(PROGRAM_ONE_TZ, 2),
      note: `Finding at the review hearing ${stamp}`,
    }),
    touches: ["youth_csec_status", "csec_status_events", "csec_concerns"],
    verify: ({ c, actorId, stamp, auditRow }) => {
      expect(one(`SELECT * FROM youth_csec_status WHERE youth_id = ?`, c.youthId)).toMatchObject({
        status: "confirmed",
        basis: "court_finding",
        basis_on: daysAgo(PROGRAM_ONE_TZ, 2),
        changed_by_user_id: actorId,
      });
      const events = all(`SELECT * FROM csec_status_events WHERE youth_id = ? ORDER BY id`, c.youthId);
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({
        from_status: "concern",
        to_status: "confirmed",
        basis: "court_finding",
        basis_on: daysAgo(PROGRAM_ONE_TZ, 2),
        actor_user_id: actorId,
        note: `Finding at the review hearing ${stamp}`,
      });
      expect(one(`SELECT * FROM csec_concerns WHERE id = ?`, c.concernId)).toMatchObject({
        review_status: "confirmed",
        reviewed_by_user_id: actorId,
      });
      expect(auditRow).toMatchObject({ entity_id: String(c.youthId) });
    },
  },
  {
    name: "clear a concern",
    audit: "csec.clear",
    saved: "cleared",
    needsConcern: true,
    reviewOnly: true,
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: (c) => ({ youthId: String(c.youthId) }),
    fields: (_c, stamp) => ({ intent: "clear", reason: `The older man is her uncle; checked with the CSW ${stamp}` }),
    touches: ["youth_csec_status", "csec_status_events", "csec_concerns"],
    verify: ({ c, actorId, stamp, auditRow }) => {
      expect(one(`SELECT * FROM youth_csec_status WHERE youth_id = ?`, c.youthId)).toMatchObject({
        status: "none",
        basis: null,
        changed_by_user_id: actorId,
      });
      const events = all(`SELECT * FROM csec_status_events WHERE youth_id = ? ORDER BY id`, c.youthId);
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({
        from_status: "concern",
        to_status: "none",
        actor_user_id: actorId,
        note: `The older man is her uncle; checked with the CSW ${stamp}`,
      });
      expect(one(`SELECT * FROM csec_concerns WHERE id = ?`, c.concernId)).toMatchObject({
        review_status: "cleared",
        reviewed_by_user_id: actorId,
        review_note: `The older man is her uncle; checked with the CSW ${stamp}`,
      });
      // The concern's red flags stay in history.
      expect(all(`SELECT * FROM red_flags WHERE concern_id = ?`, c.concernId)).toHaveLength(1);
      expect(auditRow).toMatchObject({ entity_id: String(c.youthId) });
    },
  },
];

type Outcome = "allowed" | 403 | 404;
type RoleCase = {
  label: string;
  email: string;
  youth: { advocate: string; supervisor: string; formerAdvocate?: string };
  outcome: (a: ActionSpec) => Outcome;
};

const ROLES: RoleCase[] = [
  {
    label: "advocate@example.org on their own youth",
    email: "advocate@example.org",
    youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org" },
    outcome: (a) => (a.reviewOnly ? 403 : "allowed"),
  },
  {
    label: "advocate@example.org on advocate2's youth (not shared with them)",
    email: "advocate@example.org",
    youth: { advocate: "advocate2@example.org", supervisor: "supervisor@example.org" },
    outcome: () => 404,
  },
  {
    label: "advocate4@example.org on a youth whose assignment ended",
    email: "advocate4@example.org",
    youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org", formerAdvocate: "advocate4@example.org" },
    outcome: () => 404,
  },
  {
    label: "supervisor@example.org on their own caseload",
    email: "supervisor@example.org",
    youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org" },
    outcome: () => "allowed",
  },
  {
    label: "supervisor@example.org on supervisor2's caseload",
    email: "supervisor@example.org",
    youth: { advocate: "advocate4@example.org", supervisor: "supervisor2@example.org" },
    outcome: () => 404,
  },
  {
    label: "lead@example.org on any youth of the program",
    email: "lead@example.org",
    youth: { advocate: "advocate4@example.org", supervisor: "supervisor2@example.org" },
    outcome: () => "allowed",
  },
  {
    label: "admin@example.org",
    email: "admin@example.org",
    youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org" },
    outcome: () => 403,
  },
  {
    label: "lead@second.example.org (another program)",
    email: "lead@second.example.org",
    youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org" },
    outcome: () => 404,
  },
];

let seq = 0;

function setUp(a: ActionSpec, youth: RoleCase["youth"]): YouthCase {
  // A youth on which the action would succeed for someone allowed to do it.
  return makeYouth(db, { ...youth, concernBy: a.needsConcern ? "supervisor@example.org" : undefined });
}

async function run(a: ActionSpec, email: string, c: YouthCase, stamp: string) {
  const request = await postAs(db, email, a.url(c), a.fields(c, stamp));
  return callRoute(a.fn, request, a.params(c));
}

describe("each youth-page action as each demo role", () => {
  for (const a of ACTIONS) {
    describe(a.name, () => {
      for (const role of ROLES) {
        const outcome = role.outcome(a);
        const title =
          outcome === "allowed"
            ? `${role.label}: allowed, written and audited as ${a.audit}`
            : `${role.label}: ${outcome}, nothing changed`;
        it(title, async () => {
          const c = setUp(a, role.youth);
          const stamp = `#${++seq}`;
          const actorId = userId(client, role.email);
          const auditBefore = maxId(client, "audit_events");
          const before = snapshot(client, CASE_TABLES);

          const result = await run(a, role.email, c, stamp);
          const after = snapshot(client, CASE_TABLES);

          if (outcome === "allowed") {
            expect(statusOf(result), describeResult(result)).toBe(302);
            expect(redirectLocation(result)).toMatch(new RegExp(`^/youth/${c.youthId}\\?saved=${a.saved}(#|$)`));

            const audits = auditRowsAfter(client, auditBefore);
            expect(audits).toHaveLength(1);
            const auditRow = audits[0]!;
            expect(auditRow).toMatchObject({
              action: a.audit,
              actor_user_id: actorId,
              youth_id: c.youthId,
              program_id: c.programId,
            });
            a.verify({ c, actorId, stamp, auditRow });

            // Only the action's own tables (and the audit log) changed.
            for (const t of CASE_TABLES) {
              if (t === "audit_events" || a.touches.includes(t)) continue;
              // The youth list's sort keys follow their records by trigger (db/youth-sort-keys.ts,
              // checked there); every other youth column must stay as it was.
              const kept = t === "youth" ? withoutSortKeys : (rows: unknown[]) => rows;
              expect(kept(after[t]!), `${t} must not change`).toEqual(kept(before[t]!));
            }
          } else {
            expect(statusOf(result), describeResult(result)).toBe(outcome);
            const payload = payloadOf<{ message?: string }>(result);
            if (outcome === 404) expect(payload.message).toMatch(/not found/i);
            else expect(payload.message).toEqual(expect.any(String));
            expect(after).toEqual(before);
          }
        });
      }
    });
  }
});

describe("the guards come before the form: a forbidden or out-of-scope POST is 403/404 even when the form is invalid", () => {
  // An admin (no case content) and a user of another program must not get field messages and
  // their own values back about a youth's forms: that is a 400 "on this youth" instead of 403/404.
  const WHO: Array<{ email: string; youth: RoleCase["youth"]; status: 403 | 404 }> = [
    { email: "admin@example.org", youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org" }, status: 403 },
    { email: "lead@second.example.org", youth: { advocate: "advocate@example.org", supervisor: "supervisor@example.org" }, status: 404 },
    { email: "advocate@example.org", youth: { advocate: "advocate2@example.org", supervisor: "supervisor@example.org" }, status: 404 },
  ];
  for (const a of ACTIONS) {
    it(`${a.name}, with an empty form`, async () => {
      const seen: Array<[string, number]> = [];
      for (const w of WHO) {
        const c = setUp(a, w.youth);
        const fields: Fields = "intent" in a.fields(c, "") ? { intent: a.fields(c, "").intent! } : {};
        const request = await postAs(db, w.email, a.url(c), fields);
        const before = snapshot(client, CASE_TABLES);
        const result = await callRoute(a.fn, request, a.params(c));
        seen.push([w.email, statusOf(result)]);
        expect(snapshot(client, CASE_TABLES)).toEqual(before);
      }
      expect(seen).toEqual(WHO.map((w) => [w.email, w.status]));
    });
  }
});

describe("the change and its audit row are one transaction", () => {
  for (const a of ACTIONS) {
    it(`${a.name}: when the audit row cannot be written, nothing is written`, async () => {
      const c = setUp(a, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
      const request = await postAs(db, "supervisor@example.org", a.url(c), a.fields(c, `#${++seq}`));
      const before = snapshot(client, CASE_TABLES);
      await expect(withAuditFailing(client, () => callRoute(a.fn, request, a.params(c)))).rejects.toThrow(/audit log unavailable/);
      expect(snapshot(client, CASE_TABLES)).toEqual(before);
    });
  }
});

describe("signed out", () => {
  for (const a of ACTIONS) {
    it(`${a.name}: goes to sign in and writes nothing`, async () => {
      const c = setUp(a, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(a.fields(c, "#anon"))) {
        if (typeof v === "string") body.append(k, v);
        else for (const x of v) body.append(k, x);
      }
      const request = new Request(new URL(a.url(c), "http://localhost"), {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
      const before = snapshot(client, CASE_TABLES);
      const result = await callRoute(a.fn, request, a.params(c));
      expect(redirectLocation(result)).toMatch(/^\/login\?redirectTo=/);
      expect(snapshot(client, CASE_TABLES)).toEqual(before);
    });
  }
});

describe("scope holds for ids that do not belong together", () => {
  it("editing a party through another youth's URL is a 404 and changes nothing", async () => {
    const mine = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const other = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const before = snapshot(client, CASE_TABLES);
    const request = await postAs(db, "advocate@example.org", `/youth/${mine.youthId}/parties/${other.cswId}/edit`, {
      name: "Someone Else",
    });
    const result = await callRoute(partyEditAction, request, { youthId: String(mine.youthId), partyId: String(other.cswId) });
    expect(statusOf(result), describeResult(result)).toBe(404);
    expect(snapshot(client, CASE_TABLES)).toEqual(before);
  });

  it("replacing a party through another youth's URL is a 404 and changes nothing", async () => {
    const mine = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const other = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const before = snapshot(client, CASE_TABLES);
    const request = await postAs(db, "advocate@example.org", `/youth/${mine.youthId}/parties/${other.cswId}/replace`, {
      name: "Someone Else",
      startedOn: "2025-10-01",
    });
    const result = await callRoute(partyReplaceAction, request, { youthId: String(mine.youthId), partyId: String(other.cswId) });
    expect(statusOf(result), describeResult(result)).toBe(404);
    expect(snapshot(client, CASE_TABLES)).toEqual(before);
  });

  it("a youth id that is not a number is a 404", async () => {
    const request = await postAs(db, "lead@example.org", `/youth/abc`, { intent: "log-contact" });
    const result = await callRoute(youthDetailAction, request, { youthId: "abc" });
    expect(statusOf(result)).toBe(404);
  });
});
