/**
 * No lost updates (issue 8): two people open the same form, both save; the second save, made from
 * the version both started with, is refused (409) with a message, what is saved now, and the
 * person's own input kept, and the first save survives. Then the second person, having seen
 * the current version, saves on top of it. For a team member's details, the safety plan, and a
 * meeting's notes and decisions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as partyEditAction, loader as partyEditLoader } from "~/routes/party-edit";
import { action as safetyPlanAction, loader as safetyPlanLoader } from "~/routes/safety-plan";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meeting-detail";
import { STALE_EDIT_MESSAGE } from "~/domain/forms";
import { localDate, PROGRAM_ONE_TZ } from "../helpers/dates";
import { queries, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, getAs, payloadOf, postRoute, redirectLocation, statusOf, type FormReply } from "../helpers/routes";

const db = await demoDatabase();
const { one, all } = queries(db.$client);
const SUPERVISOR = "supervisor@example.org";
const ADVOCATE = "advocate@example.org";

let y: YouthCase;
let meetingId: number;

beforeAll(() => {
  y = makeYouth(db, { advocate: ADVOCATE, supervisor: SUPERVISOR });
  meetingId = Number(
    db.$client
      .prepare(
        `INSERT INTO mdt_meetings (program_id, youth_id, type, scheduled_at, status, created_by_user_id) VALUES (?, ?, 'regular_mdt', ?, 'scheduled', ?)`,
      )
      .run(y.programId, y.youthId, new Date(Date.now() - 2 * 3_600_000).toISOString(), userId(db.$client, SUPERVISOR)).lastInsertRowid,
  );
  db.$client.prepare(`INSERT INTO meeting_attendees (meeting_id, party_id) VALUES (?, ?)`).run(meetingId, y.cswId);
});

type Conflict<T> = FormReply & { current: T };

async function versionSeen(loader: unknown, email: string, url: string, params: Record<string, string>, pick: (data: never) => number) {
  const result = await callRoute(loader as never, await getAs(db, email, url), params);
  expect(statusOf(result)).toBe(200);
  return pick(result as never);
}

describe("a team member's details", () => {
  it("edited in two sessions at once: the second save is refused and nothing of the first is lost", async () => {
    const url = `/youth/${y.youthId}/parties/${y.attorneyId}/edit`;
    const params = { youthId: String(y.youthId), partyId: String(y.attorneyId) };
    const pick = (d: { party: { version: number } }) => d.party.version;
    const [seenByA, seenByB] = [
      await versionSeen(partyEditLoader, SUPERVISOR, url, params, pick),
      await versionSeen(partyEditLoader, ADVOCATE, url, params, pick),
    ];
    expect(seenByA).toBe(seenByB);
    const fields = (phone: string, email: string, version: number) => ({
      name: `Alex Counsel ${y.youthId}`,
      organization: "CLC",
      phone,
      email,
      baseVersion: String(version),
    });

    redirectLocation(
      await postRoute(db, partyEditAction, SUPERVISOR, url, params, fields("(555) 555-0199", "new.number@clc.example.org", seenByA)),
    );
    const late = await postRoute(db, partyEditAction, ADVOCATE, url, params, fields("(555) 555-0100", "old@clc.example.org", seenByB));
    expect(statusOf(late)).toBe(409);
    const reply = payloadOf<Conflict<{ phone: string; email: string; version: number }>>(late);
    expect(reply.errors._form).toBe(STALE_EDIT_MESSAGE);
    expect(reply.current).toMatchObject({ phone: "(555) 555-0199", email: "new.number@clc.example.org", version: seenByA + 1 });
    expect(reply.values).toMatchObject({ phone: "(555) 555-0100", email: "old@clc.example.org" });
    expect(one(`SELECT phone, email, version FROM case_parties WHERE id = ?`, y.attorneyId)).toEqual({
      phone: "(555) 555-0199",
      email: "new.number@clc.example.org",
      version: seenByA + 1,
    });

    // Having seen it, the advocate saves on top of the current version.
    redirectLocation(
      await postRoute(db, partyEditAction, ADVOCATE, url, params, fields("(555) 555-0199", "both@clc.example.org", reply.current.version)),
    );
    expect(one(`SELECT email FROM case_parties WHERE id = ?`, y.attorneyId)).toEqual({ email: "both@clc.example.org" });
    // A save with no version at all (an old form) is refused, not applied.
    expect(
      statusOf(await postRoute(db, partyEditAction, ADVOCATE, url, params, { name: "X", organization: "", phone: "", email: "" })),
    ).toBe(409);
    expect(
      all(
        `SELECT action FROM audit_events WHERE entity_type = 'case_party' AND entity_id = ? AND action = 'party.update'`,
        String(y.attorneyId),
      ),
    ).toHaveLength(2);
  });
});

describe("the safety plan", () => {
  it("reviewed in two sessions at once: the second is refused, so a support person added meanwhile is not dropped", async () => {
    const url = `/youth/${y.youthId}/safety-plan`;
    const params = { youthId: String(y.youthId) };
    const pick = (d: { plan: { version: number } | null }) => d.plan?.version ?? 0;
    const base = await versionSeen(safetyPlanLoader, SUPERVISOR, url, params, pick);
    expect(base).toBe(0);
    // The program's calendar day, not UTC's: just after midnight UTC they differ.
    const today = localDate(new Date(), PROGRAM_ONE_TZ);
    const plan = (people: string[], version: number) => ({
      ...Object.fromEntries(people.map((name, i) => [`support${i + 1}Name`, name])),
      hotlines: ["ncmec"],
      notes: "",
      reviewedOn: today,
      baseVersion: String(version),
    });

    redirectLocation(await postRoute(db, safetyPlanAction, SUPERVISOR, url, params, plan(["Aunt Rosa", "Coach Lee"], base)));
    const late = await postRoute(db, safetyPlanAction, ADVOCATE, url, params, plan(["Aunt Rosa"], base));
    expect(statusOf(late)).toBe(409);
    const reply = payloadOf<Conflict<{ version: number; supportPeople: Array<{ name: string }> }>>(late);
    expect(reply.errors._form).toBe(STALE_EDIT_MESSAGE);
    expect(reply.current.version).toBe(1);
    expect(reply.current.supportPeople.map((p) => p.name)).toEqual(["Aunt Rosa", "Coach Lee"]);
    expect(reply.values).toMatchObject({ support1Name: "Aunt Rosa" });
    expect(all(`SELECT version, support_people FROM safety_plans WHERE youth_id = ?`, y.youthId)).toHaveLength(1);

    redirectLocation(
      await postRoute(db, safetyPlanAction, ADVOCATE, url, params, plan(["Aunt Rosa", "Coach Lee", "Ms. Park"], reply.current.version)),
    );
    expect(all(`SELECT version FROM safety_plans WHERE youth_id = ? ORDER BY version`, y.youthId)).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
  });
});

describe("a meeting's notes and decisions", () => {
  it("written up in two sessions at once: the second is refused and the first one's decisions stay", async () => {
    const url = `/meetings/${meetingId}`;
    const params = { meetingId: String(meetingId) };
    const pick = (d: { meeting: { version: number } }) => d.meeting.version;
    const [seenByA, seenByB] = [
      await versionSeen(meetingLoader, SUPERVISOR, url, params, pick),
      await versionSeen(meetingLoader, ADVOCATE, url, params, pick),
    ];
    const record = (decisions: string, version: number) => ({
      intent: "record",
      attended: [`party:${y.cswId}`],
      notes: "Notes",
      decisions,
      baseVersion: String(version),
    });

    redirectLocation(
      await postRoute(db, meetingAction, SUPERVISOR, url, params, record("Refer to intensive services; CSW to file by Friday", seenByA)),
    );
    const late = await postRoute(db, meetingAction, ADVOCATE, url, params, record("", seenByB));
    expect(statusOf(late)).toBe(409);
    const reply = payloadOf<Conflict<{ decisions: string; attended: string[]; version: number }>>(late);
    expect(reply.errors._form).toBe(STALE_EDIT_MESSAGE);
    expect(reply.current.decisions).toBe("Refer to intensive services; CSW to file by Friday");
    expect(reply.current.attended).toEqual([expect.stringContaining("Casey Worker")]);
    expect(one(`SELECT decisions, version FROM mdt_meetings WHERE id = ?`, meetingId)).toEqual({
      decisions: "Refer to intensive services; CSW to file by Friday",
      version: seenByA + 1,
    });

    redirectLocation(
      await postRoute(
        db,
        meetingAction,
        ADVOCATE,
        url,
        params,
        record("Refer to intensive services; CSW to file by Friday. Advocate to visit.", reply.current.version),
      ),
    );
    expect(one(`SELECT decisions FROM mdt_meetings WHERE id = ?`, meetingId)).toEqual({
      decisions: "Refer to intensive services; CSW to file by Friday. Advocate to visit.",
    });
  });
});
