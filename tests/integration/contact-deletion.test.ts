/**
 * Deleting one's own contact within the correction window (issue 13): the whole record moves to
 * contact_deletions (who took part, its earlier versions), its rows leave contacts,
 * contact_parties and contact_revisions, the derived last-contact dates of everyone who took part
 * are worked out again from what remains, and it is audited; anyone else, or after the window, is
 * refused before the form is read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as youthAction } from "~/routes/youth-detail";
import { action as editAction, loader as editLoader } from "~/routes/contact-edit";
import { caseParties } from "../../db/schema";
import { PROGRAM_ONE_TZ, localDateTime } from "../helpers/dates";
import { queries, snapshot, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";
import { loadYouthPage } from "../helpers/youth-page";

const db = await demoDatabase();
const c = db.$client;
const { one, all } = queries(c);
const TABLES = ["contacts", "contact_parties", "contact_revisions", "contact_deletions", "youth", "case_parties", "audit_events"] as const;

let y: YouthCase;
let caregiverId: number;

beforeAll(() => {
  y = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
  // A co-advocate, who may see the youth but did not log the contact.
  c.prepare(
    "insert into youth_assignments (program_id, youth_id, user_id, kind, started_on) values (?, ?, ?, 'advocate', '2025-01-01')",
  ).run(y.programId, y.youthId, userId(c, "advocate2@example.org"));
  caregiverId = db
    .insert(caseParties)
    .values({ programId: y.programId, youthId: y.youthId, role: "caregiver", name: "Maria Lopez", startedOn: "2025-01-01" })
    .returning({ id: caseParties.id })
    .get().id;
});

async function log(fields: Fields): Promise<number> {
  const result = await callRoute(
    youthAction,
    await postAs(db, "advocate@example.org", `/youth/${y.youthId}`, { intent: "log-contact", method: "in_person", ...fields }),
    { youthId: String(y.youthId) },
  );
  expect(statusOf(result)).toBe(302);
  return one("select max(id) as id from contacts")!.id as number;
}
const edit = async (email: string, id: number, fields: Fields, youthId = y.youthId) =>
  callRoute(editAction, await postAs(db, email, `/youth/${youthId}/contacts/${id}/edit`, fields), {
    youthId: String(youthId),
    contactId: String(id),
  });
const remove = (email: string, id: number, reason?: string) => edit(email, id, { intent: "delete", ...(reason ? { reason } : {}) });
const derived = () => ({
  youth: one("select last_youth_contact_at as at from youth where id = ?", y.youthId)!.at,
  caregiver: one("select last_contact_at as at from case_parties where id = ?", caregiverId)!.at,
  csw: one("select last_contact_at as at from case_parties where id = ?", y.cswId)!.at,
  attorney: one("select last_contact_at as at from case_parties where id = ?", y.attorneyId)!.at,
});

describe("the author deletes a contact within the window", () => {
  let earlierAt: string;
  let contactId: number;
  let createdAt: string;
  let result: Awaited<ReturnType<typeof remove>>;

  beforeAll(async () => {
    // An earlier visit with the youth and the CSW stays; the one deleted was later and had the caregiver too.
    await log({ with: ["youth", String(y.cswId)], occurredAt: localDateTime(PROGRAM_ONE_TZ, -26 * 3_600_000), summary: "Earlier visit" });
    earlierAt = one("select max(occurred_at) as at from contacts where youth_id = ?", y.youthId)!.at as string;
    contactId = await log({
      with: ["youth", String(caregiverId), String(y.cswId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -2 * 3_600_000),
      summary: "Visit logged on the wrong youth",
      durationMinutes: "40",
    });
    const logged = one("select occurred_at as at from contacts where id = ?", contactId)!.at;
    expect(derived()).toEqual({ youth: logged, caregiver: logged, csw: logged, attorney: null });
    // Corrected once, so it has an earlier version to carry along.
    const corrected = await edit("advocate@example.org", contactId, {
      intent: "correct", // the correction's own button, beside the delete form's
      baseVersion: "0",
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -90 * 60_000),
      method: "in_person",
      outcome: "made",
      durationMinutes: "45",
      summary: "Visit logged on the wrong youth (corrected)",
    });
    expect(statusOf(corrected)).toBe(302);
    createdAt = one("select created_at as at from contacts where id = ?", contactId)!.at as string;
    const form = (await callRoute(editLoader, await getAs(db, "advocate@example.org", `/youth/${y.youthId}/contacts/${contactId}/edit`), {
      youthId: String(y.youthId),
      contactId: String(contactId),
    })) as { contact: { withLabel: string } };
    expect(form.contact.withLabel).toContain("Maria Lopez (Caregiver)");
    result = await remove("advocate@example.org", contactId, "Logged on the wrong youth");
  });

  it("goes back to the youth's page with a notice", () => {
    expect(redirectLocation(result)).toBe(`/youth/${y.youthId}?saved=contact-deleted#contacts`);
  });

  it("leaves no row of it in contacts, contact_parties or contact_revisions", () => {
    expect(all("select id from contacts where id = ?", contactId)).toEqual([]);
    expect(all("select id from contact_parties where contact_id = ?", contactId)).toEqual([]);
    expect(all("select id from contact_revisions where contact_id = ?", contactId)).toEqual([]);
  });

  it("keeps the whole record in contact_deletions", () => {
    const row = one("select * from contact_deletions where contact_id = ?", contactId)!;
    expect(row).toMatchObject({
      program_id: y.programId,
      youth_id: y.youthId,
      party_ids: JSON.stringify([caregiverId, y.cswId]),
      with_youth: 1,
      method: "in_person",
      outcome: "made",
      duration_minutes: 45,
      summary: "Visit logged on the wrong youth (corrected)",
      logged_by_user_id: userId(c, "advocate@example.org"),
      logged_at: createdAt,
      reason: "Logged on the wrong youth",
      deleted_by_user_id: userId(c, "advocate@example.org"),
    });
    expect(Date.now() - Date.parse(row.deleted_at as string)).toBeLessThan(60_000);
    const revisions = JSON.parse(row.revisions as string) as Array<Record<string, unknown>>;
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ contactId, summary: "Visit logged on the wrong youth", durationMinutes: 40, method: "in_person" });
  });

  it("works each participant's last contact out again from what remains", () => {
    expect(derived()).toEqual({ youth: earlierAt, caregiver: null, csw: earlierAt, attorney: null });
  });

  it("is audited as contact.delete with the contact's id", () => {
    const rows = all(
      "select action, youth_id, actor_user_id, details from audit_events where action = 'contact.delete' and entity_id = ?",
      String(contactId),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ youth_id: y.youthId, actor_user_id: userId(c, "advocate@example.org") });
    expect(JSON.parse(rows[0]!.details as string)).toMatchObject({ withYouth: true, partyIds: [caregiverId, y.cswId], reasonGiven: true });
  });

  it("is gone from the page and its counts", async () => {
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    expect(page.contacts.map((x) => x.summary)).toEqual(["Earlier visit"]);
    expect(page.contactTotal).toBe(1);
    expect(page.freshness.find((f) => f.key === "youth")!.lastContactAt).toBe(earlierAt);
    expect(page.parties.current.find((p) => p.id === caregiverId)!.lastContactAt).toBeNull();
    const again = await remove("advocate@example.org", contactId);
    expect(statusOf(again)).toBe(404);
  });
});

describe("who may delete, and when", () => {
  let contactId: number;
  beforeAll(async () => {
    contactId = await log({ with: ["youth"], occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000), summary: "Met at school" });
  });

  it("another advocate of the youth and the supervisor: 403 with a clear message; nothing changes", async () => {
    const before = snapshot(c, TABLES);
    for (const email of ["advocate2@example.org", "supervisor@example.org"]) {
      const refused = await remove(email, contactId, "Not mine");
      expect(statusOf(refused), email).toBe(403);
      expect(payloadOf(refused), email).toEqual({
        message: "A contact is corrected or deleted by the person who logged it, within 72 hours.",
      });
    }
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("someone outside the youth's scope or program: 404; nothing changes", async () => {
    const other = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const before = snapshot(c, TABLES);
    expect(statusOf(await remove("supervisor2@example.org", contactId))).toBe(404);
    expect(statusOf(await remove("lead@second.example.org", contactId))).toBe(404);
    // The contact's id under another youth of the author's is not found either.
    expect(statusOf(await edit("advocate@example.org", contactId, { intent: "delete" }, other.youthId))).toBe(404);
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("after the window: 403, also for the author", async () => {
    c.prepare("update contacts set created_at = '2026-01-01T00:00:00.000Z' where id = ?").run(contactId);
    const before = snapshot(c, TABLES);
    expect(statusOf(await remove("advocate@example.org", contactId))).toBe(403);
    expect(snapshot(c, TABLES)).toEqual(before);
    c.prepare("update contacts set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') where id = ?").run(contactId);
  });

  it("a reason that is too long: 400 with the field's message and the text kept; nothing changes", async () => {
    const before = snapshot(c, TABLES);
    const long = "x".repeat(501);
    const refused = await remove("advocate@example.org", contactId, long);
    expect(statusOf(refused)).toBe(400);
    expect(payloadOf(refused)).toMatchObject({
      intent: "delete",
      errors: { reason: "Keep the reason under 500 characters." },
      values: { reason: long },
    });
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("without a reason, the author may still delete it", async () => {
    expect(redirectLocation(await remove("advocate@example.org", contactId))).toBe(`/youth/${y.youthId}?saved=contact-deleted#contacts`);
    expect(one("select reason, with_youth, party_ids from contact_deletions where contact_id = ?", contactId)).toEqual({
      reason: null,
      with_youth: 1,
      party_ids: "[]",
    });
  });
});
