import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { loader as youthLoader } from "~/routes/youth-detail";
import { loader as courtLoader } from "~/routes/court-draft";
import { loader as prepLoader } from "~/routes/prep-packet";
import { loader as prepBatchLoader } from "~/routes/prep-packets";
import { PACKETS_PER_PAGE } from "~/server/packets.server";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { getAs as requestAs, settle } from "../helpers/routes";

const db = await demoDatabase();
let youthId: number;

beforeAll(() => {
  youthId = db.get<{ id: number }>(
    sql`select id from youth where first_name = ${DEMO_YOUTH.advocateNone.firstName} and last_name = ${DEMO_YOUTH.advocateNone.lastName}`,
  ).id;
});

function readsBy(email: string, action: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from audit_events a join users u on u.id = a.actor_user_id
    where u.email = ${email} and a.action = ${action} and a.youth_id = ${youthId}`).n;
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
      const before = db.get<{ n: number }>(sql`select count(*) as n from audit_events where action = ${action}`).n;
      const request = await requestAs(db, "lead@second.example.org", `/youth/${youthId}${suffix}`);
      const result = await settle(() => loader({ request, params: { youthId: String(youthId) }, context: {} } as never));
      expect(result).toMatchObject({ init: { status: 404 } });
      expect(db.get<{ n: number }>(sql`select count(*) as n from audit_events where action = ${action}`).n).toBe(before);
    });
  }
});

/** The youth whose packet `email` was recorded reading after audit row `afterId` (the log is append-only). */
function prepReads(email: string, afterId: number): Array<{ youthId: number }> {
  return db.all<{ youthId: number }>(sql`select a.youth_id as youthId from audit_events a join users u on u.id = a.actor_user_id
    where u.email = ${email} and a.action = 'prep_packet.view' and a.id > ${afterId} order by a.youth_id`);
}
const lastAuditId = () => db.get<{ n: number }>(sql`select coalesce(max(id), 0) as n from audit_events`).n;

describe("/prep (every prep packet of the coming week) is audited packet by packet", () => {
  /** The youth of the viewer's scope with a scheduled meeting in the next 7 days, as SQL sees it. */
  function youthWithMeetingsSoon(email: string): number[] {
    return db
      .all<{ id: number }>(
        sql`select distinct m.youth_id as id from mdt_meetings m
        join youth_assignments a on a.youth_id = m.youth_id and a.ended_on is null
        join users u on u.id = a.user_id and u.email = ${email}
        where m.status = 'scheduled' and m.scheduled_at >= ${new Date().toISOString()}
          and m.scheduled_at < ${new Date(Date.now() + 7 * 86_400_000).toISOString()}`,
      )
      .map((r) => r.id)
      .sort((a, b) => a - b);
  }

  it("one prep_packet.view per packet shown, for exactly the youth shown", async () => {
    const email = "supervisor@example.org";
    const expected = youthWithMeetingsSoon(email);
    expect(expected.length).toBeGreaterThan(1);
    const before = lastAuditId();
    const request = await requestAs(db, email, "/prep");
    const page = (await prepBatchLoader({ request, params: {}, context: {} } as never)) as { packets: Array<{ overview: { id: number } }> };
    const shown = page.packets.map((p) => p.overview.id).sort((a, b) => a - b);
    expect(shown).toEqual(expected);
    expect(prepReads(email, before).map((r) => r.youthId)).toEqual(shown);
  });

  it("an advocate's /prep audits only the packets of their own youth", async () => {
    const email = "advocate@example.org";
    const before = lastAuditId();
    const request = await requestAs(db, email, "/prep");
    const page = (await prepBatchLoader({ request, params: {}, context: {} } as never)) as { packets: Array<{ overview: { id: number } }> };
    const reads = prepReads(email, before).map((r) => r.youthId);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads).toEqual(page.packets.map((p) => p.overview.id).sort((a, b) => a - b));
    // Only their own youth; a youth whose only meeting is a CSEC MDT they may not see has no packet.
    for (const id of reads) expect(youthWithMeetingsSoon(email)).toContain(id);
  });
});

describe("/prep is paged: a lead's week of packets comes a printable batch at a time", () => {
  it("shows PACKETS_PER_PAGE packets a page, missing youth first, every youth once, and audits only the page shown", async () => {
    const c = db.$client;
    const program = (c.prepare("select id from programs where slug = 'example-county'").get() as { id: number }).id;
    const lead = (c.prepare("select id from users where email = 'lead@example.org'").get() as { id: number }).id;
    // A meeting in three days for every open youth of program one: more than a page of packets.
    const open = (c.prepare("select id from youth where program_id = ? and case_status = 'open'").all(program) as { id: number }[]).map(
      (r) => r.id,
    );
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    for (const id of open) {
      c.prepare(
        `insert into mdt_meetings (program_id, youth_id, type, scheduled_at, status, created_by_user_id) values (?, ?, 'regular_mdt', ?, 'scheduled', ?)`,
      ).run(program, id, at, lead);
    }
    const expected = db
      .all<{ id: number }>(
        sql`select distinct youth_id as id from mdt_meetings where program_id = ${program} and status = 'scheduled'
          and scheduled_at >= ${new Date().toISOString()} and scheduled_at < ${new Date(Date.now() + 7 * 86_400_000).toISOString()}`,
      )
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(PACKETS_PER_PAGE);
    const missing = new Set(
      db.all<{ id: number }>(sql`select youth_id as id from runaway_episodes where returned_at is null`).map((r) => r.id),
    );
    const seen: number[] = [];
    const pages = Math.ceil(expected.length / PACKETS_PER_PAGE);
    for (let p = 1; p <= pages; p++) {
      const before = lastAuditId();
      const request = await requestAs(db, "lead@example.org", `/prep?page=${p}`);
      const page = (await prepBatchLoader({ request, params: {}, context: {} } as never)) as {
        packets: Array<{ overview: { id: number } }>;
        page: number;
        totalYouth: number;
      };
      expect(page.page).toBe(p);
      expect(page.totalYouth).toBe(expected.length);
      const ids = page.packets.map((x) => x.overview.id);
      expect(ids.length).toBe(p < pages ? PACKETS_PER_PAGE : expected.length - (pages - 1) * PACKETS_PER_PAGE);
      expect(prepReads("lead@example.org", before).map((r) => r.youthId)).toEqual([...ids].sort((a, b) => a - b));
      seen.push(...ids);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    // The youth missing now come before everyone else.
    const firstOthers = seen.findIndex((id) => !missing.has(id));
    expect(seen.slice(firstOthers).some((id) => missing.has(id))).toBe(false);
    expect(seen.slice(0, firstOthers).length).toBeGreaterThan(0);
    // Past the last page: the last page.
    const request = await requestAs(db, "lead@example.org", `/prep?page=99`);
    expect(((await prepBatchLoader({ request, params: {}, context: {} } as never)) as { page: number }).page).toBe(pages);
  });
});
