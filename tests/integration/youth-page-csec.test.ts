/**
 * The concern -> confirmed workflow and who sees what of it on the youth's page (issue 3; the
 * visibility table in DOMAIN.md). Runs on the demo seed; the tests in this file build on one
 * another in order (a concern is raised, then confirmed), as the workflow does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as youthDetailLoader, action as youthDetailAction } from "~/routes/youth-detail";
import { action as partyEditAction } from "~/routes/party-edit";
import { action as partyReplaceAction } from "~/routes/party-replace";
import { action as concernNewAction } from "~/routes/concern-new";
import { action as csecReviewAction } from "~/routes/csec-review";
import { RED_FLAGS } from "~/domain/red-flags";
import { DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { PROGRAM_ONE_TZ, daysAgo, localDateTime } from "../helpers/dates";
import { demoYouthId, queries, snapshot, userId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { callRoute, describeResult, getAs, payloadOf, postRoute, redirectLocation, statusOf } from "../helpers/routes";
import { CASE_TABLES, loadYouthPage } from "../helpers/youth-page";

const db = await demoDatabase();

const client = db.$client;
const { one, all } = queries(client);
type Row = Record<string, unknown>;

const label = (key: string) => RED_FLAGS.find((f) => f.key === key)!.label;

let ids: Record<keyof typeof DEMO_YOUTH, number>;

beforeAll(() => {
  ids = Object.fromEntries(Object.entries(DEMO_YOUTH).map(([k, ref]) => [k, demoYouthId(client, ref)])) as typeof ids;
});

describe("a concern raised by someone else, as advocate@example.org sees the youth's page", () => {
  let youthId: number;
  let csecParty: Row;
  let concern: Row;
  let flags: Row[];
  const contactSummary = "Met the CSEC advocate to plan the first visit (zq-csec-contact)";

  beforeAll(async () => {
    youthId = ids.advocateConcernBySomeoneElse;
    csecParty = one(`SELECT * FROM case_parties WHERE youth_id = ? AND role = 'csec_advocate'`, youthId)!;
    concern = one(`SELECT * FROM csec_concerns WHERE youth_id = ?`, youthId)!;
    flags = all(`SELECT * FROM red_flags WHERE concern_id = ?`, concern.id);
    // The supervisor logs a contact with the CSEC advocate, so there is one to leak.
    const logged = await postRoute(
      db,
      youthDetailAction,
      "supervisor@example.org",
      `/youth/${youthId}`,
      { youthId: String(youthId) },
      {
        intent: "log-contact",
        with: String(csecParty.id),
        occurredAt: localDateTime(PROGRAM_ONE_TZ, -3 * 3_600_000),
        method: "in_person",
        summary: contactSummary,
      },
    );
    expect(redirectLocation(logged)).toContain("?saved=contact");
  });

  it("the demo data is what this test relies on", () => {
    expect(csecParty).toBeDefined();
    expect(concern).toMatchObject({ review_status: "under_review", raised_by_user_id: userId(client, "supervisor@example.org") });
    expect(flags.length).toBeGreaterThanOrEqual(3);
    expect(one(`SELECT status FROM youth_csec_status WHERE youth_id = ?`, youthId)).toEqual({ status: "concern" });
    expect(all(`SELECT * FROM contacts WHERE party_id = ?`, csecParty.id)).toHaveLength(1);
  });

  it("contains no status, concern, red flag, CSEC advocate, contact with them, or CSEC history", async () => {
    const data = await loadYouthPage(db, "advocate@example.org", youthId);
    const json = JSON.stringify(data);

    expect(json).not.toContain('"concern"');
    expect(json).not.toContain("under_review");
    expect(json).not.toContain("csec_advocate");
    expect(json).not.toContain("CSEC advocate");
    for (const marker of DEMO_SECRET_MARKERS) expect(json, marker).not.toContain(marker);
    expect(json).not.toContain(String(concern.note));
    for (const f of flags) {
      expect(json).not.toContain(label(String(f.indicator)));
      expect(json).not.toContain(String(f.indicator));
      if (f.note) expect(json).not.toContain(String(f.note));
    }
    expect(json).not.toContain(String(csecParty.name));
    expect(json).not.toContain(String(csecParty.email));
    expect(json).not.toContain(contactSummary);

    expect(data.csec).toEqual({ view: { kind: "hidden" }, canRaise: true, canReview: false, ownSubmissions: [], full: null });
    expect([...data.parties.current, ...data.parties.history].map((p) => p.role)).not.toContain("csec_advocate");
    expect(data.contacts.some((c) => c.partyId === csecParty.id)).toBe(false);
    expect(data.timeline.filter((e) => e.kind === "csec")).toEqual([]);
  });

  it("carries no trace of CSEC at all: no CSEC-tagged meeting, action item, request, party or label", async () => {
    // The page also lists meetings, action items and requests; anything CSEC-sensitive there would
    // reveal the concern by inference (DOMAIN.md). The same holds for the concern raised by a
    // co-advocate and for the cleared one.
    for (const id of [youthId, ids.sharedConcernByCoAdvocate, ids.advocateCleared]) {
      const json = JSON.stringify(await loadYouthPage(db, "advocate@example.org", id));
      expect(json.match(/.{0,80}(CSEC|csec_|[Cc]oncern).{0,80}/g) ?? [], `youth ${id}`).toEqual([]);
    }
  });

  it("looks exactly like a youth with no CSEC status at all, as far as the CSEC panel goes", async () => {
    const concernPage = await loadYouthPage(db, "advocate@example.org", youthId);
    const nonePage = await loadYouthPage(db, "advocate@example.org", ids.advocateNone);
    expect(concernPage.csec).toEqual(nonePage.csec);
  });

  it("filtering contacts by the hidden CSEC advocate's id shows nothing", async () => {
    const data = await loadYouthPage(db, "advocate@example.org", youthId, `?with=${csecParty.id}`);
    expect(data.contacts).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(contactSummary);
  });

  it("the hidden CSEC advocate cannot be edited, replaced or logged against: as if there were no such party", async () => {
    const before = snapshot(client, CASE_TABLES);
    const params = { youthId: String(youthId), partyId: String(csecParty.id) };
    const edit = await postRoute(db, partyEditAction, "advocate@example.org", `/youth/${youthId}/parties/${csecParty.id}/edit`, params, {
      name: "X",
    });
    expect(statusOf(edit), describeResult(edit)).toBe(404);
    const replace = await postRoute(
      db,
      partyReplaceAction,
      "advocate@example.org",
      `/youth/${youthId}/parties/${csecParty.id}/replace`,
      params,
      {
        name: "X",
        startedOn: daysAgo(PROGRAM_ONE_TZ, 1),
      },
    );
    expect(statusOf(replace), describeResult(replace)).toBe(404);

    const contactWith = async (partyId: string) =>
      postRoute(
        db,
        youthDetailAction,
        "advocate@example.org",
        `/youth/${youthId}`,
        { youthId: String(youthId) },
        {
          intent: "log-contact",
          with: partyId,
          occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
          method: "phone",
          summary: "Probe",
        },
      );
    const hidden = await contactWith(String(csecParty.id));
    const missing = await contactWith("99999999");
    expect(statusOf(hidden)).toBe(400);
    expect(payloadOf<{ errors: unknown }>(hidden).errors).toEqual(payloadOf<{ errors: unknown }>(missing).errors);
    expect(payloadOf<{ errors: Record<string, string> }>(hidden).errors.with).toEqual(expect.any(String));
    expect(snapshot(client, CASE_TABLES)).toEqual(before);
  });

  it("supervisor@example.org sees all of it", async () => {
    const data = await loadYouthPage(db, "supervisor@example.org", youthId);
    const json = JSON.stringify(data);
    expect(data.csec.view.kind).toBe("concern");
    for (const marker of ["silver Charger", "Marigold Motel", "Larkspur Street"]) expect(json).toContain(marker);
    expect(data.parties.current.map((p) => p.id)).toContain(csecParty.id);
    expect(data.contacts.map((c) => c.summary)).toContain(contactSummary);
    expect(data.csec.full).not.toBeNull();
    const shown = data.csec.full!.concerns.find((c) => c.id === concern.id)!;
    expect(shown.note).toBe(concern.note);
    expect(shown.redFlags.map((f) => f.label).sort()).toEqual(flags.map((f) => label(String(f.indicator))).sort());
    expect(data.csec.full!.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([["none", "concern"]]);
    expect(data.timeline.filter((e) => e.kind === "csec")).toHaveLength(1);
    // Markers of other youth never show on this one.
    for (const marker of ["Bayview transit center", "Quail Run Road", "Juniper Lodge"]) expect(json).not.toContain(marker);
  });

  it("lead@example.org sees the concern too; admin gets 403 and the other program 404", async () => {
    const lead = await loadYouthPage(db, "lead@example.org", youthId);
    expect(lead.csec.view.kind).toBe("concern");
    expect(JSON.stringify(lead)).toContain("Marigold Motel");
    const asAdmin = await callRoute(youthDetailLoader, await getAs(db, "admin@example.org", `/youth/${youthId}`), {
      youthId: String(youthId),
    });
    expect(statusOf(asAdmin)).toBe(403);
    expect(JSON.stringify(payloadOf(asAdmin))).not.toContain("Destiny");
    const other = await callRoute(youthDetailLoader, await getAs(db, "lead@second.example.org", `/youth/${youthId}`), {
      youthId: String(youthId),
    });
    expect(statusOf(other)).toBe(404);
  });

  it("once the supervisor confirms it, the advocate sees 'confirmed' with its basis and the CSEC advocate, still not the concern's notes", async () => {
    const confirmed = await postRoute(
      db,
      csecReviewAction,
      "supervisor@example.org",
      `/youth/${youthId}/csec`,
      { youthId: String(youthId) },
      {
        intent: "confirm",
        basis: "agency_csec_unit",
        basisOn: daysAgo(PROGRAM_ONE_TZ, 1),
        note: "CSEC unit assigned after the screening.",
      },
    );
    expect(redirectLocation(confirmed)).toContain("?saved=confirmed");
    const data = await loadYouthPage(db, "advocate@example.org", youthId);
    expect(data.csec.view).toEqual({ kind: "confirmed", basis: "agency_csec_unit", basisOn: daysAgo(PROGRAM_ONE_TZ, 1) });
    expect(data.parties.current.map((p) => p.id)).toContain(csecParty.id);
    expect(data.contacts.map((c) => c.summary)).toContain(contactSummary);
    expect(data.timeline.filter((e) => e.kind === "csec").map((e) => e.at)).toEqual([daysAgo(PROGRAM_ONE_TZ, 1)]);
    const json = JSON.stringify(data);
    expect(data.csec.full).toBeNull();
    for (const marker of DEMO_SECRET_MARKERS) expect(json).not.toContain(marker);
    expect(json).not.toContain("CSEC unit assigned after the screening.");
  });
});

describe("advocate@example.org's pages never carry another person's concern notes", () => {
  it("for every youth assigned to them", async () => {
    const mine = all(
      `SELECT y.id FROM youth y JOIN youth_assignments a ON a.youth_id = y.id
       WHERE a.user_id = ? AND a.kind = 'advocate' AND a.ended_on IS NULL`,
      userId(client, "advocate@example.org"),
    ).map((r) => Number(r.id));
    expect(mine).toEqual(expect.arrayContaining([ids.advocateCleared, ids.sharedConcernByCoAdvocate, ids.advocateOwnConcern]));
    for (const id of mine) {
      const json = JSON.stringify(await loadYouthPage(db, "advocate@example.org", id));
      for (const marker of DEMO_SECRET_MARKERS) expect(json, `youth ${id}: ${marker}`).not.toContain(marker);
    }
  });

  it("a concern raised by a co-advocate stays hidden, also from the timeline", async () => {
    const data = await loadYouthPage(db, "advocate@example.org", ids.sharedConcernByCoAdvocate);
    expect(data.csec.view).toEqual({ kind: "hidden" });
    expect(data.csec.ownSubmissions).toEqual([]);
    expect(data.timeline.some((e) => e.kind === "csec")).toBe(false);
  });

  it("a cleared concern raised by the supervisor stays hidden", async () => {
    const data = await loadYouthPage(db, "advocate@example.org", ids.advocateCleared);
    expect(data.csec).toMatchObject({ view: { kind: "hidden" }, ownSubmissions: [], full: null });
    expect(data.timeline.some((e) => e.kind === "csec")).toBe(false);
  });
});

describe("the workflow: an advocate raises a concern, the supervisor confirms it; another is cleared", () => {
  let youthId: number;
  let concernId: number;
  const note = "She has a new phone she hides and was picked up by an older man twice (zq-workflow-note).";

  it("advocate@example.org raises a concern with two red flags on a youth with no status", async () => {
    youthId = ids.advocateNone;
    expect(one(`SELECT * FROM youth_csec_status WHERE youth_id = ?`, youthId)).toBeUndefined();
    const before = all(`SELECT id FROM csec_status_events WHERE youth_id = ?`, youthId);
    expect(before).toEqual([]);

    const result = await postRoute(
      db,
      concernNewAction,
      "advocate@example.org",
      `/youth/${youthId}/concern`,
      { youthId: String(youthId) },
      {
        indicators: ["multiple_phones_social_media", "older_intimate_partner"],
        observedOn: daysAgo(PROGRAM_ONE_TZ, 2),
        note,
      },
    );
    expect(redirectLocation(result)).toBe(`/youth/${youthId}?saved=concern#concerns`);

    const advocateId = userId(client, "advocate@example.org");
    expect(one(`SELECT status, basis, changed_by_user_id FROM youth_csec_status WHERE youth_id = ?`, youthId)).toEqual({
      status: "concern",
      basis: null,
      changed_by_user_id: advocateId,
    });
    const concerns = all(`SELECT * FROM csec_concerns WHERE youth_id = ?`, youthId);
    expect(concerns).toHaveLength(1);
    expect(concerns[0]).toMatchObject({ raised_by_user_id: advocateId, review_status: "under_review", note });
    concernId = Number(concerns[0]!.id);
    expect(all(`SELECT indicator FROM red_flags WHERE concern_id = ? ORDER BY id`, concernId).map((r) => r.indicator)).toEqual([
      "multiple_phones_social_media",
      "older_intimate_partner",
    ]);
    expect(all(`SELECT from_status, to_status, concern_id FROM csec_status_events WHERE youth_id = ?`, youthId)).toEqual([
      { from_status: "none", to_status: "concern", concern_id: concernId },
    ]);
  });

  it("the advocate sees only their own submission, under review", async () => {
    const data = await loadYouthPage(db, "advocate@example.org", youthId);
    const raisedAt = String(one(`SELECT raised_at FROM csec_concerns WHERE id = ?`, concernId)!.raised_at);
    expect(data.csec.view).toEqual({ kind: "own_concern", raisedAt });
    expect(data.csec.full).toBeNull();
    expect(data.csec.ownSubmissions).toHaveLength(1);
    expect(data.csec.ownSubmissions[0]).toMatchObject({ id: concernId, raisedByViewer: true, reviewStatus: "under_review", note });
    expect(data.csec.ownSubmissions[0]!.redFlags.map((f) => f.label)).toEqual([
      label("multiple_phones_social_media"),
      label("older_intimate_partner"),
    ]);
    expect(data.timeline.filter((e) => e.kind === "csec").map((e) => e.title)).toEqual(["You raised a concern"]);
  });

  it("the supervisor sees the concern with its red flags and history", async () => {
    const data = await loadYouthPage(db, "supervisor@example.org", youthId);
    expect(data.csec.view.kind).toBe("concern");
    expect(data.csec.canReview).toBe(true);
    const shown = data.csec.full!.concerns.find((c) => c.id === concernId)!;
    expect(shown).toMatchObject({ raisedBy: "Elena Novak", raisedByViewer: false, reviewStatus: "under_review", note });
    expect(shown.redFlags.map((f) => [f.indicator, f.label, f.observedOn])).toEqual([
      ["multiple_phones_social_media", label("multiple_phones_social_media"), daysAgo(PROGRAM_ONE_TZ, 2)],
      ["older_intimate_partner", label("older_intimate_partner"), daysAgo(PROGRAM_ONE_TZ, 2)],
    ]);
    expect(data.csec.full!.history.map((h) => [h.fromStatus, h.toStatus, h.actor])).toEqual([["none", "concern", "Elena Novak"]]);
  });

  it("the supervisor confirms it on a court finding; the advocate then sees 'confirmed' with basis and date", async () => {
    const basisOn = daysAgo(PROGRAM_ONE_TZ, 1);
    const result = await postRoute(
      db,
      csecReviewAction,
      "supervisor@example.org",
      `/youth/${youthId}/csec`,
      { youthId: String(youthId) },
      {
        intent: "confirm",
        basis: "court_finding",
        basisOn,
        note: "Finding at the review hearing.",
      },
    );
    expect(redirectLocation(result)).toBe(`/youth/${youthId}?saved=confirmed#concerns`);
    const supervisorId = userId(client, "supervisor@example.org");
    expect(one(`SELECT status, basis, basis_on, changed_by_user_id FROM youth_csec_status WHERE youth_id = ?`, youthId)).toEqual({
      status: "confirmed",
      basis: "court_finding",
      basis_on: basisOn,
      changed_by_user_id: supervisorId,
    });
    expect(one(`SELECT review_status, reviewed_by_user_id FROM csec_concerns WHERE id = ?`, concernId)).toEqual({
      review_status: "confirmed",
      reviewed_by_user_id: supervisorId,
    });
    expect(all(`SELECT from_status, to_status, basis FROM csec_status_events WHERE youth_id = ? ORDER BY id`, youthId)).toEqual([
      { from_status: "none", to_status: "concern", basis: null },
      { from_status: "concern", to_status: "confirmed", basis: "court_finding" },
    ]);

    const data = await loadYouthPage(db, "advocate@example.org", youthId);
    expect(data.csec.view).toEqual({ kind: "confirmed", basis: "court_finding", basisOn });
    expect(data.csec.ownSubmissions[0]).toMatchObject({ id: concernId, reviewStatus: "confirmed" });
    expect(data.timeline.filter((e) => e.kind === "csec").map((e) => e.title)).toEqual(
      expect.arrayContaining(["You raised a concern", "CSEC status confirmed: Court finding"]),
    );
    const sup = await loadYouthPage(db, "supervisor@example.org", youthId);
    expect(sup.csec.view).toEqual({ kind: "confirmed", basis: "court_finding", basisOn });
    expect(sup.csec.full!.history).toHaveLength(2);
  });

  it("the confirmation's history entry names the concern it resolved", () => {
    // csec_status_events.concern_id: "The concern this change raised or resolved" (db/schema.ts);
    // the seed fills it for confirmations and clearings too.
    const last = all(`SELECT * FROM csec_status_events WHERE youth_id = ? ORDER BY id`, youthId).at(-1)!;
    expect(last).toMatchObject({ to_status: "confirmed", concern_id: concernId });
  });

  it("the supervisor clears another youth's concern: status none, and the concern and its history are kept", async () => {
    const other = ids.advocateOwnConcern;
    const concernsBefore = all(`SELECT * FROM csec_concerns WHERE youth_id = ?`, other);
    const flagsBefore = all(`SELECT * FROM red_flags WHERE youth_id = ?`, other);
    const eventsBefore = all(`SELECT * FROM csec_status_events WHERE youth_id = ? ORDER BY id`, other);
    expect(concernsBefore.map((c) => c.review_status)).toEqual(["under_review"]);

    const reason = "The second phone was from her aunt; checked with the caregiver and the CSW.";
    const result = await postRoute(
      db,
      csecReviewAction,
      "supervisor@example.org",
      `/youth/${other}/csec`,
      { youthId: String(other) },
      {
        intent: "clear",
        reason,
      },
    );
    expect(redirectLocation(result)).toBe(`/youth/${other}?saved=cleared#concerns`);

    expect(one(`SELECT status, basis FROM youth_csec_status WHERE youth_id = ?`, other)).toEqual({ status: "none", basis: null });
    const eventsAfter = all(`SELECT * FROM csec_status_events WHERE youth_id = ? ORDER BY id`, other);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter).toHaveLength(eventsBefore.length + 1);
    expect(eventsAfter.at(-1)).toMatchObject({ from_status: "concern", to_status: "none", note: reason });
    const concernsAfter = all(`SELECT * FROM csec_concerns WHERE youth_id = ?`, other);
    expect(concernsAfter).toHaveLength(1);
    expect(concernsAfter[0]).toMatchObject({
      id: concernsBefore[0]!.id,
      note: concernsBefore[0]!.note,
      review_status: "cleared",
      review_note: reason,
    });
    expect(all(`SELECT * FROM red_flags WHERE youth_id = ?`, other)).toEqual(flagsBefore);

    const sup = await loadYouthPage(db, "supervisor@example.org", other);
    expect(sup.csec.view).toEqual({ kind: "none" });
    expect(sup.csec.full!.concerns.map((c) => c.reviewStatus)).toEqual(["cleared"]);
    expect(sup.csec.full!.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ["concern", "none"],
      ["none", "concern"],
    ]);

    // The advocate who raised it learns the outcome, not the reviewer's reasoning; nothing else is shown.
    const adv = await loadYouthPage(db, "advocate@example.org", other);
    expect(adv.csec.view).toEqual({ kind: "hidden" });
    expect(adv.csec.ownSubmissions).toHaveLength(1);
    expect(adv.csec.ownSubmissions[0]).toMatchObject({ reviewStatus: "cleared", reviewNote: null });
    expect(JSON.stringify(adv)).not.toContain(reason);
  });

  it("the clearing's history entry names the concern it resolved", () => {
    const other = ids.advocateOwnConcern;
    const concern = one(`SELECT id FROM csec_concerns WHERE youth_id = ?`, other)!;
    const last = all(`SELECT * FROM csec_status_events WHERE youth_id = ? ORDER BY id`, other).at(-1)!;
    expect(last).toMatchObject({ to_status: "none", concern_id: concern.id });
  });

  it("a concern raised again on a cleared youth reopens the review", async () => {
    const other = ids.advocateCleared;
    expect(one(`SELECT status FROM youth_csec_status WHERE youth_id = ?`, other)).toEqual({ status: "none" });
    const result = await postRoute(
      db,
      concernNewAction,
      "lead@example.org",
      `/youth/${other}/concern`,
      { youthId: String(other) },
      {
        observedOn: daysAgo(PROGRAM_ONE_TZ, 0),
        note: "Seen again at the transit center late at night.",
      },
    );
    expect(redirectLocation(result)).toContain("?saved=concern");
    expect(one(`SELECT status FROM youth_csec_status WHERE youth_id = ?`, other)).toEqual({ status: "concern" });
    const events = all(`SELECT from_status, to_status FROM csec_status_events WHERE youth_id = ? ORDER BY id`, other);
    expect(events.at(-1)).toEqual({ from_status: "none", to_status: "concern" });
    expect(events).toHaveLength(3);
  });
});
