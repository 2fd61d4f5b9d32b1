/**
 * Caseloads: one row per open youth with what needs attention (missing now, overdue actions,
 * stale contacts, pending requests, the next meeting, concerns awaiting review), and the same
 * figures summed per supervisor (a program lead's view) and per advocate (a supervisor's).
 *
 * Each figure is a correlated SQL expression owned by the module of its record kind, which
 * applies that kind's CSEC rule; this module only puts them side by side. Sorting and paging
 * happen in SQL; youth missing now come first whatever the sort.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { memberships, users, youth, youthAssignments } from "../../db/schema";
import { youthScopeOf } from "../domain/permissions";
import { displayName } from "../domain/youth";
import { overdueActionCountSql } from "./action-items.server";
import { staleContactCountSql, staleCutoffs } from "./contacts.server";
import { concernsAwaitingReviewSql } from "./csec.server";
import { getDb, readTransaction, type DbOrTx } from "./db.server";
import { missingClocks, type MissingClock } from "./episodes.server";
import { nextMeetingKeySql } from "./meetings.server";
import { pendingRequestCountSql } from "./requests.server";
import { requireCaseAccess } from "./scope.server";
import type { Viewer } from "./session.server";
import {
  countYouthForViewer,
  missingFirstPage,
  missingNowCondition,
  youthListWhere,
  type PersonOption,
  type YouthFilters,
} from "./youth.server";

export const CASELOAD_SORTABLE = [
  "name",
  "advocate",
  "overdueActions",
  "staleContacts",
  "pendingRequests",
  "nextMeeting",
  "concerns",
] as const;
export type CaseloadSortField = (typeof CASELOAD_SORTABLE)[number];

export type CaseloadRow = {
  id: number;
  name: string;
  advocates: PersonOption[];
  missing: MissingClock | null;
  overdueActions: number;
  /** Core contacts past the program's threshold: the youth, CSW, attorney, CLC case manager (0-4). */
  staleContacts: number;
  pendingRequests: number;
  nextMeeting: { id: number; scheduledAt: string } | null;
  /** Concerns awaiting review; absent for a viewer who may not know of concerns. */
  concerns?: number;
};

export type Caseload = {
  rows: CaseloadRow[];
  total: number;
  page: number;
  size: number;
  /** Whether the concerns column exists for this viewer (the CSEC rule). */
  showsConcerns: boolean;
};

export type CaseloadQuery = { page: number; size: number; sort: { id: string; desc: boolean }; supervisorId?: number };

/** The sort fields this viewer may use: never the concerns column for one who may not see it. */
export function caseloadSortable(viewer: Viewer): readonly CaseloadSortField[] {
  return concernsAwaitingReviewSql(viewer, youth.id) ? CASELOAD_SORTABLE : CASELOAD_SORTABLE.filter((f) => f !== "concerns");
}

/** The youth a caseload holds: open cases in the viewer's scope (one supervisor's, if asked). */
function caseloadFilters(query: { supervisorId?: number }): YouthFilters {
  return { caseStatus: "open", supervisorId: query.supervisorId };
}

const advocatePairs = sql<string | null>`(select group_concat(pair, char(31)) from (
  select ${users.id} || char(30) || ${users.name} as pair from ${youthAssignments}
  join ${users} on ${users.id} = ${youthAssignments.userId}
  where ${youthAssignments.youthId} = ${youth.id} and ${youthAssignments.kind} = 'advocate'
    and ${youthAssignments.endedOn} is null
  order by ${users.name}))`;

/**
 * A select field of a query from one table keeps its columns' table names only when nested:
 * drizzle writes the top-level columns of such a field bare, and a bare `id` inside a
 * correlated subquery would mean the subquery's own table.
 */
function qualified<T>(expr: SQL<T>): SQL<T> {
  return sql<T>`${expr}`;
}

function parsePairs(text: string | null): PersonOption[] {
  if (!text) return [];
  return text.split("\u001f").map((pair) => {
    const [id, name] = pair.split("\u001e");
    return { id: Number(id), name: name ?? "" };
  });
}

function parseMeetingKey(key: string | null): CaseloadRow["nextMeeting"] {
  if (!key) return null;
  const at = key.lastIndexOf("|");
  return { scheduledAt: key.slice(0, at), id: Number(key.slice(at + 1)) };
}

export function listCaseload(viewer: Viewer, query: CaseloadQuery, db: DbOrTx = getDb()): Caseload {
  requireCaseAccess(viewer);
  const filters = caseloadFilters(query);
  const where = youthListWhere(viewer, filters, db);
  const cutoffs = staleCutoffs(viewer, db);
  const figures = {
    overdueActions: overdueActionCountSql(viewer, youth.id),
    staleContacts: staleContactCountSql(cutoffs),
    pendingRequests: pendingRequestCountSql(viewer, youth.id),
    nextMeeting: nextMeetingKeySql(viewer, youth.id),
  };
  const concerns = concernsAwaitingReviewSql(viewer, youth.id);
  const sortable = caseloadSortable(viewer) as readonly string[];
  const field = (sortable.includes(query.sort.id) ? query.sort.id : "name") as CaseloadSortField;
  const dir = query.sort.desc ? desc : asc;
  const byName = [asc(youth.lastName), asc(youth.firstName), asc(youth.id)];
  const order: Record<CaseloadSortField, SQL[]> = {
    name: [dir(youth.lastName), dir(youth.firstName), dir(youth.id)],
    advocate: [dir(youth.sortAdvocate), ...byName],
    overdueActions: [dir(figures.overdueActions), ...byName],
    staleContacts: [dir(figures.staleContacts), ...byName],
    pendingRequests: [dir(figures.pendingRequests), ...byName],
    // Youth without an upcoming meeting last, whichever the direction.
    nextMeeting: [sql`${figures.nextMeeting} is null`, dir(figures.nextMeeting), ...byName],
    concerns: concerns ? [dir(concerns), ...byName] : byName,
  };

  return readTransaction(db, (tx) => {
    // The youth list's own count of the same filters.
    const total = countYouthForViewer(viewer, filters, tx);
    const page = Math.min(query.page, Math.max(1, Math.ceil(total / query.size)));
    const { ids, pinned } = missingFirstPage(viewer, where, order[field], (page - 1) * query.size, query.size, tx);
    const details = ids.length
      ? tx
          .select({
            id: youth.id,
            firstName: youth.firstName,
            lastName: youth.lastName,
            advocates: qualified(advocatePairs),
            overdueActions: qualified(figures.overdueActions),
            staleContacts: qualified(figures.staleContacts),
            pendingRequests: qualified(figures.pendingRequests),
            nextMeeting: qualified(figures.nextMeeting),
            concerns: concerns ? qualified(concerns) : sql<null>`null`,
          })
          .from(youth)
          .where(inArray(youth.id, ids))
          .all()
      : [];
    const byId = new Map(details.map((d) => [d.id, d]));
    const clocks = missingClocks(pinned, tx);
    const rows = ids.map((id): CaseloadRow => {
      const d = byId.get(id)!;
      return {
        id,
        name: displayName(d),
        advocates: parsePairs(d.advocates),
        missing: clocks.get(id) ?? null,
        overdueActions: d.overdueActions,
        staleContacts: d.staleContacts,
        pendingRequests: d.pendingRequests,
        nextMeeting: parseMeetingKey(d.nextMeeting),
        ...(concerns ? { concerns: d.concerns as number } : {}),
      };
    });
    return { rows, total, page, size: query.size, showsConcerns: concerns !== null };
  });
}

export type PersonCaseload = {
  person: PersonOption;
  /** Open youth in the viewer's scope assigned to this person. */
  youth: number;
  missingNow: number;
  /** Youth with at least one stale core contact. */
  staleYouth: number;
  overdueActions: number;
  pendingRequests: number;
  /** Youth with a concern awaiting review; null for a viewer who may not know of concerns. */
  concernYouth: number | null;
};

/**
 * The caseload figures summed per current advocate or supervisor of the viewer's open youth, by
 * name: one page of people (a program can have hundreds of supervisors), and how many there are.
 * Each youth figure is the total of the youth list filtered to that person (and `stale=1`).
 */
export function caseloadsByPerson(
  viewer: Viewer,
  kind: "advocate" | "supervisor",
  paging: { page: number; size: number },
  db: DbOrTx = getDb(),
): { rows: PersonCaseload[]; total: number; page: number; size: number } {
  requireCaseAccess(viewer);
  const where = youthListWhere(viewer, caseloadFilters({}), db);
  const cutoffs = staleCutoffs(viewer, db);
  const concerns = concernsAwaitingReviewSql(viewer, youth.id);
  const current = and(eq(youthAssignments.youthId, youth.id), eq(youthAssignments.kind, kind), isNull(youthAssignments.endedOn));
  // Who has such youth. Across a whole program (hundreds of supervisors, tens of thousands of
  // youth) it is quicker to ask of each member in that role whether they hold one; within a
  // caseload, to collect the people from its few youth.
  const programWide = youthScopeOf(viewer.role).kind === "program";
  const holdsOne = sql`exists (select 1 from ${youthAssignments} join ${youth} on ${youth.id} = ${youthAssignments.youthId}
    where ${youthAssignments.userId} = ${users.id} and ${youthAssignments.kind} = ${kind}
      and ${youthAssignments.endedOn} is null and ${where})`;
  const members = and(eq(memberships.programId, viewer.programId), eq(memberships.role, kind), holdsOne);
  return readTransaction(db, (tx) => {
    let total: number;
    let page: number;
    let people: Array<{ id: number; name: string }>;
    const first = (total: number) => Math.min(paging.page, Math.max(1, Math.ceil(total / paging.size)));
    if (programWide) {
      // Every member in the role who holds such a youth, by name, read once (a few thousand
      // short rows at most): counting them and then choosing the page asked the same question of
      // each member twice (2 x 12 ms at 200,000 youth).
      const all = tx
        .select({ id: users.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(members)
        .orderBy(asc(users.name), asc(users.id))
        .all();
      total = all.length;
      page = first(total);
      people = all.slice((page - 1) * paging.size, page * paging.size);
    } else {
      total =
        tx
          .select({ n: sql<number>`count(distinct ${youthAssignments.userId})` })
          .from(youth)
          .innerJoin(youthAssignments, current)
          .where(where)
          .get()?.n ?? 0;
      page = first(total);
      // The page's people first (by name), then their youth's figures.
      people = tx
        .selectDistinct({ id: users.id, name: users.name })
        .from(youth)
        .innerJoin(youthAssignments, current)
        .innerJoin(users, eq(users.id, youthAssignments.userId))
        .where(where)
        .orderBy(asc(users.name), asc(users.id))
        .limit(paging.size)
        .offset((page - 1) * paging.size)
        .all();
    }
    if (!people.length) return { rows: [], total, page, size: paging.size };
    const sums = tx
      .select({
        userId: youthAssignments.userId,
        youth: sql<number>`count(*)`,
        missingNow: sql<number>`sum(${missingNowCondition(viewer)})`,
        // Per youth here: the page's people hold few youth, and the set form reads the whole program.
        staleYouth: sql<number>`sum(${staleContactCountSql(cutoffs)} > 0)`,
        overdueActions: sql<number>`sum(${overdueActionCountSql(viewer, youth.id)})`,
        pendingRequests: sql<number>`sum(${pendingRequestCountSql(viewer, youth.id)})`,
        concernYouth: concerns ? sql<number>`sum(${concerns} > 0)` : sql<null>`null`,
      })
      .from(youth)
      .innerJoin(youthAssignments, current)
      .where(
        and(
          where,
          inArray(
            youthAssignments.userId,
            people.map((p) => p.id),
          ),
        ),
      )
      .groupBy(youthAssignments.userId)
      .all();
    const byUser = new Map(sums.map((s) => [s.userId, s]));
    const rows = people.map((person): PersonCaseload => {
      const s = byUser.get(person.id)!;
      return {
        person,
        youth: s.youth,
        missingNow: s.missingNow,
        staleYouth: s.staleYouth,
        overdueActions: s.overdueActions,
        pendingRequests: s.pendingRequests,
        concernYouth: concerns ? s.concernYouth : null,
      };
    });
    return { rows, total, page, size: paging.size };
  });
}

/** A supervisor of the viewer's program by id (for a program lead's caseload views), or null. */
export function supervisorOfProgram(viewer: Viewer, supervisorId: number, db: DbOrTx = getDb()): PersonOption | null {
  return (
    db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.programId, viewer.programId), eq(memberships.userId, supervisorId), eq(memberships.role, "supervisor")))
      .get() ?? null
  );
}
