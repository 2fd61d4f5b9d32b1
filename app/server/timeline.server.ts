/**
 * One chronological list of what happened around a youth: placements, team changes, contacts,
 * safety plan reviews, runaway episodes, and CSEC status changes only as the viewer may see them.
 */
import { and, desc, eq, notInArray } from "drizzle-orm";
import { caseParties, csecConcerns, csecStatusEvents, placements, runawayEpisodes, safetyPlans, users } from "../../db/schema";
import { CSEC_BASIS_LABELS, CSEC_STATUS_LABELS, mayKnowUnconfirmed } from "../domain/csec";
import { PARTY_ROLE_LABELS, placementTypeLabel } from "../domain/youth";
import { csecViewOf } from "./csec.server";
import { countContacts, listContacts } from "./contacts.server";
import { getDb, type Db } from "./db.server";
import { partiesShownTo } from "./parties.server";
import { csecAudienceOf, requireYouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type TimelineKind = "placement" | "team" | "contact" | "safety_plan" | "episode" | "csec";

export type TimelineEntry = {
  /** An ISO instant, or a calendar date for things recorded by day. */
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
};

const roleLabel = (role: string) => (PARTY_ROLE_LABELS as Record<string, string>)[role] ?? role;

/**
 * The newest `limit` entries and how many there are in all. Contacts are most of a long case's
 * history, so only the newest `limit` of them are read: no older one can make the first `limit`.
 */
export function getTimeline(viewer: Viewer, youthId: number, limit?: number, db: Db = getDb()): { entries: TimelineEntry[]; total: number } {
  requireYouthInScope(viewer, youthId, db);
  const entries: TimelineEntry[] = [];

  for (const p of db.select().from(placements).where(eq(placements.youthId, youthId)).all()) {
    entries.push({ at: p.startedOn, kind: "placement", title: `Placed: ${placementTypeLabel(p.type)}`, detail: p.description });
    if (p.endedOn) {
      entries.push({ at: p.endedOn, kind: "placement", title: `Left placement: ${placementTypeLabel(p.type)}`, detail: p.endReason });
    }
  }

  const parties = db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), partiesShownTo(viewer, youthId, db)))
    .all();
  for (const p of parties) {
    entries.push({ at: p.startedOn, kind: "team", title: `${p.name} joined the team as ${roleLabel(p.role)}`, detail: p.organization });
    if (p.endedOn) entries.push({ at: p.endedOn, kind: "team", title: `${p.name} left the role of ${roleLabel(p.role)}`, detail: null });
  }

  const contactTotal = countContacts(viewer, youthId, {}, db);
  for (const c of listContacts(viewer, youthId, { limit }, db)) {
    entries.push({ at: c.occurredAt, kind: "contact", title: `Contact with ${c.withLabel}, ${c.methodLabel.toLowerCase()}`, detail: c.summary });
  }

  const plans = db
    .select({ version: safetyPlans.version, reviewedOn: safetyPlans.reviewedOn, by: users.name })
    .from(safetyPlans)
    .innerJoin(users, eq(users.id, safetyPlans.reviewedByUserId))
    .where(eq(safetyPlans.youthId, youthId))
    .all();
  for (const p of plans) {
    entries.push({ at: p.reviewedOn, kind: "safety_plan", title: `Safety plan ${p.version === 1 ? "made" : "reviewed"} with ${p.by}`, detail: null });
  }

  for (const e of db.select().from(runawayEpisodes).where(eq(runawayEpisodes.youthId, youthId)).all()) {
    entries.push({ at: e.leftAt, kind: "episode", title: "Went missing", detail: e.leftFrom ? `From ${e.leftFrom}` : null });
    if (e.returnedAt) entries.push({ at: e.returnedAt, kind: "episode", title: "Returned", detail: null });
  }

  if (mayKnowUnconfirmed(csecAudienceOf(viewer))) {
    const events = db
      .select({
        at: csecStatusEvents.at,
        from: csecStatusEvents.fromStatus,
        to: csecStatusEvents.toStatus,
        basis: csecStatusEvents.basis,
        note: csecStatusEvents.note,
        by: users.name,
      })
      .from(csecStatusEvents)
      .innerJoin(users, eq(users.id, csecStatusEvents.actorUserId))
      .where(eq(csecStatusEvents.youthId, youthId))
      .all();
    for (const e of events) {
      const basis = e.basis ? ` (${CSEC_BASIS_LABELS[e.basis]})` : "";
      entries.push({
        at: e.at,
        kind: "csec",
        title: `CSEC status: ${CSEC_STATUS_LABELS[e.from]} → ${CSEC_STATUS_LABELS[e.to]}${basis}, by ${e.by}`,
        detail: e.note,
      });
    }
  } else {
    // Only what the viewer wrote up themself, and a confirmation once there is one.
    const own = db
      .select({ raisedAt: csecConcerns.raisedAt })
      .from(csecConcerns)
      .where(and(eq(csecConcerns.youthId, youthId), eq(csecConcerns.raisedByUserId, viewer.userId)))
      .orderBy(desc(csecConcerns.raisedAt))
      .all();
    for (const c of own) entries.push({ at: c.raisedAt, kind: "csec", title: "You raised a concern", detail: null });
    const view = csecViewOf(viewer, youthId, db);
    if (view.kind === "confirmed") {
      entries.push({ at: view.basisOn, kind: "csec", title: `CSEC status confirmed: ${CSEC_BASIS_LABELS[view.basis]}`, detail: null });
    }
  }

  const contactsRead = limit === undefined ? contactTotal : Math.min(contactTotal, limit);
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries: entries.slice(0, limit), total: entries.length - contactsRead + contactTotal };
}

