/**
 * Delivery of the outbox to a real SMTP server (in this process): urgent alerts reach everyone
 * told at once; each row is claimed so that two senders send it once; a mail server that is down
 * or refuses leaves the row queued with a later retry and never undoes the change that queued
 * it; without SMTP_URL each message is an .eml file beside the database. And the digests: once
 * per day or week, after 07:00 local, counting what needs the person under the CSEC rule.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_YOUTH, todayUtc } from "../../db/seed";
import { actionItems, notifications, outbox, users, youth } from "../../db/schema";
import { addDays } from "../../app/domain/dates";
import { queueDigests } from "../../app/server/digests.server";
import { URGENT_MISSING_TEXT } from "../../app/server/mail-queue.server";
import { createMailTransport, type MailTransport } from "../../app/server/mail.server";
import { deliverDue, MAX_ATTEMPTS, retryDelayMs } from "../../app/server/mail-sender.server";
import { assignedTo, notify, programLeads } from "../../app/server/notifications.server";
import { queueReminders } from "../../app/server/reminders.server";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, userId } from "../helpers/db";
import { freePort } from "../helpers/server";
import { notBefore, parseMail, startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

const db = await demoDatabase();
const c = db.$client;
process.env.APP_URL = "https://casa.example.org";

let smtp: TestSmtpServer;
let transport: MailTransport;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(() => {
  // Each test starts with nothing queued and nothing received.
  db.update(outbox)
    .set({ sentAt: new Date(0).toISOString() })
    .where(isNull(outbox.sentAt))
    .run();
  smtp.messages.length = 0;
  smtp.rejecting = false;
  transport = createMailTransport({ SMTP_URL: smtp.url });
});
afterEach(() => transport.close());

const missingId = () => demoYouthId(c, DEMO_YOUTH.missingNow);
const programOf = (youthId: number) => db.select({ p: youth.programId }).from(youth).where(eq(youth.id, youthId)).get()!.p;
const teamOf = (youthId: number) => [
  ...assignedTo(db, youthId, "advocate"),
  ...assignedTo(db, youthId, "supervisor"),
  ...programLeads(db, programOf(youthId)),
];
const emailOf = (id: number) => db.select({ e: users.email }).from(users).where(eq(users.id, id)).get()!.e;

/** Reports the youth missing to the team (as the missing-youth form's hook does), committed. */
function reportMissing(youthId = missingId()): number {
  return db.transaction((tx) =>
    notify(tx, { programId: programOf(youthId), userId: null }, teamOf(youthId), {
      kind: "youth.missing",
      youthId,
      href: `/youth/${youthId}`,
      text: "Reported missing",
      urgent: true,
    }),
  );
}

function queued() {
  return db.select().from(outbox).where(isNull(outbox.sentAt)).all();
}

describe("the urgent missing alert", () => {
  it("reaches every recipient by email at once, whatever they chose, with exactly the neutral words and the link", async () => {
    const team = [...new Set(teamOf(missingId()))];
    const frequencies = ["none", "weekly", "daily", "immediate"] as const;
    team.forEach((id, i) =>
      db
        .update(users)
        .set({ emailFrequency: frequencies[i % 4]! })
        .where(eq(users.id, id))
        .run(),
    );
    expect(reportMissing()).toBe(team.length);
    const result = await deliverDue(new Date(), { transport });
    expect(result).toEqual({ sent: team.length, retrying: 0, failed: 0 });
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(team.map(emailOf).sort());
    for (const m of smtp.messages) {
      expect(m.mail.text).toBe(`${URGENT_MISSING_TEXT}\n\nhttps://casa.example.org/inbox\n`);
      expect(m.mail.headers.subject).toBe("CASA MDT: urgent, open the app");
    }
    // That email counted it: no digest counts it again.
    const mine = db.select().from(notifications).where(eq(notifications.kind, "youth.missing")).all();
    expect(mine.every((n) => n.emailedAt !== null)).toBe(true);
  });
});

describe("claims", () => {
  it("two deliveries at once send each message once", async () => {
    const n = reportMissing();
    expect(queued()).toHaveLength(n);
    const [a, b] = await Promise.all([deliverDue(new Date(), { transport }), deliverDue(new Date(), { transport })]);
    expect(a.sent + b.sent).toBe(n);
    expect(smtp.messages).toHaveLength(n);
    expect(new Set(smtp.messages.map((m) => m.to.join()))).toHaveProperty("size", n);
  });

  it("a row another sender holds is left alone until its claim runs out", async () => {
    reportMissing();
    const [row] = queued();
    const now = new Date();
    db.update(outbox)
      .set({ claimedUntil: new Date(now.getTime() + 60_000).toISOString() })
      .where(eq(outbox.id, row!.id))
      .run();
    await deliverDue(now, { transport });
    expect(smtp.messages.map((m) => m.to[0])).not.toContain(row!.toAddress);
    expect(queued().map((r) => r.id)).toEqual([row!.id]);
    await deliverDue(new Date(now.getTime() + 61_000), { transport });
    expect(queued()).toEqual([]);
  });
});

describe("a mail server that fails", () => {
  it("down: the change stays, the row waits with a later retry, and goes out once the server is back", async () => {
    const closed = createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    const before = db.select().from(notifications).all().length;
    const n = reportMissing();
    const now = new Date();
    const result = await deliverDue(now, { transport: closed });
    closed.close();
    expect(result).toEqual({ sent: 0, retrying: n, failed: 0 });
    expect(db.select().from(notifications).all().length).toBe(before + n); // committed, not undone
    for (const row of queued()) {
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/iu);
      expect(row.claimedUntil).toBeNull();
      expect(Date.parse(row.nextAttemptAt)).toBeGreaterThanOrEqual(now.getTime() + retryDelayMs(1));
    }
    await deliverDue(now, { transport }); // not due yet
    expect(smtp.messages).toHaveLength(0);
    await deliverDue(new Date(now.getTime() + retryDelayMs(1) + 5_000), { transport });
    expect(smtp.messages).toHaveLength(n);
    expect(queued()).toEqual([]);
  });

  it("refusing (451): the same, with the backoff growing each time", async () => {
    reportMissing();
    smtp.rejecting = true;
    let now = new Date();
    await deliverDue(now, { transport });
    const first = queued()[0]!;
    expect(first.attempts).toBe(1);
    expect(first.lastError).toMatch(/451/u);
    now = new Date(Date.parse(first.nextAttemptAt) + 1_000);
    await deliverDue(now, { transport });
    const second = queued().find((r) => r.id === first.id)!;
    expect(second.attempts).toBe(2);
    expect(Date.parse(second.nextAttemptAt) - now.getTime()).toBeGreaterThanOrEqual(retryDelayMs(2) - 1_000);
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));
    smtp.rejecting = false;
    await deliverDue(new Date(Date.parse(second.nextAttemptAt) + 1_000), { transport });
    expect(queued()).toEqual([]);
    expect(smtp.messages.length).toBeGreaterThan(0);
  });

  it("gives up after the last attempt and never tries again", async () => {
    reportMissing();
    const row = queued()[0]!;
    db.update(outbox)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(outbox.id, row.id))
      .run();
    smtp.rejecting = true;
    const now = new Date();
    const result = await deliverDue(now, { transport });
    expect(result.failed).toBe(1);
    const after = db.select().from(outbox).where(eq(outbox.id, row.id)).get()!;
    expect(after.failedAt).not.toBeNull();
    expect(after.attempts).toBe(MAX_ATTEMPTS);
    smtp.rejecting = false;
    await deliverDue(new Date(now.getTime() + 7 * 86_400_000), { transport });
    expect(smtp.messages.map((m) => m.to[0])).not.toContain(row.toAddress);
  });
});

describe("without SMTP_URL", () => {
  it("writes each message as an .eml file in mail/ beside the database, the same neutral message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casa-mail-"));
    try {
      const n = reportMissing();
      const [first] = queued();
      db.update(outbox).set({ ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" }).where(eq(outbox.id, first!.id)).run();
      const files = createMailTransport({ DATABASE_PATH: join(dir, "db", "app.db") });
      expect((await deliverDue(new Date(), { transport: files })).sent).toBe(n);
      const folder = join(dir, "db", "mail");
      const emls = readdirSync(folder);
      expect(emls).toHaveLength(n);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      for (const name of emls) {
        expect(name).toMatch(/\.eml$/u);
        expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
        const mail = parseMail(readFileSync(join(folder, name), "utf8"));
        expect(mail.text).toBe(`${URGENT_MISSING_TEXT}\n\nhttps://casa.example.org/inbox\n`);
        expect(mail.headers.from).toBe("CASA MDT <casa-mdt@localhost>");
      }
      const withInvite = emls.map((name) => parseMail(readFileSync(join(folder, name), "utf8"))).find((m) => m.parts.length > 1)!;
      const invite = withInvite.parts.find((p) => /text\/calendar/u.test(p.headers["content-type"] ?? ""))!;
      expect(invite.headers["content-type"]).toMatch(/method=REQUEST/u);
      expect(invite.headers["content-disposition"]).toMatch(/invite\.ics/u);
      expect(invite.text).toContain("BEGIN:VCALENDAR");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("digests", () => {
  const advocate = () => userId(c, "advocate@example.org");
  const today = todayUtc();
  const at = (day: string, utcTime: string) => new Date(`${day}T${utcTime}Z`);
  /** The next Monday and Tuesday from today (UTC dates; at 20:00Z the same dates in Los Angeles). */
  const dayOfWeek = (want: number) => {
    let d = today;
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== want) d = addDays(d, 1);
    return d;
  };

  /** The advocate with nothing waiting: every notification read, every open item of theirs closed. */
  function clearAdvocate() {
    db.update(users).set({ emailFrequency: "daily" }).where(eq(users.id, advocate())).run();
    db.update(notifications).set({ readAt: new Date().toISOString() }).where(eq(notifications.userId, advocate())).run();
    db.update(actionItems).set({ status: "done" }).where(eq(actionItems.ownerUserId, advocate())).run();
    db.update(actionItems).set({ status: "done" }).where(eq(actionItems.ownerPartyRole, "casa_advocate")).run();
  }

  function tellAdvocate(n: number) {
    const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);
    for (let i = 0; i < n; i++) {
      db.transaction((tx) =>
        notify(tx, { programId: programOf(youthId), userId: null }, [advocate()], {
          kind: "request.decided",
          youthId,
          href: "/requests",
          text: `Decided ${i}`,
        }),
      );
    }
  }

  function addItem(youthRef: { caseNumber: string; program: string }, dueOn: string, csecSensitive = false) {
    const youthId = demoYouthId(c, youthRef);
    db.insert(actionItems)
      .values({
        programId: programOf(youthId),
        youthId,
        description: "x",
        ownerUserId: advocate(),
        dueOn,
        csecSensitive,
        createdByUserId: advocate(),
      })
      .run();
  }

  const digestsTo = (email: string) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, email), eq(outbox.kind, "digest.daily")))
      .all();

  it("counts the new notifications and the items due or overdue the person may see, once each, once a day", async () => {
    clearAdvocate();
    const before = digestsTo("advocate@example.org").length;
    tellAdvocate(2);
    addItem(DEMO_YOUTH.advocateNone, addDays(today, -2)); // overdue: counted (its reminder is not counted again)
    addItem(DEMO_YOUTH.advocateNone, today); // due today: counted
    addItem(DEMO_YOUTH.advocateNone, addDays(today, 1)); // due tomorrow: its reminder is counted
    addItem(DEMO_YOUTH.advocateNone, addDays(today, 9)); // later: not counted
    addItem(DEMO_YOUTH.advocateConcernBySomeoneElse, addDays(today, -3), true); // hidden from the advocate by the CSEC rule
    const now = at(today, "20:00:00");
    queueReminders(now);
    queueDigests(now);
    queueDigests(now);
    const mine = digestsTo("advocate@example.org");
    expect(mine.length - before).toBe(1);
    const digest = mine.at(-1)!;
    expect(digest.body.split("\n")[0]).toBe("5 items need you today: open the app.");
    expect(digest.subject).toBe("CASA MDT: 5 items need you today");
    await deliverDue(notBefore(now), { transport });
    const received = smtp.messages.filter((m) => m.to.includes("advocate@example.org") && /today/u.test(m.mail.headers.subject ?? ""));
    expect(received.map((m) => m.mail.text.split("\n")[0])).toEqual(["5 items need you today: open the app."]);
    // Counted once: the notifications are marked, tomorrow counts only what is new (and still due).
    const left = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, advocate()), isNull(notifications.readAt), isNull(notifications.emailedAt)))
      .all();
    expect(left).toEqual([]);
  });

  it("waits for 07:00 in the program's time zone", () => {
    clearAdvocate();
    tellAdvocate(1);
    const day = addDays(today, 20);
    const early = at(day, "14:30:00"); // 06:30 or 07:30 in Los Angeles, by daylight saving time
    const losAngelesHour = Number(
      new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", hourCycle: "h23" }).format(early),
    );
    queueDigests(early);
    const key = `digest:daily:${advocate()}:${programOf(demoYouthId(c, DEMO_YOUTH.advocateNone))}:${day}`;
    const made = () => db.select().from(outbox).where(eq(outbox.onceKey, key)).get();
    expect(made() !== undefined).toBe(losAngelesHour >= 7);
    queueDigests(at(day, "16:00:00"));
    expect(made()).toBeDefined();
  });

  it("weekly: on Mondays only", () => {
    clearAdvocate();
    db.update(users).set({ emailFrequency: "weekly" }).where(eq(users.id, advocate())).run();
    tellAdvocate(1);
    const weekly = () =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.userId, advocate()), eq(outbox.kind, "digest.weekly")))
        .all();
    const before = weekly().length;
    queueDigests(at(dayOfWeek(2), "20:00:00"));
    expect(weekly().length).toBe(before);
    queueDigests(at(dayOfWeek(1), "20:00:00"));
    expect(weekly().length).toBe(before + 1);
    expect(weekly().at(-1)!.body).toMatch(/^1 item needs you this week: open the app\./u);
  });

  it("nothing waiting, no email", () => {
    clearAdvocate();
    const before = db.select().from(outbox).where(eq(outbox.userId, advocate())).all().length;
    queueDigests(at(addDays(today, 30), "20:00:00"));
    expect(db.select().from(outbox).where(eq(outbox.userId, advocate())).all().length).toBe(before);
  });
});
