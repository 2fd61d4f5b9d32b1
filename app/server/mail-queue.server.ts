/**
 * Email, queued: rows of `outbox` written in the transaction of whatever caused them, delivered
 * later by the mail sender. Email is not a confidential channel, so nothing queued here carries a
 * youth's name, a case number, case details or a CSEC word: only counts and a link into the app.
 */
import { eq } from "drizzle-orm";
import { notifications, outbox } from "../../db/schema";
import { nowIso, type DbOrTx } from "./db.server";

export type EmailFrequency = "immediate" | "daily" | "weekly" | "none";
export type MailRecipient = { userId: number; email: string; emailFrequency: EmailFrequency };

/** The app's address as people reach it, for links in email and calendar feeds (APP_URL). */
export function appUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.APP_URL ?? "http://localhost:3000").replace(/\/+$/u, "");
}

/** The one wording of an urgent alert: no name, no case, no detail (DOMAIN.md: email). */
export const URGENT_MISSING_TEXT = "A youth on your caseload is missing: open the app.";

/**
 * Queues the email a new notification earns: an urgent one (a youth missing) reaches everyone
 * told at once, whatever they chose; anything else only those who asked to hear at once. The
 * digests are queued by the digest run.
 */
export function queueNotificationEmail(
  tx: DbOrTx,
  programId: number,
  to: MailRecipient,
  n: { id: number; kind: string; urgent: boolean },
): void {
  if (!n.urgent && to.emailFrequency !== "immediate") return;
  const link = `${appUrl()}/inbox`;
  const at = nowIso();
  tx.insert(outbox)
    .values({
      programId,
      userId: to.userId,
      toAddress: to.email,
      subject: n.urgent ? "CASA MDT: urgent, open the app" : "CASA MDT: 1 new item needs you",
      body: n.urgent
        ? `${URGENT_MISSING_TEXT}\n\n${link}\n`
        : `1 new item needs you in CASA MDT: open the app.\n\n${link}\n\nYou get an email for each new item; change this in your settings: ${appUrl()}/settings\n`,
      kind: n.urgent ? "urgent" : "immediate",
      onceKey: `notification:${n.id}`,
      createdAt: at,
      nextAttemptAt: at,
    })
    .onConflictDoNothing()
    .run();
  // This email counts it: the next digest does not count it again.
  tx.update(notifications).set({ emailedAt: at }).where(eq(notifications.id, n.id)).run();
}
