/**
 * The people who can own an action item or attend a meeting about a youth: the team members the
 * viewer may see, and the program's users on the case (its advocates, supervisors, the leads).
 */
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { caseParties, memberships, users, youthAssignments } from "../../db/schema";
import { youthScopeOf } from "../domain/permissions";
import { ROLE_SHORT_LABELS, ROLES } from "../domain/roles";
import { partyRoleLabel, partyWithRole } from "../domain/youth";
import { getDb, type DbOrTx } from "./db.server";
import { partiesShownTo } from "./parties.server";
import type { YouthInScope } from "./scope.server";

/** Roles on every case of the program (program leads): always among the people to pick. */
const PROGRAM_WIDE_ROLES = ROLES.filter((r) => youthScopeOf(r).kind === "program");

export type OwnerOption = { value: string; label: string };
export type PersonChoice = { key: string; label: string };

/** Team roles present on the youth (as owners) and the users who may own or attend. */
export function peopleForYouth(inScope: YouthInScope, db: DbOrTx = getDb()) {
  const { viewer, youthId } = inScope;
  const parties = db
    .select({ id: caseParties.id, role: caseParties.role, name: caseParties.name, email: caseParties.email })
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), isNull(caseParties.endedOn), partiesShownTo(inScope)))
    .all();
  // The program's members in a program-wide role, and those assigned to this youth now: two
  // index lookups. (Joining every member of the program to the youth's assignments read the whole
  // staff, ~43,000 memberships at 200,000 youth: 23 ms of each youth page, meeting and packet.)
  const assigned = db
    .select({ userId: youthAssignments.userId })
    .from(youthAssignments)
    .where(and(eq(youthAssignments.youthId, youthId), isNull(youthAssignments.endedOn)));
  const programUsers = db
    .selectDistinct({ id: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.programId, viewer.programId),
        isNull(users.disabledAt),
        or(inArray(memberships.role, PROGRAM_WIDE_ROLES), inArray(memberships.userId, assigned)),
      ),
    )
    .orderBy(asc(users.name))
    .all();
  // A team member who is also one of these users (the CASA advocate on the team is the program's
  // advocate) is one person: listed once, as the user, with their team role beside it.
  const userOf = (p: (typeof parties)[number]) =>
    programUsers.find((u) => (p.email && u.email === p.email.trim().toLowerCase()) || (!p.email && u.name === p.name));
  const teamRolesOf = (userId: number) => parties.filter((p) => userOf(p)?.id === userId).map((p) => partyRoleLabel(p.role));
  const outsideParties = parties.filter((p) => !userOf(p));
  return {
    attendees: [
      ...outsideParties.map((p) => ({ key: `party:${p.id}`, label: partyWithRole(p.name, p.role) })),
      ...programUsers.map((u) => ({
        key: `user:${u.id}`,
        label: `${u.name} (${[ROLE_SHORT_LABELS[u.role], ...teamRolesOf(u.id)].join("; ")})`,
      })),
    ] satisfies PersonChoice[],
    owners: [
      // A role held only by users listed below would name them twice: the user entry stands for it.
      ...[...new Set(outsideParties.map((p) => p.role))].map((r) => ({
        value: `role:${r}`,
        label: `${partyRoleLabel(r)} (${parties
          .filter((p) => p.role === r)
          .map((p) => p.name)
          .join(", ")})`,
      })),
      ...programUsers.map((u) => ({ value: `user:${u.id}`, label: u.name })),
    ] satisfies OwnerOption[],
  };
}
