import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { loader } from "~/routes/youth-list";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { getAs, settle } from "../helpers/routes";

const db = await demoDatabase();

type LoaderResult = Awaited<ReturnType<typeof loader>>;
async function listAs(email: string, query = ""): Promise<LoaderResult> {
  const request = await getAs(db, email, `/youth?size=100${query}`);
  return loader({ request, params: {}, context: {} } as never);
}

function idsWhere(where: ReturnType<typeof sql>): number[] {
  return db.all<{ id: number }>(sql`select y.id from youth y where ${where} order by y.id`).map((r) => r.id);
}

const currentlyAssigned = (email: string, kind: string) => sql`y.case_status = 'open' and exists (
  select 1 from youth_assignments a join users u on u.id = a.user_id
  where a.youth_id = y.id and a.kind = ${kind} and a.ended_on is null and u.email = ${email})`;

const programOf = (email: string) => sql`y.case_status = 'open' and y.program_id = (
  select m.program_id from memberships m join users u on u.id = m.user_id where u.email = ${email})`;

describe("/youth as each demo role", () => {
  const cases = [
    ["advocate@example.org", currentlyAssigned("advocate@example.org", "advocate")],
    ["supervisor@example.org", currentlyAssigned("supervisor@example.org", "supervisor")],
    ["lead@example.org", programOf("lead@example.org")],
    ["lead@second.example.org", programOf("lead@second.example.org")],
  ] as const;

  for (const [email, expectedScope] of cases) {
    it(`${email} sees exactly the open cases in their scope`, async () => {
      const expected = idsWhere(expectedScope);
      expect(expected.length).toBeGreaterThan(0);
      const result = await listAs(email);
      expect(result.list.total).toBe(expected.length);
      expect(result.list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    });
  }

  it("nothing crosses programs", async () => {
    const first = await listAs("lead@example.org", "&status=all");
    const second = await listAs("lead@second.example.org", "&status=all");
    const firstIds = new Set(first.list.rows.map((r) => r.id));
    expect(second.list.rows.some((r) => firstIds.has(r.id))).toBe(false);
    const secondNames = second.list.rows.map((r) => r.name);
    expect(JSON.stringify(first)).not.toContain(secondNames[0]);
    const programOneUsers = db.all<{ name: string }>(sql`select u.name from users u join memberships m on m.user_id = u.id
      where m.program_id = (select id from programs where slug = 'example-county') and m.role in ('advocate','supervisor')`);
    const secondJson = JSON.stringify(second);
    for (const u of programOneUsers) expect(secondJson).not.toContain(u.name);
  });

  it("marks the youth who is missing right now, and only that youth", async () => {
    const { list } = await listAs("advocate@example.org");
    const missing = list.rows.filter((r) => r.missingSince);
    expect(missing.map((r) => r.name)).toEqual([`${DEMO_YOUTH.missingNow.firstName} ${DEMO_YOUTH.missingNow.lastName}`]);
  });

  it("admins get a 403 that says why, not case content", async () => {
    const result = await settle(() => listAs("admin@example.org"));
    expect(result).toMatchObject({ init: { status: 403 } });
  });

  it("unauthenticated requests go to /login and come back", async () => {
    const result = await settle(() => loader({ request: new Request("http://localhost/youth?page=2"), params: {}, context: {} } as never));
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fyouth%3Fpage%3D2");
  });
});

describe("CSEC status in the list", () => {
  const nameOf = (y: { firstName: string; lastName: string }) => `${y.firstName} ${y.lastName}`;

  it("shows the advocate confirmed status with basis, their own concern as under review, and nothing else", async () => {
    const { list } = await listAs("advocate@example.org");
    const byName = new Map(list.rows.map((r) => [r.name, r.csec]));
    expect(byName.get(nameOf(DEMO_YOUTH.advocateConfirmed))).toMatchObject({ kind: "confirmed" });
    expect(byName.get(nameOf(DEMO_YOUTH.advocateOwnConcern))).toMatchObject({ kind: "own_concern" });
    expect(byName.get(nameOf(DEMO_YOUTH.advocateConcernBySomeoneElse))).toEqual({ kind: "hidden" });
    expect(byName.get(nameOf(DEMO_YOUTH.advocateNone))).toEqual({ kind: "hidden" });
    expect(list.filterOptions.csec).toEqual(["confirmed"]);
  });

  it("shows the supervisor the concern", async () => {
    const { list } = await listAs("supervisor@example.org");
    const row = list.rows.find((r) => r.name === nameOf(DEMO_YOUTH.advocateConcernBySomeoneElse));
    expect(row?.csec.kind).toBe("concern");
    expect(list.filterOptions.csec).toEqual(["none", "concern", "confirmed"]);
  });

  it("ignores a concern filter typed into the URL by an advocate", async () => {
    const all = await listAs("advocate@example.org");
    const forged = await listAs("advocate@example.org", "&csec=concern");
    expect(forged.list.total).toBe(all.list.total);
    expect(forged.filters.csec).toBe("");
    const none = await listAs("advocate@example.org", "&csec=none");
    expect(none.list.total).toBe(all.list.total);
  });

  it("filters supervisors by concern", async () => {
    const { list } = await listAs("supervisor@example.org", "&csec=concern");
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.csec.kind === "concern")).toBe(true);
  });

  it("sorting by CSEC status cannot separate a concern from none for an advocate", async () => {
    for (const dir of ["asc", "desc"]) {
      const { list } = await listAs("advocate@example.org", `&sort=csec.${dir}`);
      // Youth missing now are pinned first whatever the sort (tested below); the sort orders the rest.
      const sorted = list.rows.filter((r) => !r.missingSince);
      const confirmed = sorted.filter((r) => r.csec.kind === "confirmed").map((r) => r.name);
      const rest = sorted.filter((r) => r.csec.kind !== "confirmed").map((r) => r.name);
      // Within each group the order is by name alone: a concern gets no position of its own.
      const byName = (names: string[]) =>
        [...names].sort((a, b) => {
          const [af, al] = [a.split(" ").slice(0, -1).join(" "), a.split(" ").at(-1)!];
          const [bf, bl] = [b.split(" ").slice(0, -1).join(" "), b.split(" ").at(-1)!];
          return al.localeCompare(bl) || af.localeCompare(bf);
        });
      expect(rest).toEqual(byName(rest));
      const expected = dir === "asc" ? [...byName(rest), ...byName(confirmed)] : [...byName(confirmed), ...byName(rest)];
      expect(sorted.map((r) => r.name)).toEqual(expected);
    }
  });
});

describe("sorting, filtering and paging happen in SQL and follow the URL", () => {
  it("pages through the program without overlap", async () => {
    const request1 = await getAs(db, "lead@example.org", "/youth?size=10&page=1");
    const request2 = await getAs(db, "lead@example.org", "/youth?size=10&page=2");
    const p1 = await loader({ request: request1, params: {}, context: {} } as never);
    const p2 = await loader({ request: request2, params: {}, context: {} } as never);
    expect(p1.list.rows).toHaveLength(10);
    expect(p2.list.page).toBe(2);
    const ids1 = new Set(p1.list.rows.map((r) => r.id));
    expect(p2.list.rows.some((r) => ids1.has(r.id))).toBe(false);
  });

  it("clamps a page past the end to the last page, and ignores garbage", async () => {
    const { list } = await listAs("lead@example.org", "&page=999");
    expect(list.page).toBe(1);
    const garbage = await listAs("lead@example.org", "&page=abc&sort=password.asc&status=nope");
    expect(garbage.sort).toEqual({ id: "name", desc: false });
    expect(garbage.filters.status).toBe("open");
  });

  it("sorts by age, oldest first when descending", async () => {
    const { list } = await listAs("lead@example.org", "&sort=age.desc");
    const ages = list.rows.filter((r) => !r.missingSince).map((r) => r.age);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
  });

  it("filters by name, placement and advocate", async () => {
    const target = DEMO_YOUTH.advocateNone;
    const byName = await listAs("lead@example.org", `&q=${encodeURIComponent(target.lastName)}`);
    expect(byName.list.rows.map((r) => r.name)).toContain(`${target.firstName} ${target.lastName}`);
    expect(byName.list.rows.every((r) => r.name.toLowerCase().includes(target.lastName.toLowerCase()))).toBe(true);

    const all = await listAs("lead@example.org");
    const placement = all.list.rows.find((r) => r.placement)!.placement!.type;
    const byPlacement = await listAs("lead@example.org", `&placement=${placement}`);
    expect(byPlacement.list.total).toBeGreaterThan(0);
    expect(byPlacement.list.rows.every((r) => r.placement?.type === placement)).toBe(true);

    const advocateId = db.get<{ id: number }>(sql`select id from users where email = 'advocate@example.org'`).id;
    const byAdvocate = await listAs("lead@example.org", `&advocate=${advocateId}`);
    const mine = await listAs("advocate@example.org");
    expect(byAdvocate.list.rows.map((r) => r.id).sort()).toEqual(mine.list.rows.map((r) => r.id).sort());
  });

  it("treats LIKE wildcards in the search as plain text", async () => {
    const { list } = await listAs("lead@example.org", "&q=%25");
    expect(list.total).toBe(0);
  });
});

describe("the placement and CSEC filters read the kept keys: exactly the youth the records give", () => {
  // sort_placement and sort_csec are kept by triggers (db/youth-sort-keys.ts); the filters must
  // select exactly the open youth whose current placement, or CSEC status, is the one asked for.
  const placements = db
    .all<{ type: string }>(sql`select distinct type from placements where ended_on is null order by type`)
    .map((r) => r.type);
  for (const [email, scope] of [
    ["lead@example.org", programOf("lead@example.org")],
    ["supervisor@example.org", currentlyAssigned("supervisor@example.org", "supervisor")],
  ] as const) {
    it(`${email}: every placement type`, async () => {
      expect(placements.length).toBeGreaterThan(1);
      for (const type of placements) {
        const want = idsWhere(
          sql`${scope} and y.id in (select p.youth_id from placements p where p.type = ${type} and p.ended_on is null)`,
        );
        const { list } = await listAs(email, `&placement=${type}`);
        expect(
          list.rows.map((r) => r.id).sort((a, b) => a - b),
          type,
        ).toEqual(want);
      }
    });
    it(`${email}: concern and confirmed`, async () => {
      for (const status of ["concern", "confirmed"]) {
        const want = idsWhere(sql`${scope} and y.id in (select s.youth_id from youth_csec_status s where s.status = ${status})`);
        expect(want.length, status).toBeGreaterThan(0);
        const { list } = await listAs(email, `&csec=${status}`);
        expect(
          list.rows.map((r) => r.id).sort((a, b) => a - b),
          status,
        ).toEqual(want);
      }
    });
  }
});

describe("a youth missing now is pinned to the top, whatever the sort", () => {
  /** Youth of the lead's program with an open runaway episode, longest missing first: independent SQL. */
  const missingNow = () =>
    db
      .all<{ id: number }>(
        sql`select y.id from youth y join runaway_episodes e on e.youth_id = y.id and e.returned_at is null
          where y.case_status = 'open' and y.program_id = (select program_id from memberships m join users u on u.id = m.user_id
            where u.email = 'lead@example.org') order by e.left_at, y.id`,
      )
      .map((r) => r.id);

  for (const sort of ["name.asc", "name.desc", "age.asc", "age.desc", "caseNumber.desc", "placement.asc", "advocate.desc", "csec.desc"]) {
    it(`sorted by ${sort}: the missing come first, longest missing first, with their clocks`, async () => {
      const expected = missingNow();
      expect(expected.length).toBeGreaterThan(0);
      const { list } = await listAs("lead@example.org", `&sort=${sort}`);
      expect(list.rows.slice(0, expected.length).map((r) => r.id)).toEqual(expected);
      expect(list.rows.slice(expected.length).some((r) => r.missingSince)).toBe(false);
      for (const row of list.rows.slice(0, expected.length)) expect(row.missing?.words).toMatch(/^Missing \d/);
    });
  }

  it("pages past the pinned rows without repeating or losing any youth", async () => {
    const seen: number[] = [];
    let total = 0;
    for (let page = 1; page <= 20; page++) {
      const request = await getAs(db, "lead@example.org", `/youth?size=5&page=${page}&sort=name.desc`);
      const { list } = await loader({ request, params: {}, context: {} } as never);
      total = list.total;
      if (list.page !== page) break;
      seen.push(...list.rows.map((r) => r.id));
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(0, missingNow().length)).toEqual(missingNow());
  });

  it("?missing=now lists exactly the youth missing now", async () => {
    const { list, filters } = await listAs("lead@example.org", "&missing=now");
    expect(filters.missing).toBe(true);
    expect(list.rows.map((r) => r.id)).toEqual(missingNow());
    expect(list.total).toBe(missingNow().length);
  });
});
