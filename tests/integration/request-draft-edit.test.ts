/**
 * Editing a draft request (issue 13): its author changes it until it is submitted; each save is
 * in the request's history and the audit log keeps what it was before; a stale form or a
 * submitted request is refused (409); nobody else may edit it.
 */
import { describe, expect, it } from "vitest";
import { action as newAction } from "~/routes/request-new";
import { action as editAction, loader as editLoader } from "~/routes/request-edit";
import { action as detailAction, loader as detailLoader } from "~/routes/request-detail";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId, snapshot } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const TABLES = ["resource_requests", "request_status_events", "audit_events"] as const;
const ADVOCATE = "advocate@example.org";
const youthId = demoYouthId(c, DEMO_YOUTH.sharedConcernByCoAdvocate);

async function newDraft(): Promise<number> {
  const result = await callRoute(
    newAction,
    await postAs(db, ADVOCATE, `/youth/${youthId}/requests/new`, {
      type: "medical",
      addressedTo: "agency",
      agency: "County clinic",
      intent: "draft",
    }),
    { youthId: String(youthId) },
  );
  return Number(/\/requests\/(\d+)/.exec(redirectLocation(result))![1]);
}
const edit = async (email: string, id: number, fields: Fields) =>
  callRoute(editAction, await postAs(db, email, `/requests/${id}/edit`, fields), { requestId: String(id) });
const version = (id: number) => String((c.prepare("select version as v from resource_requests where id = ?").get(id) as { v: number }).v);

describe("editing a draft", () => {
  it("its author changes it: the request, a 'draft edited' step in its history, and the audit's before", async () => {
    const id = await newDraft();
    const form = (await callRoute(editLoader, await getAs(db, ADVOCATE, `/requests/${id}/edit`), { requestId: String(id) })) as {
      draft: { type: string; agency: string };
    };
    expect(form.draft).toMatchObject({ type: "medical", agency: "County clinic" });
    const result = await edit(ADVOCATE, id, {
      baseVersion: version(id),
      type: "therapy",
      subtype: "emdr",
      description: "Weekly EMDR with a trauma-informed therapist",
      addressedTo: "agency",
      agency: "Valley Counseling",
      intent: "draft",
    });
    expect(redirectLocation(result)).toBe(`/requests/${id}?saved=draft-edited`);
    expect(
      c.prepare("select type, subtype, addressed_to_agency as agency, status, version from resource_requests where id = ?").get(id),
    ).toEqual({
      type: "therapy",
      subtype: "emdr",
      agency: "Valley Counseling",
      status: "draft",
      version: 2,
    });
    const step = c
      .prepare("select from_status as f, to_status as t, note from request_status_events where request_id = ? order by id desc limit 1")
      .get(id);
    expect(step).toEqual({ f: "draft", t: "draft", note: "Edited: type, subtype, description, agency" });
    const audit = c.prepare("select details from audit_events where action = 'request.edit' and entity_id = ?").get(String(id)) as {
      details: string;
    };
    expect(JSON.parse(audit.details).before).toMatchObject({ type: "medical", agency: "County clinic", subtype: "" });
    const detail = (await callRoute(detailLoader, await getAs(db, ADVOCATE, `/requests/${id}`), { requestId: String(id) })) as {
      request: { canEditDraft: boolean };
    };
    expect(detail.request.canEditDraft).toBe(true);
  });

  it("bad input is named all at once; a stale form is 409 with the input kept; nothing is written", async () => {
    const id = await newDraft();
    const before = snapshot(c, TABLES);
    const bad = await edit(ADVOCATE, id, { baseVersion: version(id), type: "therapy", addressedTo: "agency", intent: "draft" });
    expect(Object.keys(payloadOf(bad).errors).sort()).toEqual(["agency", "subtype"]);
    const stale = await edit(ADVOCATE, id, {
      baseVersion: "0",
      type: "medical",
      addressedTo: "agency",
      agency: "Elsewhere",
      intent: "draft",
    });
    expect(statusOf(stale)).toBe(409);
    expect(payloadOf(stale).values.agency).toBe("Elsewhere");
    expect(snapshot(c, TABLES)).toEqual(before);
  });

  it("only its author, only while a draft: others 403/404, a submitted request 409", async () => {
    const id = await newDraft();
    const fields = { baseVersion: version(id), type: "medical", addressedTo: "agency", agency: "Changed", intent: "draft" };
    const before = snapshot(c, TABLES);
    // advocate2 shares this youth but did not start the draft; the supervisor makes no requests.
    for (const [email, status] of [
      ["advocate2@example.org", 403],
      ["supervisor@example.org", 403],
      ["lead@second.example.org", 404],
      ["advocate3@example.org", 404],
    ] as const) {
      expect(statusOf(await edit(email, id, fields)), email).toBe(status);
    }
    expect(snapshot(c, TABLES)).toEqual(before);
    const submitted = await callRoute(
      detailAction,
      await postAs(db, ADVOCATE, `/requests/${id}`, { action: "submit", version: version(id) }),
      { requestId: String(id) },
    );
    expect(statusOf(submitted)).toBe(302);
    expect(c.prepare("select status from resource_requests where id = ?").get(id)).toEqual({ status: "submitted" });
    expect(statusOf(await edit(ADVOCATE, id, { ...fields, baseVersion: version(id) }))).toBe(409);
    expect(statusOf(await callRoute(editLoader, await getAs(db, ADVOCATE, `/requests/${id}/edit`), { requestId: String(id) }))).toBe(409);
  });
});
