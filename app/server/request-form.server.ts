/**
 * What the request form offers for one youth: the kinds the program uses (its own labels; the
 * CSEC-sensitive ones only where the viewer may see them) and the youth's current team.
 */
import { REQUEST_TYPES, typeHasAmount } from "../domain/requests";
import { partyWithRole } from "../domain/youth";
import { getDb, type DbOrTx } from "./db.server";
import { listParties } from "./parties.server";
import { requestTypeSettings } from "./program-settings.server";
import type { YouthInScope } from "./scope.server";

export type RequestTypeChoice = { key: string; label: string; hasAmount: boolean; subtypes: Array<{ key: string; label: string }> };

export function requestFormChoices(
  inScope: YouthInScope,
  db: DbOrTx = getDb(),
): { types: RequestTypeChoice[]; parties: Array<{ id: number; label: string }> } {
  const inUse = requestTypeSettings(inScope.viewer.programId, db);
  return {
    types: REQUEST_TYPES.flatMap((t) => {
      const setting = inUse.find((s) => s.key === t.key)!;
      if (!setting.enabled || (t.csecSensitive && !inScope.sensitiveVisible)) return [];
      return [
        {
          key: t.key,
          label: setting.label ?? t.label,
          hasAmount: typeHasAmount(t.key),
          subtypes: t.subtypes.map((s) => ({ key: s.key, label: s.label })),
        },
      ];
    }),
    parties: listParties(inScope, db).current.map((p) => ({ id: p.id, label: partyWithRole(p.name, p.role) })),
  };
}
