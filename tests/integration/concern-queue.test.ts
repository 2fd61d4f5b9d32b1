/**
 * The concern review queue (issue 13): supervisors and program leads see every concern awaiting
 * review in their scope, new since their last review first and then the longest waiting, paged;
 * advocates and administrators are refused.
 */
import { describe, expect, it } from "vitest";
import { loader as concernsLoader } from "~/routes/concerns";
import { demoDatabase } from "../helpers/demo-database";
import { callRoute, getAs, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
type Queue = { queue: { rows: Array<{ concernId: number; youthId: number; raisedAt: string; isNew: boolean }>; total: number } };
const queueAs = async (email: string, query = "") => callRoute(concernsLoader, await getAs(db, email, `/concerns${query}`));

describe("the concern queue", () => {
  it("is for those who review concerns", async () => {
    for (const email of ["advocate@example.org", "admin@example.org"]) expect(statusOf(await queueAs(email)), email).toBe(403);
    for (const email of ["supervisor@example.org", "lead@example.org"]) expect(statusOf(await queueAs(email)), email).toBe(200);
  });

  it("lists every concern under review in the viewer's scope, new ones first, then the longest waiting", async () => {
    const lead = (await queueAs("lead@example.org")) as Queue;
    const expected = c
      .prepare("select id from csec_concerns where program_id = 1 and review_status = 'under_review' order by raised_at, id")
      .all() as Array<{ id: number }>;
    expect(lead.queue.total).toBe(expected.length);
    expect(new Set(lead.queue.rows.map((r) => r.concernId))).toEqual(new Set(expected.map((e) => e.id)));
    for (const group of [true, false]) {
      const at = lead.queue.rows.filter((r) => r.isNew === group).map((r) => r.raisedAt);
      expect(at).toEqual([...at].sort());
    }
    const supervisor = (await queueAs("supervisor@example.org")) as Queue;
    const caseload = new Set(
      (
        c
          .prepare(
            "select youth_id as id from youth_assignments where kind = 'supervisor' and ended_on is null and user_id = (select id from users where email = 'supervisor@example.org')",
          )
          .all() as Array<{ id: number }>
      ).map((r) => r.id),
    );
    expect(supervisor.queue.rows.length).toBeGreaterThan(0);
    expect(supervisor.queue.rows.every((r) => caseload.has(r.youthId))).toBe(true);
    expect(supervisor.queue.total).toBeLessThan(lead.queue.total);
  });
});
