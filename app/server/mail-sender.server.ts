/**
 * Delivers the outbox: every row that is due is claimed, sent, and marked sent; a failed send is
 * retried later with exponential backoff and given up after MAX_ATTEMPTS. Runs from the
 * scheduler (mail-scheduler.server.ts) or `npm run send-digests`, never inside a request or a
 * transaction, and never throws: a mail server that is down delays email, nothing else.
 *
 * The claim is one conditional UPDATE: only the sender whose update changed the row sends it,
 * so two servers (or two overlapping runs) on one database never send a message twice.
 */
import { and, asc, eq, isNull, lte, or, lt, sql } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { getDb, type Db } from "./db.server";
import { createMailTransport, type MailTransport } from "./mail.server";

/** How long a claimed row is ours before another sender may take it (a crash mid-send). */
export const CLAIM_MS = 2 * 60_000;
/** After this many failed attempts the row is given up (`failed_at`). */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;
/** Rows taken per pass; the rest wait for the next one. */
const BATCH = 200;

/** How long to wait after the `attempts`-th failure: 1, 5, 25, 125 min, then 6 h (8 attempts span about a day). */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 5 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export type DeliveryResult = { sent: number; retrying: number; failed: number };

type DeliverOptions = {
  db?: Db;
  /** Default: the one the environment asks for, created when something is due. */
  transport?: MailTransport;
  log?: Pick<Console, "error">;
};

/** Sends what is due at `now`. Resolves with what happened; never rejects. */
export async function deliverDue(now: Date = new Date(), opts: DeliverOptions = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const log = opts.log ?? console;
  let transport = opts.transport;
  // The pass's own clock: `now` plus the time the pass has taken, so a claim made late in a
  // long pass still lasts CLAIM_MS.
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  try {
    const db = opts.db ?? getDb();
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now.toISOString())))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(BATCH)
      .all();
    for (const { id } of due) {
      const claimedAt = clock();
      const row = claim(db, id, claimedAt);
      if (!row) continue; // another sender has it, or it went out meanwhile
      try {
        transport ??= createMailTransport();
        await transport.send({ id: row.id, to: row.toAddress, subject: row.subject, body: row.body, ics: row.ics });
      } catch (error) {
        if (recordFailure(db, row.id, row.attempts + 1, describeError(error), clock()) === "failed") result.failed++;
        else result.retrying++;
        continue;
      }
      db.update(outbox).set({ sentAt: clock().toISOString(), claimedUntil: null, lastError: null }).where(eq(outbox.id, row.id)).run();
      result.sent++;
    }
  } catch (error) {
    // The database itself failed (busy, full disk ...): what is unsent stays due for the next pass.
    log.error("Mail delivery stopped:", error);
  } finally {
    if (!opts.transport) transport?.close();
  }
  return result;
}

/** Takes the row if nobody else holds it; returns it when the claim is ours. */
function claim(db: Db, id: number, at: Date) {
  const atIso = at.toISOString();
  return db
    .update(outbox)
    .set({ claimedUntil: new Date(at.getTime() + CLAIM_MS).toISOString() })
    .where(
      and(
        eq(outbox.id, id),
        isNull(outbox.sentAt),
        isNull(outbox.failedAt),
        or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, atIso)),
      ),
    )
    .returning()
    .get();
}

function recordFailure(db: Db, id: number, attempts: number, error: string, at: Date): "retrying" | "failed" {
  const givingUp = attempts >= MAX_ATTEMPTS;
  db.update(outbox)
    .set({
      attempts,
      lastError: error,
      claimedUntil: null,
      nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)).toISOString(),
      failedAt: givingUp ? at.toISOString() : null,
    })
    .where(eq(outbox.id, id))
    .run();
  return givingUp ? "failed" : "retrying";
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

/** How much of the outbox is waiting, for the send-digests script's summary. */
export function outboxWaiting(db: Db = getDb()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)))
      .get()?.n ?? 0
  );
}
