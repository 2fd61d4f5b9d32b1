/**
 * One pass of what the server's mail scheduler does, for a system cron instead of (or beside)
 * it: the time-based reminders, the daily and weekly digests, and delivery of everything due,
 * against DATABASE_PATH (default data/app.db). Safe to run on several machines or overlapping
 * with the server: each digest and reminder is made once, each email claimed and sent once.
 *
 *   npm run send-digests
 *
 * From cron every 10 minutes, as the service user with its environment (README "Email"):
 *   cd /opt/casa-mdt && set -a && . /etc/casa-mdt/env && npm run --silent send-digests
 *
 * Exits 1 when a step failed or a message could not be sent (both logged); unsent email stays
 * queued for the next run.
 */
import { DEFAULT_DATABASE_PATH, getDb } from "../app/server/db.server";
import { mailDestination } from "../app/server/mail.server";
import { outboxWaiting } from "../app/server/mail-sender.server";
import { runMailPass } from "../app/server/mail-scheduler.server";

process.umask(0o077);

const result = await runMailPass(new Date());
const r = result.reminders;
const d = result.delivery;
console.log(
  [
    `Database: ${process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH}; email to ${mailDestination()}`,
    r ? `Reminders: ${r.due} due tomorrow, ${r.overdue} overdue, ${r.ncmecOverdue} NCMEC report overdue` : "Reminders: failed",
    result.digests !== null ? `Digests queued: ${result.digests}` : "Digests: failed",
    `Delivered: ${d.sent}; to retry: ${d.retrying}; given up: ${d.failed}; still queued: ${outboxWaiting()}`,
  ].join("\n"),
);
getDb().$client.close();
process.exit(result.errors.length || d.retrying || d.failed ? 1 : 0);
