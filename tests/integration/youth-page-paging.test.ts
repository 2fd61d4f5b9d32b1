/**
 * A youth with years of records (issue 8): the youth page shows the newest contacts, timeline
 * entries and earlier safety plans, says how many there are, and shows more on request, so the
 * page stays small; what it shows is still the newest first, and counts say what is left.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../helpers/dates";
import { userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { insertContact, loadYouthPage } from "../helpers/youth-page";

const db = await demoDatabase();
const ADVOCATE = "advocate@example.org";
let y: YouthCase;
const CONTACTS = 130;
const PLANS = 9;

beforeAll(() => {
  y = makeYouth(db, { advocate: ADVOCATE, supervisor: "supervisor@example.org" });
  const by = userId(db.$client, ADVOCATE);
  for (let i = 0; i < CONTACTS; i++) {
    insertContact(db, {
      programId: y.programId,
      youthId: y.youthId,
      partyId: i % 2 ? y.cswId : null,
      occurredAt: new Date(Date.now() - (i + 1) * DAY_MS).toISOString(),
      loggedBy: by,
      summary: `Contact number ${i}`,
    });
  }
  const plan = db.$client.prepare(
    `INSERT INTO safety_plans (program_id, youth_id, version, support_people, hotlines_memorized, reviewed_on, reviewed_by_user_id) VALUES (?, ?, ?, '[]', '[]', ?, ?)`,
  );
  for (let v = 1; v <= PLANS; v++) plan.run(y.programId, y.youthId, v, `2026-0${v}-01`, by);
});

describe("the youth page of a youth with years of records", () => {
  it("shows the newest 20 contacts, 30 timeline entries and 5 earlier plans, with the totals", async () => {
    const data = await loadYouthPage(db, ADVOCATE, y.youthId);
    expect(data.contacts).toHaveLength(20);
    expect(data.contactTotal).toBe(CONTACTS);
    expect(data.contacts[0]!.summary).toBe("Contact number 0");
    expect(data.timeline).toHaveLength(30);
    // Contacts, plan reviews, the placement and the team joining: every entry is counted.
    expect(data.timelineTotal).toBe(CONTACTS + PLANS + 1 + 3);
    const dates = data.timeline.map((e) => e.at);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(data.safetyPlan.current!.version).toBe(PLANS);
    expect(data.safetyPlan.history.map((p) => p.version)).toEqual([8, 7, 6, 5, 4]);
    expect(data.safetyPlan.historyTotal).toBe(PLANS - 1);
  });

  it("shows more when asked, in the URL, and no more than there are", async () => {
    const more = await loadYouthPage(db, ADVOCATE, y.youthId, "?contacts=40&timeline=200&plans=50");
    expect(more.contacts).toHaveLength(40);
    expect(more.contacts[39]!.summary).toBe("Contact number 39");
    expect(more.timeline).toHaveLength(CONTACTS + PLANS + 4);
    expect(more.safetyPlan.history).toHaveLength(PLANS - 1);
  });

  it("ignores nonsense and caps what it will show", async () => {
    for (const q of ["?contacts=abc", "?contacts=-5", "?contacts=0", "?contacts=1e3"]) {
      expect((await loadYouthPage(db, ADVOCATE, y.youthId, q)).contacts, q).toHaveLength(20);
    }
    expect((await loadYouthPage(db, ADVOCATE, y.youthId, "?contacts=999999999")).contacts).toHaveLength(CONTACTS);
  });

  it("counts only the contacts of the filter it shows", async () => {
    const withCsw = await loadYouthPage(db, ADVOCATE, y.youthId, `?with=${y.cswId}`);
    expect(withCsw.contactTotal).toBe(CONTACTS / 2);
    expect(withCsw.contacts.every((c) => c.partyId === y.cswId)).toBe(true);
  });
});
