/**
 * Passwords and one-time password links: the shortest password accepted and how long a link stays
 * valid. No zod here: the password pages and the new-user form show these in the browser, and the
 * schemas that enforce them are in user-forms.ts, loaded by the actions that read them.
 */

export const MIN_PASSWORD_LENGTH = 12;

/** How long a one-time password link stays valid. */
export const RESET_LINK_HOURS = 48;
