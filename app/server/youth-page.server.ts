/**
 * The youth's page as one read model: every section, read in one transaction with the read
 * audit inside (as the prep packet and the court draft are), under the one scope check that
 * `requireYouthInScope` makes. The route renders it; it decides nothing about visibility.
 */
import { isFrequentRunner, missingWords } from "../domain/episodes";
import { can } from "../domain/permissions";
import { listActionsForYouth } from "./action-items.server";
import { readAudited } from "./audit.server";
import { contactFreshness, countContacts, listContacts } from "./contacts.server";
import { getCsecPanel } from "./csec.server";
import { getDb, type Db } from "./db.server";
import { listEpisodes } from "./episodes.server";
import { listMeetingsForYouth } from "./meetings.server";
import { listParties } from "./parties.server";
import { peopleForYouth } from "./people.server";
import { listRequestsForYouth } from "./requests.server";
import { getSafetyPlans } from "./safety-plans.server";
import { requireYouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";
import { getTimeline } from "./timeline.server";
import { getYouthOverview } from "./youth.server";

export type YouthPageOptions = {
  /** Contacts with one party ("youth", a party id), or everyone (""). */
  contactFilter: string;
  /** How many of each long list to show: the newest contacts, timeline entries, earlier safety plans. */
  shown: { contacts: number; timeline: number; plans: number };
};

export function getYouthPage(viewer: Viewer, youthId: number, opts: YouthPageOptions, db: Db = getDb()) {
  return readAudited(
    viewer,
    "youth.view",
    youthId,
    (tx) => {
      const inScope = requireYouthInScope(viewer, youthId, tx);
      const canWrite = can(viewer.role, "write:case");
      const timeline = getTimeline(inScope, opts.shown.timeline, tx);
      const now = new Date();
      const episodes = listEpisodes(inScope, {}, tx);
      return {
        overview: getYouthOverview(inScope, tx),
        parties: listParties(inScope, tx),
        contacts: listContacts(inScope, { with: opts.contactFilter, limit: opts.shown.contacts }, tx),
        contactTotal: countContacts(inScope, { with: opts.contactFilter }, tx),
        freshness: contactFreshness(inScope, tx),
        safetyPlan: getSafetyPlans(inScope, { historyLimit: opts.shown.plans }, tx),
        requests: listRequestsForYouth(inScope, tx),
        meetings: listMeetingsForYouth(inScope, tx),
        actions: listActionsForYouth(inScope, tx),
        owners: canWrite ? peopleForYouth(inScope, tx).owners : [],
        csec: getCsecPanel(inScope, tx),
        episodes: episodes.map((e) => ({ ...e, words: missingWords(e, now) })),
        frequentRunner: isFrequentRunner(
          episodes.map((e) => e.leftAt),
          now,
        ),
        timeline: timeline.entries,
        timelineTotal: timeline.total,
        canWrite,
        canRequest: can(viewer.role, "write:requests"),
        canAudit: can(viewer.role, "read:audit"),
        canManageCase: can(viewer.role, "manage:cases"),
      };
    },
    db,
  );
}

export type YouthPage = ReturnType<typeof getYouthPage>;
