/**
 * Youth: the list of a viewer's youth. Scope comes from scope.server.ts, the CSEC rule from
 * domain/csec.ts; nothing leaves this module before both were applied.
 */
import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { csecConcerns, memberships, placements, runawayEpisodes, users, youth, youthAssignments, youthCsecStatus } from "../../db/schema";
import { CSEC_RANK } from "../../db/youth-sort-keys";
import { csecDistinguishable, csecViewFor, type CsecStatus, type CsecView } from "../domain/csec";
import { ageOn, calendarDateIn } from "../domain/dates";
import { REPORT_DEADLINE_MS } from "../domain/episodes";
import { seesThroughAssignment, youthScopeOf, type Permission } from "../domain/permissions";
import { displayName, placementTypeLabel, type CaseStatus } from "../domain/youth";
import { getDb, readTransaction, type DbOrTx } from "./db.server";
import { hasStaleContactSql, noYouthContactSinceSql, staleCutoffs, startOfDayDaysAgo } from "./contacts.server";
import { missingClocks, missingNow, type MissingClock, type MissingNow } from "./episodes.server";
import { listPlacements, type PlacementView } from "./placements.server";
import { likeContains } from "./sql.server";
import { csecAudienceOf, requireCaseAccess, youthScopeCondition, type YouthInScope, idParam, requireYouthWrite } from "./scope.server";
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
  /** Part of an advocate's name (program leads filter by name rather than from a list). */
  advocateName?: string;
  supervisorId?: number;
  /** Part of a supervisor's name (program leads of a program with many supervisors type one). */
  supervisorName?: string;
  caseStatus: CaseStatus | "all";
  /** Only the values the viewer can tell apart are honoured; anything else is ignored. */
  csec?: string;
  /** Only youth missing right now; "ncmec_overdue": only those whose NCMEC report is overdue. */
  missingNow?: boolean | "ncmec_overdue";
  /** Only youth with a stale core contact (the youth, CSW, attorney or CLC case manager). */
  stale?: boolean;
  /** Only youth not contacted themself (by anyone of the program) in this many days. */
  noContactDays?: number;
  /** Skip the filter choices (advocates, supervisors): for a caller that shows no filters. */
  withoutFilterOptions?: boolean;
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
  /** While missing: for how long, and the reports not yet recorded ("NCMEC report ... overdue"). */
  missing: MissingClock | null;
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
    advocateByName: boolean;
  } & SupervisorFilterOptions & {
      /** The CSEC filter values this viewer may use; empty when they may use none. */
      csec: Array<"none" | "concern" | "confirmed">;
    };
};

export function assignedNames(kind: "advocate" | "supervisor") {
  return sql<string | null>`(select group_concat(name, char(31)) from (
    select ${users.name} as name from ${youthAssignments}
    join ${users} on ${users.id} = ${youthAssignments.userId}
    where ${youthAssignments.youthId} = ${youth.id} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null
    order by ${users.name}))`;
}

/** Youth currently assigned (as advocate or supervisor) to a user: an IN list SQLite starts from. */
/** The youth (by id, `youth.id` by default) is currently assigned to the user in this role. */
export function assignedTo(kind: "advocate" | "supervisor", userId: number, youthId: SQLWrapper = youth.id): SQL {
  return sql`${youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
    where ${youthAssignments.userId} = ${userId} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null)`;
}

/**
 * Youth whose name ("first last") or case number contains `text`, in any case. Three characters
 * or more are looked up in the trigram index `youth_search` (migration 0028), which reads the
 * matching youth rather than testing every youth of the program; shorter text, which a trigram
 * cannot hold, is matched by LIKE (letters outside ASCII then only in the case typed).
 */
export function youthMatches(text: string): SQL {
  if ([...text].length >= 3) {
    const phrase = `"${text.replace(/"/g, '""')}"`;
    return sql`${youth.id} in (select rowid from youth_search where youth_search match ${phrase})`;
  }
  return or(likeContains(sql`(${youth.firstName} || ' ' || ${youth.lastName})`, text), likeContains(youth.caseNumber, text))!;
}

/** Youth with a current advocate whose name contains `text` (for program leads, who have many). */
export function advocateNamed(text: string, youthId: SQLWrapper = youth.id, programId: SQLWrapper = youth.programId): SQL {
  return assignedToNamed("advocate", text, youthId, programId);
}

/** Youth with a current advocate or supervisor whose name contains `text`. */
export function assignedToNamed(
  kind: "advocate" | "supervisor",
  text: string,
  youthId: SQLWrapper = youth.id,
  programId: SQLWrapper = youth.programId,
): SQL {
  return sql`${youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
    join ${users} on ${users.id} = ${youthAssignments.userId}
    where ${youthAssignments.programId} = ${programId} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null and ${likeContains(users.name, text)})`;
}

const missingSinceExpr = sql<string | null>`(select max(${runawayEpisodes.leftAt}) from ${runawayEpisodes}
  where ${runawayEpisodes.youthId} = ${youth.id} and ${runawayEpisodes.returnedAt} is null)`;

/** Youth of the viewer's program with an open runaway episode (episodes_program_open_idx). */
export function missingNowCondition(viewer: Viewer, ncmecOverdue = false): SQL {
  // The same deadline as the clocks (domain/episodes.ts): 24 elapsed hours after going missing.
  const overdue = ncmecOverdue
    ? sql` and ${runawayEpisodes.reportedToNcmecAt} is null
        and ${runawayEpisodes.leftAt} <= ${new Date(Date.now() - REPORT_DEADLINE_MS).toISOString()}`
    : sql``;
  return sql`${youth.id} in (select ${runawayEpisodes.youthId} from ${runawayEpisodes}
    where ${runawayEpisodes.programId} = ${viewer.programId} and ${runawayEpisodes.returnedAt} is null${overdue})`;
}

/**
 * The CSEC status as an ordering/filtering key the viewer is allowed to see: for a viewer who may
 * not know of concerns it only separates confirmed from not confirmed, so neither a sort order
 * nor a filter can single out a youth with a concern.
 */
function csecKeyFor(viewer: Viewer): SQL {
  // youth.sort_csec is the status's rank (CSEC_RANK), kept by triggers.
  return csecDistinguishable(csecAudienceOf(viewer)) === "all"
    ? sql`${youth.sortCsec}`
    : sql`case when ${youth.sortCsec} = ${CSEC_RANK.confirmed} then ${CSEC_RANK.confirmed} else ${CSEC_RANK.none} end`;
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

/**
 * One page of the viewer's youth. Two steps inside one read transaction: the page's ids (only
 * what filtering and ordering need, so skipped rows cost little), then the display columns for
 * those ids alone.
 */
/** What the list's filters select (scope included): the rows a page is chosen from, and counted. */
export type YouthFilters = Omit<YouthListQuery, "page" | "size" | "sort">;

export function youthListWhere(viewer: Viewer, query: YouthFilters, db: DbOrTx): SQL {
  const conditions: SQL[] = [youthScopeCondition(viewer)];

  if (query.caseStatus !== "all") conditions.push(eq(youth.caseStatus, query.caseStatus));
  const q = query.q?.trim();
  if (q) {
    conditions.push(youthMatches(q));
  }
  // The current placement's type is kept on the youth (sort_placement, db/youth-sort-keys.ts): a
  // program's youth in one kind of placement are an index range, in name order, that stops at the
  // page (a set of every such placement took 20 ms of a lead's page at the 50k seed).
  if (query.placement) conditions.push(eq(youth.sortPlacement, query.placement));
  if (query.advocateId) conditions.push(assignedTo("advocate", query.advocateId));
  if (query.advocateName?.trim()) conditions.push(advocateNamed(query.advocateName.trim()));
  if (query.supervisorId) conditions.push(assignedTo("supervisor", query.supervisorId));
  if (query.supervisorName?.trim()) conditions.push(assignedToNamed("supervisor", query.supervisorName.trim()));
  const csecValues = csecFilterValues(viewer) as readonly string[];
  if (query.csec && csecValues.includes(query.csec)) {
    // The kept rank (0 none, 1 concern, 2 confirmed; db/youth-sort-keys.ts): an index range of the
    // program's youth, in name order. "None" is offered only to viewers who may tell every status apart.
    conditions.push(eq(youth.sortCsec, CSEC_RANK[query.csec as CsecStatus]));
  }
  if (query.missingNow) conditions.push(missingNowCondition(viewer, query.missingNow === "ncmec_overdue"));
  if (query.stale) {
    conditions.push(hasStaleContactSql(staleCutoffs(viewer, db)));
  }
  if (query.noContactDays !== undefined) {
    conditions.push(noYouthContactSinceSql(startOfDayDaysAgo(query.noContactDays, viewer.timeZone)));
  }
  return and(...conditions)!;
}

/** How many youth the list would show with these filters (its `total`), without building a page. */
export function countYouthForViewer(viewer: Viewer, filters: YouthFilters, db: DbOrTx = getDb()): number {
  requireCaseAccess(viewer);
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(youth)
      .where(youthListWhere(viewer, filters, db))
      .get()?.n ?? 0
  );
}

/**
 * One page of youth ids from `where`: youth missing right now first whatever the order (longest
 * missing first), then the rest in `order`; the page is a window onto that concatenation. The
 * missing are few, so they are read apart, and the rest keep an ordering the indexes can serve.
 * `pinned` are the page's missing youth.
 */
export function missingFirstPage(
  viewer: Viewer,
  where: SQL,
  order: SQL[],
  offset: number,
  size: number,
  tx: DbOrTx,
): { ids: number[]; pinned: number[] } {
  const missing = tx
    .select({ id: youth.id })
    .from(youth)
    .where(and(where, missingNowCondition(viewer)))
    .orderBy(asc(missingSinceExpr), asc(youth.id))
    .all()
    .map((r) => r.id);
  const pinned = missing.slice(offset, offset + size);
  const restLimit = size - pinned.length;
  const rest =
    restLimit > 0
      ? tx
          .select({ id: youth.id })
          .from(youth)
          .where(missing.length ? and(where, notInArray(youth.id, missing)) : where)
          .orderBy(...order)
          .limit(restLimit)
          .offset(Math.max(0, offset - missing.length))
          .all()
          .map((r) => r.id)
      : [];
  return { ids: [...pinned, ...rest], pinned };
}

export function listYouthForViewer(viewer: Viewer, query: YouthListQuery, db: DbOrTx = getDb()): YouthList {
  requireCaseAccess(viewer);
  const where = youthListWhere(viewer, query, db);

  const dir = query.sort.desc ? desc : asc;
  const sortField = (YOUTH_SORTABLE as readonly string[]).includes(query.sort.id) ? (query.sort.id as YouthSortField) : "name";
  const sortExpr: Record<YouthSortField, SQL[]> = {
    name: [dir(youth.lastName), dir(youth.firstName)],
    // Older first for "age descending" means earlier dates of birth first.
    age: [query.sort.desc ? asc(youth.dateOfBirth) : desc(youth.dateOfBirth)],
    caseNumber: [dir(youth.caseNumber)],
    // Keys kept by triggers (db/youth-sort-keys.ts), each with an index that serves the order.
    placement: [dir(youth.sortPlacement)],
    advocate: [dir(youth.sortAdvocate)],
    supervisor: [dir(youth.sortSupervisor)],
    csec: [dir(csecKeyFor(viewer))],
  };
  // Ties broken by name, then id, so that paging is stable.
  const tieBreak = sortField === "name" ? [asc(youth.id)] : [asc(youth.lastName), asc(youth.firstName), asc(youth.id)];

  const { total, page, raw, clocks } = readTransaction(db, (tx) => {
    const total = countYouthForViewer(viewer, query, tx);
    const lastPage = Math.max(1, Math.ceil(total / query.size));
    const page = Math.min(query.page, lastPage);
    const { ids, pinned } = missingFirstPage(viewer, where, [...sortExpr[sortField], ...tieBreak], (page - 1) * query.size, query.size, tx);
    const details = ids.length
      ? tx
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
            csecStatus: sql<CsecStatus>`coalesce(${youthCsecStatus.status}, 'none')`,
            csecBasis: youthCsecStatus.basis,
            csecBasisOn: youthCsecStatus.basisOn,
            csecChangedAt: youthCsecStatus.changedAt,
            viewerOpenConcernRaisedAt: sql<string | null>`(select min(${csecConcerns.raisedAt}) from ${csecConcerns}
              where ${csecConcerns.youthId} = ${youth.id} and ${csecConcerns.raisedByUserId} = ${viewer.userId}
                and ${csecConcerns.reviewStatus} = 'under_review')`,
          })
          .from(youth)
          .leftJoin(placements, and(eq(placements.youthId, youth.id), isNull(placements.endedOn)))
          .leftJoin(youthCsecStatus, eq(youthCsecStatus.youthId, youth.id))
          .where(inArray(youth.id, ids))
          .all()
      : [];
    const byId = new Map(details.map((d) => [d.id, d]));
    const clocks = missingClocks(pinned, tx);
    return { total, page, raw: ids.map((id) => byId.get(id)!), clocks };
  });
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
    missing: clocks.get(r.id) ?? null,
    advocates: r.advocates ? r.advocates.split("\u001f") : [],
    supervisors: r.supervisors ? r.supervisors.split("\u001f") : [],
    csec: csecViewFor(audience, {
      status: r.csecStatus,
      basis: r.csecBasis,
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
    filterOptions: query.withoutFilterOptions
      ? {
          advocates: [],
          advocateByName: false,
          supervisors: [],
          supervisorByName: false,
          supervisorChosen: null,
          csec: csecFilterValues(viewer),
        }
      : {
          ...advocateFilterOptions(viewer, db),
          ...supervisorFilterOptions(viewer, db, query.supervisorId),
          csec: csecFilterValues(viewer),
        },
  };
}

/**
 * How a list lets the viewer filter by advocate: a supervisor picks from the advocates of their
 * caseload; a program lead, who may have thousands, types a name instead.
 */
export function advocateFilterOptions(viewer: Viewer, db: DbOrTx): { advocates: PersonOption[]; advocateByName: boolean } {
  return {
    advocates: seesThroughAssignment(viewer.role, "supervisor") ? advocatesOfSupervisedYouth(viewer, db) : [],
    advocateByName: youthScopeOf(viewer.role).kind === "program",
  };
}

/** The advocates currently assigned to the youth a supervisor supervises. */
export function advocatesOfSupervisedYouth(viewer: Viewer, db: DbOrTx): PersonOption[] {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(youthAssignments)
    .innerJoin(users, eq(users.id, youthAssignments.userId))
    .where(
      and(
        eq(youthAssignments.kind, "advocate"),
        isNull(youthAssignments.endedOn),
        sql`${youthAssignments.youthId} in (select ${youthAssignments.youthId} from ${youthAssignments}
          where ${youthAssignments.userId} = ${viewer.userId} and ${youthAssignments.kind} = 'supervisor'
            and ${youthAssignments.endedOn} is null)`,
      ),
    )
    .orderBy(asc(users.name))
    .all();
}

/** Up to this many supervisors, a program-wide viewer picks one from a list; with more, types a name. */
export const SUPERVISOR_LIST_MAX = 50;

export type SupervisorFilterOptions = {
  /** The program's supervisors to pick from (empty when there are too many, or the viewer filters by none). */
  supervisors: PersonOption[];
  /** The viewer types part of a name instead (with suggestions from `/people/supervisors`). */
  supervisorByName: boolean;
  /** The supervisor the list is filtered by, by id (a link from the caseload page), to show their name. */
  supervisorChosen: PersonOption | null;
};

/**
 * How a program-wide viewer filters by supervisor: from a list, or (a network with hundreds of
 * supervisors, whose select would be most of the page) by typing part of a name.
 */
export function supervisorFilterOptions(viewer: Viewer, db: DbOrTx, chosenId?: number): SupervisorFilterOptions {
  if (youthScopeOf(viewer.role).kind !== "program") return { supervisors: [], supervisorByName: false, supervisorChosen: null };
  // The distinct current supervisors in user order, from assignments_program_kind_current_idx; stops at one too many.
  const some = db.all<{ id: number }>(sql`select distinct ${youthAssignments.userId} as id from ${youthAssignments}
    where ${youthAssignments.programId} = ${viewer.programId} and ${youthAssignments.kind} = 'supervisor'
      and ${youthAssignments.endedOn} is null limit ${SUPERVISOR_LIST_MAX + 1}`);
  if (some.length <= SUPERVISOR_LIST_MAX)
    return { supervisors: supervisorsOfProgram(viewer, db), supervisorByName: false, supervisorChosen: null };
  const chosen = chosenId
    ? (db
        .select({ id: users.id, name: users.name })
        .from(users)
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.programId, viewer.programId)))
        .where(eq(users.id, chosenId))
        .get() ?? null)
    : null;
  return { supervisors: [], supervisorByName: true, supervisorChosen: chosen };
}

/**
 * The program's current advocates or supervisors whose name contains `text`, the first few by
 * name: the suggestions of a name filter (`/people/:kind`).
 */
export function assignedPeopleNamed(viewer: Viewer, kind: "advocate" | "supervisor", text: string, db: DbOrTx, limit = 10): PersonOption[] {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(currentlyAssignedUser(viewer.programId, kind), likeContains(users.name, text)))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit)
    .all();
}

/**
 * The user (a row of `users`) currently holds an assignment of `kind` in the program: from the
 * program's current assignments (assignments_program_kind_current_idx) to their users, not every
 * user of every program to a lookup of their assignments.
 */
function currentlyAssignedUser(programId: number, kind: "advocate" | "supervisor"): SQL {
  return sql`${users.id} in (select ${youthAssignments.userId} from ${youthAssignments}
    where ${youthAssignments.programId} = ${programId} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null)`;
}

/** Supervisors with a current assignment anywhere in the program. */
export function supervisorsOfProgram(viewer: Viewer, db: DbOrTx): PersonOption[] {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(currentlyAssignedUser(viewer.programId, "supervisor"))
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
  placementHistory: PlacementView[];
  advocates: Array<{ name: string; since: string }>;
  supervisors: Array<{ name: string; since: string }>;
  /** The open runaway episode, when the youth is missing now. */
  missing: MissingNow | null;
};

/** The youth's page header: who, where they live, who is assigned, whether they are missing now. */
export function getYouthOverview(inScope: YouthInScope, db: DbOrTx = getDb()): YouthOverview {
  const { viewer, youthId } = inScope;
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
  const history = listPlacements(inScope, db);
  const current = history.find((p) => !p.endedOn);
  const assigned = db
    .select({ kind: youthAssignments.kind, name: users.name, since: youthAssignments.startedOn })
    .from(youthAssignments)
    .innerJoin(users, eq(users.id, youthAssignments.userId))
    .where(and(eq(youthAssignments.youthId, youthId), isNull(youthAssignments.endedOn)))
    .orderBy(asc(users.name))
    .all();
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
    missing: missingNow(inScope, db),
  };
}

/**
 * The guard of a form page about one youth, and its heading: 404 outside the viewer's scope,
 * then 403 when the role may not do what the form does.
 */
export function requireYouthFormPage(
  viewer: Viewer,
  youthIdParam: string | undefined,
  permission: Permission,
  message: string,
  db: DbOrTx = getDb(),
): { inScope: YouthInScope; youth: { id: number; name: string } } {
  const inScope = requireYouthWrite(viewer, idParam(youthIdParam, "Youth"), permission, message, db);
  return { inScope, youth: getYouthHeading(inScope, db) };
}

/** Just enough to title a page about one youth; 404 outside scope. */
export function getYouthHeading(inScope: YouthInScope, db: DbOrTx = getDb()): { id: number; name: string } {
  const { youthId } = inScope;
  const y = db.select({ firstName: youth.firstName, lastName: youth.lastName }).from(youth).where(eq(youth.id, youthId)).get()!;
  return { id: youthId, name: displayName(y) };
}
