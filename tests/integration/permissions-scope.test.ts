/**
 * Scope is derived from the role's `read:youth:*` permissions: the SQL condition every list uses
 * follows a changed copy of the map, with no role name restated anywhere.
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ROLE_PERMISSIONS, type Permission, type PermissionMap } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import { youthScopeCondition } from "~/server/scope.server";
import type { Viewer } from "~/server/session.server";
import { demoDatabase } from "../helpers/demo-database";

const db = await demoDatabase();

function viewerFor(email: string): Viewer {
  const row = db.get<{ userId: number; programId: number; role: Role; name: string }>(sql`
    select u.id as userId, m.program_id as programId, m.role as role, u.name as name
    from users u join memberships m on m.user_id = u.id where u.email = ${email}`);
  return {
    sessionId: "test",
    email,
    name: row.name,
    userId: row.userId,
    programId: row.programId,
    programName: "",
    timeZone: "UTC",
    role: row.role,
  };
}

function youthIds(viewer: Viewer, map?: PermissionMap): number[] {
  return db
    .all<{ id: number }>(sql`select id from youth where ${youthScopeCondition(viewer, undefined, map)} order by id`)
    .map((r) => r.id);
}

const idsWhere = (where: ReturnType<typeof sql>) =>
  db.all<{ id: number }>(sql`select y.id from youth y where ${where} order by y.id`).map((r) => r.id);

function changed(role: Role, change: (p: readonly Permission[]) => Permission[]): PermissionMap {
  return { ...ROLE_PERMISSIONS, [role]: change(ROLE_PERMISSIONS[role]) };
}

describe("youthScopeCondition follows the permission map", () => {
  it("an advocate sees their assigned youth; given read:youth:program, every youth of their program", () => {
    const advocate = viewerFor("advocate@example.org");
    const assigned = idsWhere(sql`y.id in (select youth_id from youth_assignments a where a.user_id = ${advocate.userId}
      and a.kind = 'advocate' and a.ended_on is null)`);
    const program = idsWhere(sql`y.program_id = ${advocate.programId}`);
    expect(assigned.length).toBeGreaterThan(0);
    expect(program.length).toBeGreaterThan(assigned.length);
    expect(youthIds(advocate)).toEqual(assigned);
    expect(
      youthIds(
        advocate,
        changed("advocate", (p) => [...p, "read:youth:program"]),
      ),
    ).toEqual(program);
  });

  it("a program lead without read:youth:program and nothing else sees no youth at all", () => {
    const lead = viewerFor("lead@example.org");
    expect(youthIds(lead).length).toBeGreaterThan(0);
    expect(
      youthIds(
        lead,
        changed("program_lead", (p) => p.filter((x) => x !== "read:youth:program")),
      ),
    ).toEqual([]);
  });

  it("a supervisor given read:youth:assigned also sees youth they are assigned to as advocate", () => {
    const supervisor = viewerFor("supervisor@example.org");
    const supervised = youthIds(supervisor);
    const extra = idsWhere(
      sql`y.program_id = ${supervisor.programId} and y.id not in (${sql.join(
        supervised.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )[0]!;
    db.run(
      sql`insert into youth_assignments (program_id, youth_id, user_id, kind, started_on) values (${supervisor.programId}, ${extra}, ${supervisor.userId}, 'advocate', '2026-01-01')`,
    );
    expect(youthIds(supervisor)).toEqual(supervised);
    expect(
      youthIds(
        supervisor,
        changed("supervisor", (p) => [...p, "read:youth:assigned"]),
      ),
    ).toEqual([...supervised, extra].sort((a, b) => a - b));
  });
});
