/**
 * Filtering by supervisor in a network (issue 15): a program with a few supervisors picks one from
 * a select; one with more than `SUPERVISOR_LIST_MAX` types part of a name (the page no longer
 * sends every supervisor), with suggestions from `/people/supervisors`, and the youth list and
 * the reports filter by that name.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/server/db.server";
import { findReportTable, getReports } from "~/server/reports.server";
import { listYouthForViewer, SUPERVISOR_LIST_MAX, supervisorFilterOptions } from "~/server/youth.server";
import type { Viewer } from "~/server/session.server";
import { loader as peopleLoader } from "~/routes/people-search";
import { loader as youthListLoader } from "~/routes/youth-list";
import { loader as reportsLoader } from "~/routes/reports";
import { createProgram, createUser, createYouth } from "../helpers/factories";
import { callRoute, getAs, statusOf } from "../helpers/routes";

const db = getDb();
const c = db.$client;

const big = createProgram(db, "Network County");
const small = createProgram(db, "Small County");
const lead = await createUser(db, { programId: big.id, role: "program_lead", email: "lead@network.test" });
const smallLead = await createUser(db, { programId: small.id, role: "program_lead", email: "lead@small.test" });
const advocate = await createUser(db, { programId: big.id, role: "advocate", email: "adv@network.test" });
const supervisor = await createUser(db, { programId: big.id, role: "supervisor", email: "sup@network.test", name: "Sam Supervisor" });
await createUser(db, { programId: big.id, role: "admin", email: "admin@network.test" });

/** A supervisor of `programId` (no password to hash: they never sign in here). */
function supervisorIn(programId: number, name: string): number {
  const id = Number(
    c.prepare(`insert into users (email, name, password_hash) values (?, ?, 'x')`).run(`${name.replace(/\W/g, "")}@sup.test`, name)
      .lastInsertRowid,
  );
  c.prepare(`insert into memberships (user_id, program_id, role) values (?, ?, 'supervisor')`).run(id, programId);
  return id;
}

// One more supervisor than the select shows, each with a youth; two named "Quinn".
const supervisors = Array.from({ length: SUPERVISOR_LIST_MAX + 1 }, (_, i) =>
  supervisorIn(big.id, i === 0 ? "Quinn Alvarez" : i === 1 ? "Quinn Baptiste" : `Supervisor ${String(i).padStart(3, "0")}`),
);
const youthOf = supervisors.map((s) => createYouth(db, { programId: big.id, supervisorId: s }).id);
// The small program: two supervisors, one of them also called Quinn.
const smallQuinn = supervisorIn(small.id, "Quinn Elsewhere");
createYouth(db, { programId: small.id, supervisorId: smallQuinn });
createYouth(db, { programId: small.id, supervisorId: supervisorIn(small.id, "Pat Smallfield") });

const viewerOf = (u: { id: number; name: string; email: string }, programId: number): Viewer => ({
  sessionId: "t",
  userId: u.id,
  name: u.name,
  email: u.email,
  programId,
  programName: "",
  timeZone: "America/Los_Angeles",
  role: "program_lead",
});
const leadViewer = viewerOf(lead, big.id);

describe("the supervisor filter", () => {
  it("is a select of every supervisor in a small program, and a name field in a network", () => {
    const few = supervisorFilterOptions(viewerOf(smallLead, small.id), db);
    expect(few.supervisorByName).toBe(false);
    expect(few.supervisors.map((s) => s.name)).toEqual(["Pat Smallfield", "Quinn Elsewhere"]);

    const many = supervisorFilterOptions(leadViewer, db);
    expect(many).toEqual({ supervisors: [], supervisorByName: true, supervisorChosen: null });
    // Chosen by id (a caseload link): the name to show; never a user of another program.
    expect(supervisorFilterOptions(leadViewer, db, supervisors[5]).supervisorChosen).toEqual({
      id: supervisors[5],
      name: "Supervisor 005",
    });
    expect(supervisorFilterOptions(leadViewer, db, smallQuinn).supervisorChosen).toBeNull();
  });

  it("sends no list of supervisors with the network's youth list, and filters it by part of a name", async () => {
    const page = (await callRoute(youthListLoader, await getAs(db, "lead@network.test", "/youth?supervisorName=quinn"))) as {
      list: { filterOptions: { supervisors: unknown[] }; rows: { id: number }[]; total: number };
    };
    expect(page.list.filterOptions.supervisors).toEqual([]);
    expect(page.list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([youthOf[0], youthOf[1]]);
    expect(JSON.stringify(page)).not.toContain("Supervisor 007");
    const one = listYouthForViewer(leadViewer, {
      page: 1,
      size: 25,
      sort: { id: "name", desc: false },
      caseStatus: "open",
      supervisorName: "Baptiste",
    });
    expect(one.rows.map((r) => r.id)).toEqual([youthOf[1]]);
  });

  it("filters the reports by part of a name, as by the same supervisor's id", async () => {
    const period = { kind: "custom", from: "2026-01-01", to: "2026-01-31" } as const;
    const byName = getReports(leadViewer, { period, supervisorName: "Baptiste" }, db);
    const byId = getReports(leadViewer, { period, supervisorId: supervisors[1] }, db);
    expect(byName.sections).toEqual(byId.sections);
    expect(findReportTable(byName, "youth-without-contact")!.rows).toEqual(findReportTable(byId, "youth-without-contact")!.rows);
    const page = (await callRoute(reportsLoader, await getAs(db, "lead@network.test", "/reports?supervisorName=Quinn"))) as {
      values: { supervisorName: string };
      options: { supervisors: unknown[]; supervisorByName: boolean };
    };
    expect(page.values.supervisorName).toBe("Quinn");
    expect(page.options).toMatchObject({ supervisors: [], supervisorByName: true });
  });
});

describe("/people/:kind, the name field's suggestions", () => {
  const suggest = async (email: string, url: string, kind = "supervisors") =>
    callRoute(peopleLoader, await getAs(db, email, url), { kind });
  const json = async (result: Awaited<ReturnType<typeof suggest>>) =>
    (await (result as Response).json()) as { people: { id: number; name: string }[] };

  it("gives a lead the first few of their program's supervisors or advocates whose name contains the text", async () => {
    expect(await json(await suggest("lead@network.test", "/people/supervisors?q=quinn"))).toEqual({
      people: [
        { id: supervisors[0], name: "Quinn Alvarez" },
        { id: supervisors[1], name: "Quinn Baptiste" },
      ],
    });
    // At most ten, by name.
    const many = await json(await suggest("lead@network.test", "/people/supervisors?q=Supervisor"));
    expect(many.people.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Supervisor ${String(i + 2).padStart(3, "0")}`));
    // One letter suggests nobody; a name with a LIKE wildcard matches only itself.
    expect(await json(await suggest("lead@network.test", "/people/supervisors?q=q"))).toEqual({ people: [] });
    expect(await json(await suggest("lead@network.test", "/people/supervisors?q=%25%25"))).toEqual({ people: [] });
    // Advocates: only those currently assigned to a youth of the program (none here).
    expect(await json(await suggest("lead@network.test", "/people/advocates?q=adv", "advocates"))).toEqual({ people: [] });
  });

  it("never suggests another program's people", async () => {
    const other = await json(await suggest("lead@small.test", "/people/supervisors?q=quinn"));
    expect(other.people).toEqual([{ id: smallQuinn, name: "Quinn Elsewhere" }]);
  });

  it("refuses those who do not see the whole program, and an unknown kind is a 404", async () => {
    void advocate;
    void supervisor;
    expect(statusOf(await suggest("adv@network.test", "/people/supervisors?q=quinn"))).toBe(403);
    expect(statusOf(await suggest("sup@network.test", "/people/supervisors?q=quinn"))).toBe(403);
    expect(statusOf(await suggest("admin@network.test", "/people/supervisors?q=quinn"))).toBe(403);
    expect(statusOf(await suggest("lead@network.test", "/people/users?q=quinn", "users"))).toBe(404);
    expect(statusOf(await suggest("lead@network.test", "/people/constructor?q=quinn", "constructor"))).toBe(404);
  });
});
