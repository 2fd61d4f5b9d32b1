/**
 * Program settings (administrators): the program's name and time zone, the stale-contact
 * thresholds per core party, and the request types it uses with its own labels. Dates are
 * stored in UTC, so changing the time zone changes how every date is shown, not what is stored.
 */
import { and, eq } from "drizzle-orm";
import { programRequestTypes, programs } from "../../db/schema";
import { staleEdit, type StaleEdit, type WriteResult } from "../domain/forms";
import { enabledField, labelField } from "../domain/program-setting-fields";
import type { ProgramSettingsInput } from "../domain/program-settings";
import { REQUEST_TYPES, type RequestType, type TypeLabels } from "../domain/requests";
import { auditChange } from "./audit.server";
import { getDb, type DbOrTx } from "./db.server";
import { requirePermission } from "./scope.server";
import type { Viewer } from "./session.server";

const DENIED = "Only administrators change the program's settings.";

export type RequestTypeSetting = {
  key: RequestType;
  defaultLabel: string;
  /** The program's own label, if it renamed the type. */
  label: string | null;
  enabled: boolean;
  csecSensitive: boolean;
};

export function requestTypeSettings(programId: number, db: DbOrTx = getDb()): RequestTypeSetting[] {
  const rows = db
    .select({ type: programRequestTypes.type, enabled: programRequestTypes.enabled, label: programRequestTypes.label })
    .from(programRequestTypes)
    .where(eq(programRequestTypes.programId, programId))
    .all();
  return REQUEST_TYPES.map((t) => {
    const row = rows.find((r) => r.type === t.key);
    return { key: t.key, defaultLabel: t.label, label: row?.label ?? null, enabled: row?.enabled ?? true, csecSensitive: t.csecSensitive };
  });
}

/** The labels the program gave its request types (only the renamed ones). */
export function requestTypeLabels(programId: number, db: DbOrTx = getDb()): TypeLabels {
  const out: Record<string, string> = {};
  for (const r of db
    .select({ type: programRequestTypes.type, label: programRequestTypes.label })
    .from(programRequestTypes)
    .where(eq(programRequestTypes.programId, programId))
    .all()) {
    if (r.label) out[r.type] = r.label;
  }
  return out;
}

/** Every request type under the program's labels, for filters (old requests keep their type). */
export function requestTypeOptions(programId: number, db: DbOrTx = getDb()): Array<{ key: RequestType; label: string }> {
  return requestTypeSettings(programId, db).map((t) => ({ key: t.key, label: t.label ?? t.defaultLabel }));
}

/** Whether the program takes new requests of this type. */
export function requestTypeInUse(programId: number, type: string, db: DbOrTx = getDb()): boolean {
  const row = db
    .select({ enabled: programRequestTypes.enabled })
    .from(programRequestTypes)
    .where(and(eq(programRequestTypes.programId, programId), eq(programRequestTypes.type, type)))
    .get();
  return row?.enabled ?? true;
}

export type ProgramSettings = {
  version: number;
  name: string;
  timeZone: string;
  stale: { youth: number; csw: number; attorney: number; clc: number };
  requestTypes: RequestTypeSetting[];
};

export function getProgramSettings(viewer: Viewer, db: DbOrTx = getDb()): ProgramSettings {
  requirePermission(viewer, "manage:program", DENIED);
  const p = db.select().from(programs).where(eq(programs.id, viewer.programId)).get()!;
  return {
    version: p.version,
    name: p.name,
    timeZone: p.timeZone,
    stale: { youth: p.staleYouthContactDays, csw: p.staleCswContactDays, attorney: p.staleAttorneyContactDays, clc: p.staleClcContactDays },
    requestTypes: requestTypeSettings(viewer.programId, db),
  };
}

export function updateProgramSettings(
  viewer: Viewer,
  input: ProgramSettingsInput,
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<ProgramSettings> {
  requirePermission(viewer, "manage:program", DENIED);
  return db.transaction((tx) => {
    const before = getProgramSettings(viewer, tx);
    if (before.version !== baseVersion) return staleEdit(before);
    tx.update(programs)
      .set({
        name: input.name,
        timeZone: input.timeZone,
        staleYouthContactDays: input.staleYouthDays,
        staleCswContactDays: input.staleCswDays,
        staleAttorneyContactDays: input.staleAttorneyDays,
        staleClcContactDays: input.staleClcDays,
        version: before.version + 1,
      })
      .where(eq(programs.id, viewer.programId))
      .run();
    const typeChanges: Record<string, { enabled: boolean; label: string | null }> = {};
    for (const t of before.requestTypes) {
      const enabled = input[enabledField(t.key)] === "on";
      const label = (input[labelField(t.key)] as string | undefined) ?? null;
      const sameLabel = (label ?? t.defaultLabel) === (t.label ?? t.defaultLabel);
      if (enabled === t.enabled && sameLabel) continue;
      const stored = label === t.defaultLabel ? null : label;
      tx.insert(programRequestTypes)
        .values({ programId: viewer.programId, type: t.key, enabled, label: stored })
        .onConflictDoUpdate({ target: [programRequestTypes.programId, programRequestTypes.type], set: { enabled, label: stored } })
        .run();
      typeChanges[t.key] = { enabled, label: stored };
    }
    const stale = { youth: input.staleYouthDays, csw: input.staleCswDays, attorney: input.staleAttorneyDays, clc: input.staleClcDays };
    const changed = (Object.keys(stale) as Array<keyof typeof stale>).filter((k) => before.stale[k] !== stale[k]);
    auditChange(tx, viewer, {
      action: "program.settings_change",
      entityType: "program",
      entityId: viewer.programId,
      details: {
        ...(before.name !== input.name ? { name: { from: before.name, to: input.name } } : {}),
        ...(before.timeZone !== input.timeZone ? { timeZone: { from: before.timeZone, to: input.timeZone } } : {}),
        ...(changed.length ? { staleDays: changed } : {}),
        ...(Object.keys(typeChanges).length ? { requestTypes: typeChanges } : {}),
      },
    });
    return { ok: true, id: viewer.programId };
  });
}
