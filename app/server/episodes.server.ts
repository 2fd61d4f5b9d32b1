/**
 * Runaway (missing) episodes of a youth. The youth's page header, the timeline and the MDT agenda
 * read them here and nowhere else.
 */
import { and, desc, eq, gte, isNull, or } from "drizzle-orm";
import { runawayEpisodes } from "../../db/schema";
import { getDb, type DbOrTx } from "./db.server";
import type { YouthInScope } from "./scope.server";

export type EpisodeSummary = { leftAt: string; leftFrom: string | null; returnedAt: string | null };

export type MissingNow = {
  leftAt: string;
  leftFrom: string | null;
  reportedToLawEnforcementAt: string | null;
  reportedToNcmecAt: string | null;
};

/** The open episode, when the youth is missing now. */
export function missingNow(inScope: YouthInScope, db: DbOrTx = getDb()): MissingNow | null {
  return (
    db
      .select({
        leftAt: runawayEpisodes.leftAt,
        leftFrom: runawayEpisodes.leftFrom,
        reportedToLawEnforcementAt: runawayEpisodes.reportedToLawEnforcementAt,
        reportedToNcmecAt: runawayEpisodes.reportedToNcmecAt,
      })
      .from(runawayEpisodes)
      .where(and(eq(runawayEpisodes.youthId, inScope.youthId), isNull(runawayEpisodes.returnedAt)))
      .orderBy(desc(runawayEpisodes.leftAt))
      .get() ?? null
  );
}

/**
 * Episodes newest first: all of them, or (with `since`, an instant) those that began since then
 * and any still open.
 */
export function listEpisodes(inScope: YouthInScope, opts: { since?: string } = {}, db: DbOrTx = getDb()): EpisodeSummary[] {
  return db
    .select({ leftAt: runawayEpisodes.leftAt, returnedAt: runawayEpisodes.returnedAt, leftFrom: runawayEpisodes.leftFrom })
    .from(runawayEpisodes)
    .where(
      and(
        eq(runawayEpisodes.youthId, inScope.youthId),
        opts.since === undefined ? undefined : or(isNull(runawayEpisodes.returnedAt), gte(runawayEpisodes.leftAt, opts.since)),
      ),
    )
    .orderBy(desc(runawayEpisodes.leftAt), desc(runawayEpisodes.id))
    .all();
}
