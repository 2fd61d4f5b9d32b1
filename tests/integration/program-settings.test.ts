/**
 * Program settings (issue 12): administrators only; name, time zone, stale-contact thresholds per
 * core party, the request types in use and their labels. A new time zone changes how dates are
 * shown, not what is stored; thresholds change which contacts are stale, on the youth page and in
 * every list alike; labels reach the queue and the reports, and a label that mentions CSEC is
 * refused on a type everyone sees.
 */
import { describe, expect, it } from "vitest";
import { action as settingsAction, loader as settingsLoader } from "~/routes/admin-program";
import { action as requestNewAction, loader as requestNewLoader } from "~/routes/request-new";
import { loader as queueLoader } from "~/routes/requests-queue";
import { loader as youthListLoader } from "~/routes/youth-list";
import { loader as youthPageLoader } from "~/routes/youth-detail";
import { loader as reportsLoader } from "~/routes/reports";
import { REQUEST_TYPES } from "~/domain/requests";
import { enabledField, labelField } from "~/domain/program-setting-fields";
import { DEMO_YOUTH } from "../../db/seed/demo";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, snapshot } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const ADMIN = "admin@example.org";
const version = () => String((c.prepare("select version as v from programs where id = 1").get() as { v: number }).v);

/** The form as the page would send it, with `changes` on top. */
function settingsForm(changes: Fields = {}): Fields {
  const p = c.prepare("select * from programs where id = 1").get() as Record<string, string | number>;
  const fields: Fields = {
    baseVersion: version(),
    name: String(p.name),
    timeZone: String(p.time_zone),
    staleYouthDays: String(p.stale_youth_contact_days),
    staleCswDays: String(p.stale_csw_contact_days),
    staleAttorneyDays: String(p.stale_attorney_contact_days),
    staleClcDays: String(p.stale_clc_contact_days),
  };
  for (const t of REQUEST_TYPES) fields[enabledField(t.key)] = "on";
  return { ...fields, ...changes };
}
const save = async (fields: Fields, email = ADMIN) => callRoute(settingsAction, await postAs(db, email, "/admin/program", fields));

describe("program settings", () => {
  it("only administrators; the page carries no case content", async () => {
    for (const email of ["advocate@example.org", "supervisor@example.org", "lead@example.org"]) {
      expect(statusOf(await callRoute(settingsLoader, await getAs(db, email, "/admin/program"))), email).toBe(403);
      const before = snapshot(c, ["programs", "program_request_types", "audit_events"]);
      expect(statusOf(await save(settingsForm({ name: "Taken over" }), email)), email).toBe(403);
      expect(snapshot(c, ["programs", "program_request_types", "audit_events"])).toEqual(before);
    }
    const page = JSON.stringify(await callRoute(settingsLoader, await getAs(db, ADMIN, "/admin/program")));
    const caseNumbers = c.prepare("select case_number as n from youth").all() as Array<{ n: string }>;
    for (const { n } of caseNumbers) expect(page).not.toContain(n);
  });

  it("bad input: every message, the form comes back filled, nothing saved", async () => {
    const before = snapshot(c, ["programs", "program_request_types"]);
    const result = await save(
      settingsForm({
        name: "",
        timeZone: "Mars/Olympus_Mons",
        staleYouthDays: "0",
        staleCswDays: "many",
        [labelField("therapy")]: "Therapy after sex trafficking",
      }),
    );
    expect(statusOf(result)).toBe(400);
    const reply = payloadOf(result);
    expect(Object.keys(reply.errors)).toEqual(
      expect.arrayContaining(["name", "timeZone", "staleYouthDays", "staleCswDays", labelField("therapy")]),
    );
    expect(reply.errors[labelField("therapy")]).toMatch(/neutral label/);
    expect(reply.values[labelField("therapy")]).toBe("Therapy after sex trafficking");
    const none = await save(Object.fromEntries(Object.entries(settingsForm()).filter(([k]) => !k.startsWith("enabled_"))));
    expect(payloadOf(none).errors._form).toMatch(/at least one/);
    expect(snapshot(c, ["programs", "program_request_types"])).toEqual(before);
  });

  it("a form filled before someone else's save is refused (409), and the input is kept", async () => {
    const stale = settingsForm({ name: "First edit" });
    expect(statusOf(await save(settingsForm({ name: "Someone else's edit" })))).toBe(200);
    const result = await save(stale);
    expect(statusOf(result)).toBe(409);
    expect(payloadOf(result).values.name).toBe("First edit");
    expect(c.prepare("select name from programs where id = 1").get()).toEqual({ name: "Someone else's edit" });
  });

  it("request types: a renamed type shows under its new label; an unused one is not offered and is refused", async () => {
    const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);
    const result = await save(
      settingsForm({
        [labelField("medical")]: "Health care",
        [enabledField("career_exploration")]: [],
        // A CSEC-sensitive type may say what it is: only those who may see it ever see it.
        [labelField("csec_advocate")]: "CSEC advocate (county contract)",
      }),
    );
    expect(statusOf(result)).toBe(200);
    expect(c.prepare("select type, enabled, label from program_request_types where program_id = 1 order by type").all()).toEqual([
      { type: "career_exploration", enabled: 0, label: null },
      { type: "csec_advocate", enabled: 1, label: "CSEC advocate (county contract)" },
      { type: "medical", enabled: 1, label: "Health care" },
    ]);
    expect(c.prepare("select details from audit_events where action = 'program.settings_change' order by id desc limit 1").get()).toEqual({
      details: expect.stringContaining("Health care"),
    });

    type NewForm = { types: Array<{ key: string; label: string }> };
    const form = (await callRoute(requestNewLoader, await getAs(db, "advocate@example.org", `/youth/${youthId}/requests/new`), {
      youthId: String(youthId),
    })) as NewForm;
    expect(form.types.find((t) => t.key === "medical")?.label).toBe("Health care");
    expect(form.types.some((t) => t.key === "career_exploration")).toBe(false);
    expect(form.types.some((t) => t.key === "csec_advocate")).toBe(false);

    const refused = await callRoute(
      requestNewAction,
      await postAs(db, "advocate@example.org", `/youth/${youthId}/requests/new`, {
        type: "career_exploration",
        addressedTo: "agency",
        agency: "Job Corps",
        intent: "draft",
      }),
      { youthId: String(youthId) },
    );
    expect(statusOf(refused)).toBe(400);
    expect(payloadOf(refused).errors.type).toMatch(/no longer takes/);

    // The program's label in the queue and its filter, and in the reports.
    c.prepare(
      "update resource_requests set type = 'medical', subtype = null where id = (select min(id) from resource_requests where program_id = 1 and status <> 'draft')",
    ).run();
    type Queue = { queue: { rows: Array<{ type: string; typeLabel: string }> }; typeOptions: Array<{ key: string; label: string }> };
    const queue = (await callRoute(queueLoader, await getAs(db, "lead@example.org", "/requests?type=medical&status=&size=100"))) as Queue;
    expect(queue.queue.rows.length).toBeGreaterThan(0);
    expect(queue.queue.rows.every((r) => r.typeLabel === "Health care")).toBe(true);
    expect(queue.typeOptions.find((t) => t.key === "medical")?.label).toBe("Health care");
    const reports = JSON.stringify(await callRoute(reportsLoader, await getAs(db, "lead@example.org", "/reports?period=ytd")));
    expect(reports).toContain("Health care");
  });

  it("a new time zone changes how dates are shown, not what is stored", async () => {
    const stored = snapshot(c, ["contacts", "mdt_meetings", "resource_requests"]);
    expect(statusOf(await save(settingsForm({ timeZone: "America/New_York" })))).toBe(200);
    const list = (await callRoute(youthListLoader, await getAs(db, "lead@example.org", "/youth"))) as { timeZone: string };
    expect(list.timeZone).toBe("America/New_York");
    expect(snapshot(c, ["contacts", "mdt_meetings", "resource_requests"])).toEqual(stored);
    expect(statusOf(await save(settingsForm({ timeZone: "America/Los_Angeles" })))).toBe(200);
  });

  it("thresholds per core party: the youth page and the stale filter follow them, role by role", async () => {
    type Page = { freshness: Array<{ key: string; thresholdDays: number; stale: boolean }> };
    type List = { list: { rows: Array<{ id: number }> } };
    const staleIds = async (email: string) =>
      new Set(((await callRoute(youthListLoader, await getAs(db, email, "/youth?stale=1&size=100"))) as List).list.rows.map((r) => r.id));
    const pageOf = async (email: string, id: number) =>
      (await callRoute(youthPageLoader, await getAs(db, email, `/youth/${id}`), { youthId: String(id) })) as Page;
    const inScope = async (email: string) =>
      ((await callRoute(youthListLoader, await getAs(db, email, "/youth?size=100"))) as List).list.rows.map((r) => r.id);

    for (const [cswDays, attorneyDays, clcDays] of [
      [3, 365, 365],
      [365, 3, 365],
      [365, 365, 3],
      [365, 365, 365],
    ] as Array<[number, number, number]>) {
      expect(
        statusOf(
          await save(
            settingsForm({
              staleYouthDays: "365",
              staleCswDays: String(cswDays),
              staleAttorneyDays: String(attorneyDays),
              staleClcDays: String(clcDays),
            }),
          ),
        ),
      ).toBe(200);
      for (const email of ["supervisor@example.org", "lead@example.org"]) {
        const stale = await staleIds(email);
        let someStale = false;
        for (const id of await inScope(email)) {
          const page = await pageOf(email, id);
          expect(page.freshness.find((f) => f.key === "csw")?.thresholdDays).toBe(cswDays);
          expect(page.freshness.find((f) => f.key === "attorney")?.thresholdDays).toBe(attorneyDays);
          const pageStale = page.freshness.some((f) => f.stale);
          someStale ||= pageStale;
          expect(stale.has(id), `youth ${id} at ${cswDays}/${attorneyDays}/${clcDays} for ${email}`).toBe(pageStale);
        }
        // A 3-day threshold on one role makes someone stale; the comparison compares something.
        if (Math.min(cswDays, attorneyDays, clcDays) === 3) expect(someStale).toBe(true);
      }
    }
  });
});
