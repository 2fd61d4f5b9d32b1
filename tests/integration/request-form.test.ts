/**
 * The new-request form (issue 13): one validation pass that names every problem at once, a due
 * date that has passed refused on a new request, and only the fields of the chosen type read
 * (an amount typed for a type without one is ignored, not an error).
 */
import { describe, expect, it } from "vitest";
import { action as newAction } from "~/routes/request-new";
import { requestTypeChecks } from "~/domain/requests";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday } from "../helpers/dates";
import { demoDatabase } from "../helpers/demo-database";
import { count, demoYouthId } from "../helpers/db";
import { callRoute, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);
const confirmedYouth = demoYouthId(c, DEMO_YOUTH.advocateConfirmed);
const create = async (fields: Fields, id = youthId) =>
  callRoute(newAction, await postAs(db, "advocate@example.org", `/youth/${id}/requests/new`, fields), { youthId: String(id) });
const totals = () => ({
  requests: count(c, "resource_requests"),
  events: count(c, "request_status_events"),
  audits: count(c, "audit_events"),
});

describe("the new-request form", () => {
  it("reports every problem in one reply: the schema's and the type's, day's and party's", async () => {
    const before = totals();
    const result = await create({
      type: "therapy",
      addressedTo: "999999",
      dueOn: dayFromToday(PROGRAM_ONE_TZ, -3),
      description: "x".repeat(2001),
      intent: "submit",
    });
    expect(statusOf(result)).toBe(400);
    const { errors, values } = payloadOf(result);
    expect(Object.keys(errors).sort()).toEqual(["addressedTo", "description", "dueOn", "subtype"]);
    expect(errors.dueOn).toMatch(/has passed/);
    expect(values.type).toBe("therapy");
    // An agency with no name, and an unknown type, together.
    const agency = await create({ type: "no-such-type", addressedTo: "agency", intent: "draft" });
    expect(Object.keys(payloadOf(agency).errors).sort()).toEqual(["agency", "type"]);
    expect(totals()).toEqual(before);
  });

  it("a due date of today is accepted; an amount typed for a type without one is ignored", async () => {
    const result = await create({
      type: "medical",
      addressedTo: "agency",
      agency: "County clinic",
      amount: "not money",
      dueOn: dayFromToday(PROGRAM_ONE_TZ, 0),
      intent: "draft",
    });
    const id = Number(/\/requests\/(\d+)/.exec(redirectLocation(result))![1]);
    expect(c.prepare("select amount_cents, due_on from resource_requests where id = ?").get(id)).toEqual({
      amount_cents: null,
      due_on: dayFromToday(PROGRAM_ONE_TZ, 0),
    });
  });

  it("funds need an amount in dollars", async () => {
    const missing = await create(
      { type: "restoration_funds", addressedTo: "agency", agency: "Program fund", intent: "submit" },
      confirmedYouth,
    );
    expect(payloadOf(missing).errors.amount).toMatch(/amount requested/);
    const bad = await create(
      { type: "restoration_funds", addressedTo: "agency", agency: "Program fund", amount: "twelve dollars", intent: "submit" },
      confirmedYouth,
    );
    expect(payloadOf(bad).errors.amount).toMatch(/e\.g\. 250/);
    const ok = await create(
      { type: "restoration_funds", addressedTo: "agency", agency: "Program fund", amount: "$1,250.50", intent: "submit" },
      confirmedYouth,
    );
    const id = Number(/\/requests\/(\d+)/.exec(redirectLocation(ok))![1]);
    expect(c.prepare("select amount_cents from resource_requests where id = ?").get(id)).toEqual({ amount_cents: 125050 });
  });
});

describe("requestTypeChecks", () => {
  it("checks only what the chosen type has", () => {
    expect(requestTypeChecks({ type: "medical", amount: "abc", subtype: "emdr" }, "2026-12-01").errors).toEqual({});
    expect(requestTypeChecks({ type: "therapy" }, "2026-12-01").errors).toEqual({ subtype: "Choose which kind." });
    expect(requestTypeChecks({ type: "therapy", subtype: "birth_certificate" }, "2026-12-01").errors).toEqual({
      subtype: "Choose which kind.",
    });
    expect(requestTypeChecks({ type: "medical", dueOn: "2026-11-30" }, "2026-12-01").errors.dueOn).toBeDefined();
    expect(requestTypeChecks({ type: "medical", dueOn: "2026-12-01" }, "2026-12-01").errors).toEqual({});
    expect(requestTypeChecks({ type: "restoration_funds", amount: "250" }, "2026-12-01")).toEqual({ errors: {}, amountCents: 25000 });
  });
});
