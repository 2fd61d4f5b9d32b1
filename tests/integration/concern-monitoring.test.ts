/**
 * The third outcome of a concern review (issue 13): keep monitoring, with a next review date, an
 * optional referral and what the advocate should keep doing. The status stays `concern`; the
 * concern leaves the queue until its date; the advocate who raised it sees only that it was
 * reviewed and what to keep doing.
 */
import { describe, expect, it } from "vitest";
import { loader as concernsLoader } from "~/routes/concerns";
import { action as reviewAction } from "~/routes/csec-review";
import { loader as youthLoader } from "~/routes/youth-detail";
import { DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, dayFromToday } from "../helpers/dates";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const youthId = demoYouthId(c, DEMO_YOUTH.advocateOwnConcern);
const REFERRAL = "Referred to Marigold Unit 7";
const NOTE = "Internal: the school counsellor saw Kestrel pick-ups";
const GUIDANCE = "Keep weekly visits and note who picks her up from school.";

const review = async (email: string, fields: Fields) =>
  callRoute(reviewAction, await postAs(db, email, `/youth/${youthId}/csec`, fields), { youthId: String(youthId) });
const youthPage = async (email: string) =>
  JSON.stringify(await callRoute(youthLoader, await getAs(db, email, `/youth/${youthId}`), { youthId: String(youthId) }));
type Queue = {
  queue: { rows: Array<{ youthId: number; reviewDueOn: string | null }> };
  monitored: { rows: Array<{ youthId: number; nextReviewOn: string; referral: string | null }> };
};
const queue = async () => (await callRoute(concernsLoader, await getAs(db, "supervisor@example.org", "/concerns"))) as Queue;
const concernRow = () =>
  c
    .prepare("select review_status, next_review_on, referral, guidance, review_note from csec_concerns where youth_id = ? order by id desc")
    .get(youthId) as Record<string, string | null>;

describe("keep monitoring", () => {
  const nextReview = dayFromToday(PROGRAM_ONE_TZ, 14);

  it("is refused to the advocate (403) and checks every field at once", async () => {
    expect(statusOf(await review("advocate@example.org", { intent: "monitor", nextReviewOn: nextReview, guidance: "x" }))).toBe(403);
    const bad = await review("supervisor@example.org", { intent: "monitor", nextReviewOn: "", guidance: "", referral: "r".repeat(201) });
    expect(statusOf(bad)).toBe(400);
    expect(Object.keys(payloadOf(bad).errors).sort()).toEqual(["guidance", "nextReviewOn", "referral"]);
    const past = await review("supervisor@example.org", {
      intent: "monitor",
      nextReviewOn: dayFromToday(PROGRAM_ONE_TZ, 0),
      guidance: GUIDANCE,
    });
    expect(payloadOf(past).errors.nextReviewOn).toMatch(/after today/);
    expect(concernRow().review_status).toBe("under_review");
  });

  it("keeps the concern under watch: status unchanged, the review recorded and audited", async () => {
    const result = await review("supervisor@example.org", {
      intent: "monitor",
      nextReviewOn: nextReview,
      referral: REFERRAL,
      guidance: GUIDANCE,
      note: NOTE,
    });
    expect(redirectLocation(result)).toBe(`/youth/${youthId}?saved=monitoring#concerns`);
    expect(concernRow()).toEqual({
      review_status: "monitoring",
      next_review_on: nextReview,
      referral: REFERRAL,
      guidance: GUIDANCE,
      review_note: NOTE,
    });
    expect(c.prepare("select status from youth_csec_status where youth_id = ?").get(youthId)).toEqual({ status: "concern" });
    const audit = c.prepare("select details from audit_events where action = 'csec.monitor' and youth_id = ?").get(youthId) as {
      details: string;
    };
    expect(JSON.parse(audit.details)).toMatchObject({ nextReviewOn: nextReview, referred: true });
  });

  it("shows the advocate who raised it only that it was reviewed and what to keep doing", async () => {
    const page = await youthPage("advocate@example.org");
    expect(page).toContain(GUIDANCE);
    expect(page).toContain('"reviewStatus":"monitoring"');
    for (const hidden of [REFERRAL, NOTE, nextReview]) expect(page).not.toContain(hidden);
    const own = (JSON.parse(page) as { csec: { ownSubmissions: Array<Record<string, unknown>> } }).csec.ownSubmissions[0];
    expect(own).toMatchObject({
      reviewStatus: "monitoring",
      reviewedBy: null,
      reviewNote: null,
      referral: null,
      nextReviewOn: null,
      guidance: GUIDANCE,
    });
    expect((JSON.parse(page) as { csec: { view: unknown } }).csec.view).toEqual({ kind: "hidden" });
    // The supervisor sees all of it.
    const full = await youthPage("supervisor@example.org");
    for (const shown of [REFERRAL, NOTE, nextReview, GUIDANCE]) expect(full).toContain(shown);
  });

  it("leaves the review queue until its date, listed as kept under watch; then returns to it", async () => {
    let q = await queue();
    expect(q.queue.rows.some((r) => r.youthId === youthId)).toBe(false);
    expect(q.monitored.rows.find((r) => r.youthId === youthId)).toEqual(
      expect.objectContaining({ nextReviewOn: nextReview, referral: REFERRAL }),
    );
    const today = dayFromToday(PROGRAM_ONE_TZ, 0);
    c.prepare("update csec_concerns set next_review_on = ? where youth_id = ? and review_status = 'monitoring'").run(today, youthId);
    q = await queue();
    expect(q.queue.rows.find((r) => r.youthId === youthId)?.reviewDueOn).toBe(today);
    expect(q.monitored.rows.some((r) => r.youthId === youthId)).toBe(false);
  });

  it("is closed by a later confirmation or clearing", async () => {
    const result = await review("supervisor@example.org", { intent: "clear", reason: "Explained by a family visit." });
    expect(statusOf(result)).toBe(302);
    expect(concernRow()).toMatchObject({ review_status: "cleared", next_review_on: null });
    // The advocate who raised it is told, in the same words as for any outcome, with no guidance now.
    const told = c
      .prepare("select text from notifications where kind = 'concern.reviewed' and youth_id = ? order by id")
      .all(youthId) as Array<{ text: string }>;
    expect(told.map((t) => t.text.replace(/about \S+ \S\./u, "about Y."))).toEqual([
      `The concern you raised about Y. was reviewed. What to keep doing: ${GUIDANCE}`,
      "The concern you raised about Y. was reviewed.",
    ]);
  });
});
