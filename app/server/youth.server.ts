/**
 * Youth: the list of a viewer's youth. Scope comes from scope.server.ts, the CSEC rule from
 * domain/csec.ts; nothing leaves this module before both were applied.
 */
import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { csecConcerns, placements, runawayEpisodes, users, youth, youthAssignments, youthCsecStatus } from "../../db/schema";
import {
  csecDistinguishable,
  csecViewFor,
  type CsecBasis,
  type CsecStatus,
  type CsecView,
} from "../domain/csec";
import { ageOn, calendarDateIn } from "../domain/dates";
import { displayName, placementTypeLabel, type CaseStatus } from "../domain/youth";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "./db.server";
import { csecAudienceOf, requireCaseAccess, requireYouthInScope, youthScopeCondition } from "./scope.server";
import type { Viewer } from "./session.server";

export const YOUTH_SORTABLE = ["name", "age", "caseNumber", "placement", "advocate", "supervisor", "csec"] as const;
export type YouthSortField = (typeof YOUTH_SORTABLE)[number];

export type YouthListQuery = {
  page: number;
  size: number;
  sort: { id: string; desc: boolean };
  /** Name or case number, partial. */
  q?: string;
  placement?: string;
  advocateId?: number;
  supervisorId?: number;
  caseStatus: CaseStatus | "all";
  /** Only the values the viewer can tell apart are honoured; anything else is ignored. */
  csec?: string;
};

export type YouthListRow = {
  id: number;
  name: string;
  age: number;
  caseNumber: string;
  caseStatus: CaseStatus;
  placement: { type: string; label: string; since: string } | null;
  /** When the youth left, if they are missing right now (an open runaway episode). */
  missingSince: string | null;
  advocates: string[];
  supervisors: string[];
  csec: CsecView;
};

export type PersonOption = { id: number; name: string };

export type YouthList = {
  rows: YouthListRow[];
  total: number;
  page: number;
  size: number;
  filterOptions: {
    advocates: PersonOption[];
    supervisors: PersonOption[];
    /** The CSEC filter values this viewer may use; empty when they may use none. */
    csec: Array<"none" | "concern" | "confirmed">;
  };
};

function assignedNames(kind: "advocate" | "supervisor") {
  return sql<string | null>`(select group_concat(name, char(31)) from (
    select ${users.name} as name from ${youthAssignments}
    join ${users} on ${users.id} = ${youthAssignments.userId}
    where ${youthAssignments.youthId} = ${youth.id} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null
    order by ${users.name}))`;
}

function firstAssignedName(kind: "advocate" | "supervisor") {
  return sql`(select min(${users.name}) from ${youthAssignments}
    join ${users} on ${users.id} = ${youthAssignments.userId}
    where ${youthAssignments.youthId} = ${youth.id} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null)`;
}

function assignedTo(kind: "advocate" | "supervisor", userId: number): SQL {
  return sql`exists (select 1 from ${youthAssignments} where ${youthAssignments.youthId} = ${youth.id}
    and ${youthAssignments.kind} = ${kind} and ${youthAssignments.userId} = ${userId}
    and ${youthAssignments.endedOn} is null)`;
}

const missingSinceExpr = sql<string | null>`(select max(${runawayEpisodes.leftAt}) from ${runawayEpisodes}
  where ${runawayEpisodes.youthId} = ${youth.id} and ${runawayEpisodes.returnedAt} is null)`;

const csecStatusExpr = sql<CsecStatus>`coalesce(${youthCsecStatus.status}, 'none')`;

/**
 * The CSEC status as an ordering/filtering key the viewer is allowed to see: for a viewer who may
 * not know of concerns it only separates confirmed from not confirmed, so neither a sort order
 * nor a filter can single out a youth with a concern.
 */
function csecKeyFor(viewer: Viewer): SQL {
  return csecDistinguishable(csecAudienceOf(viewer)) === "all"
    ? sql`case ${csecStatusExpr} when 'none' then 0 when 'concern' then 1 else 2 end`
    : sql`case ${csecStatusExpr} when 'confirmed' then 2 else 0 end`;
}

function csecFilterValues(viewer: Viewer): YouthList["filterOptions"]["csec"] {
  switch (csecDistinguishable(csecAudienceOf(viewer))) {
    case "all":
      return ["none", "concern", "confirmed"];
    case "confirmed_only":
      return ["confirmed"];
    case "nothing":
      return [];
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listYouthForViewer(viewer: Viewer, query: YouthListQuery, db: Db = getDb()): YouthList {
  requireCaseAccess(viewer);
  const conditions: SQL[] = [youthScopeCondition(viewer)];

  if (query.caseStatus !== "all") conditions.push(eq(youth.caseStatus, query.caseStatus));
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(
      or(
        sql`(${youth.firstName} || ' ' || ${youth.lastName}) like ${pattern} escape '\\'`,
        like(youth.caseNumber, pattern),
      )!,
    );
  }
  if (query.placement) conditions.push(eq(placements.type, query.placement));
  if (query.advocateId) conditions.push(assignedTo("advocate", query.advocateId));
  if (query.supervisorId) conditions.push(assignedTo("supervisor", query.supervisorId));
  const csecValues = csecFilterValues(viewer) as readonly string[];
  if (query.csec && csecValues.includes(query.csec)) {
    conditions.push(sql`${csecStatusExpr} = ${query.csec}`);
  }
  const where = and(...conditions);

  const dir = query.sort.desc ? desc : asc;
  const sortExpr: Record<YouthSortField, SQL[]> = {
    name: [dir(youth.lastName), dir(youth.firstName)],
    // Older first for "age descending" means earlier dates of birth first.
    age: [query.sort.desc ? asc(youth.dateOfBirth) : desc(youth.dateOfBirth)],
    caseNumber: [dir(youth.caseNumber)],
    placement: [dir(placements.type)],
    advocate: [dir(firstAssignedName("advocate"))],
    supervisor: [dir(firstAssignedName("supervisor"))],
    csec: [dir(csecKeyFor(viewer))],
  };
  const sortField = (YOUTH_SORTABLE as readonly string[]).includes(query.sort.id)
    ? (query.sort.id as YouthSortField)
    : "name";
  // Ties broken by name, then id, so that paging is stable.
  const orderBy = [...sortExpr[sortField], asc(youth.lastName), asc(youth.firstName), asc(youth.id)];

  const base = () =>
    db
      .select({
        id: youth.id,
        firstName: youth.firstName,
        lastName: youth.lastName,
        dateOfBirth: youth.dateOfBirth,
        caseNumber: youth.caseNumber,
        caseStatus: youth.caseStatus,
        placementType: placements.type,
        placementSince: placements.startedOn,
        missingSince: missingSinceExpr,
        advocates: assignedNames("advocate"),
        supervisors: assignedNames("supervisor"),
        csecStatus: csecStatusExpr,
        csecBasis: youthCsecStatus.basis,
        csecBasisOn: youthCsecStatus.basisOn,
        csecChangedAt: youthCsecStatus.changedAt,
        viewerOpenConcernRaisedAt: sql<string | null>`(select min(${csecConcerns.raisedAt}) from ${csecConcerns}
          where ${csecConcerns.youthId} = ${youth.id} and ${csecConcerns.raisedByUserId} = ${viewer.userId}
            and ${csecConcerns.reviewStatus} = 'under_review')`,
      })
      .from(youth)
      .$dynamic();

  const total =
    withCurrentPlacementAndStatus(db.select({ n: sql<number>`count(*)` }).from(youth).$dynamic())
      .where(where)
      .get()?.n ?? 0;

  const lastPage = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, lastPage);
  const raw = withCurrentPlacementAndStatus(base())
    .where(where)
    .orderBy(...orderBy)
    .limit(query.size)
    .offset((page - 1) * query.size)
    .all();

  const audience = csecAudienceOf(viewer);
  const today = calendarDateIn(new Date(), viewer.timeZone);
  const rows: YouthListRow[] = raw.map((r) => ({
    id: r.id,
    name: displayName(r),
    age: ageOn(r.dateOfBirth, today),
    caseNumber: r.caseNumber,
    caseStatus: r.caseStatus,
    placement:
      r.placementType && r.placementSince
        ? { type: r.placementType, label: placementTypeLabel(r.placementType), since: r.placementSince }
        : null,
    missingSince: r.missingSince,
    advocates: r.advocates ? r.advocates.split("\u001f") : [],
    supervisors: r.supervisors ? r.supervisors.split("\u001f") : [],
    csec: csecViewFor(audience, {
      status: r.csecStatus,
      basis: r.csecBasis as CsecBasis | null,
      basisOn: r.csecBasisOn,
      changedAt: r.csecChangedAt,
      viewerOpenConcernRaisedAt: r.viewerOpenConcernRaisedAt,
    }),
  }));

  return {
    rows,
    total,
    page,
    size: query.size,
    filterOptions: {
      advocates: viewer.role === "advocate" ? [] : assignedPeopleInScope(viewer, "advocate", db),
      supervisors: viewer.role === "program_lead" ? assignedPeopleInScope(viewer, "supervisor", db) : [],
      csec: csecFilterValues(viewer),
    },
  };
}

/** Joins the youth's current placement and CSEC status row (both at most one per youth). */
function withCurrentPlacementAndStatus<T extends SQLiteSelect>(qb: T) {
  return qb
    .leftJoin(placements, and(eq(placements.youthId, youth.id), isNull(placements.endedOn)))
    .leftJoin(youthCsecStatus, eq(youthCsecStatus.youthId, youth.id));
}

/** The advocates (or supervisors) currently assigned to youth in the viewer's scope. */
function assignedPeopleInScope(viewer: Viewer, kind: "advocate" | "supervisor", db: Db): PersonOption[] {
  const youthInScope = db.select({ id: youth.id }).from(youth).where(youthScopeCondition(viewer));
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(youthAssignments)
    .innerJoin(users, eq(users.id, youthAssignments.userId))
    .where(
      and(
        eq(youthAssignments.kind, kind),
        isNull(youthAssignments.endedOn),
        inArray(youthAssignments.youthId, youthInScope),
      ),
    )
    .orderBy(asc(users.name))
    .all();
}

export type YouthOverview = {
  id: number;
  name: string;
  dateOfBirth: string;
  age: number;
  caseNumber: string;
  caseStatus: CaseStatus;
  placement: { type: string; label: string; description: string | null; since: string } | null;
  placementHistory: Array<{ type: string; label: string; description: string | null; startedOn: string; endedOn: string | null; endReason: string | null }>;
  advocates: Array<{ name: string; since: string }>;
  supervisors: Array<{ name: string; since: string }>;
  /** The open runaway episode, when the youth is missing now. */
  missing: {
    leftAt: string;
    leftFrom: string | null;
    reportedToLawEnforcementAt: string | null;
    reportedToNcmecAt: string | null;
  } | null;
};

/** The youth's page header: who, where they live, who is assigned, whether they are missing now. */
export function getYouthOverview(viewer: Viewer, youthId: number, db: Db = getDb()): YouthOverview {
  requireYouthInScope(viewer, youthId, db);
  const y = db
    .select({
      id: youth.id,
      firstName: youth.firstName,
      lastName: youth.lastName,
      dateOfBirth: youth.dateOfBirth,
      caseNumber: youth.caseNumber,
      caseStatus: youth.caseStatus,
    })
    .from(youth)
    .where(eq(youth.id, youthId))
    .get()!;
  const history = db
    .select({
      type: placements.type,
      description: placements.description,
      startedOn: placements.startedOn,
      endedOn: placements.endedOn,
      endReason: placements.endReason,
    })
    .from(placements)
    .where(eq(placements.youthId, youthId))
    .orderBy(desc(placements.startedOn), desc(placements.id))
    .all()
    .map((p) => ({ ...p, label: placementTypeLabel(p.type) }));
  const current = history.find((p) => !p.endedOn);
  const assigned = db
    .select({ kind: youthAssignments.kind, name: users.name, since: youthAssignments.startedOn })
    .from(youthAssignments)
    .innerJoin(users, eq(users.id, youthAssignments.userId))
    .where(and(eq(youthAssignments.youthId, youthId), isNull(youthAssignments.endedOn)))
    .orderBy(asc(users.name))
    .all();
  const episode = db
    .select({
      leftAt: runawayEpisodes.leftAt,
      leftFrom: runawayEpisodes.leftFrom,
      reportedToLawEnforcementAt: runawayEpisodes.reportedToLawEnforcementAt,
      reportedToNcmecAt: runawayEpisodes.reportedToNcmecAt,
    })
    .from(runawayEpisodes)
    .where(and(eq(runawayEpisodes.youthId, youthId), isNull(runawayEpisodes.returnedAt)))
    .orderBy(desc(runawayEpisodes.leftAt))
    .get();
  return {
    id: y.id,
    name: displayName(y),
    dateOfBirth: y.dateOfBirth,
    age: ageOn(y.dateOfBirth, calendarDateIn(new Date(), viewer.timeZone)),
    caseNumber: y.caseNumber,
    caseStatus: y.caseStatus,
    placement: current ? { type: current.type, label: current.label, description: current.description, since: current.startedOn } : null,
    placementHistory: history,
    advocates: assigned.filter((a) => a.kind === "advocate").map(({ name, since }) => ({ name, since })),
    supervisors: assigned.filter((a) => a.kind === "supervisor").map(({ name, since }) => ({ name, since })),
    missing: episode ?? null,
  };
}

/** Just enough to title a page about one youth; 404 outside scope. */
export function getYouthHeading(viewer: Viewer, youthId: number, db: Db = getDb()): { id: number; name: string } {
  requireYouthInScope(viewer, youthId, db);
  const y = db.select({ firstName: youth.firstName, lastName: youth.lastName }).from(youth).where(eq(youth.id, youthId)).get()!;
  return { id: youthId, name: displayName(y) };
}
