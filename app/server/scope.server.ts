/**
 * Which youth a viewer may see, decided here and nowhere else.
 *
 * An advocate sees the youth currently assigned to them, a supervisor the youth they currently
 * supervise, a program lead every youth of the program, an admin no case content at all. A youth
 * outside scope answers 404, never 403, so that an id reveals nothing about whether it exists.
 */
import { data } from "react-router";
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { youth, youthAssignments, youthCsecStatus } from "../../db/schema";
import { CSEC_STATUSES, csecSensitiveVisible, type CsecAudience, type CsecStatus } from "../domain/csec";
import {
  can,
  csecAudienceOf as audienceOfRole,
  ROLE_PERMISSIONS,
  seesCaseContent,
  youthScopeOf,
  type Permission,
  type PermissionMap,
} from "../domain/permissions";
import { getDb, type DbOrTx } from "./db.server";
import type { Viewer } from "./session.server";

/** Where a query finds the youth: the `youth` table itself, or a case record's own columns. */
export type YouthColumns = { youthId: SQLWrapper; programId: SQLWrapper };
const YOUTH_TABLE: YouthColumns = { youthId: youth.id, programId: youth.programId };

/**
 * The SQL condition for the viewer's scope, on `youth` or on any record that carries the youth's
 * id and program (so a list of requests need not join `youth` to be scoped). Admins have none:
 * guard with `requireCaseAccess`.
 */
export function youthScopeCondition(viewer: Viewer, on: YouthColumns = YOUTH_TABLE, permissions: PermissionMap = ROLE_PERMISSIONS): SQL {
  const inProgram = sql`${on.programId} = ${viewer.programId}`;
  const scope = youthScopeOf(viewer.role, permissions);
  switch (scope.kind) {
    case "program":
      return inProgram;
    case "assigned":
      // An IN list lets SQLite start from the user's few assignments, not the whole program.
      return and(
        inProgram,
        sql`${on.youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
          where ${youthAssignments.userId} = ${viewer.userId}
            and ${inArray(youthAssignments.kind, [...scope.as])}
            and ${youthAssignments.endedOn} is null)`,
      )!;
    case "none":
      // Matches nothing; `requireCaseAccess` stops admins before a query is ever built.
      return sql`0`;
  }
}

/** 403 for roles that never see case content (admins), with a message that says why. */
export function requireCaseAccess(viewer: Viewer): void {
  if (!seesCaseContent(viewer.role)) {
    throw data({ message: "Administrators manage users and settings and, by design, see no case content." }, { status: 403 });
  }
}

/** The viewer's relation to youth in their scope, for the CSEC rule (from their permissions). */
export function csecAudienceOf(viewer: Viewer): CsecAudience {
  return audienceOfRole(viewer.role);
}

export function notFound(what = "Page"): never {
  throw data({ message: `${what} not found.` }, { status: 404 });
}

declare const inScope: unique symbol;

/**
 * Proof that a youth is in the viewer's scope, with what the CSEC rule needs about it. Only
 * `requireYouthInScope` makes one, so a server function that takes it cannot be called for a
 * youth the viewer may not see. `csecStatus` is for server-side decisions only: never send it.
 */
export type YouthInScope = {
  readonly viewer: Viewer;
  readonly youthId: number;
  readonly csecStatus: CsecStatus;
  /** The viewer's audience under the CSEC rule. */
  readonly audience: CsecAudience;
  /** Whether CSEC-sensitive records of this youth (a CSEC advocate, red flags ...) may reach the viewer. */
  readonly sensitiveVisible: boolean;
  readonly [inScope]: true;
};

/** The youth, proven in the viewer's scope; otherwise a 404 that says nothing more. */
export function requireYouthInScope(viewer: Viewer, youthId: number, db: DbOrTx = getDb()): YouthInScope {
  requireCaseAccess(viewer);
  if (!Number.isSafeInteger(youthId) || youthId <= 0) notFound("Youth");
  const row = db
    .select({ id: youth.id, status: youthCsecStatus.status })
    .from(youth)
    .leftJoin(youthCsecStatus, eq(youthCsecStatus.youthId, youth.id))
    .where(and(eq(youth.id, youthId), youthScopeCondition(viewer)))
    .get();
  if (!row) notFound("Youth");
  const audience = csecAudienceOf(viewer);
  const csecStatus = row.status ?? "none";
  return {
    viewer,
    youthId: row.id,
    csecStatus,
    audience,
    sensitiveVisible: csecSensitiveVisible(audience, csecStatus),
  } as YouthInScope;
}

/** 403 with a message when the viewer's role does not allow the action at all. */
export function requirePermission(viewer: Viewer, permission: Permission, message: string): void {
  if (!can(viewer.role, permission)) throw data({ message }, { status: 403 });
}

/** The youth's current CSEC status, for server-side decisions only: never return it as is. */
export function csecStatusOf(youthId: number, db: DbOrTx = getDb()): CsecStatus {
  return (
    db.select({ status: youthCsecStatus.status }).from(youthCsecStatus).where(eq(youthCsecStatus.youthId, youthId)).get()?.status ?? "none"
  );
}

/**
 * A condition (on `youth`) under which CSEC-sensitive records of a youth may reach this audience,
 * derived from the one CSEC rule; undefined when they always may.
 */
export function csecSensitiveAllowedSql(audience: CsecAudience, youthId: SQLWrapper = youth.id): SQL | undefined {
  const statuses = CSEC_STATUSES.filter((s) => csecSensitiveVisible(audience, s));
  if (statuses.length === CSEC_STATUSES.length) return undefined;
  if (statuses.length === 0) return sql`0`;
  return sql`coalesce((select ${youthCsecStatus.status} from ${youthCsecStatus} where ${youthCsecStatus.youthId} = ${youthId}), 'none') in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** A positive integer id from a URL segment, or a 404 (an id that is not a number exists nowhere). */
export function idParam(value: string | undefined, what = "Page"): number {
  if (!value || !/^[1-9]\d{0,15}$/.test(value)) notFound(what);
  return Number(value);
}

/**
 * The guard of every write about one youth, before its form is even read: 404 outside scope,
 * then 403 when the role may not do this at all.
 */
export function requireYouthWrite(
  viewer: Viewer,
  youthId: number,
  permission: Permission,
  message: string,
  db: DbOrTx = getDb(),
): YouthInScope {
  const inScope = requireYouthInScope(viewer, youthId, db);
  requirePermission(viewer, permission, message);
  return inScope;
}
