/**
 * Runaway episodes (issue 10): recording a youth as missing and each step of the checklist, with
 * who and when, audited in the same transaction; bad input is a 400 that writes nothing; a stale
 * form is a 409; outside scope is a 404; the youth page, timeline and court draft show it.
 */
import { describe, expect, it } from "vitest";
import { action as newAction, loader as newLoader } from "~/routes/episode-new";
import { action as stepAction, loader as detailLoader } from "~/routes/episode-detail";
import { loader as courtLoader } from "~/routes/court-draft";
import { PROGRAM_ONE_TZ, localDateTime } from "../helpers/dates";
import { queries, snapshot, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, describeResult, getAs, payloadOf, postRoute, redirectLocation, statusOf, type Fields } from "../helpers/routes";
import { loadYouthPage } from "../helpers/youth-page";

const db = await demoDatabase();
const { one, all } = queries(db.$client);
const ADVOCATE = "advocate@example.org";
const SUPERVISOR = "supervisor@example.org";
const H = 3_600_000;

const fresh = (): YouthCase => makeYouth(db, { advocate: ADVOCATE, supervisor: SUPERVISOR });
const params = (c: YouthCase, episodeId?: number) => ({
  youthId: String(c.youthId),
  ...(episodeId ? { episodeId: String(episodeId) } : {}),
});
const EPISODE_TABLES = ["runaway_episodes", "runaway_episode_steps", "audit_events"];

async function reportMissing(c: YouthCase, fields: Partial<Fields> = {}, as = ADVOCATE) {
  return postRoute(db, newAction, as, `/youth/${c.youthId}/missing`, params(c), {
    leftAt: localDateTime(PROGRAM_ONE_TZ, -30 * H),
    leftFrom: "Resource family home",
    noticedBy: "Caregiver",
    circumstances: "Left after dinner with a backpack.",
    ...fields,
  });
}

function episodeIdFrom(location: string): number {
  const m = /\/episodes\/(\d+)\?saved=missing$/.exec(location);
  if (!m) throw new Error(`Not an episode page: ${location}`);
  return Number(m[1]);
}

async function step(c: YouthCase, episodeId: number, fields: Fields, as = ADVOCATE) {
  const version = String(one("select version from runaway_episodes where id = ?", episodeId)!.version);
  return postRoute(db, stepAction, as, `/youth/${c.youthId}/episodes/${episodeId}`, params(c, episodeId), {
    baseVersion: version,
    ...fields,
  });
}

async function detail(c: YouthCase, episodeId: number, as = ADVOCATE) {
  const result = await callRoute(detailLoader, await getAs(db, as, `/youth/${c.youthId}/episodes/${episodeId}`), params(c, episodeId));
  return result as Awaited<ReturnType<typeof detailLoader>>;
}

describe("reporting a youth missing", () => {
  it("writes the episode, its first step (who, when) and an audit row, and opens the checklist", async () => {
    const c = fresh();
    const result = await reportMissing(c);
    const id = episodeIdFrom(redirectLocation(result));
    const e = one("select * from runaway_episodes where id = ?", id)!;
    expect(e).toMatchObject({
      youth_id: c.youthId,
      left_from: "Resource family home",
      noticed_by: "Caregiver",
      returned_at: null,
      version: 1,
    });
    expect(Math.abs(Date.parse(String(e.left_at)) - (Date.now() - 30 * H))).toBeLessThan(2 * 60_000);
    expect(all("select step, recorded_by_user_id as by from runaway_episode_steps where episode_id = ?", id)).toEqual([
      { step: "left", by: userId(db.$client, ADVOCATE) },
    ]);
    expect(one("select action, youth_id from audit_events where entity_type = 'runaway_episode' and entity_id = ?", String(id))).toEqual({
      action: "episode.report_missing",
      youth_id: c.youthId,
    });

    const page = await detail(c, id);
    expect(page.missing).toMatch(/^Missing 1 day 6 h$/);
    expect(page.clocks.map((k) => [k.kind, k.state])).toEqual([
      ["law_enforcement", "overdue"],
      ["ncmec", "overdue"],
    ]);
    expect(page.clocks[1]!.words).toBe("NCMEC report not recorded: 6 h overdue");
  });

  it("refuses bad input with every field's message and writes nothing", async () => {
    const c = fresh();
    const before = snapshot(db.$client, EPISODE_TABLES);
    const result = await reportMissing(c, { leftAt: "yesterday", leftFrom: "  " });
    expect(statusOf(result), describeResult(result)).toBe(400);
    expect(payloadOf(result).errors).toMatchObject({ leftAt: expect.any(String), leftFrom: expect.any(String) });
    expect(payloadOf(result).values).toMatchObject({ noticedBy: "Caregiver" });
    const future = await reportMissing(c, { leftAt: localDateTime(PROGRAM_ONE_TZ, 3 * H) });
    expect(statusOf(future)).toBe(400);
    expect(payloadOf(future).errors.leftAt).toBe("This cannot be in the future.");
    expect(snapshot(db.$client, EPISODE_TABLES)).toEqual(before);
  });

  it("keeps one open episode at a time: the form sends you to the open one", async () => {
    const c = fresh();
    const id = episodeIdFrom(redirectLocation(await reportMissing(c)));
    const again = await reportMissing(c);
    expect(statusOf(again)).toBe(400);
    expect(payloadOf(again).errors._form).toMatch(/already recorded as missing/);
    const form = await callRoute(newLoader, await getAs(db, ADVOCATE, `/youth/${c.youthId}/missing`), params(c));
    expect(redirectLocation(form)).toBe(`/youth/${c.youthId}/episodes/${id}`);
  });

  it("is a 404 for a youth outside the viewer's scope, before anything is read or written", async () => {
    const c = makeYouth(db, { advocate: "advocate2@example.org", supervisor: "supervisor2@example.org" });
    const before = snapshot(db.$client, EPISODE_TABLES);
    expect(statusOf(await reportMissing(c))).toBe(404);
    expect(statusOf(await callRoute(newLoader, await getAs(db, ADVOCATE, `/youth/${c.youthId}/missing`), params(c)))).toBe(404);
    expect(snapshot(db.$client, EPISODE_TABLES)).toEqual(before);
  });
});

describe("the checklist, step by step", () => {
  it("records both reports, the team told, the return and the conversation, each with who and when", async () => {
    const c = fresh();
    const id = episodeIdFrom(redirectLocation(await reportMissing(c)));
    const le = await step(c, id, {
      intent: "law_enforcement",
      reportedAt: localDateTime(PROGRAM_ONE_TZ, -29 * H),
      agency: "Sheriff",
      reference: "LE-1",
    });
    expect(redirectLocation(le)).toBe(`/youth/${c.youthId}/episodes/${id}?saved=episode-step#law_enforcement`);
    await step(c, id, { intent: "ncmec", reportedAt: localDateTime(PROGRAM_ONE_TZ, -28 * H), reference: "1555123" }, SUPERVISOR);
    await step(c, id, { intent: "notified", csw: localDateTime(PROGRAM_ONE_TZ, -29 * H), court: "" });
    let page = await detail(c, id);
    expect(page.clocks.map((k) => k.words)).toEqual([
      "Reported to Law enforcement 1 h after going missing",
      "Reported to NCMEC 2 h after going missing",
    ]);
    expect(page.episode.notified.filter((n) => n.at).map((n) => n.key)).toEqual(["csw"]);

    const early = await step(c, id, { intent: "conversation", conversationAt: localDateTime(PROGRAM_ONE_TZ, -H) });
    expect(statusOf(early)).toBe(400);
    expect(payloadOf(early).errors._form).toMatch(/Record the return first/);

    await step(c, id, {
      intent: "returned",
      returnedAt: localDateTime(PROGRAM_ONE_TZ, -2 * H),
      foundAt: "Bus station",
      foundBy: "Caregiver",
    });
    await step(c, id, {
      intent: "conversation",
      conversationAt: localDateTime(PROGRAM_ONE_TZ, -H),
      q_why_left: "asked",
      q_why_left_note: "Wanted to see a friend",
      q_where: "declined",
      healthResourcesOffered: "on",
    });
    page = await detail(c, id);
    expect(page.episode.returnedAt).not.toBeNull();
    expect(page.episode.returnAnswers).toEqual({
      why_left: { status: "asked", note: "Wanted to see a friend" },
      where: { status: "declined", note: null },
    });
    expect(page.episode.healthResourcesOfferedAt).not.toBeNull();
    expect(page.episode.safetyPlanReviewedAt).toBeNull();
    expect(page.missing).toMatch(/^Missing for 1 day 4 h$/);
    expect(Object.keys(page.episode.steps).sort()).toEqual(["conversation", "law_enforcement", "left", "ncmec", "notified", "returned"]);
    expect(page.episode.steps.ncmec!.by).toBe(one("select name from users where email = ?", SUPERVISOR)!.name);
    const actions = all(
      "select action from audit_events where entity_type = 'runaway_episode' and entity_id = ? order by id",
      String(id),
    ).map((r) => r.action);
    expect(actions).toEqual([
      "episode.report_missing",
      "episode.law_enforcement",
      "episode.ncmec",
      "episode.notified",
      "episode.returned",
      "episode.conversation",
    ]);

    // Back: the youth is no longer missing on their page, and the episode is on the timeline.
    const youthPage = await loadYouthPage(db, ADVOCATE, c.youthId);
    expect(youthPage.overview.missing).toBeNull();
    expect(youthPage.timeline.filter((t) => t.kind === "episode").map((t) => t.title)).toEqual(["Returned", "Went missing"]);
  });

  it("refuses a step from a stale form (409) with the checklist as saved now, and keeps the other person's entry", async () => {
    const c = fresh();
    const id = episodeIdFrom(redirectLocation(await reportMissing(c)));
    const seen = String(one("select version from runaway_episodes where id = ?", id)!.version);
    await step(c, id, { intent: "ncmec", reportedAt: localDateTime(PROGRAM_ONE_TZ, -28 * H), reference: "FIRST" }, SUPERVISOR);
    const stale = await postRoute(db, stepAction, ADVOCATE, `/youth/${c.youthId}/episodes/${id}`, params(c, id), {
      baseVersion: seen,
      intent: "ncmec",
      reportedAt: localDateTime(PROGRAM_ONE_TZ, -27 * H),
      reference: "SECOND",
    });
    expect(statusOf(stale)).toBe(409);
    expect(payloadOf<{ current: { ncmecCaseNumber: string } }>(stale).current.ncmecCaseNumber).toBe("FIRST");
    expect(payloadOf(stale).values).toMatchObject({ reference: "SECOND" });
    expect(one("select ncmec_case_number as n from runaway_episodes where id = ?", id)!.n).toBe("FIRST");
  });

  it("refuses times before the youth went missing, and an unknown step", async () => {
    const c = fresh();
    const id = episodeIdFrom(redirectLocation(await reportMissing(c)));
    const before = snapshot(db.$client, EPISODE_TABLES);
    const early = await step(c, id, { intent: "law_enforcement", reportedAt: localDateTime(PROGRAM_ONE_TZ, -40 * H) });
    expect(statusOf(early)).toBe(400);
    expect(payloadOf(early).errors.reportedAt).toMatch(/before the youth went missing/);
    expect(statusOf(await step(c, id, { intent: "delete-everything" }))).toBe(400);
    expect(snapshot(db.$client, EPISODE_TABLES)).toEqual(before);
  });

  it("is a 404 for another youth's episode, even in scope", async () => {
    const a = fresh();
    const b = fresh();
    const id = episodeIdFrom(redirectLocation(await reportMissing(a)));
    const result = await callRoute(detailLoader, await getAs(db, ADVOCATE, `/youth/${b.youthId}/episodes/${id}`), params(b, id));
    expect(statusOf(result)).toBe(404);
    expect(statusOf(await step(b, id, { intent: "ncmec", reportedAt: localDateTime(PROGRAM_ONE_TZ, -H) }))).toBe(404);
  });
});

describe("the court draft", () => {
  it("lists the period's episodes by their dates and return only: no notes, no circumstances, no places", async () => {
    const c = fresh();
    const id = episodeIdFrom(
      redirectLocation(await reportMissing(c, { circumstances: "MARKER-CIRCUMSTANCES", noticedBy: "MARKER-NOTICED" })),
    );
    await step(c, id, {
      intent: "returned",
      returnedAt: localDateTime(PROGRAM_ONE_TZ, -2 * H),
      foundAt: "MARKER-FOUND-AT",
      foundBy: "Caregiver",
    });
    const result = (await callRoute(courtLoader, await getAs(db, SUPERVISOR, `/youth/${c.youthId}/court-draft`), params(c))) as Awaited<
      ReturnType<typeof courtLoader>
    >;
    expect(result.draft.episodes).toHaveLength(1);
    expect(Object.keys(result.draft.episodes[0]!).sort()).toEqual(["leftAt", "returnedAt"]);
    expect(JSON.stringify(result)).not.toMatch(/MARKER-/);
  });
});

describe("the youth page", () => {
  function pastEpisode(c: YouthCase, daysAgo: number) {
    const left = new Date(Date.now() - daysAgo * 24 * H);
    db.$client
      .prepare(
        "insert into runaway_episodes (program_id, youth_id, left_at, returned_at, created_by_user_id) values ((select program_id from youth where id = ?), ?, ?, ?, ?)",
      )
      .run(c.youthId, c.youthId, left.toISOString(), new Date(left.getTime() + 30 * H).toISOString(), userId(db.$client, ADVOCATE));
  }

  it("lists every episode newest first, each with its duration, and marks three in 90 days a frequent runner", async () => {
    const c = fresh();
    pastEpisode(c, 100);
    pastEpisode(c, 60);
    pastEpisode(c, 20);
    let page = await loadYouthPage(db, ADVOCATE, c.youthId);
    expect(page.frequentRunner).toBe(false); // the one 100 days ago is outside the window
    expect(page.episodes.map((e) => e.words)).toEqual(["Missing for 1 day 6 h", "Missing for 1 day 6 h", "Missing for 1 day 6 h"]);
    pastEpisode(c, 5);
    page = await loadYouthPage(db, ADVOCATE, c.youthId);
    expect(page.frequentRunner).toBe(true);
    const lefts = page.episodes.map((e) => e.leftAt);
    expect(lefts).toEqual([...lefts].sort().reverse());
    // Each opens its checklist.
    const first = await detail(c, page.episodes[0]!.id);
    expect(first.episode.id).toBe(page.episodes[0]!.id);
  });

  it("shows the clocks of a youth missing now in its header", async () => {
    const c = fresh();
    await reportMissing(c);
    const page = await loadYouthPage(db, ADVOCATE, c.youthId);
    expect(page.overview.missing?.words).toBe("Missing 1 day 6 h");
    expect(page.overview.missing?.clocks.map((k) => k.state)).toEqual(["overdue", "overdue"]);
  });
});
