/**
 * The youth page's forms and what the page shows of their results (issue 3): validation (400,
 * messages by field, the form still filled, nothing written), the team's history when a role is
 * handed over, contact staleness and the contact filter, and the versioned safety plan.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as youthDetailAction } from "~/routes/youth-detail";
import { action as partyNewAction } from "~/routes/party-new";
import { action as partyEditAction } from "~/routes/party-edit";
import { action as partyReplaceAction } from "~/routes/party-replace";
import { action as safetyPlanAction } from "~/routes/safety-plan";
import { action as concernNewAction } from "~/routes/concern-new";
import { action as csecReviewAction } from "~/routes/csec-review";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, daysAgo, daysFromTo, instantDaysAgo, localDate, localDateTime } from "../helpers/dates";
import { demoYouthId, queries, safetyPlanVersion, snapshot, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, describeResult, payloadOf, postAs, postRoute, redirectLocation, statusOf, type Fields } from "../helpers/routes";
import { CASE_TABLES, insertContact, loadYouthPage } from "../helpers/youth-page";

const db = await demoDatabase();

const client = db.$client;
const { one, all } = queries(client);

const mine = (opts: Partial<Parameters<typeof makeYouth>[1]> = {}) =>
  makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org", ...opts });

// ---------------------------------------------------------------------------------------------

type Invalid = {
  name: string;
  as?: string;
  setup?: () => YouthCase;
  fn: (args: never) => unknown;
  url: (c: YouthCase) => string;
  params: (c: YouthCase) => Record<string, string>;
  fields: (c: YouthCase) => Fields;
  /** Field -> expected message (a string, or a pattern). */
  errors: (c: YouthCase) => Record<string, string | RegExp>;
};

const contactUrl = (c: YouthCase) => `/youth/${c.youthId}`;
const youthParams = (c: YouthCase) => ({ youthId: String(c.youthId) });
const partyParams = (c: YouthCase) => ({ youthId: String(c.youthId), partyId: String(c.cswId) });
const earlier = () => localDateTime(PROGRAM_ONE_TZ, -3_600_000);

const INVALID: Invalid[] = [
  {
    name: "log a contact without a summary",
    fn: youthDetailAction,
    url: contactUrl,
    params: youthParams,
    fields: (c) => ({ intent: "log-contact", with: [String(c.attorneyId)], occurredAt: earlier(), method: "video", summary: "   " }),
    errors: () => ({ summary: "Write a short summary of the contact." }),
  },
  {
    name: "log a contact with no time and no method",
    fn: youthDetailAction,
    url: contactUrl,
    params: youthParams,
    fields: () => ({ intent: "log-contact", with: ["youth"], occurredAt: "last Tuesday", summary: "Visited at the group home." }),
    errors: () => ({ occurredAt: "Enter when the contact happened.", method: "Choose how you were in contact." }),
  },
  {
    name: "log a contact in the future",
    fn: youthDetailAction,
    url: contactUrl,
    params: youthParams,
    fields: () => ({
      intent: "log-contact",
      with: ["youth"],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, 2 * 86_400_000),
      method: "in_person",
      summary: "Will visit on Saturday.",
    }),
    errors: () => ({ occurredAt: /future/i }),
  },
  {
    name: "log a contact with a party of another youth",
    fn: youthDetailAction,
    url: contactUrl,
    params: youthParams,
    fields: () => {
      const other = mine();
      return { intent: "log-contact", with: [String(other.cswId)], occurredAt: earlier(), method: "phone", summary: "Called the CSW." };
    },
    errors: () => ({ with: "Choose who the contact was with." }),
  },
  {
    name: "an unknown intent on the youth page",
    fn: youthDetailAction,
    url: contactUrl,
    params: youthParams,
    fields: () => ({ intent: "delete-youth", summary: "x" }),
    errors: () => ({ _form: expect.any(String) as never }),
  },
  {
    name: "add a party with no role, no name, a bad email and an impossible date",
    fn: partyNewAction,
    url: (c) => `/youth/${c.youthId}/parties/new`,
    params: youthParams,
    fields: () => ({ role: "", name: " ", organization: "DCFS", phone: "555-201-3344", email: "not-an-email", startedOn: "2025-02-30" }),
    errors: () => ({
      role: "Choose the person's role on the team.",
      name: "Enter the person's name.",
      email: "Enter an email address, e.g. name@agency.org.",
      startedOn: "Enter the date they took this role.",
    }),
  },
  {
    name: "add a party with a role that does not exist and a bad phone",
    fn: partyNewAction,
    url: (c) => `/youth/${c.youthId}/parties/new`,
    params: youthParams,
    fields: () => ({ role: "judge", name: "Hon. Someone", phone: "call me", startedOn: "2025-03-01" }),
    errors: () => ({ role: "Choose the person's role on the team.", phone: "Enter a phone number, e.g. 555-201-3344." }),
  },
  {
    name: "edit a party, emptying the name",
    fn: partyEditAction,
    url: (c) => `/youth/${c.youthId}/parties/${c.cswId}/edit`,
    params: partyParams,
    fields: () => ({ name: "", organization: "DCFS Region 9", phone: "", email: "" }),
    errors: () => ({ name: "Enter the person's name." }),
  },
  {
    name: "replace a party without the new person's name",
    fn: partyReplaceAction,
    url: (c) => `/youth/${c.youthId}/parties/${c.cswId}/replace`,
    params: partyParams,
    fields: () => ({ name: "", organization: "DCFS", startedOn: "2025-08-01" }),
    errors: () => ({ name: "Enter the person's name." }),
  },
  {
    name: "replace a party from a date before the current holder started",
    fn: partyReplaceAction,
    url: (c) => `/youth/${c.youthId}/parties/${c.cswId}/replace`,
    params: partyParams,
    fields: () => ({ name: "Robin Early", startedOn: "2024-12-31" }),
    errors: () => ({ startedOn: /2025-01-01/ }),
  },
  {
    name: "a safety plan with a relation but no name, an unknown hotline and no review date",
    fn: safetyPlanAction,
    url: (c) => `/youth/${c.youthId}/safety-plan`,
    params: youthParams,
    fields: () => ({
      support1Name: "May Parker",
      support1Relation: "aunt",
      support1Phone: "555-201-0001",
      support2Name: "",
      support2Relation: "coach",
      hotlines: ["nhth", "911"],
      notes: "Typed notes",
      reviewedOn: "",
    }),
    errors: () => ({ hotlines: expect.any(String) as never, reviewedOn: "Enter the date the plan was reviewed with the youth." }),
  },
  {
    name: "a safety plan with a support person's relation but no name",
    fn: safetyPlanAction,
    url: (c) => `/youth/${c.youthId}/safety-plan`,
    params: youthParams,
    fields: () => ({
      support1Name: "",
      support1Relation: "grandmother",
      support1Phone: "555-201-0002",
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 1),
    }),
    errors: () => ({ support1Name: "Add the person's name, or clear the row." }),
  },
  {
    name: "raise a concern with nothing ticked and no note",
    fn: concernNewAction,
    url: (c) => `/youth/${c.youthId}/concern`,
    params: youthParams,
    fields: () => ({ observedOn: daysAgo(PROGRAM_ONE_TZ, 1), note: "  " }),
    errors: () => ({ indicators: "Tick at least one indicator, or describe what you observed." }),
  },
  {
    name: "raise a concern with an indicator that is not in the catalogue",
    fn: concernNewAction,
    url: (c) => `/youth/${c.youthId}/concern`,
    params: youthParams,
    fields: () => ({ indicators: ["running_away", "bad_vibes"], observedOn: daysAgo(PROGRAM_ONE_TZ, 1), note: "Typed note" }),
    errors: () => ({ indicators: expect.any(String) as never }),
  },
  {
    name: "raise a concern observed in the future",
    fn: concernNewAction,
    url: (c) => `/youth/${c.youthId}/concern`,
    params: youthParams,
    fields: () => ({ indicators: ["running_away"], observedOn: daysAgo(PROGRAM_ONE_TZ, -3) }),
    errors: () => ({ observedOn: /future/i }),
  },
  {
    name: "confirm without a basis",
    as: "supervisor@example.org",
    setup: () => mine({ concernBy: "supervisor@example.org" }),
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: youthParams,
    fields: () => ({ intent: "confirm", basis: "", basisOn: daysAgo(PROGRAM_ONE_TZ, 1), note: "Typed note" }),
    errors: () => ({ basis: "Choose what the confirmation is based on." }),
  },
  {
    name: "confirm on a basis that does not exist, with no date",
    as: "supervisor@example.org",
    setup: () => mine({ concernBy: "supervisor@example.org" }),
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: youthParams,
    fields: () => ({ intent: "confirm", basis: "rumour", basisOn: "" }),
    errors: () => ({ basis: "Choose what the confirmation is based on.", basisOn: expect.stringMatching(/date/i) as never }),
  },
  {
    name: "confirm with a date in the future",
    as: "supervisor@example.org",
    setup: () => mine({ concernBy: "supervisor@example.org" }),
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: youthParams,
    fields: () => ({ intent: "confirm", basis: "youth_disclosure", basisOn: daysAgo(PROGRAM_ONE_TZ, -2) }),
    errors: () => ({ basisOn: /future/i }),
  },
  {
    name: "clear without a reason",
    as: "supervisor@example.org",
    setup: () => mine({ concernBy: "supervisor@example.org" }),
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: youthParams,
    fields: () => ({ intent: "clear", reason: "  " }),
    errors: () => ({ reason: "Say why the concern is cleared." }),
  },
  {
    name: "an unknown intent on the CSEC review",
    as: "supervisor@example.org",
    setup: () => mine({ concernBy: "supervisor@example.org" }),
    fn: csecReviewAction,
    url: (c) => `/youth/${c.youthId}/csec`,
    params: youthParams,
    fields: () => ({ intent: "escalate" }),
    errors: () => ({ _form: "Choose to confirm, to clear, or to keep monitoring." }),
  },
];

describe("an invalid form: 400, messages by field, the form still filled, nothing written", () => {
  for (const v of INVALID) {
    it(v.name, async () => {
      const c = v.setup ? v.setup() : mine();
      const fields = v.fields(c);
      const request = await postAs(db, v.as ?? "advocate@example.org", v.url(c), fields);
      const before = snapshot(client, CASE_TABLES);
      const result = await callRoute(v.fn, request, v.params(c));
      expect(statusOf(result), describeResult(result)).toBe(400);
      const payload = payloadOf<{ errors: Record<string, string>; values: Record<string, unknown> }>(result);
      const expected = Object.fromEntries(
        Object.entries(v.errors(c)).map(([k, m]) => [k, m instanceof RegExp ? expect.stringMatching(m) : m]),
      );
      expect(payload.errors).toEqual(expected);
      // What was typed comes back as typed (so the form is filled again).
      expect(payload.values).toMatchObject(fields);
      expect(snapshot(client, CASE_TABLES)).toEqual(before);
    });
  }
});

describe("a write that does not fit the current state: 400 with a clear message, nothing written", () => {
  async function expect400(email: string, fn: (args: never) => unknown, url: string, params: Record<string, string>, fields: Fields) {
    const request = await postAs(db, email, url, fields);
    const before = snapshot(client, CASE_TABLES);
    const result = await callRoute(fn, request, params);
    expect(statusOf(result), describeResult(result)).toBe(400);
    expect(snapshot(client, CASE_TABLES)).toEqual(before);
    return payloadOf<{ errors: Record<string, string>; values: Record<string, unknown> }>(result);
  }

  it("confirming a youth who is already confirmed", async () => {
    const id = demoYouthId(client, DEMO_YOUTH.advocateConfirmed);
    const payload = await expect400(
      "supervisor@example.org",
      csecReviewAction,
      `/youth/${id}/csec`,
      { youthId: String(id) },
      {
        intent: "confirm",
        basis: "court_finding",
        basisOn: daysAgo(PROGRAM_ONE_TZ, 1),
      },
    );
    expect(payload.errors._form).toMatch(/already confirmed/i);
    expect(payload.values).toMatchObject({ basis: "court_finding" });
  });

  it("clearing when there is no concern (no status at all)", async () => {
    const c = mine();
    const payload = await expect400("supervisor@example.org", csecReviewAction, `/youth/${c.youthId}/csec`, youthParams(c), {
      intent: "clear",
      reason: "Nothing to see",
    });
    expect(payload.errors._form).toMatch(/no open concern/i);
  });

  it("clearing a confirmed status", async () => {
    const id = demoYouthId(client, DEMO_YOUTH.confirmedCourtFinding);
    const payload = await expect400(
      "lead@example.org",
      csecReviewAction,
      `/youth/${id}/csec`,
      { youthId: String(id) },
      {
        intent: "clear",
        reason: "Trying to undo a court finding",
      },
    );
    expect(payload.errors._form).toMatch(/no open concern/i);
  });

  it("editing a party who already left the team", async () => {
    const c = mine();
    const replaced = await postRoute(
      db,
      partyReplaceAction,
      "advocate@example.org",
      `/youth/${c.youthId}/parties/${c.cswId}/replace`,
      partyParams(c),
      {
        name: "Robin Next",
        startedOn: "2025-07-01",
      },
    );
    expect(redirectLocation(replaced)).toContain("saved=party-replaced");
    const payload = await expect400(
      "advocate@example.org",
      partyEditAction,
      `/youth/${c.youthId}/parties/${c.cswId}/edit`,
      partyParams(c),
      {
        name: "Rewriting history",
      },
    );
    expect(payload.errors._form).toMatch(/no longer on the team/i);
  });

  it("replacing a party who already left the team", async () => {
    const c = mine();
    const replaced = await postRoute(
      db,
      partyReplaceAction,
      "advocate@example.org",
      `/youth/${c.youthId}/parties/${c.cswId}/replace`,
      partyParams(c),
      {
        name: "Robin Next",
        startedOn: "2025-07-01",
      },
    );
    expect(redirectLocation(replaced)).toContain("saved=party-replaced");
    const payload = await expect400(
      "advocate@example.org",
      partyReplaceAction,
      `/youth/${c.youthId}/parties/${c.cswId}/replace`,
      partyParams(c),
      {
        name: "Second Replacement",
        startedOn: "2025-08-01",
      },
    );
    expect(payload.errors._form).toMatch(/already left/i);
  });

  // The forms offer only dates up to today (max=today) but submit with noValidate, so the server
  // is the only check: a date in the future must be refused there, as observedOn and basisOn are.
  it("adding a party who joins the team in the future", async () => {
    const c = mine();
    const payload = await expect400("advocate@example.org", partyNewAction, `/youth/${c.youthId}/parties/new`, youthParams(c), {
      role: "therapist",
      name: "Dr. Future",
      startedOn: daysAgo(PROGRAM_ONE_TZ, -10),
    });
    expect(payload.errors.startedOn).toMatch(/future/i);
  });

  it("a safety plan reviewed in the future", async () => {
    const c = mine();
    const payload = await expect400("advocate@example.org", safetyPlanAction, `/youth/${c.youthId}/safety-plan`, youthParams(c), {
      support1Name: "May Parker",
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, -10),
    });
    expect(payload.errors.reviewedOn).toMatch(/future/i);
  });

  it("an advocate adding a CSEC advocate to a youth whose status they may not know", async () => {
    const c = mine({ concernBy: "supervisor@example.org" });
    const payload = await expect400("advocate@example.org", partyNewAction, `/youth/${c.youthId}/parties/new`, youthParams(c), {
      role: "csec_advocate",
      name: "Saving Innocence worker",
      startedOn: "2025-05-01",
    });
    // The same message as for no role at all: it says nothing about the status.
    expect(payload.errors).toEqual({ role: "Choose the person's role on the team." });
  });
});

// ---------------------------------------------------------------------------------------------

describe("handing a role over keeps the previous holder in history", () => {
  it("the old row is closed on the new start date, stays, and the page lists it under history", async () => {
    const c = mine();
    const oldRow = one(`SELECT * FROM case_parties WHERE id = ?`, c.cswId)!;
    const result = await postRoute(
      db,
      partyReplaceAction,
      "advocate@example.org",
      `/youth/${c.youthId}/parties/${c.cswId}/replace`,
      partyParams(c),
      {
        name: "Robin Okafor",
        organization: "Example County DCFS",
        phone: "555-201-4455",
        startedOn: "2025-09-15",
      },
    );
    expect(redirectLocation(result)).toBe(`/youth/${c.youthId}?saved=party-replaced#team`);

    const after = one(`SELECT * FROM case_parties WHERE id = ?`, c.cswId)!;
    // Its version moves on too, so an edit form opened before the handover cannot save into it.
    expect(after).toMatchObject({ ...oldRow, ended_on: "2025-09-15", version: Number(oldRow.version) + 1, updated_at: expect.any(String) });
    const csws = all(`SELECT * FROM case_parties WHERE youth_id = ? AND role = 'csw' ORDER BY id`, c.youthId);
    expect(csws.map((p) => [p.name, p.started_on, p.ended_on])).toEqual([
      [oldRow.name, "2025-01-01", "2025-09-15"],
      ["Robin Okafor", "2025-09-15", null],
    ]);

    const data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.parties.history).toEqual([
      expect.objectContaining({ id: c.cswId, role: "csw", name: oldRow.name, startedOn: "2025-01-01", endedOn: "2025-09-15" }),
    ]);
    expect(data.parties.current.filter((p) => p.role === "csw")).toEqual([
      expect.objectContaining({ name: "Robin Okafor", startedOn: "2025-09-15", endedOn: null }),
    ]);
    expect(data.parties.current.map((p) => p.id)).not.toContain(c.cswId);
    expect(data.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "team",
          at: "2025-09-15",
          title: `${String(oldRow.name)} left the role of Children's social worker (CSW)`,
        }),
        expect.objectContaining({
          kind: "team",
          at: "2025-09-15",
          title: "Robin Okafor joined the team as Children's social worker (CSW)",
        }),
      ]),
    );
    // The new holder takes over today's freshness row, not the old one.
    expect(data.freshness.find((f) => f.key === "csw")!.names).toEqual(["Robin Okafor"]);
  });

  it("a second hand-over adds to the history, in order", async () => {
    const c = mine();
    await postRoute(db, partyReplaceAction, "supervisor@example.org", `/youth/${c.youthId}/parties/${c.cswId}/replace`, partyParams(c), {
      name: "Second CSW",
      startedOn: "2025-03-01",
    });
    const second = Number(one(`SELECT id FROM case_parties WHERE youth_id = ? AND name = 'Second CSW'`, c.youthId)!.id);
    const result = await postRoute(
      db,
      partyReplaceAction,
      "supervisor@example.org",
      `/youth/${c.youthId}/parties/${second}/replace`,
      {
        youthId: String(c.youthId),
        partyId: String(second),
      },
      { name: "Third CSW", startedOn: "2025-03-01" },
    );
    expect(redirectLocation(result)).toContain("saved=party-replaced");
    const data = await loadYouthPage(db, "supervisor@example.org", c.youthId);
    expect(
      data.parties.history
        .filter((p) => p.role === "csw")
        .map((p) => [p.name, p.startedOn, p.endedOn])
        .sort(),
    ).toEqual(
      [
        [`Casey Worker ${c.youthId}`, "2025-01-01", "2025-03-01"],
        ["Second CSW", "2025-03-01", "2025-03-01"],
      ].sort(),
    );
    expect(data.parties.current.filter((p) => p.role === "csw").map((p) => p.name)).toEqual(["Third CSW"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("contact staleness", () => {
  const TZ = PROGRAM_ONE_TZ;
  let advocateId: number;
  beforeAll(() => {
    advocateId = userId(client, "advocate@example.org");
  });

  it("flags the youth past 30 days, a core party past 45, and a role nobody holds as a gap", async () => {
    const c = mine({ team: ["csw", "attorney"] });
    const contact = (partyId: number | null, days: number) =>
      insertContact(db, {
        programId: c.programId,
        youthId: c.youthId,
        partyId,
        occurredAt: instantDaysAgo(TZ, days),
        loggedBy: advocateId,
      });
    contact(null, 31);
    contact(null, 60);
    contact(c.cswId, 46);
    contact(c.cswId, 70);
    contact(c.attorneyId, 5);
    contact(c.attorneyId, 50);

    const data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    const by = Object.fromEntries(data.freshness.map((f) => [f.key, f]));
    expect(Object.keys(by)).toEqual(["youth", "csw", "attorney", "clc_case_manager"]);
    expect(by.youth).toMatchObject({
      daysSince: 31,
      thresholdDays: 30,
      stale: true,
      missingFromTeam: false,
      lastContactAt: instantDaysAgo(TZ, 31),
    });
    expect(by.csw).toMatchObject({
      daysSince: 46,
      thresholdDays: 45,
      stale: true,
      missingFromTeam: false,
      names: [`Casey Worker ${c.youthId}`],
    });
    expect(by.attorney).toMatchObject({ daysSince: 5, thresholdDays: 45, stale: false, missingFromTeam: false });
    expect(by.clc_case_manager).toMatchObject({ names: [], daysSince: null, stale: false, missingFromTeam: true });

    // Each party's own latest contact, not the youth's or another party's.
    const lastOf = (id: number | null) => data.parties.current.find((p) => p.id === id)!.lastContactAt;
    expect(lastOf(c.cswId)).toBe(instantDaysAgo(TZ, 46));
    expect(lastOf(c.attorneyId)).toBe(instantDaysAgo(TZ, 5));
  });

  it("is not stale on the threshold day itself; a party never contacted is stale", async () => {
    const c = mine();
    const contact = (partyId: number | null, days: number) =>
      insertContact(db, {
        programId: c.programId,
        youthId: c.youthId,
        partyId,
        occurredAt: instantDaysAgo(TZ, days),
        loggedBy: advocateId,
      });
    contact(null, 30);
    contact(c.cswId, 45);
    contact(c.clcId, 1);

    const data = await loadYouthPage(db, "supervisor@example.org", c.youthId);
    const by = Object.fromEntries(data.freshness.map((f) => [f.key, f]));
    expect(by.youth).toMatchObject({ daysSince: 30, stale: false });
    expect(by.csw).toMatchObject({ daysSince: 45, stale: false });
    expect(by.attorney).toMatchObject({ daysSince: null, lastContactAt: null, stale: true, missingFromTeam: false });
    expect(by.clc_case_manager).toMatchObject({ daysSince: 1, stale: false });
    expect(data.parties.current.find((p) => p.id === c.attorneyId)!.lastContactAt).toBeNull();
  });

  it("a youth nobody has contacted yet is stale", async () => {
    const c = mine();
    const data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.freshness.find((f) => f.key === "youth")).toMatchObject({ daysSince: null, stale: true });
  });

  it("a contact logged through the page counts at once, for that party only", async () => {
    const c = mine();
    insertContact(db, {
      programId: c.programId,
      youthId: c.youthId,
      partyId: c.attorneyId,
      occurredAt: instantDaysAgo(TZ, 60),
      loggedBy: advocateId,
    });
    const result = await postRoute(db, youthDetailAction, "advocate@example.org", `/youth/${c.youthId}`, youthParams(c), {
      intent: "log-contact",
      with: String(c.cswId),
      occurredAt: localDateTime(TZ, -3_600_000),
      method: "text",
      summary: "Texted the CSW about the visit schedule.",
    });
    expect(redirectLocation(result)).toBe(`/youth/${c.youthId}?saved=contact#contacts`);
    // Follow the redirect: the page then says what was saved.
    const data = await loadYouthPage(db, "advocate@example.org", c.youthId, "?saved=contact");
    const by = Object.fromEntries(data.freshness.map((f) => [f.key, f]));
    // An hour ago is yesterday in the first hour of the program's day: count the calendar days.
    const hourAgoDays = daysFromTo(localDate(new Date(Date.now() - 3_600_000), TZ), localDate(new Date(), TZ));
    expect(by.csw).toMatchObject({ daysSince: hourAgoDays, stale: false });
    expect(by.attorney).toMatchObject({ daysSince: 60, stale: true });
    expect(by.youth).toMatchObject({ daysSince: null, stale: true });
    expect(data.notice).toBe("Contact logged.");
  });

  it("contacts with a previous holder do not count for the new one", async () => {
    const c = mine();
    insertContact(db, {
      programId: c.programId,
      youthId: c.youthId,
      partyId: c.cswId,
      occurredAt: instantDaysAgo(TZ, 2),
      loggedBy: advocateId,
    });
    const replaced = await postRoute(
      db,
      partyReplaceAction,
      "advocate@example.org",
      `/youth/${c.youthId}/parties/${c.cswId}/replace`,
      partyParams(c),
      {
        name: "Fresh CSW",
        startedOn: daysAgo(TZ, 1),
      },
    );
    expect(redirectLocation(replaced)).toContain("saved=party-replaced");
    const data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.freshness.find((f) => f.key === "csw")).toMatchObject({ names: ["Fresh CSW"], daysSince: null, stale: true });
    expect(data.parties.history.find((p) => p.id === c.cswId)!.lastContactAt).toBe(instantDaysAgo(TZ, 2));
  });

  it("the demo's stale youth shows every core contact as stale", async () => {
    const id = demoYouthId(client, DEMO_YOUTH.advocateCleared);
    const data = await loadYouthPage(db, "advocate@example.org", id);
    const youthRow = data.freshness.find((f) => f.key === "youth")!;
    expect(youthRow.stale).toBe(true);
    for (const f of data.freshness) {
      expect(f.stale || f.missingFromTeam, f.key).toBe(true);
      if (f.daysSince !== null) expect(f.daysSince).toBeGreaterThan(f.thresholdDays);
    }
  });

  it("each party's last contact on a demo youth is its own latest contact", async () => {
    const id = demoYouthId(client, DEMO_YOUTH.advocateNone);
    const data = await loadYouthPage(db, "advocate@example.org", id);
    const expected = new Map(
      all(`SELECT party_id, max(occurred_at) AS at FROM contacts WHERE youth_id = ? AND party_id IS NOT NULL GROUP BY party_id`, id).map(
        (r) => [Number(r.party_id), String(r.at)],
      ),
    );
    expect(expected.size).toBeGreaterThan(0);
    for (const p of [...data.parties.current, ...data.parties.history]) {
      expect(p.lastContactAt, p.name).toBe(expected.get(p.id) ?? null);
    }
  });
});

describe("the contact list: newest first, filterable by party", () => {
  it("?with=<partyId>, ?with=youth and no filter", async () => {
    const c = mine();
    const advocateId = userId(client, "advocate@example.org");
    const add = (partyId: number | null, days: number, summary: string) =>
      insertContact(db, {
        programId: c.programId,
        youthId: c.youthId,
        partyId,
        occurredAt: instantDaysAgo(PROGRAM_ONE_TZ, days),
        loggedBy: advocateId,
        summary,
      });
    add(c.cswId, 10, "csw older");
    add(c.cswId, 3, "csw newer");
    add(c.attorneyId, 5, "attorney");
    add(null, 1, "youth visit");

    const everyone = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(everyone.contactFilter).toBe("");
    expect(everyone.contacts.map((x) => x.summary)).toEqual(["youth visit", "csw newer", "attorney", "csw older"]);

    const csw = await loadYouthPage(db, "advocate@example.org", c.youthId, `?with=${c.cswId}`);
    expect(csw.contactFilter).toBe(String(c.cswId));
    expect(csw.contacts.map((x) => x.summary)).toEqual(["csw newer", "csw older"]);
    expect(csw.contacts.every((x) => x.partyId === c.cswId)).toBe(true);
    expect(csw.contacts[0]!.withLabel).toBe(`Casey Worker ${c.youthId} (Children's social worker (CSW))`);

    const youth = await loadYouthPage(db, "advocate@example.org", c.youthId, "?with=youth");
    expect(youth.contacts.map((x) => [x.summary, x.partyId, x.withLabel])).toEqual([["youth visit", null, "The youth"]]);

    const nobody = await loadYouthPage(db, "advocate@example.org", c.youthId, `?with=${c.clcId}`);
    expect(nobody.contacts).toEqual([]);
  });

  it("on a demo youth the filters return exactly the matching contacts", async () => {
    const id = demoYouthId(client, DEMO_YOUTH.advocateNone);
    const youth = await loadYouthPage(db, "advocate@example.org", id, "?with=youth");
    const youthCount = Number(one(`SELECT count(*) AS n FROM contacts WHERE youth_id = ? AND party_id IS NULL`, id)!.n);
    expect(youth.contacts).toHaveLength(youthCount);
    expect(youth.contacts.every((x) => x.partyId === null)).toBe(true);

    const busiest = one(
      `SELECT party_id, count(*) AS n FROM contacts WHERE youth_id = ? AND party_id IS NOT NULL GROUP BY party_id ORDER BY n DESC LIMIT 1`,
      id,
    )!;
    const filtered = await loadYouthPage(db, "advocate@example.org", id, `?with=${busiest.party_id}`);
    expect(filtered.contacts).toHaveLength(Number(busiest.n));
    expect(filtered.contacts.every((x) => x.partyId === Number(busiest.party_id))).toBe(true);
    const times = filtered.contacts.map((x) => x.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});

// ---------------------------------------------------------------------------------------------

describe("the safety plan is versioned", () => {
  it("saving twice makes versions 1 and 2; the page shows the latest as current and the earlier in history", async () => {
    const c = mine();
    // Each save is made from the plan as it stands (the form carries its version).
    const save = (email: string, fields: Fields) =>
      postRoute(db, safetyPlanAction, email, `/youth/${c.youthId}/safety-plan`, youthParams(c), {
        baseVersion: safetyPlanVersion(client, c.youthId),
        ...fields,
      });

    const first = await save("advocate@example.org", {
      support1Name: "May Parker",
      support1Relation: "aunt",
      support1Phone: "555-201-0001",
      hotlines: ["nhth", "ncmec"],
      notes: "First plan.",
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 20),
    });
    expect(redirectLocation(first)).toBe(`/youth/${c.youthId}?saved=safety-plan#safety-plan`);
    const second = await save("supervisor@example.org", {
      support1Name: "May Parker",
      support1Relation: "aunt",
      support1Phone: "555-201-0001",
      support2Name: "Coach Lee",
      support2Relation: "basketball coach",
      support3Name: "Ms. Rivera",
      support3Phone: "555-201-0003",
      hotlines: ["rainn", "teen_dating_abuse", "runaway_safeline"],
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 1),
    });
    expect(redirectLocation(second)).toContain("saved=safety-plan");

    const rows = all(`SELECT version, reviewed_by_user_id FROM safety_plans WHERE youth_id = ? ORDER BY version`, c.youthId);
    expect(rows).toEqual([
      { version: 1, reviewed_by_user_id: userId(client, "advocate@example.org") },
      { version: 2, reviewed_by_user_id: userId(client, "supervisor@example.org") },
    ]);

    const data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.safetyPlan.current).toMatchObject({
      version: 2,
      supportPeople: [
        { name: "May Parker", relation: "aunt", phone: "555-201-0001" },
        { name: "Coach Lee", relation: "basketball coach", phone: null },
        { name: "Ms. Rivera", relation: null, phone: "555-201-0003" },
      ],
      hotlines: ["rainn", "teen_dating_abuse", "runaway_safeline"],
      notes: null,
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 1),
      reviewedBy: "Nadia Haddad",
    });
    expect(data.safetyPlan.history).toHaveLength(1);
    expect(data.safetyPlan.history[0]).toMatchObject({
      version: 1,
      supportPeople: [{ name: "May Parker", relation: "aunt", phone: "555-201-0001" }],
      hotlines: ["nhth", "ncmec"],
      notes: "First plan.",
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 20),
      reviewedBy: "Elena Novak",
    });
    expect(data.timeline.filter((e) => e.kind === "safety_plan").map((e) => e.at)).toEqual([
      daysAgo(PROGRAM_ONE_TZ, 1),
      daysAgo(PROGRAM_ONE_TZ, 20),
    ]);
  });

  it("every hotline round-trips, and none ticked stays none", async () => {
    const c = mine();
    const all5 = ["nhth", "ncmec", "runaway_safeline", "rainn", "teen_dating_abuse"];
    await postRoute(db, safetyPlanAction, "advocate@example.org", `/youth/${c.youthId}/safety-plan`, youthParams(c), {
      baseVersion: safetyPlanVersion(client, c.youthId),
      support1Name: "Grandma Jo",
      hotlines: all5,
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 3),
    });
    let data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.safetyPlan.current!.hotlines).toEqual(all5);

    await postRoute(db, safetyPlanAction, "advocate@example.org", `/youth/${c.youthId}/safety-plan`, youthParams(c), {
      baseVersion: safetyPlanVersion(client, c.youthId),
      support1Name: "Grandma Jo",
      reviewedOn: daysAgo(PROGRAM_ONE_TZ, 2),
    });
    data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.safetyPlan.current).toMatchObject({ version: 2, hotlines: [] });
    expect(data.safetyPlan.history.map((p) => [p.version, p.hotlines])).toEqual([[1, all5]]);
  });

  it("a youth with no plan yet shows none", async () => {
    const c = mine();
    const data = await loadYouthPage(db, "advocate@example.org", c.youthId);
    expect(data.safetyPlan).toEqual({ current: null, history: [], historyTotal: 0 });
  });
});
