/**
 * The jobs that make and send email without anyone asking: every 5 minutes the reminders, the
 * digests and a delivery; every 30 seconds a delivery alone (an urgent alert waits at most that
 * long). The production server starts it (scripts/serve.ts) and stops it on shutdown;
 * `MAIL_SCHEDULER=off` leaves it out, for installations that run `npm run send-digests` from a
 * system cron instead. A failing job is logged and tried again at its next time; it never
 * reaches the server.
 */
import { Cron } from "croner";
import { queueDigests } from "./digests.server";
import { deliverDue, type DeliveryResult } from "./mail-sender.server";
import { queueReminders, type ReminderResult } from "./reminders.server";

export type MailPassResult = { reminders: ReminderResult | null; digests: number | null; delivery: DeliveryResult; errors: unknown[] };

type Log = Pick<Console, "error">;

/** One pass: the reminders, the digests, then delivery. Each step runs even when one before it failed. */
export async function runMailPass(now: Date = new Date(), log: Log = console): Promise<MailPassResult> {
  const errors: unknown[] = [];
  const attempt = <T>(what: string, step: () => T): T | null => {
    try {
      return step();
    } catch (error) {
      log.error(`Mail: ${what} failed:`, error);
      errors.push(error);
      return null;
    }
  };
  const reminders = attempt("the reminders", () => queueReminders(now));
  const digests = attempt("the digests", () => queueDigests(now));
  // What the steps above queued was queued after `now`: deliver as of the time they finished.
  const delivery = await deliverDue(new Date(Math.max(now.getTime(), Date.now())), { log });
  return { reminders, digests, delivery, errors };
}

export type MailScheduler = { stop(): Promise<void> };

/** Starts the jobs unless `MAIL_SCHEDULER=off`; returns null when it did not. */
export function startMailScheduler(env: NodeJS.ProcessEnv = process.env, log: Log = console): MailScheduler | null {
  if (env.MAIL_SCHEDULER?.trim().toLowerCase() === "off") return null;
  const running = new Set<Promise<unknown>>();
  const track = async (work: Promise<unknown>): Promise<void> => {
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  };
  const onError = (error: unknown) => log.error("Mail: a scheduled job failed:", error);
  // protect: a pass still running (a slow mail server) is not started a second time over itself.
  const pass = new Cron("0 */5 * * * *", { protect: true, catch: onError, unref: true }, () => track(runMailPass(new Date(), log)));
  const delivery = new Cron("*/30 * * * * *", { protect: true, catch: onError, unref: true }, () => track(deliverDue(new Date(), { log })));
  return {
    stop: async () => {
      pass.stop();
      delivery.stop();
      await Promise.allSettled([...running]);
    },
  };
}
