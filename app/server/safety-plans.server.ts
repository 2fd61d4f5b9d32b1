/**
 * Safety plans, versioned: every review writes a new version and earlier ones stay as history.
 */
import { desc, eq, max } from "drizzle-orm";
import { safetyPlans, users } from "../../db/schema";
import { calendarDateIn } from "../domain/dates";
import { staleEdit, type StaleEdit, type WriteResult } from "../domain/forms";
import { HOTLINE_KEYS, type HotlineKey } from "../domain/hotlines";
import { auditChange } from "./audit.server";
import { getDb, type DbOrTx } from "./db.server";
import { requirePermission, type YouthInScope } from "./scope.server";

export type SupportPerson = { name: string; relation: string | null; phone: string | null };

export type SafetyPlanView = {
  version: number;
  supportPeople: SupportPerson[];
  hotlines: HotlineKey[];
  notes: string | null;
  reviewedOn: string;
  reviewedBy: string;
  savedAt: string;
};

export type SafetyPlanInput = {
  supportPeople: SupportPerson[];
  hotlines: HotlineKey[];
  notes?: string;
  reviewedOn: string;
};

function parseJsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function toSupportPeople(text: string): SupportPerson[] {
  return parseJsonArray(text).flatMap((p) => {
    if (!p || typeof p !== "object" || !("name" in p) || typeof p.name !== "string") return [];
    const relation = "relation" in p && typeof p.relation === "string" ? p.relation : null;
    const phone = "phone" in p && typeof p.phone === "string" ? p.phone : null;
    return [{ name: p.name, relation, phone }];
  });
}

function toHotlines(text: string): HotlineKey[] {
  return parseJsonArray(text).filter((k): k is HotlineKey => (HOTLINE_KEYS as readonly unknown[]).includes(k));
}

/** The current plan and its earlier versions (the newest `historyLimit`), with how many there are. */
export function getSafetyPlans(
  inScope: YouthInScope,
  opts: { historyLimit?: number } = {},
  db: DbOrTx = getDb(),
): { current: SafetyPlanView | null; history: SafetyPlanView[]; historyTotal: number } {
  const { youthId } = inScope;
  const query = db
    .select({
      version: safetyPlans.version,
      supportPeople: safetyPlans.supportPeople,
      hotlines: safetyPlans.hotlinesMemorized,
      notes: safetyPlans.notes,
      reviewedOn: safetyPlans.reviewedOn,
      reviewedBy: users.name,
      savedAt: safetyPlans.createdAt,
    })
    .from(safetyPlans)
    .innerJoin(users, eq(users.id, safetyPlans.reviewedByUserId))
    .where(eq(safetyPlans.youthId, youthId))
    .orderBy(desc(safetyPlans.version));
  const versions = (opts.historyLimit === undefined ? query : query.limit(opts.historyLimit + 1))
    .all()
    .map((p) => ({ ...p, supportPeople: toSupportPeople(p.supportPeople), hotlines: toHotlines(p.hotlines) }));
  // Versions are numbered 1, 2, 3 ... per youth: the newest's number is how many there are.
  const total = versions[0]?.version ?? 0;
  return { current: versions[0] ?? null, history: versions.slice(1), historyTotal: Math.max(total - 1, 0) };
}

/**
 * Saves a new version of the plan. `baseVersion` is the version the form showed (0 for a youth
 * without a plan): when someone saved another version since, nothing is saved and the current
 * plan comes back, so a support person added meanwhile is not dropped without anyone noticing.
 */
export function saveSafetyPlan(
  inScope: YouthInScope,
  input: SafetyPlanInput,
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<SafetyPlanView | null> {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", "Your role cannot change safety plans.");
  if (input.reviewedOn > calendarDateIn(new Date(), viewer.timeZone)) {
    return { ok: false, errors: { reviewedOn: "The review date cannot be in the future." } };
  }
  return db.transaction((tx) => {
    const latest =
      tx
        .select({ v: max(safetyPlans.version) })
        .from(safetyPlans)
        .where(eq(safetyPlans.youthId, youthId))
        .get()?.v ?? 0;
    // Read on the same connection, inside this transaction: what is saved at this moment.
    if (latest !== baseVersion) return staleEdit(getSafetyPlans(inScope, { historyLimit: 0 }, db).current);
    const row = tx
      .insert(safetyPlans)
      .values({
        programId: viewer.programId,
        youthId,
        version: latest + 1,
        supportPeople: JSON.stringify(input.supportPeople),
        hotlinesMemorized: JSON.stringify(input.hotlines),
        notes: input.notes ?? null,
        reviewedOn: input.reviewedOn,
        reviewedByUserId: viewer.userId,
      })
      .returning({ id: safetyPlans.id })
      .get();
    auditChange(tx, viewer, {
      action: "safety_plan.save",
      entityType: "safety_plan",
      entityId: row.id,
      youthId,
      details: { version: latest + 1, supportPeople: input.supportPeople.length, hotlines: input.hotlines },
    });
    return { ok: true as const, id: row.id };
  });
}
