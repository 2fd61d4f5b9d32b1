/**
 * Contacts as advocates log them (issue 13): attempted or made, and how long. An attempt is on
 * the record but does not make a contact fresh: the youth page, the derived last-contact columns
 * and the stale list all still see the youth as not reached.
 */
import { describe, expect, it } from "vitest";
import { action as youthAction, loader as youthLoader } from "~/routes/youth-detail";
import { loader as youthListLoader } from "~/routes/youth-list";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, localDateTime } from "../helpers/dates";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const youthId = demoYouthId(c, DEMO_YOUTH.advocateCleared); // the demo's youth with stale contacts
const log = async (fields: Fields) =>
  callRoute(youthAction, await postAs(db, "advocate@example.org", `/youth/${youthId}`, { intent: "log-contact", ...fields }), {
    youthId: String(youthId),
  });
const youthFreshness = async () =>
  (await callRoute(youthLoader, await getAs(db, "advocate@example.org", `/youth/${youthId}`), { youthId: String(youthId) })) as {
    freshness: Array<{ key: string; stale: boolean }>;
    contacts: Array<{ summary: string; outcome: string; durationMinutes: number | null }>;
  };
const onStaleList = async () =>
  (
    (await callRoute(youthListLoader, await getAs(db, "advocate@example.org", "/youth?stale=1&size=100"))) as {
      list: { rows: Array<{ id: number }> };
    }
  ).list.rows.some((r) => r.id === youthId);
const lastYouthContact = () =>
  (c.prepare("select last_youth_contact_at as at from youth where id = ?").get(youthId) as { at: string | null }).at;

describe("attempted and made contacts", () => {
  it("an attempt is kept, with its minutes, but the youth stays not reached; a made contact makes them fresh", async () => {
    expect((await youthFreshness()).freshness.find((f) => f.key === "youth")?.stale).toBe(true);
    expect(await onStaleList()).toBe(true);
    const before = lastYouthContact();

    const attempt = await log({
      with: "youth",
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
      method: "phone",
      outcome: "attempted",
      durationMinutes: "5",
      summary: "No answer; left a voicemail.",
    });
    expect(statusOf(attempt)).toBe(302);
    const page = await youthFreshness();
    expect(page.contacts[0]).toMatchObject({ summary: "No answer; left a voicemail.", outcome: "attempted", durationMinutes: 5 });
    expect(page.freshness.find((f) => f.key === "youth")?.stale).toBe(true);
    expect(lastYouthContact()).toBe(before);
    expect(await onStaleList()).toBe(true);

    const made = await log({
      with: "youth",
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -1_800_000),
      method: "in_person",
      outcome: "made",
      durationMinutes: "45",
      summary: "Visited at the group home.",
    });
    expect(statusOf(made)).toBe(302);
    expect((await youthFreshness()).freshness.find((f) => f.key === "youth")?.stale).toBe(false);
    expect(lastYouthContact()).not.toBe(before);
  });

  it("minutes must be whole and reasonable; the message comes back with the input", async () => {
    for (const minutes of ["abc", "0", "1000", "4.5"]) {
      const result = await log({
        with: "youth",
        occurredAt: localDateTime(PROGRAM_ONE_TZ, -60_000),
        method: "phone",
        durationMinutes: minutes,
        summary: "Call",
      });
      expect(statusOf(result), minutes).toBe(400);
      expect(payloadOf(result).errors.durationMinutes).toMatch(/whole minutes/);
      expect(payloadOf(result).values.durationMinutes).toBe(minutes);
    }
  });
});
