/**
 * Several programs (issue 12): a user with memberships in two programs works in one at a time,
 * switches from the account menu (the membership is checked again, the session is replaced),
 * and sees only the chosen program's records on every list.
 */
import { describe, expect, it } from "vitest";
import { loader as layoutLoader } from "~/routes/app-layout";
import { action as switchAction } from "~/routes/switch-program";
import { loader as homeLoader } from "~/routes/home";
import { loader as youthListLoader } from "~/routes/youth-list";
import { loader as requestsLoader } from "~/routes/requests-queue";
import { loader as meetingsLoader } from "~/routes/meetings-list";
import { loader as actionsLoader } from "~/routes/my-actions";
import { loader as caseloadLoader } from "~/routes/caseload";
import { loader as prepLoader } from "~/routes/prep-packets";
import { loader as reportsLoader } from "~/routes/reports";
import { loader as auditLoader } from "~/routes/audit";
import { loader as usersLoader } from "~/routes/admin-users";
import { memberships } from "../../db/schema";
import { getViewer } from "~/server/session.server";
import { demoDatabase } from "../helpers/demo-database";
import { userId } from "../helpers/db";
import { callRoute, cookieFor, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const LEAD = "lead@example.org";
const caseNumbers = (program: number) =>
  (c.prepare("select case_number as n from youth where program_id = ?").all(program) as Array<{ n: string }>).map((r) => r.n);
const programIds = c.prepare("select id from programs order by id").all() as Array<{ id: number }>;
const [p1, p2] = [programIds[0]!.id, programIds[1]!.id];

// The program lead of program one is also a program lead of program two.
db.insert(memberships)
  .values({ userId: userId(c, LEAD), programId: p2, role: "program_lead" })
  .run();

const LISTS = [
  ["/", homeLoader],
  ["/youth?size=100&status=all", youthListLoader],
  ["/requests?size=100", requestsLoader],
  ["/meetings?size=100", meetingsLoader],
  ["/actions", actionsLoader],
  ["/caseload", caseloadLoader],
  ["/prep", prepLoader],
  ["/reports?period=ytd", reportsLoader],
  ["/audit", auditLoader],
  ["/admin/users", usersLoader],
] as const;

async function everyList(cookie: string): Promise<string> {
  const parts: string[] = [];
  for (const [url, loader] of LISTS) {
    const result = await callRoute(loader, new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }));
    expect(statusOf(result), url).toBe(200);
    parts.push(JSON.stringify(result));
  }
  return parts.join("\n");
}

async function switchTo(cookie: string, program: number) {
  const body = new URLSearchParams({ programId: String(program) });
  return callRoute(
    switchAction,
    new Request("http://localhost/switch-program", {
      method: "POST",
      body,
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
}
const cookieOf = (response: unknown) => (response as Response).headers.get("Set-Cookie")!.split(";")[0]!;

describe("working in one of several programs", () => {
  it("the account menu offers the other program; switching replaces the session with one for that program", async () => {
    const cookie = await cookieFor(db, LEAD);
    const layout = (await callRoute(layoutLoader, new Request("http://localhost/", { headers: { Cookie: cookie } }))) as {
      otherPrograms: Array<{ id: number }>;
    };
    expect(layout.otherPrograms.map((p) => p.id)).toEqual([p2]);
    const before = (await getViewer(new Request("http://localhost/", { headers: { Cookie: cookie } }), db))!;
    expect(before.programId).toBe(p1);

    const switched = await switchTo(cookie, p2);
    expect(statusOf(switched)).toBe(302);
    const next = cookieOf(switched);
    const after = (await getViewer(new Request("http://localhost/", { headers: { Cookie: next } }), db))!;
    expect(after.programId).toBe(p2);
    // The old session is gone: the cookie it was in signs in nobody.
    expect(await getViewer(new Request("http://localhost/", { headers: { Cookie: cookie } }), db)).toBeNull();
    expect(c.prepare("select program_id from audit_events where action = 'session.switch_program' order by id desc limit 1").get()).toEqual(
      { program_id: p2 },
    );
  });

  it("a program the user is not a member of, or a removed membership, is refused", async () => {
    const advocate = await cookieFor(db, "advocate@example.org");
    expect(statusOf(await switchTo(advocate, p2))).toBe(404);
    expect(statusOf(await switchTo(advocate, 999))).toBe(404);
    expect(statusOf(await switchTo(advocate, p1))).toBe(404);
    // A session in a program whose membership is removed stops working on its next request.
    const cookie = await cookieFor(db, LEAD);
    const inTwo = cookieOf(await switchTo(cookie, p2));
    const membership = c.prepare("select id from memberships where user_id = ? and program_id = ?").get(userId(c, LEAD), p2) as {
      id: number;
    };
    c.prepare("delete from memberships where id = ?").run(membership.id);
    expect(await getViewer(new Request("http://localhost/", { headers: { Cookie: inTwo } }), db)).toBeNull();
    expect(statusOf(await switchTo(await cookieFor(db, LEAD), p2))).toBe(404);
    db.insert(memberships)
      .values({ userId: userId(c, LEAD), programId: p2, role: "program_lead" })
      .run();
  });

  it("every list shows only the chosen program's records", async () => {
    const inOne = await cookieFor(db, LEAD);
    const inTwo = cookieOf(await switchTo(await cookieFor(db, LEAD), p2));
    const [listsOne, listsTwo] = [await everyList(inOne), await everyList(inTwo)];
    const [numbersOne, numbersTwo] = [caseNumbers(p1), caseNumbers(p2)];
    expect(numbersOne.some((n) => listsOne.includes(n))).toBe(true);
    expect(numbersTwo.some((n) => listsTwo.includes(n))).toBe(true);
    for (const n of numbersTwo) expect(listsOne.includes(n), `${n} (program two) in program one's lists`).toBe(false);
    for (const n of numbersOne) expect(listsTwo.includes(n), `${n} (program one) in program two's lists`).toBe(false);
    // Staff too: program one's supervisor is not on program two's people list, and the reverse.
    expect(listsTwo).not.toContain("supervisor@example.org");
    expect(listsOne).not.toContain("supervisor@second.example.org");
  });
});
