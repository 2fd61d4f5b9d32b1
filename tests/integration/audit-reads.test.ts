import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { loader as youthLoader } from "~/routes/youth-detail";
import { loader as courtLoader } from "~/routes/court-draft";
import { loader as prepLoader } from "~/routes/prep-packet";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { getAs as requestAs, settle } from "../helpers/routes";

const db = await demoDatabase();
let youthId: number;

beforeAll(async () => {
  youthId = db.get<{ id: number }>(
    sql`select id from youth where first_name = ${DEMO_YOUTH.advocateNone.firstName} and last_name = ${DEMO_YOUTH.advocateNone.lastName}`,
  )!.id;
});

function readsBy(email: string, action: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from audit_events a join users u on u.id = a.actor_user_id
    where u.email = ${email} and a.action = ${action} and a.youth_id = ${youthId}`)!.n;
}

describe("reading case content is audited", () => {
  const cases = [
    ["youth.view", youthLoader, ""],
    ["court_draft.view", courtLoader, "/court-draft"],
    ["prep_packet.view", prepLoader, "/prep"],
  ] as const;

  for (const [action, loader, suffix] of cases) {
    it(`${action}: who opened which youth's record, once per load`, async () => {
      const before = readsBy("supervisor@example.org", action);
      const request = await requestAs(db, "supervisor@example.org", `/youth/${youthId}${suffix}`);
      await loader({ request, params: { youthId: String(youthId) }, context: {} } as never);
      expect(readsBy("supervisor@example.org", action)).toBe(before + 1);
    });

    it(`${action}: a refused read (out of scope) records nothing`, async () => {
      const before = db.get<{ n: number }>(sql`select count(*) as n from audit_events where action = ${action}`)!.n;
      const request = await requestAs(db, "lead@second.example.org", `/youth/${youthId}${suffix}`);
      const result = await settle(() => loader({ request, params: { youthId: String(youthId) }, context: {} } as never));
      expect(result).toMatchObject({ init: { status: 404 } });
      expect(db.get<{ n: number }>(sql`select count(*) as n from audit_events where action = ${action}`)!.n).toBe(before);
    });
  }
});
