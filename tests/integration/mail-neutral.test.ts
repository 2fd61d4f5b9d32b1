/**
 * Email is not a confidential channel (DOMAIN.md): whatever happens in the app, no email, for
 * any recipient, carries a youth's name, a case number, a party's name or a CSEC word. This runs
 * the whole path on the demo data (every demo user, concerns, CSEC-sensitive requests and
 * actions, a missing youth): notifications whose in-app text names everything, the reminders,
 * the digests, immediate emails, and delivery to a real SMTP server, then reads every message
 * that arrived, every header and every decoded part, against every name in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEMO_ACCOUNTS, DEMO_SECRET_MARKERS, todayUtc } from "../../db/seed";
import { actionItems, caseParties, users, youth } from "../../db/schema";
import { queueDigests } from "../../app/server/digests.server";
import { createMailTransport } from "../../app/server/mail.server";
import { deliverDue } from "../../app/server/mail-sender.server";
import { assignedTo, notify, programLeads } from "../../app/server/notifications.server";
import { queueReminders } from "../../app/server/reminders.server";
import { addDays } from "../../app/domain/dates";
import { demoDatabase } from "../helpers/demo-database";
import { notBefore, startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

const db = await demoDatabase();
process.env.APP_URL = "https://casa.example.org";

/** Words that would say, or hint, that a youth is (suspected to be) exploited. */
const CSEC_WORDS = [
  "trafficking",
  "traffick",
  "exploit",
  "CSEC",
  "the life",
  "pimp",
  "concern",
  "red flag",
  "restoration",
  "Saving Innocence",
];

/** Everything an email must never say: every youth's names and case number, every party's name and organisation. */
function forbiddenTerms(): string[] {
  const terms = new Set<string>([...CSEC_WORDS, ...DEMO_SECRET_MARKERS]);
  for (const y of db.select({ first: youth.firstName, last: youth.lastName, caseNumber: youth.caseNumber }).from(youth).all()) {
    terms.add(y.first);
    terms.add(y.last);
    terms.add(y.caseNumber);
  }
  for (const p of db.select({ name: caseParties.name, org: caseParties.organization }).from(caseParties).all()) {
    terms.add(p.name);
    for (const word of p.name.split(/\s+/u)) if (word.replace(/\W/gu, "").length >= 3) terms.add(word);
    if (p.org) terms.add(p.org);
  }
  return [...terms].filter((t) => t.trim().length >= 2);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** The terms that `text` contains, as whole words, whatever the case. */
function leaks(text: string, terms: string[]): string[] {
  return terms.filter((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(t)}($|[^\\p{L}\\p{N}])`, "iu").test(text));
}

const now = new Date(`${todayUtc()}T20:00:00Z`); // after 07:00 in both demo programs' time zones, same calendar day
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

/** Notifications whose in-app text carries everything an email must not: names, case numbers, CSEC words. */
function tellEveryoneEverything() {
  const everyYouth = db
    .select({ id: youth.id, programId: youth.programId, first: youth.firstName, last: youth.lastName, caseNumber: youth.caseNumber })
    .from(youth)
    .all();
  let told = 0;
  for (const y of everyYouth) {
    const team = [...assignedTo(db, y.id, "advocate"), ...assignedTo(db, y.id, "supervisor"), ...programLeads(db, y.programId)];
    const party = db.select({ name: caseParties.name }).from(caseParties).where(eq(caseParties.youthId, y.id)).get()?.name ?? "the CSW";
    db.transaction((tx) => {
      told += notify(tx, { programId: y.programId, userId: null }, team, {
        kind: "concern.raised",
        youthId: y.id,
        href: `/youth/${y.id}#concerns`,
        text: `Concern raised for ${y.first} ${y.last} (${y.caseNumber}): red flags of trafficking, exploitation, "the life"`,
        csecSensitive: true,
      });
      told += notify(tx, { programId: y.programId, userId: null }, team, {
        kind: "request.submitted",
        youthId: y.id,
        href: `/youth/${y.id}#requests`,
        text: `Restoration funds requested for ${y.first} ${y.last}, addressed to ${party}`,
      });
    });
  }
  return told;
}

describe("email carries counts and links only", () => {
  it("sends every demo user one neutral digest, and neutral urgent alerts, whatever happened", async () => {
    db.update(users).set({ emailFrequency: "daily" }).run();
    // An action of the advocate's, due tomorrow, tied to the concern: its reminder names it in the inbox only.
    const advocate = db.select({ id: users.id }).from(users).where(eq(users.email, "advocate@example.org")).get()!;
    const advocatesYouth = db
      .select({ id: youth.id, programId: youth.programId })
      .from(youth)
      .all()
      .find((y) => assignedTo(db, y.id, "advocate").includes(advocate.id))!;
    db.insert(actionItems)
      .values({
        programId: advocatesYouth.programId,
        youthId: advocatesYouth.id,
        description: "Ask the Saving Innocence advocate about the trafficking concern",
        ownerUserId: advocate.id,
        dueOn: addDays(todayUtc(), 1),
        createdByUserId: advocate.id,
      })
      .run();

    expect(tellEveryoneEverything()).toBeGreaterThan(0);
    const reminders = queueReminders(now);
    expect(reminders.due + reminders.overdue).toBeGreaterThan(0);
    expect(reminders.ncmecOverdue).toBeGreaterThan(0); // the demo has a youth missing with the NCMEC report unrecorded

    expect(queueDigests(now)).toBeGreaterThan(0);
    expect(queueDigests(now)).toBe(0); // a second run the same day queues nothing
    const transport = createMailTransport({ SMTP_URL: smtp.url, MAIL_FROM: "CASA MDT <casa@example.org>" });
    const delivered = await deliverDue(notBefore(now), { transport });
    transport.close();
    expect(delivered.retrying + delivered.failed).toBe(0);
    expect(delivered.sent).toBe(smtp.messages.length);

    // Every user with case access got exactly one digest today; the administrators none.
    const digests = smtp.messages.filter((m) => /need(s)? you today/u.test(m.mail.headers.subject ?? ""));
    for (const account of DEMO_ACCOUNTS) {
      const mine = digests.filter((m) => m.to.includes(account.email));
      expect(mine.length, account.email).toBe(account.role === "admin" ? 0 : 1);
      if (mine[0]) {
        expect(mine[0].mail.text).toMatch(/^\d+ items? needs? you today: open the app\.\n\nhttps:\/\/casa\.example\.org\/\n/u);
        expect(mine[0].mail.text).toContain("https://casa.example.org/settings");
      }
    }
    const urgent = smtp.messages.filter((m) => m.mail.text.startsWith("A youth on your caseload is missing: open the app."));
    expect(urgent.length).toBe(reminders.ncmecOverdue);

    const terms = forbiddenTerms();
    expect(terms.length).toBeGreaterThan(100);
    for (const m of smtp.messages) {
      expect(leaks(m.mail.everything, terms), m.raw).toEqual([]);
      expect(leaks(m.raw, terms), m.raw).toEqual([]);
    }
  });

  it("says nothing more when people hear of each item at once", async () => {
    db.update(users).set({ emailFrequency: "immediate" }).run();
    process.env.SMTP_URL = smtp.url; // the transport the environment asks for, as the scheduler makes it
    const before = smtp.messages.length;
    const told = tellEveryoneEverything();
    await deliverDue(new Date());
    const fresh = smtp.messages.slice(before);
    expect(fresh.length).toBe(told);
    const terms = forbiddenTerms();
    for (const m of fresh) {
      expect(m.mail.text).toMatch(/^1 new item needs you in CASA MDT: open the app\./u);
      expect(leaks(m.mail.everything, terms), m.raw).toEqual([]);
      expect(leaks(m.raw, terms), m.raw).toEqual([]);
    }
  });

  it("the leak check itself finds a name, a case number and a CSEC word", () => {
    const y = db.select({ first: youth.firstName, caseNumber: youth.caseNumber }).from(youth).get()!;
    const terms = forbiddenTerms();
    expect(leaks(`Hello ${y.first}`, terms)).toContain(y.first);
    expect(leaks(`case ${y.caseNumber}.`, terms)).toContain(y.caseNumber);
    expect(leaks("a CONCERN was raised", terms)).toContain("concern");
  });
});
