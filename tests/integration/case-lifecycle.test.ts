/**
 * Case intake and lifecycle (issue 12): taking a youth in, a placement change, closing and
 * reopening, assigning advocates and supervisor with history. Each action as each demo role:
 * the allowed ones succeed and are audited, the forbidden ones are 403/404 and change nothing.
 * Reassigning a youth ends the old advocate's access at once; the new one sees the youth.
 */
import { describe, expect, it } from "vitest";
import { action as intakeAction, loader as intakeLoader } from "~/routes/youth-new";
import { action as caseAction, loader as caseLoader } from "~/routes/youth-case";
import { loader as youthDetailLoader } from "~/routes/youth-detail";
import { loader as prepLoader } from "~/routes/prep-packet";
import { loader as youthListLoader } from "~/routes/youth-list";
import { DEMO_YOUTH } from "../../db/seed/demo";
import { demoDatabase } from "../helpers/demo-database";
import { auditRowsAfter, demoYouthId, maxId, snapshot, userId, withAuditFailing } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";
import { CASE_TABLES } from "../helpers/youth-page";

const db = await demoDatabase();
const c = db.$client;
const one = <T>(q: string, ...args: unknown[]) => c.prepare(q).get(...args) as T;
const all = <T>(q: string, ...args: unknown[]) => c.prepare(q).all(...args) as T[];
const TABLES = [...CASE_TABLES, "case_status_changes"] as const;

const ADVOCATE = "advocate@example.org";
const ADVOCATE2 = "advocate2@example.org";
const ADVOCATE4 = "advocate4@example.org";
const SUPERVISOR = "supervisor@example.org";
const SUPERVISOR2 = "supervisor2@example.org";
const LEAD = "lead@example.org";
const ADMIN = "admin@example.org";
const OTHER_LEAD = "lead@second.example.org";

let caseCounter = 0;
const intakeFields = (extra: Fields = {}): Fields => ({
  firstName: "J.",
  lastName: "R.",
  dateOfBirth: "2011-04-02",
  caseNumber: `DP-TEST-${++caseCounter}`,
  placementType: "foster_home",
  placementSince: "2026-10-01",
  placementDescription: "The Alvarez home",
  advocates: [String(userId(c, ADVOCATE2))],
  ...extra,
});

async function intake(email: string, fields: Fields) {
  return callRoute(intakeAction, await postAs(db, email, "/youth/new", fields));
}
async function onCase(email: string, youthId: number, fields: Fields) {
  return callRoute(caseAction, await postAs(db, email, `/youth/${youthId}/case`, fields), { youthId: String(youthId) });
}
async function pageStatus(email: string, youthId: number) {
  return statusOf(await callRoute(youthDetailLoader, await getAs(db, email, `/youth/${youthId}`), { youthId: String(youthId) }));
}
async function caseForm(email: string, youthId: number) {
  return (await callRoute(caseLoader, await getAs(db, email, `/youth/${youthId}/case`), { youthId: String(youthId) })) as {
    assignments: { version: number; history: Array<{ name: string; kind: string; endedOn: string | null }> };
    placement: { version: number } | null;
  };
}
const idFrom = (location: string) => Number(/\/youth\/(\d+)/.exec(location)![1]);

describe("taking a youth in", () => {
  it("advocates, administrators and other programs cannot; nothing is written", async () => {
    const before = snapshot(c, TABLES);
    for (const email of [ADVOCATE, ADMIN]) {
      expect(statusOf(await callRoute(intakeLoader, await getAs(db, email, "/youth/new"))), email).toBe(403);
      expect(statusOf(await intake(email, intakeFields())), email).toBe(403);
    }
    // Program two's lead takes in only into program two: advocate2 of program one is not theirs.
    const other = await intake(OTHER_LEAD, intakeFields({ supervisor: String(userId(c, "supervisor@second.example.org")) }));
    expect(statusOf(other)).toBe(400);
    expect(payloadOf(other).errors.advocates).toBeDefined();
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("a supervisor takes a youth into their own caseload; the assigned advocate sees the youth at once", async () => {
    expect(await pageStatus(ADVOCATE2, 999_999)).toBe(404);
    const auditFrom = maxId(c, "audit_events");
    const result = await intake(SUPERVISOR, intakeFields({ supervisor: String(userId(c, SUPERVISOR2)) }));
    const location = redirectLocation(result);
    expect(location).toMatch(/^\/youth\/\d+\?saved=youth-created/);
    const id = idFrom(location);
    const y = one<{ program_id: number; case_status: string }>("select program_id, case_status from youth where id = ?", id);
    expect(y).toEqual({ program_id: 1, case_status: "open" });
    // The supervisor field of the form is ignored: a supervisor takes youth into their own caseload.
    const assigned = all<{ kind: string; user_id: number; ended_on: string | null }>(
      "select kind, user_id, ended_on from youth_assignments where youth_id = ? order by kind",
      id,
    );
    expect(assigned).toEqual([
      { kind: "advocate", user_id: userId(c, ADVOCATE2), ended_on: null },
      { kind: "supervisor", user_id: userId(c, SUPERVISOR), ended_on: null },
    ]);
    expect(one("select type, description, ended_on from placements where youth_id = ?", id)).toEqual({
      type: "foster_home",
      description: "The Alvarez home",
      ended_on: null,
    });
    const audit = auditRowsAfter(c, auditFrom).filter((a) => a.action === "youth.create");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: userId(c, SUPERVISOR), youth_id: id, program_id: 1 });
    expect(await pageStatus(ADVOCATE2, id)).toBe(200);
    expect(await pageStatus(SUPERVISOR, id)).toBe(200);
    expect(await pageStatus(ADVOCATE, id)).toBe(404);
    expect(await pageStatus(SUPERVISOR2, id)).toBe(404);
    expect(await pageStatus(OTHER_LEAD, id)).toBe(404);
  });

  it("a program lead names the supervisor, or the advocate's usual supervisor is taken", async () => {
    const named = idFrom(redirectLocation(await intake(LEAD, intakeFields({ supervisor: String(userId(c, SUPERVISOR2)) }))));
    expect(one("select user_id from youth_assignments where youth_id = ? and kind = 'supervisor'", named)).toEqual({
      user_id: userId(c, SUPERVISOR2),
    });
    // advocate4's usual supervisor is supervisor2 (the demo seed records it on the membership).
    const usual = idFrom(redirectLocation(await intake(LEAD, intakeFields({ advocates: [ADVOCATE4] }))));
    expect(one("select user_id from youth_assignments where youth_id = ? and kind = 'supervisor'", usual)).toEqual({
      user_id: userId(c, SUPERVISOR2),
    });
    expect(await pageStatus(SUPERVISOR2, usual)).toBe(200);
    // No advocate and no supervisor: the lead is asked for one.
    const none = await intake(LEAD, intakeFields({ advocates: [] }));
    expect(statusOf(none)).toBe(400);
    expect(payloadOf(none).errors.supervisor).toMatch(/supervisor/);
  });

  it("a lead may take in a youth with no advocate yet (awaiting a match); advocates may be given by email", async () => {
    const waiting = idFrom(
      redirectLocation(await intake(LEAD, intakeFields({ advocates: [""], supervisor: String(userId(c, SUPERVISOR)) }))),
    );
    expect(one("select count(*) as n from youth_assignments where youth_id = ? and kind = 'advocate'", waiting)).toEqual({ n: 0 });
    const byEmail = idFrom(
      redirectLocation(await intake(LEAD, intakeFields({ advocates: ["Advocate@Example.org"], supervisor: SUPERVISOR }))),
    );
    expect(await pageStatus(ADVOCATE, byEmail)).toBe(200);
  });

  it("bad input: every message at once, the form comes back filled, nothing is half-written", async () => {
    const before = snapshot(c, TABLES);
    const taken = one<{ case_number: string }>("select case_number from youth where program_id = 1 limit 1").case_number;
    const result = await intake(LEAD, {
      ...intakeFields({ caseNumber: taken, dateOfBirth: "2099-01-01", advocates: ["nobody@example.org"], supervisor: ADVOCATE }),
    });
    expect(statusOf(result)).toBe(400);
    const reply = payloadOf(result);
    expect(reply.errors.caseNumber).toMatch(/already has a case/);
    expect(reply.errors.dateOfBirth).toMatch(/future/);
    expect(reply.errors.advocates).toMatch(/nobody@example.org/);
    expect(reply.errors.supervisor).toMatch(/No active supervisor/);
    expect(reply.values.caseNumber).toBe(taken);
    expect(reply.values.advocates).toEqual(["nobody@example.org"]);
    const missing = await intake(LEAD, { firstName: "", caseNumber: "bad number!", placementType: "castle" });
    expect(statusOf(missing)).toBe(400);
    expect(Object.keys(payloadOf(missing).errors)).toEqual(
      expect.arrayContaining(["firstName", "lastName", "dateOfBirth", "caseNumber", "placementType", "placementSince"]),
    );
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("the youth and its audit row are written together or not at all", async () => {
    const before = snapshot(c, TABLES);
    await expect(withAuditFailing(c, () => intake(LEAD, intakeFields({ supervisor: SUPERVISOR })))).rejects.toThrow(
      /audit log unavailable/,
    );
    expect(snapshot(c, TABLES)).toEqual(before);
  });
});

describe("assignments", () => {
  async function newCase() {
    return idFrom(redirectLocation(await intake(SUPERVISOR, intakeFields({ advocates: [String(userId(c, ADVOCATE2))] }))));
  }

  it("reassigning: the old advocate gets 404 on the youth's pages from then on, the new one sees it, history shows both", async () => {
    const id = await newCase();
    expect(await pageStatus(ADVOCATE2, id)).toBe(200);
    const { assignments } = await caseForm(SUPERVISOR, id);
    const auditFrom = maxId(c, "audit_events");
    const result = await onCase(SUPERVISOR, id, {
      intent: "assign",
      baseVersion: String(assignments.version),
      advocates: [String(userId(c, ADVOCATE)), ""],
      supervisor: String(userId(c, SUPERVISOR)),
    });
    expect(redirectLocation(result)).toBe(`/youth/${id}/case?saved=assignments#assignments`);
    expect(await pageStatus(ADVOCATE2, id)).toBe(404);
    expect(statusOf(await callRoute(prepLoader, await getAs(db, ADVOCATE2, `/youth/${id}/prep`), { youthId: String(id) }))).toBe(404);
    expect(await pageStatus(ADVOCATE, id)).toBe(200);
    const history = (await caseForm(SUPERVISOR, id)).assignments.history.filter((h) => h.kind === "advocate");
    expect(history.map((h) => [h.name, h.endedOn === null])).toEqual(
      expect.arrayContaining([
        [one<{ name: string }>("select name from users where email = ?", ADVOCATE).name, true],
        [one<{ name: string }>("select name from users where email = ?", ADVOCATE2).name, false],
      ]),
    );
    const audit = auditRowsAfter(c, auditFrom).filter((a) => a.action === "assignment.change");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ advocatesEnded: [userId(c, ADVOCATE2)], advocatesStarted: [userId(c, ADVOCATE)] });
  });

  it("the old advocate's contacts stay, attributed to them", async () => {
    const id = await newCase();
    c.prepare(
      "insert into contacts (program_id, youth_id, logged_by_user_id, occurred_at, method, summary) values (1, ?, ?, '2026-11-20T18:00:00.000Z', 'phone', 'Called before the hearing')",
    ).run(id, userId(c, ADVOCATE2));
    const { assignments } = await caseForm(SUPERVISOR, id);
    await onCase(SUPERVISOR, id, {
      intent: "assign",
      baseVersion: String(assignments.version),
      advocates: [ADVOCATE],
      supervisor: SUPERVISOR,
    });
    const page = await callRoute(youthDetailLoader, await getAs(db, ADVOCATE, `/youth/${id}`), { youthId: String(id) });
    const contacts = (page as { contacts: Array<{ summary: string; loggedBy: string }> }).contacts;
    expect(contacts.find((x) => x.summary === "Called before the hearing")?.loggedBy).toBe(
      one<{ name: string }>("select name from users where email = ?", ADVOCATE2).name,
    );
  });

  it("a supervisor hands a youth to another supervisor, who sees it at once; the first one no longer does", async () => {
    const id = await newCase();
    const { assignments } = await caseForm(SUPERVISOR, id);
    const result = await onCase(SUPERVISOR, id, {
      intent: "assign",
      baseVersion: String(assignments.version),
      advocates: [String(userId(c, ADVOCATE2))],
      supervisor: String(userId(c, SUPERVISOR2)),
    });
    expect(redirectLocation(result)).toBe("/youth?saved=case-handed-over");
    expect(await pageStatus(SUPERVISOR, id)).toBe(404);
    expect(await pageStatus(SUPERVISOR2, id)).toBe(200);
    expect(await pageStatus(ADVOCATE2, id)).toBe(200);
  });

  it("a form filled before someone else's change is refused (409) and changes nothing", async () => {
    const id = await newCase();
    const { assignments } = await caseForm(SUPERVISOR, id);
    await onCase(LEAD, id, { intent: "assign", baseVersion: String(assignments.version), advocates: [ADVOCATE], supervisor: SUPERVISOR });
    const before = snapshot(c, TABLES);
    const stale = await onCase(SUPERVISOR, id, {
      intent: "assign",
      baseVersion: String(assignments.version),
      advocates: [ADVOCATE2, ADVOCATE4],
      supervisor: SUPERVISOR,
    });
    expect(statusOf(stale)).toBe(409);
    expect(payloadOf(stale).values.advocates).toEqual([ADVOCATE2, ADVOCATE4]);
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("advocates are refused (403), people outside the scope get 404, and nothing changes", async () => {
    const id = await newCase();
    const { assignments } = await caseForm(SUPERVISOR, id);
    const before = snapshot(c, TABLES);
    const { placement } = await caseForm(SUPERVISOR, id);
    for (const fields of [
      { intent: "assign", baseVersion: String(assignments.version), advocates: [ADVOCATE2], supervisor: SUPERVISOR },
      { intent: "placement", baseVersion: String(placement!.version), placementType: "strtp", placementSince: "2026-11-20" },
      { intent: "close", closedOn: "2026-11-30", reason: "reunified" },
      { intent: "reopen", reopenedOn: "2026-11-30", reason: "Back in care" },
    ] as Array<Fields & { intent: string }>) {
      expect(statusOf(await onCase(ADVOCATE2, id, fields)), `advocate: ${fields.intent}`).toBe(403);
      expect(statusOf(await onCase(SUPERVISOR2, id, fields)), `other supervisor: ${fields.intent}`).toBe(404);
      expect(statusOf(await onCase(OTHER_LEAD, id, fields)), `other program: ${fields.intent}`).toBe(404);
      expect(statusOf(await onCase(ADMIN, id, fields)), `administrator: ${fields.intent}`).toBe(403);
    }
    expect(statusOf(await callRoute(caseLoader, await getAs(db, ADVOCATE2, `/youth/${id}/case`), { youthId: String(id) }))).toBe(403);
    expect(snapshot(c, TABLES)).toEqual(before);
  });
});

describe("placement, closing and reopening", () => {
  it("a move ends the current placement on the day the new one starts; it stays in history", async () => {
    const id = idFrom(redirectLocation(await intake(LEAD, intakeFields({ supervisor: SUPERVISOR }))));
    const { placement } = await caseForm(LEAD, id);
    const early = await onCase(LEAD, id, {
      intent: "placement",
      baseVersion: String(placement!.version),
      placementType: "group_home",
      placementSince: "2026-09-01",
    });
    expect(statusOf(early)).toBe(400);
    expect(payloadOf(early).errors.placementSince).toMatch(/on or after/);
    const moved = await onCase(LEAD, id, {
      intent: "placement",
      baseVersion: String(placement!.version),
      placementType: "relative",
      placementSince: "2026-11-15",
      placementDescription: "Aunt in Pomona",
      endReason: "Placement disrupted",
    });
    expect(redirectLocation(moved)).toBe(`/youth/${id}/case?saved=placement-changed#placement`);
    expect(all("select type, started_on, ended_on, end_reason from placements where youth_id = ? order by id", id)).toEqual([
      { type: "foster_home", started_on: "2026-10-01", ended_on: "2026-11-15", end_reason: "Placement disrupted" },
      { type: "relative", started_on: "2026-11-15", ended_on: null, end_reason: null },
    ]);
    expect(one("select count(*) as n from audit_events where action = 'placement.change' and youth_id = ?", id)).toEqual({ n: 1 });
    // The same (now stale) form again: refused, nothing written.
    const before = snapshot(c, TABLES);
    const stale = await onCase(LEAD, id, {
      intent: "placement",
      baseVersion: String(placement!.version),
      placementType: "strtp",
      placementSince: "2026-11-20",
    });
    expect(statusOf(stale)).toBe(409);
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("closing ends the advocates' access and the placement; the supervisor keeps it and reopens it", async () => {
    const id = idFrom(redirectLocation(await intake(SUPERVISOR, intakeFields({ advocates: [ADVOCATE2] }))));
    const needsNote = await onCase(SUPERVISOR, id, { intent: "close", closedOn: "2026-11-30", reason: "other" });
    expect(statusOf(needsNote)).toBe(400);
    expect(payloadOf(needsNote).errors.note).toBeDefined();
    const closed = await onCase(SUPERVISOR, id, { intent: "close", closedOn: "2026-11-30", reason: "reunified" });
    expect(redirectLocation(closed)).toBe(`/youth/${id}/case?saved=case-closed#status`);
    expect(one("select case_status from youth where id = ?", id)).toEqual({ case_status: "closed" });
    expect(await pageStatus(ADVOCATE2, id)).toBe(404);
    expect(await pageStatus(SUPERVISOR, id)).toBe(200);
    expect(one("select ended_on, end_reason from placements where youth_id = ?", id)).toEqual({
      ended_on: "2026-11-30",
      end_reason: "Case closed",
    });
    // Listed among closed cases, not open ones.
    type List = { list: { rows: Array<{ id: number }> } };
    const open = (await callRoute(youthListLoader, await getAs(db, SUPERVISOR, "/youth?size=100"))) as List;
    const closedList = (await callRoute(youthListLoader, await getAs(db, SUPERVISOR, "/youth?status=closed&size=100"))) as List;
    expect(open.list.rows.some((r) => r.id === id)).toBe(false);
    expect(closedList.list.rows.some((r) => r.id === id)).toBe(true);
    // Closing twice: refused as stale.
    expect(statusOf(await onCase(SUPERVISOR, id, { intent: "close", closedOn: "2026-11-30", reason: "reunified" }))).toBe(409);
    // No advocate on a closed case.
    const { assignments } = await caseForm(SUPERVISOR, id);
    const assign = await onCase(SUPERVISOR, id, {
      intent: "assign",
      baseVersion: String(assignments.version),
      advocates: [ADVOCATE2],
      supervisor: SUPERVISOR,
    });
    expect(payloadOf(assign).errors.advocates).toMatch(/reopen/);
    const reopened = await onCase(SUPERVISOR, id, { intent: "reopen", reopenedOn: "2026-12-01", reason: "New petition filed" });
    expect(redirectLocation(reopened)).toBe(`/youth/${id}/case?saved=case-reopened#status`);
    expect(one("select case_status from youth where id = ?", id)).toEqual({ case_status: "open" });
    expect(all("select action from audit_events where youth_id = ? and action like 'case.%' order by id", id)).toEqual([
      { action: "case.close" },
      { action: "case.reopen" },
    ]);
    expect(all("select status, reason from case_status_changes where youth_id = ? order by id", id)).toEqual([
      { status: "open", reason: "Taken in" },
      { status: "closed", reason: "reunified" },
      { status: "open", reason: "New petition filed" },
    ]);
  });

  it("what a supervisor typed when closing or reopening reaches only those who may know of a concern", async () => {
    const id = idFrom(redirectLocation(await intake(SUPERVISOR, intakeFields({ advocates: [ADVOCATE2] }))));
    await onCase(SUPERVISOR, id, { intent: "close", closedOn: "2026-11-30", reason: "other", note: "close-note-marker" });
    await onCase(SUPERVISOR, id, { intent: "reopen", reopenedOn: "2026-12-01", reason: "reopen-reason-marker" });
    const { assignments } = await caseForm(SUPERVISOR, id);
    await onCase(SUPERVISOR, id, {
      intent: "assign",
      baseVersion: String(assignments.version),
      advocates: [ADVOCATE2],
      supervisor: SUPERVISOR,
    });
    const pageAs = async (email: string) =>
      JSON.stringify(await callRoute(youthDetailLoader, await getAs(db, email, `/youth/${id}`), { youthId: String(id) }));
    const advocate = await pageAs(ADVOCATE2);
    expect(advocate).toContain("Case closed");
    expect(advocate).not.toContain("close-note-marker");
    expect(advocate).not.toContain("reopen-reason-marker");
    const supervisor = await pageAs(SUPERVISOR);
    expect(supervisor).toContain("close-note-marker");
    expect(supervisor).toContain("reopen-reason-marker");
  });

  it("the demo's own closed case can be reopened by the program lead", async () => {
    const id = demoYouthId(c, DEMO_YOUTH.closedCase);
    const result = await onCase(LEAD, id, { intent: "reopen", reopenedOn: "2026-12-01", reason: "Returned to care" });
    expect(statusOf(result)).toBe(302);
    expect(statusOf(await onCase(LEAD, id, { intent: "unknown" }))).toBe(400);
  });
});
