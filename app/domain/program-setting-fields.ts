/**
 * The program settings form's fields as the page and the server name them: the stale-contact
 * thresholds, the per-request-type field names, and the time zones to choose from. No zod here:
 * the settings page builds its form from these in the browser, and the schema is in
 * program-settings.ts, loaded by the action that reads it.
 */

export const STALE_FIELDS = [
  { key: "staleYouthDays", label: "The youth" },
  { key: "staleCswDays", label: "Children's social worker (CSW)" },
  { key: "staleAttorneyDays", label: "Minor's attorney" },
  { key: "staleClcDays", label: "CLC case manager" },
] as const;

export const enabledField = (type: string) => `enabled_${type}`;
export const labelField = (type: string) => `label_${type}`;

/** Every IANA time zone the server knows, for the settings form and its check. */
export function timeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
