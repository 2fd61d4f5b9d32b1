import { asc, eq } from "drizzle-orm";
import { data } from "react-router";
import { memberships, users } from "../../db/schema";
import { can } from "../domain/permissions";
import type { Role } from "../domain/roles";
import { getDb, type Db } from "./db.server";
import type { Viewer } from "./session.server";

export type ProgramMember = { id: number; name: string; email: string; role: Role; disabled: boolean };

export function requireAdmin(viewer: Viewer): void {
  if (!can(viewer.role, "manage:users")) {
    throw data({ message: "Only administrators can see this page." }, { status: 403 });
  }
}

/** The program's users and their roles. No case content: admins never see any. */
export function listProgramMembers(viewer: Viewer, db: Db = getDb()): ProgramMember[] {
  requireAdmin(viewer);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      disabledAt: users.disabledAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.programId, viewer.programId))
    .orderBy(asc(memberships.role), asc(users.name))
    .all()
    .map(({ disabledAt, ...m }) => ({ ...m, disabled: disabledAt !== null }));
}
