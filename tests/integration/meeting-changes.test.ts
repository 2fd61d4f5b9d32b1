/**
 * Rescheduling and cancelling a meeting (issue 13): with a reason, kept for everyone who may see
 * the meeting, audited; a form filled before someone else's change is refused (409); a cancelled
 * or held meeting cannot be moved; people outside the meeting's visibility get a 404.
 */
import { describe, expect, it } from "vitest";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meeting-detail";
import { loader as meetingsLoader } from "~/routes/meetings-list";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, snapshot } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const TABLES = ["mdt_meetings", "meeting_changes", "audit_events"] as const;

type Row = { id: number; scheduled_at: string; status: string; version: number; type: string };
const meetingOf = (youthId: number, type?: string) =>
  c
    .prepare(
      `select id, scheduled_at, status, version, type from mdt_meetings where youth_id = ? and status = 'scheduled'
       and scheduled_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ${type ? "and type = ?" : "and type <> 'csec_mdt'"} order by scheduled_at limit 1`,
    )
    .get(...(type ? [youthId, type] : [youthId])) as Row;
const rowOf = (id: number) => c.prepare("select id, scheduled_at, status, version, type from mdt_meetings where id = ?").get(id) as Row;

async function post(email: string, id: number, fields: Fields) {
  return callRoute(meetingAction, await postAs(db, email, `/meetings/${id}`, fields), { meetingId: String(id) });
}
async function page(email: string, id: number) {
  return (await callRoute(meetingLoader, await getAs(db, email, `/meetings/${id}`), { meetingId: String(id) })) as {
    meeting: { status: string; changes: Array<{ kind: string; reason: string; by: string }> };
  };
}
/** A local time `days` from now in the program's zone, as the datetime-local field sends it. */
const localIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleString("sv-SE", { timeZone: "America/Los_Angeles" }).slice(0, 16).replace(" ", "T");

describe("rescheduling and cancelling", () => {
  const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);

  it("who may: administrators 403; another program, another caseload and a CSEC MDT the advocate may not see are 404; nothing changes", async () => {
    const m = meetingOf(youthId);
    const hiddenYouth = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);
    const csecMdt = meetingOf(hiddenYouth, "csec_mdt");
    expect(csecMdt).toBeDefined();
    const before = snapshot(c, TABLES);
    const fields = (row: Row): Fields => ({ intent: "cancel", baseVersion: String(row.version), reason: "Not mine to cancel" });
    expect(statusOf(await post("admin@example.org", m.id, fields(m)))).toBe(403);
    expect(statusOf(await post("lead@second.example.org", m.id, fields(m)))).toBe(404);
    expect(statusOf(await post("supervisor2@example.org", m.id, fields(m)))).toBe(404);
    expect(statusOf(await post("advocate@example.org", csecMdt.id, fields(csecMdt)))).toBe(404);
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("notes and decisions can be started before the meeting, without marking it held; a stale draft is 409", async () => {
    const m = meetingOf(youthId);
    const saved = await post("advocate@example.org", m.id, {
      intent: "draft-notes",
      baseVersion: String(m.version),
      notes: "Ask the CSW about the school transfer",
      decisions: "",
    });
    expect(redirectLocation(saved)).toBe(`/meetings/${m.id}?saved=notes-draft`);
    expect(c.prepare("select status, notes, decisions, version from mdt_meetings where id = ?").get(m.id)).toEqual({
      status: "scheduled",
      notes: "Ask the CSW about the school transfer",
      decisions: null,
      version: m.version + 1,
    });
    expect(
      c.prepare("select count(*) as n from audit_events where action = 'meeting.notes_draft' and entity_id = ?").get(String(m.id)),
    ).toEqual({ n: 1 });
    const before = snapshot(c, TABLES);
    const stale = await post("advocate@example.org", m.id, { intent: "draft-notes", baseVersion: String(m.version), notes: "Mine" });
    expect(statusOf(stale)).toBe(409);
    expect(payloadOf(stale).values.notes).toBe("Mine");
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("the advocate moves a meeting with a reason: the new time, the change kept and audited, seen by the supervisor too", async () => {
    const m = meetingOf(youthId);
    const result = await post("advocate@example.org", m.id, {
      intent: "reschedule",
      baseVersion: String(m.version),
      scheduledAt: localIn(9),
      reason: "The attorney is in court that day",
    });
    expect(redirectLocation(result)).toBe(`/meetings/${m.id}?saved=rescheduled`);
    const after = rowOf(m.id);
    expect(after.scheduled_at > m.scheduled_at).toBe(true);
    expect(after.version).toBe(m.version + 1);
    expect(
      c.prepare("select kind, from_scheduled_at as f, to_scheduled_at as t, reason from meeting_changes where meeting_id = ?").all(m.id),
    ).toEqual([{ kind: "reschedule", f: m.scheduled_at, t: after.scheduled_at, reason: "The attorney is in court that day" }]);
    expect(
      c.prepare("select count(*) as n from audit_events where action = 'meeting.reschedule' and entity_id = ?").get(String(m.id)),
    ).toEqual({ n: 1 });
    for (const email of ["advocate@example.org", "supervisor@example.org", "lead@example.org"]) {
      expect(
        (await page(email, m.id)).meeting.changes.map((x) => x.reason),
        email,
      ).toEqual(["The attorney is in court that day"]);
    }
  });

  it("bad input: a time that has passed, no reason; a stale form (409); nothing written", async () => {
    const m = meetingOf(youthId);
    const before = snapshot(c, TABLES);
    const past = await post("advocate@example.org", m.id, {
      intent: "reschedule",
      baseVersion: String(m.version),
      scheduledAt: localIn(-1),
      reason: "x",
    });
    expect(statusOf(past)).toBe(400);
    expect(payloadOf(past).errors.scheduledAt).toMatch(/not passed/);
    const noReason = await post("advocate@example.org", m.id, { intent: "cancel", baseVersion: String(m.version), reason: " " });
    expect(statusOf(noReason)).toBe(400);
    expect(payloadOf(noReason).errors.reason).toMatch(/Say why/);
    const stale = await post("advocate@example.org", m.id, {
      intent: "reschedule",
      baseVersion: String(m.version - 1),
      scheduledAt: localIn(10),
      reason: "Old form",
    });
    expect(statusOf(stale)).toBe(409);
    expect(payloadOf(stale).values.reason).toBe("Old form");
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("a cancelled meeting leaves the upcoming list, keeps its reason, and cannot be moved or recorded", async () => {
    const m = meetingOf(youthId);
    const cancelled = await post("supervisor@example.org", m.id, {
      intent: "cancel",
      baseVersion: String(m.version),
      reason: "The youth was moved out of county",
    });
    expect(redirectLocation(cancelled)).toBe(`/meetings/${m.id}?saved=cancelled`);
    expect(rowOf(m.id).status).toBe("cancelled");
    const shown = await page("advocate@example.org", m.id);
    expect(shown.meeting.status).toBe("cancelled");
    expect(shown.meeting.changes[0]).toMatchObject({ kind: "cancel", reason: "The youth was moved out of county" });
    const list = (await callRoute(meetingsLoader, await getAs(db, "advocate@example.org", "/meetings"))) as {
      upcoming: { rows: Array<{ id: number }> };
    };
    expect(list.upcoming.rows.some((x) => x.id === m.id)).toBe(false);
    const version = String(rowOf(m.id).version);
    const again = await post("advocate@example.org", m.id, {
      intent: "reschedule",
      baseVersion: version,
      scheduledAt: localIn(12),
      reason: "Back on",
    });
    expect(statusOf(again)).toBe(400);
    expect(payloadOf(again).errors._form).toMatch(/cancelled/);
  });
});
