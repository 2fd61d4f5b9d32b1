/**
 * Where a youth lives: the current placement and the ones before it. Other modules (the youth's
 * page header, the timeline, the MDT agenda) read placements here and nowhere else.
 */
import { desc, eq } from "drizzle-orm";
import { placements } from "../../db/schema";
import { placementTypeLabel } from "../domain/youth";
import { getDb, type DbOrTx } from "./db.server";
import type { YouthInScope } from "./scope.server";

export type PlacementView = {
  type: string;
  label: string;
  description: string | null;
  startedOn: string;
  /** Null while this is the current placement. */
  endedOn: string | null;
  endReason: string | null;
};

/** Every placement of the youth, newest first; the current one has no `endedOn`. */
export function listPlacements(inScope: YouthInScope, db: DbOrTx = getDb()): PlacementView[] {
  return db
    .select({
      type: placements.type,
      description: placements.description,
      startedOn: placements.startedOn,
      endedOn: placements.endedOn,
      endReason: placements.endReason,
    })
    .from(placements)
    .where(eq(placements.youthId, inScope.youthId))
    .orderBy(desc(placements.startedOn), desc(placements.id))
    .all()
    .map((p) => ({ ...p, label: placementTypeLabel(p.type) }));
}

/** Moves into and out of placements on or after `sinceDay` (a calendar date), newest first. */
export function placementChangesSince(inScope: YouthInScope, sinceDay: string, db: DbOrTx = getDb()): Array<{ on: string; text: string }> {
  return listPlacements(inScope, db)
    .flatMap((p) => [
      ...(p.startedOn >= sinceDay ? [{ on: p.startedOn, text: `Placed: ${p.label}${p.description ? `, ${p.description}` : ""}` }] : []),
      ...(p.endedOn && p.endedOn >= sinceDay ? [{ on: p.endedOn, text: `Left ${p.label}${p.endReason ? `: ${p.endReason}` : ""}` }] : []),
    ])
    .sort((a, b) => b.on.localeCompare(a.on));
}
