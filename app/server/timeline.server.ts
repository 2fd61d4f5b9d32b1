/**
 * One chronological list of what happened around a youth: placements, team changes, contacts,
 * safety plan reviews, runaway episodes, and CSEC status changes only as the viewer may see them.
 * Each kind is read through its own module, so each visibility rule is applied where it lives.
 */
import { caseStatusTimeline } from "./cases.server";
import { countContacts, listContacts } from "./contacts.server";
import { csecTimelineEntries } from "./csec.server";
import { getDb, type DbOrTx } from "./db.server";
import { listEpisodes } from "./episodes.server";
import { listParties } from "./parties.server";
import { listPlacements } from "./placements.server";
import { getSafetyPlans } from "./safety-plans.server";
import type { YouthInScope } from "./scope.server";

export type TimelineKind = "placement" | "case" | "team" | "contact" | "safety_plan" | "episode" | "csec";

export type TimelineEntry = {
  /** An ISO instant, or a calendar date for things recorded by day. */
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
};

/**
 * The newest `limit` entries and how many there are in all. Contacts are most of a long case's
 * history, so only the newest `limit` of them are read: no older one can make the first `limit`.
 */
export function getTimeline(inScope: YouthInScope, limit?: number, db: DbOrTx = getDb()): { entries: TimelineEntry[]; total: number } {
  const entries: TimelineEntry[] = [];

  for (const p of listPlacements(inScope, db)) {
    entries.push({ at: p.startedOn, kind: "placement", title: `Placed: ${p.label}`, detail: p.description });
    if (p.endedOn) {
      entries.push({ at: p.endedOn, kind: "placement", title: `Left placement: ${p.label}`, detail: p.endReason });
    }
  }

  for (const c of caseStatusTimeline(inScope, db)) entries.push({ ...c, kind: "case" });

  const team = listParties(inScope, db);
  for (const p of [...team.current, ...team.history]) {
    entries.push({ at: p.startedOn, kind: "team", title: `${p.name} joined the team as ${p.roleLabel}`, detail: p.organization });
    if (p.endedOn) entries.push({ at: p.endedOn, kind: "team", title: `${p.name} left the role of ${p.roleLabel}`, detail: null });
  }

  const contactTotal = countContacts(inScope, {}, db);
  for (const c of listContacts(inScope, { limit }, db)) {
    entries.push({
      at: c.occurredAt,
      kind: "contact",
      title: `Contact with ${c.withLabel}, ${c.methodLabel.toLowerCase()}`,
      detail: c.summary,
    });
  }

  const plans = getSafetyPlans(inScope, {}, db);
  for (const p of [plans.current, ...plans.history]) {
    if (!p) continue;
    entries.push({
      at: p.reviewedOn,
      kind: "safety_plan",
      title: `Safety plan ${p.version === 1 ? "made" : "reviewed"} with ${p.reviewedBy}`,
      detail: null,
    });
  }

  for (const e of listEpisodes(inScope, {}, db)) {
    entries.push({ at: e.leftAt, kind: "episode", title: "Went missing", detail: e.leftFrom ? `From ${e.leftFrom}` : null });
    if (e.returnedAt) entries.push({ at: e.returnedAt, kind: "episode", title: "Returned", detail: null });
  }

  for (const e of csecTimelineEntries(inScope, db)) entries.push({ ...e, kind: "csec" });

  const contactsRead = limit === undefined ? contactTotal : Math.min(contactTotal, limit);
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { entries: entries.slice(0, limit), total: entries.length - contactsRead + contactTotal };
}
