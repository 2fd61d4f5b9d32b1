/**
 * A person's private calendar feed: the secret token in its URL (`/calendar/<token>.ics`), made,
 * replaced and revoked from their settings, and found again when a calendar service asks for the
 * feed. Anyone holding the URL reads the feed, so it carries only neutral events
 * (calendar-feed.server.ts); replacing the token is how a leaked URL stops working.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { CALENDAR_TOKEN_PATTERN } from "../domain/calendar";
import { seesCaseContent } from "../domain/permissions";
import { auditChange } from "./audit.server";
import { getDb, type DbOrTx } from "./db.server";
import { appUrl } from "./mail-queue.server";
import { requireCaseAccess } from "./scope.server";
import type { Viewer } from "./session.server";

/** What the settings page's calendar section shows (and `CalendarSettings` takes as props). */
export type CalendarSettingsView = {
  /**
   * False for a role that sees no case content (administrators): they have no meetings, so the
   * section is not offered.
   */
  available: boolean;
  /** The private feed URL, or null when the person has none (never made, or revoked). */
  feedUrl: string | null;
  /** Whether the feed carries the person's open action items' due dates too. */
  includeActions: boolean;
};

export function calendarFeedUrl(token: string): string {
  return `${appUrl()}/calendar/${token}.ics`;
}

export function calendarSettingsOf(viewer: Viewer, db: DbOrTx = getDb()): CalendarSettingsView {
  if (!seesCaseContent(viewer.role)) return { available: false, feedUrl: null, includeActions: false };
  const row = db
    .select({ token: users.calendarToken, includeActions: users.calendarActions })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .get();
  return { available: true, feedUrl: row?.token ? calendarFeedUrl(row.token) : null, includeActions: row?.includeActions ?? false };
}

/**
 * Makes the viewer's feed token, or replaces it: the old URL stops working at once. The token
 * itself is never written to the audit log.
 */
export function createOrRegenerateCalendarToken(viewer: Viewer, db: DbOrTx = getDb()): { replaced: boolean } {
  requireCaseAccess(viewer);
  const token = randomBytes(32).toString("base64url");
  return db.transaction((tx) => {
    const before = tx.select({ token: users.calendarToken }).from(users).where(eq(users.id, viewer.userId)).get();
    const replaced = Boolean(before?.token);
    tx.update(users).set({ calendarToken: token }).where(eq(users.id, viewer.userId)).run();
    auditChange(tx, viewer, { action: "calendar.token_regenerate", entityType: "user", entityId: viewer.userId, details: { replaced } });
    return { replaced };
  });
}

/** Turns the viewer's feed off: its URL answers 404 from now on. */
export function revokeCalendarToken(viewer: Viewer, db: DbOrTx = getDb()): void {
  requireCaseAccess(viewer);
  db.transaction((tx) => {
    tx.update(users).set({ calendarToken: null }).where(eq(users.id, viewer.userId)).run();
    auditChange(tx, viewer, { action: "calendar.token_revoke", entityType: "user", entityId: viewer.userId });
  });
}

/** Whether the viewer's feed carries their open action items' due dates. */
export function setCalendarActions(viewer: Viewer, on: boolean, db: DbOrTx = getDb()): void {
  requireCaseAccess(viewer);
  db.transaction((tx) => {
    tx.update(users).set({ calendarActions: on }).where(eq(users.id, viewer.userId)).run();
    auditChange(tx, viewer, { action: "calendar.actions", entityType: "user", entityId: viewer.userId, details: { on } });
  });
}

/**
 * The active user whose feed this token opens, or null: a malformed, unknown or revoked token,
 * or a deactivated account, are all the same null (the route answers a bare 404). The index finds
 * the row; the stored token is then compared in constant time as well.
 */
export function calendarOwnerByToken(token: string, db: DbOrTx = getDb()): { userId: number; includeActions: boolean } | null {
  if (!CALENDAR_TOKEN_PATTERN.test(token)) return null;
  const row = db
    .select({ id: users.id, token: users.calendarToken, disabledAt: users.disabledAt, includeActions: users.calendarActions })
    .from(users)
    .where(eq(users.calendarToken, token))
    .get();
  if (!row?.token || row.disabledAt) return null;
  const a = Buffer.from(row.token);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { userId: row.id, includeActions: row.includeActions };
}
