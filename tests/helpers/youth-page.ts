/**
 * Helpers for the youth page's integration tests: the tables its actions may write to, the page's
 * loader data as a signed-in user, and contact rows written directly for staleness fixtures.
 * Requests, route calls and their results are in ./routes, SQL reads and snapshots in ./db,
 * dates in ./dates, the `makeYouth` fixture in ./factories.
 */
import type { Db } from "../../app/server/db.server";
import { loader as youthDetailLoader } from "../../app/routes/youth-detail";
import { contacts } from "../../db/schema";
import { getAs } from "./routes";

/** Every table a youth-page action may write to (sessions are left out: signing in writes them). */
export const CASE_TABLES = [
  "youth",
  "youth_assignments",
  "placements",
  "case_parties",
  "contacts",
  "safety_plans",
  "csec_concerns",
  "red_flags",
  "youth_csec_status",
  "csec_status_events",
  "audit_events",
] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

export type YouthPageData = Awaited<ReturnType<typeof youthDetailLoader>>;

/**
 * The youth page's loader data as a signed-in user. The loader is called directly, not settled:
 * a thrown Response or `data()` fails the test.
 */
export async function loadYouthPage(db: Db, email: string, youthId: number, query = ""): Promise<YouthPageData> {
  const request = await getAs(db, email, `/youth/${youthId}${query}`);
  return youthDetailLoader({ request, params: { youthId: String(youthId) }, context: {} } as never);
}

/** A contact row written directly (not through the app), for staleness fixtures. */
export function insertContact(
  db: Db,
  c: { programId: number; youthId: number; partyId: number | null; occurredAt: string; loggedBy: number; summary?: string },
): number {
  return db
    .insert(contacts)
    .values({
      programId: c.programId,
      youthId: c.youthId,
      partyId: c.partyId,
      occurredAt: c.occurredAt,
      method: "phone",
      summary: c.summary ?? "Fixture contact",
      loggedByUserId: c.loggedBy,
    })
    .returning({ id: contacts.id })
    .get().id;
}
