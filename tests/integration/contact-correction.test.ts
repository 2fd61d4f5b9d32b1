/**
 * Correcting one's own contact (issue 13): the author, within the window, changes it; the earlier
 * version is kept in its history; the derived last-contact date follows; it is audited; a stale
 * form is 409; anyone else, or after the window, is refused.
 */
import { describe, expect, it } from "vitest";
import { action as youthAction } from "~/routes/youth-detail";
import { action as editAction, loader as editLoader } from "~/routes/contact-edit";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, localDateTime } from "../helpers/dates";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, snapshot } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const youthId = demoYouthId(c, DEMO_YOUTH.sharedConcernByCoAdvocate);
const TABLES = ["contacts", "contact_revisions", "youth", "audit_events"] as const;

async function logContact(summary: string): Promise<number> {
  const result = await callRoute(
    youthAction,
    await postAs(db, "advocate@example.org", `/youth/${youthId}`, {
      intent: "log-contact",
      with: "youth",
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -60_000),
      method: "phone",
      summary,
    }),
    { youthId: String(youthId) },
  );
  expect(statusOf(result)).toBe(302);
  return (c.prepare("select max(id) as id from contacts").get() as { id: number }).id;
}
const correct = async (email: string, id: number, fields: Fields) =>
  callRoute(editAction, await postAs(db, email, `/youth/${youthId}/contacts/${id}/edit`, fields), {
    youthId: String(youthId),
    contactId: String(id),
  });

describe("correcting a contact", () => {
  it("the author corrects it: the earlier text is kept, the last-contact date follows, it is audited", async () => {
    const id = await logContact("Called abuot the hearing");
    const lastBefore = (c.prepare("select last_youth_contact_at as at from youth where id = ?").get(youthId) as { at: string }).at;
    const earlier = localDateTime(PROGRAM_ONE_TZ, -2 * 3_600_000);
    const result = await correct("advocate@example.org", id, {
      baseVersion: "0",
      occurredAt: earlier,
      method: "video",
      outcome: "made",
      durationMinutes: "20",
      summary: "Called about the hearing",
    });
    expect(redirectLocation(result)).toBe(`/youth/${youthId}?saved=contact-corrected#contacts`);
    expect(c.prepare("select summary, method, duration_minutes as d from contacts where id = ?").get(id)).toEqual({
      summary: "Called about the hearing",
      method: "video",
      d: 20,
    });
    expect(c.prepare("select summary, method from contact_revisions where contact_id = ?").all(id)).toEqual([
      { summary: "Called abuot the hearing", method: "phone" },
    ]);
    const lastAfter = (c.prepare("select last_youth_contact_at as at from youth where id = ?").get(youthId) as { at: string }).at;
    const expected = (
      c
        .prepare("select max(occurred_at) as at from contacts where youth_id = ? and party_id is null and outcome = 'made'")
        .get(youthId) as { at: string }
    ).at;
    expect(lastAfter).toBe(expected);
    expect(lastAfter < lastBefore).toBe(true);
    expect(c.prepare("select details from audit_events where action = 'contact.correct' and entity_id = ?").get(String(id))).toEqual({
      details: expect.stringContaining("summary"),
    });
    const form = (await callRoute(editLoader, await getAs(db, "advocate@example.org", `/youth/${youthId}/contacts/${id}/edit`), {
      youthId: String(youthId),
      contactId: String(id),
    })) as { contact: { version: number; history: Array<{ summary: string }> } };
    expect(form.contact.version).toBe(1);
    expect(form.contact.history.map((h) => h.summary)).toEqual(["Called abuot the hearing"]);
  });

  it("a stale form is 409; bad input 400; nothing is written", async () => {
    const id = await logContact("Text about Saturday");
    await correct("advocate@example.org", id, {
      baseVersion: "0",
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -60_000),
      method: "text",
      summary: "Texted about Saturday",
    });
    const before = snapshot(c, TABLES);
    const stale = await correct("advocate@example.org", id, {
      baseVersion: "0",
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -60_000),
      method: "text",
      summary: "Mine",
    });
    expect(statusOf(stale)).toBe(409);
    expect(payloadOf(stale).values.summary).toBe("Mine");
    const bad = await correct("advocate@example.org", id, { baseVersion: "1", occurredAt: "soon", method: "fax", summary: "" });
    expect(Object.keys(payloadOf(bad).errors).sort()).toEqual(["method", "occurredAt", "summary"]);
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("only its author, only within the window; others 403, out of scope 404", async () => {
    const id = await logContact("Met at school");
    const fields = { baseVersion: "0", occurredAt: localDateTime(PROGRAM_ONE_TZ, -60_000), method: "in_person", summary: "Changed" };
    const before = snapshot(c, TABLES);
    expect(statusOf(await correct("advocate2@example.org", id, fields))).toBe(403);
    expect(statusOf(await correct("supervisor@example.org", id, fields))).toBe(403);
    expect(statusOf(await correct("supervisor2@example.org", id, fields))).toBe(404);
    expect(statusOf(await correct("lead@second.example.org", id, fields))).toBe(404);
    c.prepare("update contacts set created_at = '2026-01-01T00:00:00.000Z' where id = ?").run(id);
    const late = await correct("advocate@example.org", id, fields);
    expect(statusOf(late)).toBe(403);
    c.prepare("update contacts set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') where id = ?").run(id);
    const afterReset = snapshot(c, TABLES);
    expect(afterReset.contact_revisions).toEqual(before.contact_revisions);
  });
});
