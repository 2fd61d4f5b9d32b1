/**
 * Calendar feeds and settings (issue 14): the private feed answers only a live token of an active
 * account (everything else a bare 404); making, replacing and revoking the token are audited and
 * take effect at once; every demo user's feed says only "MDT meeting (initials)" with a link, and
 * leaves out what their screens would not show them (a CSEC MDT, a CSEC-sensitive action item).
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as feedLoader } from "~/routes/calendar-feed";
import { action as settingsAction } from "~/routes/settings-calendar";
import { MEETING_TYPES } from "~/domain/meetings";
import { calendarSettingsOf } from "~/server/calendar.server";
import { getViewer, type Viewer } from "~/server/session.server";
import { DEMO_ACCOUNTS, DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday } from "../helpers/dates";
import { auditRowsAfter, demoYouthId, maxId, programId, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { insertActionItem } from "../helpers/meetings";
import { callRoute, getAs, postRoute, redirectLocation, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

const ADV = "advocate@example.org";
const SUP = "supervisor@example.org";
const ADMIN = "admin@example.org";

async function viewerOf(email: string): Promise<Viewer> {
  return (await getViewer(await getAs(db, email, "/")))!;
}

async function fetchFeed(file: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = (await callRoute(feedLoader, new Request(`http://localhost/calendar/${file}`), { file })) as Response;
  return { status: res.status, body: await res.text(), headers: res.headers };
}

const tokenOf = (email: string) => (c.prepare("select calendar_token t from users where email = ?").get(email) as { t: string | null }).t;

/** Gives a user a feed (and action items in it) directly, for users the settings forms refuse (admins). */
function giveFeed(email: string): string {
  const token = createHash("sha256").update(email).digest("base64url").slice(0, 43);
  c.prepare("update users set calendar_token = ?, calendar_actions = 1 where email = ?").run(token, email);
  return token;
}

/** iCalendar text unfolded (a long line continues on the next after a space). */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, "");
const summaries = (ics: string) => [...unfold(ics).matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]!.trim());
const uids = (ics: string) => [...unfold(ics).matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim());

const CSEC_WORDS = /csec|exploit|traffick|sex|saving innocence|restoration|concern|red flag/i;

function csecMdtOf(youthRef: { caseNumber: string; program: string }): number {
  const youthId = demoYouthId(c, youthRef);
  return (
    c.prepare("select id from mdt_meetings where youth_id = ? and type = 'csec_mdt' order by scheduled_at desc").get(youthId) as {
      id: number;
    }
  ).id;
}

describe("the feed's URL", () => {
  it("answers 404 with nothing more for a malformed, unknown or empty token, and sets no cookie", async () => {
    for (const file of ["x.ics", `${"A".repeat(43)}.ics`, `${"A".repeat(43)}`, ".ics", `${"A".repeat(44)}.ics`]) {
      const res = await fetchFeed(file);
      expect(res.status, file).toBe(404);
      expect(res.body).toBe("Not found\n");
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("works from the settings form at once; a new address makes the old one a 404; revoking makes it a 404", async () => {
    const before = maxId(c, "audit_events");
    const made = await postRoute(db, settingsAction, ADV, "/settings/calendar", {}, { intent: "regenerate" });
    expect(redirectLocation(made)).toBe("/settings?saved=calendar-created#calendar");
    const first = tokenOf(ADV)!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await viewerOf(ADV)) && calendarSettingsOf(await viewerOf(ADV))).toEqual({
      available: true,
      feedUrl: `http://localhost:3000/calendar/${first}.ics`,
      includeActions: false,
    });

    const ok = await fetchFeed(`${first}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(ok.headers.get("Cache-Control")).toBe("private, no-store");
    expect(ok.headers.get("Set-Cookie")).toBeNull();
    expect(ok.body).toMatch(/^BEGIN:VCALENDAR/);

    const again = await postRoute(db, settingsAction, ADV, "/settings/calendar", {}, { intent: "regenerate" });
    expect(redirectLocation(again)).toBe("/settings?saved=calendar-regenerated#calendar");
    const second = tokenOf(ADV)!;
    expect(second).not.toBe(first);
    expect((await fetchFeed(`${first}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${second}.ics`)).status).toBe(200);

    const revoked = await postRoute(db, settingsAction, ADV, "/settings/calendar", {}, { intent: "revoke" });
    expect(redirectLocation(revoked)).toBe("/settings?saved=calendar-revoked#calendar");
    expect(tokenOf(ADV)).toBeNull();
    expect((await fetchFeed(`${second}.ics`)).status).toBe(404);
    expect(calendarSettingsOf(await viewerOf(ADV)).feedUrl).toBeNull();

    const rows = auditRowsAfter(c, before).filter((r) => r.action.startsWith("calendar."));
    expect(rows.map((r) => [r.action, r.actor_user_id, r.details ? JSON.parse(r.details) : null])).toEqual([
      ["calendar.token_regenerate", userId(c, ADV), { replaced: false }],
      ["calendar.token_regenerate", userId(c, ADV), { replaced: true }],
      ["calendar.token_revoke", userId(c, ADV), null],
    ]);
    // The secret never reaches the audit log.
    for (const r of auditRowsAfter(c, before)) expect(JSON.stringify(r)).not.toContain(first.slice(0, 20));
  });

  it("is a 404 for a deactivated account, and works again when it is reactivated", async () => {
    const token = giveFeed("advocate6@example.org");
    expect((await fetchFeed(`${token}.ics`)).status).toBe(200);
    c.prepare("update users set disabled_at = ? where email = ?").run(new Date().toISOString(), "advocate6@example.org");
    expect((await fetchFeed(`${token}.ics`)).status).toBe(404);
    c.prepare("update users set disabled_at = null where email = ?").run("advocate6@example.org");
    expect((await fetchFeed(`${token}.ics`)).status).toBe(200);
  });
});

describe("the settings forms", () => {
  it("save whether action items are in the feed, audited", async () => {
    const before = maxId(c, "audit_events");
    const on = await postRoute(db, settingsAction, SUP, "/settings/calendar", {}, { intent: "actions", includeActions: "1" });
    expect(redirectLocation(on)).toBe("/settings?saved=calendar-actions#calendar");
    expect(calendarSettingsOf(await viewerOf(SUP)).includeActions).toBe(true);
    await postRoute(db, settingsAction, SUP, "/settings/calendar", {}, { intent: "actions" });
    expect(calendarSettingsOf(await viewerOf(SUP)).includeActions).toBe(false);
    expect(auditRowsAfter(c, before).map((r) => [r.action, r.details])).toEqual([
      ["calendar.actions", JSON.stringify({ on: true })],
      ["calendar.actions", JSON.stringify({ on: false })],
    ]);
  });

  it("are not offered to administrators (no meetings) and refuse them with 403, changing nothing", async () => {
    expect(calendarSettingsOf(await viewerOf(ADMIN))).toEqual({ available: false, feedUrl: null, includeActions: false });
    const before = maxId(c, "audit_events");
    for (const intent of ["regenerate", "revoke", "actions"]) {
      expect(statusOf(await postRoute(db, settingsAction, ADMIN, "/settings/calendar", {}, { intent }))).toBe(403);
    }
    expect(tokenOf(ADMIN)).toBeNull();
    expect(maxId(c, "audit_events")).toBe(before);
  });

  it("refuse an unknown intent with 400", async () => {
    expect(statusOf(await postRoute(db, settingsAction, ADV, "/settings/calendar", {}, { intent: "other" }))).toBe(400);
  });
});

describe("what the feed holds", () => {
  let csecMdt: number;
  let sensitiveAction: number;
  let plainAction: number;

  beforeAll(() => {
    csecMdt = csecMdtOf(DEMO_YOUTH.advocateConcernBySomeoneElse);
    const youthId = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);
    const pid = programId(c, "example-county");
    // Owned by the advocate, on the youth whose concern they may not know of: one tagged sensitive.
    sensitiveAction = insertActionItem(c, {
      programId: pid,
      youthId,
      description: "Calendar fixture sensitive item",
      ownerUserId: userId(c, ADV),
      dueOn: dayFromToday(PROGRAM_ONE_TZ, 4),
      csecSensitive: true,
      createdBy: userId(c, SUP),
    });
    plainAction = insertActionItem(c, {
      programId: pid,
      youthId,
      description: "Calendar fixture plain item",
      ownerUserId: userId(c, ADV),
      dueOn: dayFromToday(PROGRAM_ONE_TZ, 6),
      createdBy: userId(c, SUP),
    });
  });

  it("for the advocate: their youth's meetings, not the CSEC MDT they may not know of, nor a sensitive action item", async () => {
    const token = giveFeed(ADV);
    const { body } = await fetchFeed(`${token}.ics`);
    const ids = uids(body);
    const expected = c
      .prepare(
        `select m.id from mdt_meetings m join youth_assignments a on a.youth_id = m.youth_id and a.user_id = ? and a.ended_on is null
         where m.youth_id = ? and m.type <> 'csec_mdt' and m.scheduled_at >= ?`,
      )
      .all(userId(c, ADV), demoYouthId(c, DEMO_YOUTH.advocateNone), new Date(Date.now() - 89 * 86_400_000).toISOString()) as Array<{
      id: number;
    }>;
    expect(expected.length).toBeGreaterThan(0);
    for (const m of expected) expect(ids).toContain(`meeting-${m.id}@localhost:3000`);
    expect(ids).not.toContain(`meeting-${csecMdt}@localhost:3000`);
    expect(ids).toContain(`action-${plainAction}@localhost:3000`);
    expect(ids).not.toContain(`action-${sensitiveAction}@localhost:3000`);
    expect(unfold(body)).toContain(`URL;VALUE=URI:http://localhost:3000/meetings/${expected[0]!.id}`);
  });

  it("for the supervisor: the CSEC MDT too, under the same neutral summary", async () => {
    const token = giveFeed(SUP);
    const { body } = await fetchFeed(`${token}.ics`);
    const ev = unfold(body)
      .split("BEGIN:VEVENT")
      .find((e) => e.includes(`UID:meeting-${csecMdt}@`));
    expect(ev).toBeDefined();
    const y = DEMO_YOUTH.advocateConcernBySomeoneElse;
    expect(ev).toContain(`SUMMARY:MDT meeting (${y.firstName[0]}. ${y.lastName[0]}.)`);
    expect(ev).not.toMatch(CSEC_WORDS);
  });

  it("for every demo user: only neutral summaries and links; no type, CSEC word, youth name, place or secret", async () => {
    const youthNames = (
      c.prepare("select first_name || ' ' || last_name n, first_name f, last_name l from youth").all() as Array<{
        n: string;
        f: string;
        l: string;
      }>
    ).filter((y) => y.f.length > 2 && y.l.length > 2);
    const places = (c.prepare("select distinct location l from mdt_meetings where location is not null").all() as Array<{ l: string }>).map(
      (r) => r.l,
    );
    let events = 0;
    for (const account of DEMO_ACCOUNTS) {
      const token = giveFeed(account.email);
      const res = await fetchFeed(`${token}.ics`);
      expect(res.status, account.email).toBe(200);
      const text = unfold(res.body);
      for (const s of summaries(text)) expect(s, account.email).toMatch(/^(MDT meeting|Action item due) \((\p{Lu}\. )*\p{Lu}\.\)$/u);
      events += summaries(text).length;
      expect(text, account.email).not.toMatch(CSEC_WORDS);
      for (const t of MEETING_TYPES) expect(text.toLowerCase(), `${account.email}: ${t.label}`).not.toContain(t.label.toLowerCase());
      for (const marker of DEMO_SECRET_MARKERS) expect(text, account.email).not.toContain(marker);
      for (const y of youthNames) {
        expect(text, account.email).not.toContain(y.n);
        expect(text, account.email).not.toContain(y.l);
      }
      for (const p of places) expect(text, account.email).not.toContain(p);
      if (account.role === "admin") expect(summaries(text), "an administrator has no meetings").toEqual([]);
    }
    expect(events).toBeGreaterThan(20);
  });
});
