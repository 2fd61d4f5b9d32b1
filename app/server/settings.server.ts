/** A person's own settings: how they hear of their notifications by email. */
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { auditChange } from "./audit.server";
import { getDb, type DbOrTx } from "./db.server";
import type { EmailFrequency } from "./mail-queue.server";
import type { Viewer } from "./session.server";

export function emailFrequencyOf(viewer: Viewer, db: DbOrTx = getDb()): EmailFrequency {
  return db.select({ f: users.emailFrequency }).from(users).where(eq(users.id, viewer.userId)).get()?.f ?? "daily";
}

export function setEmailFrequency(viewer: Viewer, frequency: EmailFrequency, db: DbOrTx = getDb()): void {
  db.transaction((tx) => {
    const before = emailFrequencyOf(viewer, tx);
    if (before === frequency) return;
    tx.update(users).set({ emailFrequency: frequency }).where(eq(users.id, viewer.userId)).run();
    auditChange(tx, viewer, {
      action: "settings.email_frequency",
      entityType: "user",
      entityId: viewer.userId,
      details: { from: before, to: frequency },
    });
  });
}
