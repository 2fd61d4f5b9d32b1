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
