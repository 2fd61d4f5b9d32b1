/**
 * The scheduler's pass (what the server runs every 5 minutes and `npm run send-digests` runs
 * once): an urgent reminder it makes goes out in the same pass, a second pass makes and sends
 * nothing new, and MAIL_SCHEDULER=off starts nothing.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isNull } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { mailFolder } from "../../app/server/mail.server";
import { runMailPass, startMailScheduler } from "../../app/server/mail-scheduler.server";
import { demoDatabase } from "../helpers/demo-database";

const db = await demoDatabase();

describe("the mail pass", () => {
  it("makes the reminders and delivers what they queued at once, then nothing twice", async () => {
    delete process.env.SMTP_URL;
    const first = await runMailPass(new Date());
    expect(first.errors).toEqual([]);
    expect(first.reminders!.ncmecOverdue).toBeGreaterThan(0);
    // The NCMEC reminders are urgent: their emails leave in this pass, as .eml files beside the database.
    expect(first.delivery.sent).toBeGreaterThanOrEqual(first.reminders!.ncmecOverdue);
    expect(db.select().from(outbox).where(isNull(outbox.sentAt)).all()).toEqual([]);
    const files = readdirSync(mailFolder()).length;
    expect(files).toBe(first.delivery.sent);

    const second = await runMailPass(new Date());
    expect(second.reminders).toEqual({ due: 0, overdue: 0, ncmecOverdue: 0 });
    expect(second.delivery.sent).toBe(0);
    expect(readdirSync(mailFolder())).toHaveLength(files);
  });

  it("is not scheduled with MAIL_SCHEDULER=off, and stops cleanly when it is", async () => {
    expect(startMailScheduler({ MAIL_SCHEDULER: "off" })).toBeNull();
    const scheduler = startMailScheduler({});
    expect(scheduler).not.toBeNull();
    await scheduler!.stop();
  });
});
