/**
 * Each role's home (`/`): "who needs me today?". Every figure is the total of the list it links
 * to, computed by that list's own function with that list's own filter, so a count can never
 * differ from what its link shows, and each follows the visibility rule its list follows (a
 * concern or a CSEC-sensitive record the viewer may not see neither counts nor changes a count).
 */
import { can, csecAudienceOf, seesThroughAssignment, youthScopeOf } from "../domain/permissions";
import { csecDistinguishable } from "../domain/csec";
import { REQUEST_STATUS_LABELS } from "../domain/requests";
import { countCaseloadActions, listMyActions } from "./action-items.server";
import { caseloadsByPerson, listCaseload, type Caseload, type CaseloadQuery, type PersonCaseload } from "./caseload.server";
import { concernsAwaitingReview, ownConcernsUnderReview, type ConcernAwaitingReview } from "./csec.server";
import { getDb, readTransaction, type Db } from "./db.server";
import { listUpcomingMeetings, type MeetingRow } from "./meetings.server";
import { countRequestsByStatus, listRequestQueue, type RequestRow } from "./requests.server";
import { requireCaseAccess } from "./scope.server";
import type { Viewer } from "./session.server";
import { countYouthForViewer, listYouthForViewer, type YouthFilters, type YouthListRow } from "./youth.server";

export type HomeFigure = { key: string; label: string; count: number; href: string; urgent?: boolean };

export type Home = {
  /** Youth missing now, longest missing first, with their clocks (at most 100; the figure has them all). */
  missing: Array<Pick<YouthListRow, "id" | "name" | "missing" | "missingSince">>;
  figures: HomeFigure[];
  myActions: Awaited<ReturnType<typeof listMyActions>>;
  meetings: MeetingRow[];
  meetingTotal: number;
  ownConcerns: Array<{ youthId: number; youthName: string; raisedAt: string }>;
  canRecord: boolean;
  /** Concerns awaiting review, new since the viewer's last review first: only for those who review them. */
  concernQueue: { rows: ConcernAwaitingReview[]; total: number } | null;
  /** The viewer's own caseload, youth by youth (advocates and supervisors). */
  caseload: Caseload | null;
  /** A supervisor's figures per advocate; a program lead's per supervisor (one page). */
  people: { kind: "advocate" | "supervisor"; rows: PersonCaseload[]; total: number; page: number; size: number } | null;
  /** The requests the viewer made, newest first (those who make requests). */
  myRequests: { rows: RequestRow[]; total: number } | null;
};

/** What the home's one table shows: the caseload's sort and page, or the page of supervisors. */
export type HomeTableQuery = Omit<CaseloadQuery, "supervisorId">;

/** A youth counts as not contacted when nobody of the program has been in touch with them for this long. */
export const NO_CONTACT_DAYS = 30;

const BY_NAME = { id: "name", desc: false } as const;

function youthTotal(viewer: Viewer, filter: Omit<YouthFilters, "caseStatus">, db: Db): number {
  return countYouthForViewer(viewer, { caseStatus: "open", ...filter }, db);
}

/** The queue's total for these filters: all statuses, as the queue shows without a status tab. */
function requestTotal(viewer: Viewer, filter: { overdue?: boolean; openMoreThanDays?: number }, db: Db): number {
  return Object.values(countRequestsByStatus(viewer, filter, db)).reduce((a, b) => a + b, 0);
}

export function getHome(viewer: Viewer, table: HomeTableQuery, db: Db = getDb()): Home {
  requireCaseAccess(viewer);
  const programWide = youthScopeOf(viewer.role).kind === "program";
  const supervises = seesThroughAssignment(viewer.role, "supervisor");
  return readTransaction(db, () => {
    const missingList = listYouthForViewer(
      viewer,
      { page: 1, size: 100, sort: BY_NAME, caseStatus: "open", missingNow: true, withoutFilterOptions: true },
      db,
    );
    const missing = missingList.rows.map((r) => ({ id: r.id, name: r.name, missing: r.missing, missingSince: r.missingSince }));
    const myActions = listMyActions(viewer, { status: "open", sortDesc: false }, db);
    const meetings = listUpcomingMeetings(viewer, 14, 8, db);
    const ncmecOverdue = youthTotal(viewer, { missingNow: "ncmec_overdue" }, db);
    const concernQueue = concernsAwaitingReview(viewer, 10, db);
    const figures: HomeFigure[] = [
      { key: "youth", label: "Open cases", count: youthTotal(viewer, {}, db), href: "/youth" },
      { key: "missing", label: "Missing now", count: missingList.total, href: "/youth?missing=now", urgent: missingList.total > 0 },
      {
        key: "ncmec-overdue",
        label: "Missing with the NCMEC report overdue",
        count: ncmecOverdue,
        href: "/youth?missing=ncmec-overdue",
        urgent: ncmecOverdue > 0,
      },
    ];
    // Concerns awaiting review: only for those who may know of a concern at all (the CSEC rule).
    if (csecDistinguishable(csecAudienceOf(viewer.role)) === "all") {
      figures.push({
        key: "concerns",
        label: "Youth with a concern awaiting review",
        count: youthTotal(viewer, { csec: "concern" }, db),
        href: "/youth?csec=concern",
      });
    }
    // The queue's status tabs, unfiltered: one count per status.
    const byStatus = countRequestsByStatus(viewer, {}, db);
    if (can(viewer.role, "decide:requests")) {
      figures.push({
        key: "to-decide",
        label: "Requests waiting for a decision",
        count: byStatus.submitted,
        href: "/requests?status=submitted",
      });
    }
    // The whole program's requests by status, for those who see the whole program.
    if (youthScopeOf(viewer.role).kind === "program") {
      for (const status of ["draft", "approved", "fulfilled", "denied"] as const) {
        figures.push({
          key: `requests-${status}`,
          label: `Requests ${REQUEST_STATUS_LABELS[status].toLowerCase()}`,
          count: byStatus[status],
          href: `/requests?status=${status}`,
        });
      }
    }
    const staleYouth = youthTotal(viewer, { stale: true }, db);
    figures.push({
      key: "stale",
      label: "Youth with a stale core contact",
      count: staleYouth,
      href: "/youth?stale=1",
      urgent: staleYouth > 0,
    });
    if (programWide) {
      figures.push({
        key: "no-contact",
        label: `Youth not contacted in ${NO_CONTACT_DAYS} days`,
        count: youthTotal(viewer, { noContactDays: NO_CONTACT_DAYS }, db),
        href: `/youth?noContact=${NO_CONTACT_DAYS}`,
      });
    }
    figures.push(
      {
        key: "requests-overdue",
        label: "Requests past their due date",
        count: requestTotal(viewer, { overdue: true }, db),
        href: "/requests?overdue=1",
      },
      {
        key: "requests-30",
        label: "Requests open more than 30 days",
        count: requestTotal(viewer, { openMoreThanDays: 30 }, db),
        href: "/requests?openDays=30",
      },
      {
        key: "my-overdue",
        label: seesThroughAssignment(viewer.role, "advocate") ? "Your overdue action items" : "Action items you own that are overdue",
        count: myActions.filter((a) => (a.daysOverdue ?? 0) > 0).length,
        href: "/actions",
      },
      { key: "meetings", label: "MDT meetings in the next 14 days", count: meetings.total, href: "/meetings" },
    );
    // Everyone's overdue items on the viewer's youth, for those who oversee others' work.
    if (supervises || programWide) {
      const overdueActions = countCaseloadActions(viewer, { status: "open", overdue: true }, db);
      figures.splice(
        figures.findIndex((f) => f.key === "my-overdue"),
        0,
        {
          key: "caseload-overdue",
          label: programWide ? "Action items overdue in the program" : "Action items overdue across your caseload",
          count: overdueActions,
          href: "/actions?who=caseload&overdue=1",
          urgent: overdueActions > 0,
        },
      );
    }
    const myRequests = can(viewer.role, "write:requests")
      ? listRequestQueue(viewer, { page: 1, size: 8, sort: { id: "requestedAt", desc: true }, requestedByUserId: viewer.userId }, db)
      : null;
    return {
      missing,
      figures,
      myActions: myActions.slice(0, 8),
      meetings: meetings.rows,
      meetingTotal: meetings.total,
      // Only what the viewer raised themself, and only for those who learn no more than that.
      ownConcerns: csecDistinguishable(csecAudienceOf(viewer.role)) === "all" ? [] : ownConcernsUnderReview(viewer, db),
      canRecord: can(viewer.role, "write:case") && youthScopeOf(viewer.role).kind !== "none",
      concernQueue: concernQueue && { rows: concernQueue.rows, total: concernQueue.total },
      // A program lead's youth are too many for one table: their supervisors', each a link to it.
      caseload: programWide ? null : listCaseload(viewer, table, db),
      people: programWide
        ? { kind: "supervisor", ...caseloadsByPerson(viewer, "supervisor", { page: table.page, size: table.size }, db) }
        : supervises
          ? { kind: "advocate", ...caseloadsByPerson(viewer, "advocate", { page: 1, size: 100 }, db) }
          : null,
      myRequests: myRequests && { rows: myRequests.rows, total: myRequests.total },
    };
  });
}
