/**
 * How often someone hears by email about what needs them: the choices and their labels. No zod
 * here: the settings page shows these in the browser, and the form's schema is in
 * settings-forms.ts, loaded by the action that reads it.
 */

export const EMAIL_FREQUENCIES = ["immediate", "daily", "weekly", "none"] as const;

export const EMAIL_FREQUENCY_LABELS: Record<(typeof EMAIL_FREQUENCIES)[number], { label: string; hint: string }> = {
  immediate: { label: "At once", hint: "An email each time something new needs you." },
  daily: { label: "A daily digest", hint: "One email each morning when something needs you." },
  weekly: { label: "A weekly digest", hint: "One email on Monday mornings." },
  none: { label: "No email", hint: "Only the inbox here. A youth reported missing still reaches you by email at once." },
};
