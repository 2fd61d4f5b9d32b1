/**
 * The audit viewer (issue 12, "Audit viewer"): program leads only; the program's own log, newest
 * first, filtered in SQL; a youth page read shows up as who has seen that record; and no module
 * of the app updates or deletes the log.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/audit";
import { loader as youthLoader } from "~/routes/youth-detail";
import { AUDIT_COUNT_LIMIT } from "~/server/audit-log.server";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, programId } from "../helpers/db";
import { callRoute, getAs, statusOf } from "../helpers/routes";
import { DEMO_YOUTH } from "../../db/seed";

const db = await demoDatabase();
const c = db.$client;

type AuditData = { log: { rows: Array<{ at: string; actor: string | null; action: string; youthId: number | null }>; total: number } };
const auditAs = async (email: string, query = "") => (await callRoute(auditLoader, await getAs(db, email, `/audit${query}`))) as AuditData;

describe("the audit viewer", () => {
  it("is for program leads: advocates, supervisors and administrators are refused", async () => {
    for (const [email, status] of [
      ["advocate@example.org", 403],
      ["supervisor@example.org", 403],
      ["admin@example.org", 403],
      ["lead@example.org", 200],
    ] as const) {
      expect(statusOf(await callRoute(auditLoader, await getAs(db, email, "/audit"))), email).toBe(status);
    }
  });

  it("shows the program's own log only, newest first, with the total of independent SQL", async () => {
    const p1 = programId(c, "example-county");
    // A read in the second program, so that there is something to keep out.
    const secondYouth = (c.prepare("select id from youth where program_id <> ? limit 1").get(p1) as { id: number }).id;
    await callRoute(youthLoader, await getAs(db, "lead@second.example.org", `/youth/${secondYouth}`), { youthId: String(secondYouth) });
    const all = await auditAs("lead@example.org");
    const expected = (c.prepare("select count(*) as n from audit_events where program_id = ?").get(p1) as { n: number }).n;
    expect(all.log.total).toBe(expected);
    const ats = all.log.rows.map((r) => r.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const otherProgram = (c.prepare("select count(*) as n from audit_events where program_id <> ?").get(p1) as { n: number }).n;
    expect(otherProgram).toBeGreaterThan(0);
    expect((await auditAs("lead@example.org", `?youth=${secondYouth}`)).log.total).toBe(0);
  });

  it("a lead's read of a youth's page is listed as who has seen that record", async () => {
    const youthId = demoYouthId(c, DEMO_YOUTH.missingNow);
    await callRoute(youthLoader, await getAs(db, "supervisor@example.org", `/youth/${youthId}`), { youthId: String(youthId) });
    const seen = await auditAs("lead@example.org", `?youth=${youthId}&action=youth.view`);
    expect(seen.log.rows.length).toBeGreaterThan(0);
    expect(seen.log.rows.every((r) => r.youthId === youthId && r.action === "youth.view")).toBe(true);
    expect(seen.log.rows[0]!.actor).toBe("Nadia Haddad");
    const byWho = await auditAs("lead@example.org", `?youth=${youthId}&who=nadia`);
    expect(byWho.log.rows.every((r) => r.actor === "Nadia Haddad")).toBe(true);
    const nobody = await auditAs("lead@example.org", "?who=nobody-by-this-name");
    expect(nobody.log.total).toBe(0);
  });

  it("a log too long to count reads 'more than 10,000'; paging stops there, newest first as ever", async () => {
    // 10,050 more sign-ins in program one, one a minute back from 2020 (older than anything the demo holds).
    c.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050)
      INSERT INTO audit_events (at, program_id, actor_user_id, action)
      SELECT strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01T00:00:00Z', '-' || i || ' minutes'), 1, 2, 'session.sign_in' FROM n`);
    type Capped = { log: { total: number; totalIsCapped: boolean; page: number; rows: Array<{ at: string }> } };
    const first = (await auditAs("lead@example.org")) as unknown as Capped;
    expect(first.log).toMatchObject({ total: AUDIT_COUNT_LIMIT, totalIsCapped: true, page: 1 });
    const newest = c.prepare("SELECT max(at) AS at FROM audit_events WHERE program_id = 1").get() as { at: string };
    expect(first.log.rows[0]!.at).toBe(newest.at);
    // Far past the cap: the last page that can be reached, full.
    const deep = (await auditAs("lead@example.org", "?page=5000")) as unknown as Capped;
    expect(deep.log.page).toBe(Math.ceil(AUDIT_COUNT_LIMIT / 50));
    expect(deep.log.rows).toHaveLength(50);
    // A narrower filter is counted exactly again.
    const day = (await auditAs("lead@example.org", "?from=2019-12-31&to=2019-12-31")) as unknown as Capped;
    expect(day.log).toMatchObject({ totalIsCapped: false });
    expect(day.log.total).toBe(
      (
        c
          .prepare("SELECT count(*) AS n FROM audit_events WHERE program_id = 1 AND at >= ? AND at < ?")
          .get("2019-12-31T08:00:00.000Z", "2020-01-01T08:00:00.000Z") as { n: number }
      ).n,
    );
  });

  it("no module of the app updates or deletes the audit log", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".test.ts")) files.push(join(dir, e.name));
      }
    };
    walk("app");
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/\.(update|delete)\(auditEvents\)|(update|delete from)\s+["`]?audit_events/i);
    }
  });
});
