/**
 * Each role's home (`/`): "who needs me today?". Every figure is the total of the list it links
 * to, computed by that list's own function with that list's own filter, so a count can never
 * differ from what its link shows, and each follows the visibility rule its list follows (a
 * concern or a CSEC-sensitive record the viewer may not see neither counts nor changes a count).
 */
import { can, csecAudienceOf, seesThroughAssignment, youthScopeOf } from "../domain/permissions";
import { csecDistinguishable } from "../domain/csec";
import { REQUEST_STATUS_LABELS } from "../domain/requests";
import { listMyActions } from "./action-items.server";
import { ownConcernsUnderReview } from "./csec.server";
import { getDb, type Db } from "./db.server";
import { listUpcomingMeetings, type MeetingRow } from "./meetings.server";
import { countRequestsByStatus } from "./requests.server";
import { requireCaseAccess } from "./scope.server";
import type { Viewer } from "./session.server";
import { countYouthForViewer, listYouthForViewer, type YouthListRow } from "./youth.server";

export type HomeFigure = { key: string; label: string; count: number; href: string; urgent?: boolean };

export type Home = {
  /** Youth missing now, longest missing first, with their clocks (at most 100; the figure has them all). */
  missing: Array<Pick<YouthListRow, "id" | "name" | "missing" | "missingSince">>;
  figures: HomeFigure[];
  myActions: Awaited<ReturnType<typeof listMyActions>>;
  meetings: MeetingRow[];
  ownConcerns: Array<{ youthId: number; youthName: string; raisedAt: string }>;
  canRecord: boolean;
};

const BY_NAME = { id: "name", desc: false } as const;

function youthTotal(viewer: Viewer, filter: { missingNow?: boolean | "ncmec_overdue"; csec?: string }, db: Db): number {
  return countYouthForViewer(viewer, { caseStatus: "open", ...filter }, db);
}

/** The queue's total for these filters: all statuses, as the queue shows without a status tab. */
function requestTotal(viewer: Viewer, filter: { overdue?: boolean; openMoreThanDays?: number }, db: Db): number {
  return Object.values(countRequestsByStatus(viewer, filter, db)).reduce((a, b) => a + b, 0);
}

export function getHome(viewer: Viewer, db: Db = getDb()): Home {
  requireCaseAccess(viewer);
  return db.transaction(() => {
    const missingList = listYouthForViewer(viewer, { page: 1, size: 100, sort: BY_NAME, caseStatus: "open", missingNow: true }, db);
    const missing = missingList.rows.map((r) => ({ id: r.id, name: r.name, missing: r.missing, missingSince: r.missingSince }));
    const myActions = listMyActions(viewer, { status: "open", sortDesc: false }, db);
    const meetings = listUpcomingMeetings(viewer, 14, db);
    const ncmecOverdue = youthTotal(viewer, { missingNow: "ncmec_overdue" }, db);
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
      { key: "meetings", label: "MDT meetings in the next 14 days", count: meetings.length, href: "/meetings" },
    );
    return {
      missing,
      figures,
      myActions: myActions.slice(0, 8),
      meetings: meetings.slice(0, 8),
      // Only what the viewer raised themself, and only for those who learn no more than that.
      ownConcerns: csecDistinguishable(csecAudienceOf(viewer.role)) === "all" ? [] : ownConcernsUnderReview(viewer, db),
      canRecord: can(viewer.role, "write:case") && youthScopeOf(viewer.role).kind !== "none",
    };
  });
}
