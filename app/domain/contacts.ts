/**
 * Contacts with a youth and their team: how they happen, whether they were made or only
 * attempted, how long the author may correct one, and whose contact the staleness checks count.
 * No zod here: the youth page and a meeting show contacts with these labels, and the contact
 * forms' schemas are in youth-forms.ts, loaded by the actions that read them.
 */

export const CONTACT_METHODS = ["in_person", "phone", "text", "video", "email"] as const;
export const CONTACT_OUTCOMES = ["made", "attempted"] as const;
/** How long after logging a contact its author may still correct it. */
export const CONTACT_EDIT_HOURS = 72;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  in_person: "In person",
  phone: "Phone",
  text: "Text message",
  video: "Video call",
  email: "Email",
};

/** The team roles whose last contact is tracked for staleness, beside the youth's own. */
export const CORE_CONTACT_PARTIES = ["csw", "attorney", "clc_case_manager"] as const;
