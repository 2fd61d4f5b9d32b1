/**
 * Resource requests (issue 4): the lifecycle as a table, scope and role guards, concurrent edits,
 * and creating a request. Every case acts through the route action with a real session and is
 * checked in the database, not only in the response.
 *
 * The expected outcomes below are written from the issue text, not read from
 * app/domain/requests.ts, so a change to the app's table that contradicts the issue fails here:
 *   - draft -> submitted -> approved | denied (reason required) -> fulfilled (from approved)
 *   - withdrawn from draft or submitted
 *   - an advocate creates, submits and withdraws; a supervisor approves, denies and fulfils;
 *     a program lead may do all of it
 *   - not allowed from the current status: refused with a clear message (400)
 *   - the role forbids it: 403; out of scope or another program: 404; admins: 403
 */
import { afterEach, describe, expect, it } from "vitest";
import { action as detailAction, loader as detailLoader } from "~/routes/request-detail";
import { action as newAction, loader as newLoader } from "~/routes/request-new";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday } from "../helpers/dates";
import { count, demoYouthId, programOfYouth, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { eventsOf, requestAuditsOf, requestRow, type RequestRowDb } from "../helpers/requests";
import { callRoute, describeResult, getAs, locationOf, payloadOf, postAs, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

// ------------------------------------------------------------------------------------------
// The expected table, from the issue

const STATUSES = ["draft", "submitted", "approved", "denied", "fulfilled", "withdrawn"] as const;
const ACTIONS = ["submit", "approve", "deny", "fulfil", "withdraw"] as const;
type Status = (typeof STATUSES)[number];
type Action = (typeof ACTIONS)[number];

const LIFECYCLE: Record<Action, { from: Status[]; to: Status }> = {
  submit: { from: ["draft"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  deny: { from: ["submitted"], to: "denied" },
  fulfil: { from: ["approved"], to: "fulfilled" },
  withdraw: { from: ["draft", "submitted"], to: "withdrawn" },
};
const TERMINAL: Status[] = ["denied", "fulfilled", "withdrawn"];

const ROLES = {
  "advocate@example.org (own youth)": { email: "advocate@example.org", may: ["submit", "withdraw"] as Action[] },
  "supervisor@example.org (own caseload)": { email: "supervisor@example.org", may: ["approve", "deny", "fulfil"] as Action[] },
  "lead@example.org": { email: "lead@example.org", may: [...ACTIONS] as Action[] },
};
type RoleLabel = keyof typeof ROLES;

type Expected = { outcome: "allowed"; to: Status } | { outcome: "wrong-status" } | { outcome: "forbidden" };

function expectedOutcome(status: Status, action: Action, role: RoleLabel): Expected {
  if (!ROLES[role].may.includes(action)) return { outcome: "forbidden" };
  if (!LIFECYCLE[action].from.includes(status)) return { outcome: "wrong-status" };
  return { outcome: "allowed", to: LIFECYCLE[action].to };
}

// ------------------------------------------------------------------------------------------
// Fixtures: a request in a chosen status on a youth of advocate@ / supervisor@

const FIXTURE_VERSION = 3;

/** Inserts a request straight into the table (no events, no audit rows) in `status`. */
function makeRequest(
  status: Status,
  youthRef: { caseNumber: string; program: string } = DEMO_YOUTH.advocateNone,
  type = "medical",
): number {
  const youthId = demoYouthId(c, youthRef);
  const requestedAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
  const closedAt = TERMINAL.includes(status) ? new Date(Date.now() - 86_400_000).toISOString() : null;
  const info = c
    .prepare(
      `insert into resource_requests (program_id, youth_id, type, description, addressed_to_agency, amount_cents, due_on, status,
        requested_by_user_id, requested_at, version, closed_at, created_at)
       values (?, ?, ?, ?, 'Example County clinic', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      programOfYouth(c, youthId),
      youthId,
      type,
      `Lifecycle fixture (${status})`,
      type === "restoration_funds" ? 12_500 : null,
      dayFromToday(PROGRAM_ONE_TZ, 10),
      status,
      userId(c, "advocate@example.org"),
      requestedAt,
      FIXTURE_VERSION,
      closedAt,
      requestedAt,
    );
  return Number(info.lastInsertRowid);
}

async function act(email: string, requestId: number, fields: Fields) {
  const request = await postAs(db, email, `/requests/${requestId}`, fields);
  return callRoute(detailAction, request, { requestId: String(requestId) });
}

/** Everything a transition may touch for one request, for "nothing changed" comparisons. */
function state(requestId: number) {
  return { row: requestRow(c, requestId), events: eventsOf(c, requestId), audits: requestAuditsOf(c, requestId) };
}

function expectUnchanged(requestId: number, before: ReturnType<typeof state>) {
  expect(state(requestId)).toEqual(before);
}

// ------------------------------------------------------------------------------------------

describe("the lifecycle, every (status, action, role)", () => {
  for (const role of Object.keys(ROLES) as RoleLabel[]) {
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        const expected = expectedOutcome(status, action, role);
        const a = /^[aeiou]/.test(status) ? "an" : "a";
        const title =
          expected.outcome === "allowed"
            ? `${role}: ${action} ${a} ${status} request -> ${expected.to}`
            : expected.outcome === "forbidden"
              ? `${role}: ${action} ${a} ${status} request -> 403, role forbids`
              : `${role}: ${action} ${a} ${status} request -> 400, not from ${status}`;
        it(title, async () => {
          const { email } = ROLES[role];
          const actorId = userId(c, email);
          const id = makeRequest(status);
          const before = state(id);
          const note = `Note ${role} ${action} ${status}`;
          // Fulfilling records the outcome: the day and who provided it.
          const fulfilledOn = dayFromToday(PROGRAM_ONE_TZ, 0);
          const outcome: Record<string, string> = action === "fulfil" ? { fulfilledOn, provider: "Example County clinic" } : {};
          const result = await act(email, id, { action, version: String(FIXTURE_VERSION), note, ...outcome });

          if (expected.outcome === "allowed") {
            expect(locationOf(result), describeResult(result)).toBe(`/requests/${id}?saved=${action}`);
            const row = requestRow(c, id)!;
            expect(row.status).toBe(expected.to);
            expect(row.version).toBe(FIXTURE_VERSION + 1);
            expect(row.updated_at).not.toBeNull();
            if (TERMINAL.includes(expected.to)) {
              expect(row.closed_at).not.toBeNull();
              expect(row.closed_at).not.toBe(before.row!.closed_at);
            } else {
              expect(row.closed_at).toBeNull();
            }
            // Nothing else about the request changed.
            const strip = (r: RequestRowDb) => ({
              ...r,
              status: null,
              version: null,
              closed_at: null,
              updated_at: null,
              ...(action === "fulfil" ? { fulfilled_on: null, fulfilled_by: null, outcome_note: null, fulfil_days: null } : {}),
              ...(action === "submit" ? { submitted_at: null } : {}),
            });
            expect(strip(row)).toEqual(strip(before.row!));
            // Submitting records when: where the reports' "days to fulfil" starts.
            if (action === "submit") expect(row.submitted_at).toBe(row.updated_at);
            if (action === "fulfil") {
              expect(row).toMatchObject({ fulfilled_on: fulfilledOn, fulfilled_by: "Example County clinic", outcome_note: note });
              // The days from the day submitted to the day provided, in the program's calendar, stored for the reports.
              const submittedOn = new Date(row.submitted_at ?? row.requested_at).toLocaleDateString("sv-SE", { timeZone: PROGRAM_ONE_TZ });
              expect(row.fulfil_days).toBe(Math.max(0, Math.round((Date.parse(fulfilledOn) - Date.parse(submittedOn)) / 86_400_000)));
            }

            const events = eventsOf(c, id);
            expect(events).toHaveLength(1);
            expect(events[0]).toMatchObject({ from_status: status, to_status: expected.to, actor_user_id: actorId, note });
            if (action === "fulfil") expect(events[0]).toMatchObject({ on_date: fulfilledOn, provider: "Example County clinic" });
            expect(Date.parse(events[0]!.at)).toBeGreaterThan(Date.now() - 60_000);

            const audits = requestAuditsOf(c, id);
            expect(audits).toHaveLength(1);
            expect(audits[0]).toMatchObject({
              action: `request.${action}`,
              actor_user_id: actorId,
              youth_id: row.youth_id,
              program_id: row.program_id,
            });
          } else {
            const payload = payloadOf(result);
            if (expected.outcome === "forbidden") {
              expect(statusOf(result), describeResult(result)).toBe(403);
              expect(payload.message).toMatch(/\w+/);
            } else {
              expect(statusOf(result), describeResult(result)).toBe(400);
              // A clear message: it says what the request is now, and that this cannot be done.
              expect(payload.errors?._form).toMatch(new RegExp(`\\b${status}\\b`, "i"));
              expect(payload.errors?._form).toMatch(/cannot|can't|not possible|only/i);
            }
            expectUnchanged(id, before);
          }
        });
      }
    }
  }

  it("covers 90 cases, and every action is allowed somewhere and refused somewhere", () => {
    const all = (Object.keys(ROLES) as RoleLabel[]).flatMap((r) => STATUSES.flatMap((s) => ACTIONS.map((a) => expectedOutcome(s, a, r))));
    expect(all).toHaveLength(90);
    // Allowed: advocate 3 (submit; withdraw x2), supervisor 3 (approve, deny, fulfil), lead all 6 transitions.
    expect(all.filter((e) => e.outcome === "allowed")).toHaveLength(12);
    // Forbidden: advocate 3 actions x 6 statuses, supervisor 2 x 6, lead none.
    expect(all.filter((e) => e.outcome === "forbidden")).toHaveLength(30);
    expect(all.filter((e) => e.outcome === "wrong-status")).toHaveLength(48);
  });
});

describe("the reason for a denial", () => {
  for (const email of ["supervisor@example.org", "lead@example.org"]) {
    for (const note of [undefined, "", "   "]) {
      it(`${email}: deny without a reason (${JSON.stringify(note)}) -> 400 on the note field, nothing changed`, async () => {
        const id = makeRequest("submitted");
        const before = state(id);
        const fields: Fields = { action: "deny", version: String(FIXTURE_VERSION) };
        if (note !== undefined) fields.note = note;
        const result = await act(email, id, fields);
        expect(statusOf(result), describeResult(result)).toBe(400);
        expect(payloadOf(result).errors?.note).toMatch(/reason/i);
        expectUnchanged(id, before);
      });
    }
  }

  it("the reason is kept in the history", async () => {
    const id = makeRequest("submitted");
    const result = await act("supervisor@example.org", id, {
      action: "deny",
      version: String(FIXTURE_VERSION),
      note: "  Not covered by the county budget.  ",
    });
    expect(locationOf(result)).toBe(`/requests/${id}?saved=deny`);
    expect(eventsOf(c, id).map((e) => e.note)).toEqual(["Not covered by the county budget."]);
    const detail = await callRoute(detailLoader, await getAs(db, "advocate@example.org", `/requests/${id}`), {
      requestId: String(id),
    });
    const history = (detail as { request: { history: Array<{ toStatus: string; note: string | null }> } }).request.history;
    expect(history.at(-1)).toMatchObject({ toStatus: "denied", note: "Not covered by the county budget." });
  });
});

describe("scope and roles around the lifecycle", () => {
  // For each action, a status it is allowed from, so only scope or role can refuse it.
  const startFor: Record<Action, Status> = {
    submit: "draft",
    approve: "submitted",
    deny: "submitted",
    fulfil: "approved",
    withdraw: "submitted",
  };

  for (const action of ACTIONS) {
    for (const email of ["supervisor2@example.org", "advocate2@example.org", "lead@second.example.org"]) {
      it(`${email} (not theirs) ${action}s -> 404, nothing changed, nothing revealed`, async () => {
        const id = makeRequest(startFor[action]);
        const before = state(id);
        const result = await act(email, id, { action, version: String(FIXTURE_VERSION), note: "x" });
        expect(statusOf(result), describeResult(result)).toBe(404);
        expect(JSON.stringify(payloadOf(result))).not.toMatch(/medical|Example County clinic|Lifecycle fixture/i);
        expectUnchanged(id, before);
        const view = await callRoute(detailLoader, await getAs(db, email, `/requests/${id}`), { requestId: String(id) });
        expect(statusOf(view)).toBe(404);
      });
    }

    it(`admin@example.org ${action}s -> 403, nothing changed`, async () => {
      const id = makeRequest(startFor[action]);
      const before = state(id);
      const result = await act("admin@example.org", id, { action, version: String(FIXTURE_VERSION), note: "x" });
      expect(statusOf(result), describeResult(result)).toBe(403);
      expectUnchanged(id, before);
      const view = await callRoute(detailLoader, await getAs(db, "admin@example.org", `/requests/${id}`), {
        requestId: String(id),
      });
      expect(statusOf(view)).toBe(403);
    });
  }

  it("a CSEC-sensitive request the advocate may not see is a 404 for every action, not a 403 or 400", async () => {
    // advocateConcernBySomeoneElse: the youth is the advocate's, the concern is not theirs to see.
    const id = makeRequest("submitted", DEMO_YOUTH.advocateConcernBySomeoneElse, "restoration_funds");
    const before = state(id);
    for (const action of ACTIONS) {
      const result = await act("advocate@example.org", id, { action, version: String(FIXTURE_VERSION), note: "x" });
      expect(statusOf(result), `${action}: ${describeResult(result)}`).toBe(404);
      expect(JSON.stringify(payloadOf(result))).not.toMatch(/restoration|funds|125|clinic/i);
    }
    expectUnchanged(id, before);
    // ... while the supervisor, who may see the concern, can decide it.
    const ok = await act("supervisor@example.org", id, { action: "approve", version: String(FIXTURE_VERSION) });
    expect(locationOf(ok)).toBe(`/requests/${id}?saved=approve`);
  });

  it("garbage in the form is a 400, and an unknown request id a 404", async () => {
    const id = makeRequest("draft");
    const before = state(id);
    const garbage: Fields[] = [
      { action: "explode", version: String(FIXTURE_VERSION) },
      { action: "submit" },
      { action: "submit", version: "abc" },
      { action: "submit", version: "-1" },
    ];
    for (const fields of garbage) {
      const result = await act("advocate@example.org", id, fields);
      expect(statusOf(result), JSON.stringify(fields)).toBe(400);
    }
    expectUnchanged(id, before);
    const missing = await act("lead@example.org", 9_999_999, { action: "submit", version: "1" });
    expect(statusOf(missing)).toBe(404);
  });
});

describe("the lifecycle writes in one transaction", () => {
  afterEach(() => {
    c.exec("drop trigger if exists temp.fail_request_audit; drop trigger if exists temp.fail_request_event;");
  });

  it("when the audit row cannot be written, the status change and its history are rolled back", async () => {
    const id = makeRequest("submitted");
    const before = state(id);
    c.exec(`create temp trigger fail_request_audit before insert on main.audit_events
      when new.action like 'request.%' begin select raise(abort, 'audit unavailable'); end;`);
    await expect(act("supervisor@example.org", id, { action: "approve", version: String(FIXTURE_VERSION) })).rejects.toThrow(
      /audit unavailable/,
    );
    expectUnchanged(id, before);
  });

  it("when the history row cannot be written, the status change and the audit row are rolled back", async () => {
    const id = makeRequest("draft");
    const before = state(id);
    c.exec(`create temp trigger fail_request_event before insert on main.request_status_events
      begin select raise(abort, 'history unavailable'); end;`);
    await expect(act("advocate@example.org", id, { action: "submit", version: String(FIXTURE_VERSION) })).rejects.toThrow(
      /history unavailable/,
    );
    expectUnchanged(id, before);
  });

  it("creating a request: no request row without its history and audit row", async () => {
    const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);
    const requestsBefore = count(c, "resource_requests");
    const eventsBefore = count(c, "request_status_events");
    const auditsBefore = count(c, "audit_events");
    c.exec(`create temp trigger fail_request_audit before insert on main.audit_events
      when new.action like 'request.%' begin select raise(abort, 'audit unavailable'); end;`);
    const request = await postAs(db, "advocate@example.org", `/youth/${youthId}/requests/new`, {
      type: "medical",
      addressedTo: "agency",
      agency: "County clinic",
      intent: "submit",
    });
    await expect(callRoute(newAction as never, request, { youthId: String(youthId) })).rejects.toThrow(/audit unavailable/);
    expect(count(c, "resource_requests")).toBe(requestsBefore);
    expect(count(c, "request_status_events")).toBe(eventsBefore);
    // Signing in for the request wrote a session, not an audit row; nothing else was added.
    expect(count(c, "audit_events")).toBe(auditsBefore);
  });
});

describe("two people acting on the same request", () => {
  async function load(email: string, id: number) {
    const result = await callRoute(detailLoader, await getAs(db, email, `/requests/${id}`), { requestId: String(id) });
    return (result as { request: { version: number; status: string; actions: string[] } }).request;
  }

  for (const second of [
    { action: "deny", note: "No budget left this quarter." },
    { action: "approve", note: "" },
    { action: "withdraw", note: "" },
  ]) {
    it(`supervisor@ approves, then lead@ (${second.action}, same version) gets 409 naming the current status; nothing is overwritten`, async () => {
      const id = makeRequest("submitted");
      const seenBySupervisor = await load("supervisor@example.org", id);
      const seenByLead = await load("lead@example.org", id);
      expect(seenBySupervisor.version).toBe(FIXTURE_VERSION);
      expect(seenByLead.version).toBe(FIXTURE_VERSION);
      expect(seenByLead.actions).toContain(second.action);

      const first = await act("supervisor@example.org", id, { action: "approve", version: String(seenBySupervisor.version) });
      expect(locationOf(first)).toBe(`/requests/${id}?saved=approve`);
      const afterFirst = state(id);

      const fields: Fields = { action: second.action, version: String(seenByLead.version) };
      if (second.note) fields.note = second.note;
      const late = await act("lead@example.org", id, fields);
      expect(statusOf(late), describeResult(late)).toBe(409);
      const message = payloadOf(late).errors?._form ?? "";
      expect(message).toMatch(/changed/i);
      expect(message).toMatch(/\bapproved\b/i);

      expectUnchanged(id, afterFirst);
      const row = requestRow(c, id)!;
      expect(row.status).toBe("approved");
      expect(row.version).toBe(FIXTURE_VERSION + 1);
      expect(eventsOf(c, id).map((e) => [e.from_status, e.to_status])).toEqual([["submitted", "approved"]]);
      expect(requestAuditsOf(c, id).map((a) => a.action)).toEqual(["request.approve"]);

      // Reloading shows the lead the request as it is now, with what can be done next.
      const reloaded = await load("lead@example.org", id);
      expect(reloaded.status).toBe("approved");
      expect(reloaded.version).toBe(FIXTURE_VERSION + 1);
      expect(reloaded.actions).toEqual(["fulfil"]);
    });
  }

  it("the same person submitting the same form twice: the second is a 409, one event", async () => {
    const id = makeRequest("draft");
    const once = await act("advocate@example.org", id, { action: "submit", version: String(FIXTURE_VERSION) });
    expect(locationOf(once)).toBe(`/requests/${id}?saved=submit`);
    const twice = await act("advocate@example.org", id, { action: "submit", version: String(FIXTURE_VERSION) });
    expect(statusOf(twice)).toBe(409);
    expect(payloadOf(twice).errors?._form).toMatch(/\bsubmitted\b/);
    expect(eventsOf(c, id)).toHaveLength(1);
  });
});

// ------------------------------------------------------------------------------------------
// Creating a request

describe("creating a request", () => {
  const youthNone = () => demoYouthId(c, DEMO_YOUTH.advocateNone);
  const youthConfirmed = () => demoYouthId(c, DEMO_YOUTH.advocateConfirmed);
  const youthConcern = () => demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);

  function partyOf(youthId: number, role = "csw"): number {
    const row = c
      .prepare("select id from case_parties where youth_id = ? and role = ? and ended_on is null order by id limit 1")
      .get(youthId, role) as { id: number } | undefined;
    if (!row) throw new Error(`youth ${youthId} has no current ${role}`);
    return row.id;
  }

  async function create(email: string, youthId: number, fields: Fields) {
    const request = await postAs(db, email, `/youth/${youthId}/requests/new`, fields);
    return callRoute(newAction, request, { youthId: String(youthId) });
  }

  function totals() {
    return { requests: count(c, "resource_requests"), events: count(c, "request_status_events"), audits: count(c, "audit_events") };
  }

  function createdId(result: Awaited<ReturnType<typeof create>>, done: "draft" | "submit"): number {
    const location = locationOf(result);
    expect(location, describeResult(result)).toMatch(new RegExp(`^/requests/\\d+\\?saved=${done}$`));
    return Number(/\/requests\/(\d+)/.exec(location!)![1]);
  }

  it("an advocate saves a draft: one row as typed, one history row, one audit row", async () => {
    const youthId = youthNone();
    const party = partyOf(youthId);
    const dueOn = dayFromToday(PROGRAM_ONE_TZ, 14);
    const before = totals();
    const result = await create("advocate@example.org", youthId, {
      type: "therapy",
      subtype: "emdr",
      description: "EMDR with a trauma-focused clinician near school",
      addressedTo: String(party),
      dueOn,
      intent: "draft",
    });
    const id = createdId(result, "draft");
    const row = requestRow(c, id)!;
    expect(row).toMatchObject({
      youth_id: youthId,
      type: "therapy",
      subtype: "emdr",
      description: "EMDR with a trauma-focused clinician near school",
      addressed_to_party_id: party,
      addressed_to_agency: null,
      amount_cents: null,
      due_on: dueOn,
      status: "draft",
      requested_by_user_id: userId(c, "advocate@example.org"),
      version: 1,
      closed_at: null,
    });
    expect(eventsOf(c, id).map((e) => [e.from_status, e.to_status, e.actor_user_id])).toEqual([
      [null, "draft", userId(c, "advocate@example.org")],
    ]);
    expect(requestAuditsOf(c, id).map((a) => a.action)).toEqual(["request.create"]);
    expect(totals()).toEqual({ requests: before.requests + 1, events: before.events + 1, audits: before.audits + 1 });
  });

  it("an advocate submits at once: status submitted, history draft -> submitted, and it can be approved at its version", async () => {
    const youthId = youthNone();
    const result = await create("advocate@example.org", youthId, {
      type: "identification_documents",
      subtype: "birth_certificate",
      addressedTo: "agency",
      agency: "County Registrar-Recorder",
      intent: "submit",
    });
    const id = createdId(result, "submit");
    const row = requestRow(c, id)!;
    expect(row).toMatchObject({
      status: "submitted",
      addressed_to_party_id: null,
      addressed_to_agency: "County Registrar-Recorder",
      due_on: null,
    });
    expect(eventsOf(c, id).map((e) => [e.from_status, e.to_status])).toEqual([
      [null, "draft"],
      ["draft", "submitted"],
    ]);
    const audits = requestAuditsOf(c, id);
    expect(audits.map((a) => a.action)).toEqual(["request.create"]);
    const approve = await act("supervisor@example.org", id, { action: "approve", version: String(row.version) });
    expect(locationOf(approve)).toBe(`/requests/${id}?saved=approve`);
  });

  it("stores an amount in cents: restoration funds of $1,250.50 on a confirmed youth", async () => {
    const youthId = youthConfirmed();
    const result = await create("advocate@example.org", youthId, {
      type: "restoration_funds",
      addressedTo: "agency",
      agency: "Restoration fund board",
      amount: "1,250.50",
      intent: "submit",
    });
    const id = createdId(result, "submit");
    expect(requestRow(c, id)).toMatchObject({ type: "restoration_funds", amount_cents: 125_050 });
  });

  it("the program lead may create a request too", async () => {
    const result = await create("lead@example.org", youthNone(), {
      type: "medical",
      addressedTo: "agency",
      agency: "County clinic",
      intent: "draft",
    });
    const id = createdId(result, "draft");
    expect(requestRow(c, id)).toMatchObject({ requested_by_user_id: userId(c, "lead@example.org"), status: "draft" });
  });

  type Invalid = { name: string; youth: () => number; fields: () => Fields; errorKey: string };
  const invalid: Invalid[] = [
    {
      name: "missing type",
      youth: youthNone,
      fields: () => ({ description: "Needs glasses", addressedTo: String(partyOf(youthNone())), intent: "submit" }),
      errorKey: "type",
    },
    {
      name: "unknown type",
      youth: youthNone,
      fields: () => ({ type: "pony", addressedTo: "agency", agency: "Stable", intent: "submit" }),
      errorKey: "type",
    },
    {
      name: "missing addressedTo",
      youth: youthNone,
      fields: () => ({ type: "medical", description: "Dental check-up", intent: "submit" }),
      errorKey: "addressedTo",
    },
    {
      name: "agency chosen without a name",
      youth: youthNone,
      fields: () => ({ type: "medical", addressedTo: "agency", agency: "  ", intent: "submit" }),
      errorKey: "agency",
    },
    {
      name: "therapy without its kind",
      youth: youthNone,
      fields: () => ({ type: "therapy", addressedTo: "agency", agency: "Clinic", intent: "draft" }),
      errorKey: "subtype",
    },
    {
      name: "restoration funds without an amount",
      youth: youthConfirmed,
      fields: () => ({ type: "restoration_funds", addressedTo: "agency", agency: "Fund board", intent: "submit" }),
      errorKey: "amount",
    },
    {
      name: 'a bad amount "12.345"',
      youth: youthConfirmed,
      fields: () => ({ type: "restoration_funds", addressedTo: "agency", agency: "Fund board", amount: "12.345", intent: "submit" }),
      errorKey: "amount",
    },
    {
      name: 'a bad amount "ten dollars"',
      youth: youthConfirmed,
      fields: () => ({ type: "restoration_funds", addressedTo: "agency", agency: "Fund board", amount: "ten dollars", intent: "submit" }),
      errorKey: "amount",
    },
    {
      name: "a bad due date 2026-02-30",
      youth: youthNone,
      fields: () => ({ type: "medical", addressedTo: "agency", agency: "Clinic", dueOn: "2026-02-30", intent: "submit" }),
      errorKey: "dueOn",
    },
    {
      name: "a bad due date 'next week'",
      youth: youthNone,
      fields: () => ({ type: "medical", addressedTo: "agency", agency: "Clinic", dueOn: "next week", intent: "submit" }),
      errorKey: "dueOn",
    },
    {
      name: "a party of another youth",
      youth: youthNone,
      fields: () => ({ type: "medical", addressedTo: String(partyOf(youthConfirmed())), intent: "submit" }),
      errorKey: "addressedTo",
    },
    {
      name: "a party id that does not exist",
      youth: youthNone,
      fields: () => ({ type: "medical", addressedTo: "99999999", intent: "submit" }),
      errorKey: "addressedTo",
    },
    {
      name: "the hidden CSEC advocate party of a youth whose concern the advocate may not see",
      youth: youthConcern,
      fields: () => ({ type: "medical", addressedTo: String(partyOf(youthConcern(), "csec_advocate")), intent: "submit" }),
      errorKey: "addressedTo",
    },
  ];

  for (const t of invalid) {
    it(`${t.name} -> 400 with errors.${t.errorKey} and the values echoed; nothing written`, async () => {
      const youthId = t.youth();
      const fields = t.fields();
      const before = totals();
      const result = await create("advocate@example.org", youthId, fields);
      expect(statusOf(result), describeResult(result)).toBe(400);
      const payload = payloadOf(result);
      expect(payload.errors?.[t.errorKey], JSON.stringify(payload.errors)).toMatch(/\w+/);
      for (const [key, value] of Object.entries(fields)) expect(payload.values?.[key]).toBe(value);
      expect(totals()).toEqual(before);
    });
  }

  for (const type of ["csec_advocate", "restoration_funds"]) {
    for (const which of ["advocateNone", "advocateConcernBySomeoneElse"] as const) {
      it(`${type} on ${which} (status the advocate may not see) -> 400 refusing the type, in words that reveal nothing`, async () => {
        const youthId = demoYouthId(c, DEMO_YOUTH[which]);
        const before = totals();
        const result = await create("advocate@example.org", youthId, {
          type,
          addressedTo: "agency",
          agency: "Saving Innocence",
          amount: "300",
          intent: "submit",
        });
        expect(statusOf(result), describeResult(result)).toBe(400);
        const errors = payloadOf(result).errors ?? {};
        expect(Object.keys(errors)).toEqual(["type"]);
        // The same words as for a type that does not exist at all: no hint of a concern.
        const unknown = await create("advocate@example.org", youthId, {
          type: "pony",
          addressedTo: "agency",
          agency: "x",
          intent: "submit",
        });
        expect(errors.type).toBe(payloadOf(unknown).errors?.type);
        expect(JSON.stringify(errors)).not.toMatch(/csec|concern|confirm/i);
        expect(totals()).toEqual(before);
      });
    }
  }

  it("the new-request form offers CSEC-sensitive types only where the viewer may see them", async () => {
    const typesFor = async (email: string, youthId: number) => {
      const result = await callRoute(newLoader, await getAs(db, email, `/youth/${youthId}/requests/new`), {
        youthId: String(youthId),
      });
      return (result as { types: Array<{ key: string }> }).types.map((t) => t.key);
    };
    expect(await typesFor("advocate@example.org", youthConcern())).not.toContain("restoration_funds");
    expect(await typesFor("advocate@example.org", youthConcern())).not.toContain("csec_advocate");
    expect(await typesFor("advocate@example.org", youthConfirmed())).toEqual(
      expect.arrayContaining(["restoration_funds", "csec_advocate"]),
    );
    expect(await typesFor("lead@example.org", youthConcern())).toEqual(expect.arrayContaining(["restoration_funds", "csec_advocate"]));
  });

  for (const [email, status] of [
    ["supervisor@example.org", 403],
    ["admin@example.org", 403],
    ["supervisor2@example.org", 404],
    ["advocate2@example.org", 404],
    ["lead@second.example.org", 404],
  ] as const) {
    it(`${email} creating a request on advocate@'s youth -> ${status}, nothing written`, async () => {
      const youthId = youthNone();
      const before = totals();
      const result = await create(email, youthId, { type: "medical", addressedTo: "agency", agency: "County clinic", intent: "submit" });
      expect(statusOf(result), describeResult(result)).toBe(status);
      expect(totals()).toEqual(before);
      const form = await callRoute(newLoader, await getAs(db, email, `/youth/${youthId}/requests/new`), {
        youthId: String(youthId),
      });
      expect(statusOf(form)).toBe(status);
    });
  }
});

describe("outcomes are recorded where they happen", () => {
  const today = () => dayFromToday(PROGRAM_ONE_TZ, 0);
  const funds = () => makeRequest("submitted", DEMO_YOUTH.advocateConfirmed, "restoration_funds");

  it("approving funds records the amount requested unless another is given", async () => {
    const asRequested = funds();
    expect(locationOf(await act("supervisor@example.org", asRequested, { action: "approve", version: String(FIXTURE_VERSION) }))).toBe(
      `/requests/${asRequested}?saved=approve`,
    );
    expect(requestRow(c, asRequested)).toMatchObject({ approved_amount_cents: 12_500 });
    expect(eventsOf(c, asRequested)[0]).toMatchObject({ to_status: "approved", amount_cents: 12_500 });

    const less = funds();
    await act("supervisor@example.org", less, { action: "approve", version: String(FIXTURE_VERSION), amount: "$80.50" });
    expect(requestRow(c, less)).toMatchObject({ status: "approved", approved_amount_cents: 8_050 });
    const detail = (await callRoute(detailLoader, await getAs(db, "supervisor@example.org", `/requests/${less}`), {
      requestId: String(less),
    })) as {
      request: { outcome: { approvedAmountCents: number }; history: Array<{ toStatus: string; amountCents: number | null }> };
    };
    expect(detail.request.outcome.approvedAmountCents).toBe(8_050);
    expect(detail.request.history.at(-1)).toMatchObject({ toStatus: "approved", amountCents: 8_050 });
  });

  it("an amount approved that is not an amount, or more than was requested, is a 400 that keeps the input and changes nothing", async () => {
    for (const amount of ["lots", "0", "125.01", "-5"]) {
      const id = funds();
      const before = state(id);
      const result = await act("supervisor@example.org", id, { action: "approve", version: String(FIXTURE_VERSION), amount });
      expect(statusOf(result), amount).toBe(400);
      const payload = payloadOf(result);
      expect(payload.errors.amount, amount).toMatch(/amount/i);
      expect(payload.values.amount).toBe(amount);
      expectUnchanged(id, before);
    }
  });

  it("fulfilling reports every missing part at once, refuses a day in the future or before the request, and changes nothing", async () => {
    const cases: Array<[Fields, string[]]> = [
      [{}, ["fulfilledOn", "provider", "amount"]],
      [{ fulfilledOn: dayFromToday(PROGRAM_ONE_TZ, 1), provider: "Clinic", amount: "100" }, ["fulfilledOn"]],
      [{ fulfilledOn: dayFromToday(PROGRAM_ONE_TZ, -30), provider: "Clinic", amount: "100" }, ["fulfilledOn"]],
      [{ fulfilledOn: "2026-02-30", provider: "Clinic", amount: "100" }, ["fulfilledOn"]],
      [{ fulfilledOn: today(), provider: "  ", amount: "100" }, ["provider"]],
      [{ fulfilledOn: today(), provider: "Clinic" }, ["amount"]],
    ];
    for (const [fields, errors] of cases) {
      const id = makeRequest("approved", DEMO_YOUTH.advocateConfirmed, "restoration_funds");
      const before = state(id);
      const result = await act("supervisor@example.org", id, { action: "fulfil", version: String(FIXTURE_VERSION), ...fields });
      expect(statusOf(result), JSON.stringify(fields)).toBe(400);
      expect(Object.keys(payloadOf(result).errors).sort(), JSON.stringify(fields)).toEqual([...errors].sort());
      expectUnchanged(id, before);
    }
  });

  it("fulfilling funds records the day, the provider, the amount paid and the outcome, on the request and in its history", async () => {
    const id = makeRequest("approved", DEMO_YOUTH.advocateConfirmed, "restoration_funds");
    const day = dayFromToday(PROGRAM_ONE_TZ, -2);
    const result = await act("lead@example.org", id, {
      action: "fulfil",
      version: String(FIXTURE_VERSION),
      fulfilledOn: day,
      provider: "Hope House",
      amount: "118.75",
      note: "Clothing and a phone plan for three months.",
    });
    expect(locationOf(result), describeResult(result)).toBe(`/requests/${id}?saved=fulfil`);
    expect(requestRow(c, id)).toMatchObject({
      status: "fulfilled",
      fulfilled_on: day,
      fulfilled_by: "Hope House",
      paid_amount_cents: 11_875,
      outcome_note: "Clothing and a phone plan for three months.",
    });
    expect(eventsOf(c, id).at(-1)).toMatchObject({ to_status: "fulfilled", on_date: day, provider: "Hope House", amount_cents: 11_875 });
    const audit = requestAuditsOf(c, id).at(-1)!;
    expect(JSON.parse(String(audit.details))).toMatchObject({ paidAmountCents: 11_875, fulfilledOn: day });
    // No free text of the case in the audit log: neither the provider nor the outcome note.
    expect(String(audit.details)).not.toMatch(/Hope House|Clothing/);
  });
});
