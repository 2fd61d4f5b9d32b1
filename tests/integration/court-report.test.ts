/**
 * The court report to finish and file (issue 13): the advocate's sections saved as versions, the
 * check of person-written text for CSEC words (warned, quoted, confirmed and audited), the Word
 * download that waits for the confirmation, and what the court audience may never see.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/court-draft";
import { loader as docxLoader } from "~/routes/court-draft-docx";
import { DEMO_SECRET_MARKERS, DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId } from "../helpers/db";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const noneYouth = demoYouthId(c, DEMO_YOUTH.advocateNone);
const concernYouth = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);
const confirmedYouth = demoYouthId(c, DEMO_YOUTH.advocateConfirmed);
const otherProgramYouth = demoYouthId(c, DEMO_YOUTH.secondProgramConcern);

const PERIOD = "?from=2026-01-01&to=2026-12-31";
type Report = Awaited<ReturnType<typeof loader>>;

const page = async (email: string, youthId: number): Promise<Report> =>
  (await callRoute(loader, await getAs(db, email, `/youth/${youthId}/court-draft${PERIOD}`), { youthId: String(youthId) })) as Report;
const post = async (email: string, youthId: number, fields: Fields) =>
  callRoute(action, await postAs(db, email, `/youth/${youthId}/court-draft${PERIOD}`, fields), { youthId: String(youthId) });
const docx = async (email: string, youthId: number) =>
  callRoute(docxLoader, await getAs(db, email, `/youth/${youthId}/court-draft.docx${PERIOD}`), { youthId: String(youthId) });
const save = (email: string, youthId: number, baseVersion: number, fields: Partial<Record<string, string>>) =>
  post(email, youthId, {
    intent: "save",
    baseVersion: String(baseVersion),
    observations: "",
    wishes: "",
    recommendations: "",
    nextHearingOn: "",
    ...fields,
  });
const auditCount = (action: string, youthId: number) =>
  (c.prepare("select count(*) as n from audit_events where action = ? and youth_id = ?").get(action, youthId) as { n: number }).n;

async function documentXml(result: unknown): Promise<string> {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => name.endsWith(".xml"))
      .map((name) => zip.file(name)!.async("string")),
  );
  return parts.join("\n");
}

describe("the advocate's sections", () => {
  it("are saved as versions, each kept, and audited", async () => {
    const first = await save("advocate@example.org", noneYouth, 0, {
      observations: "Doing well at school.\nJoined the art club.",
      wishes: "Wants to stay with her foster family.",
      nextHearingOn: "2027-01-15",
    });
    expect(redirectLocation(first)).toBe(`/youth/${noneYouth}/court-draft${PERIOD}&saved=court-sections#sections`);
    const second = await save("advocate@example.org", noneYouth, 1, {
      observations: "Doing well at school.\nJoined the art club.",
      wishes: "Wants to stay with her foster family.",
      recommendations: "Continue the placement.",
      nextHearingOn: "2027-01-15",
    });
    expect(statusOf(second)).toBe(302);

    const report = await page("advocate@example.org", noneYouth);
    expect(report.sections).toMatchObject({
      observations: "Doing well at school.\nJoined the art club.",
      wishes: "Wants to stay with her foster family.",
      recommendations: "Continue the placement.",
      nextHearingOn: "2027-01-15",
      version: 2,
      updatedBy: "Elena Novak",
    });
    expect(report.sections.versions.map((v) => [v.version, v.recommendations])).toEqual([
      [2, "Continue the placement."],
      [1, ""],
    ]);
    const audits = c
      .prepare("select details from audit_events where action = 'court_report.save' and youth_id = ? order by id")
      .all(noneYouth) as Array<{ details: string }>;
    expect(audits.map((a) => JSON.parse(a.details))).toEqual([
      { version: 1, changed: ["observations", "wishes", "nextHearingOn"] },
      { version: 2, changed: ["recommendations"] },
    ]);
  });

  it("refuses a form opened before someone else saved, with what is saved now and the input kept", async () => {
    const before = (c.prepare("select count(*) as n from court_report_versions where youth_id = ?").get(noneYouth) as { n: number }).n;
    const result = await save("supervisor@example.org", noneYouth, 1, { observations: "My late edit" });
    expect(statusOf(result)).toBe(409);
    const reply = payloadOf<{ values: Record<string, string>; current: { version: number; recommendations: string } }>(result);
    expect(reply.values.observations).toBe("My late edit");
    expect(reply.current).toMatchObject({ version: 2, recommendations: "Continue the placement." });
    expect((c.prepare("select count(*) as n from court_report_versions where youth_id = ?").get(noneYouth) as { n: number }).n).toBe(
      before,
    );
  });

  it("answers bad input with field errors and saves nothing", async () => {
    const result = await save("advocate@example.org", noneYouth, 2, { observations: "x".repeat(8001), nextHearingOn: "2027-02-30" });
    expect(statusOf(result)).toBe(400);
    const reply = payloadOf(result);
    expect(Object.keys(reply.errors).sort()).toEqual(["nextHearingOn", "observations"]);
    expect(reply.values.nextHearingOn).toBe("2027-02-30");
    expect((c.prepare("select version from court_reports where youth_id = ?").get(noneYouth) as { version: number }).version).toBe(2);
  });

  it("is out of reach outside scope (404) and for a role without case work (the admin: 403)", async () => {
    expect(statusOf(await save("advocate2@example.org", noneYouth, 0, { observations: "Not mine" }))).toBe(404);
    expect(statusOf(await save("supervisor@example.org", otherProgramYouth, 0, { observations: "Other program" }))).toBe(404);
    expect(statusOf(await save("admin@example.org", noneYouth, 2, { observations: "Admin" }))).toBe(403);
    expect(statusOf(await docx("advocate2@example.org", noneYouth))).toBe(404);
  });

  it("go into the Word document, with line breaks and the confidential header, and the download is audited", async () => {
    const before = auditCount("court_draft.download", noneYouth);
    const xml = await documentXml(await docx("advocate@example.org", noneYouth));
    expect(xml).toContain("Doing well at school.");
    expect(xml).toContain("Joined the art club.");
    expect(xml).toContain("Continue the placement.");
    expect(xml).toContain("CONFIDENTIAL");
    expect(xml).toContain("downloaded");
    expect(xml).toContain("Elena Novak");
    expect(auditCount("court_draft.download", noneYouth)).toBe(before + 1);
  });
});

describe("CSEC words in court-facing text", () => {
  const WORDS = "She talks about getting out of the life. Her older boyfriend may be trafficking her.";

  it("are flagged while the status is not confirmed, the same for none as for a concern", async () => {
    expect(statusOf(await save("advocate@example.org", concernYouth, 0, { observations: WORDS }))).toBe(302);
    expect(statusOf(await save("advocate@example.org", noneYouth, 2, { observations: WORDS }))).toBe(302);
    const concern = (await page("advocate@example.org", concernYouth)).check;
    const none = (await page("advocate@example.org", noneYouth)).check;
    expect(concern.flagged).toEqual([
      { source: "The advocate's observations", passage: "She talks about getting out of the life.", words: ["the life"] },
      { source: "The advocate's observations", passage: "Her older boyfriend may be trafficking her.", words: ["trafficking"] },
    ]);
    expect(none.flagged).toEqual(concern.flagged);
    expect(concern.blocked).toBe(true);
    expect(none.blocked).toBe(true);
  });

  it("are not flagged once the status is confirmed (the court may know)", async () => {
    expect(statusOf(await save("advocate@example.org", confirmedYouth, 0, { observations: WORDS }))).toBe(302);
    expect((await page("advocate@example.org", confirmedYouth)).check).toEqual({
      flagged: [],
      hash: null,
      confirmed: null,
      blocked: false,
    });
  });

  it("hold back the Word download until confirmed, without logging a download", async () => {
    const before = auditCount("court_draft.download", concernYouth);
    expect(redirectLocation(await docx("advocate@example.org", concernYouth))).toBe(`/youth/${concernYouth}/court-draft${PERIOD}#check`);
    expect(auditCount("court_draft.download", concernYouth)).toBe(before);
  });

  it("need the box ticked and the passages as shown; the confirmation is audited without the words", async () => {
    const { check } = await page("advocate@example.org", concernYouth);
    const unticked = await post("advocate@example.org", concernYouth, { intent: "confirm", hash: check.hash! });
    expect(statusOf(unticked)).toBe(400);
    expect(payloadOf(unticked).errors.understood).toMatch(/Tick the box/);
    const wrong = await post("advocate@example.org", concernYouth, { intent: "confirm", hash: "0".repeat(64), understood: "yes" });
    expect(statusOf(wrong)).toBe(409);
    expect(payloadOf(wrong).errors._form).toMatch(/changed since you read it/);
    expect(c.prepare("select count(*) as n from court_text_confirmations where youth_id = ?").get(concernYouth)).toEqual({ n: 0 });

    const ok = await post("advocate@example.org", concernYouth, { intent: "confirm", hash: check.hash!, understood: "yes" });
    expect(redirectLocation(ok)).toBe(`/youth/${concernYouth}/court-draft${PERIOD}&saved=court-text-confirmed#check`);
    const after = (await page("advocate@example.org", concernYouth)).check;
    expect(after.blocked).toBe(false);
    expect(after.confirmed?.by).toBe("Elena Novak");
    const audit = c
      .prepare("select details from audit_events where action = 'court_draft.confirm_text' and youth_id = ?")
      .get(concernYouth) as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ passages: 2, sources: ["The advocate's observations"] });
    expect(audit.details).not.toMatch(/traffick|the life/i);
  });

  it("a confirmed draft downloads, carrying the confirmed text and nothing the court audience may not see", async () => {
    const xml = await documentXml(await docx("supervisor@example.org", concernYouth));
    expect(xml).toContain("trafficking her");
    for (const marker of DEMO_SECRET_MARKERS) expect(xml).not.toContain(marker);
    expect(xml).not.toMatch(/CSEC advocate|CSEC MDT|Under review|red flag/i);
    // The same for the page's data, as the supervisor (who may see the concern on the youth's page).
    const report = JSON.stringify(await page("supervisor@example.org", concernYouth));
    for (const marker of DEMO_SECRET_MARKERS) expect(report).not.toContain(marker);
    expect(report).not.toMatch(/CSEC advocate|CSEC MDT|csec_advocate|restoration|under_review/i);
  });

  it("changing the text asks again", async () => {
    const { sections } = await page("advocate@example.org", concernYouth);
    await save("advocate@example.org", concernYouth, sections.version, { observations: `${WORDS} She mentioned a pimp.` });
    const check = (await page("advocate@example.org", concernYouth)).check;
    expect(check.blocked).toBe(true);
    expect(check.flagged).toHaveLength(3);
  });

  it("meeting decisions are checked too", async () => {
    const meeting = c
      .prepare(
        "select id from mdt_meetings where youth_id = ? and status = 'held' and type <> 'csec_mdt' order by scheduled_at desc limit 1",
      )
      .get(noneYouth) as { id: number } | undefined;
    expect(meeting).toBeDefined();
    c.prepare("update mdt_meetings set decisions = 'Team worried about sexual exploitation online.' where id = ?").run(meeting!.id);
    const { check } = await page("advocate@example.org", noneYouth);
    expect(
      check.flagged.some((f) => f.passage === "Team worried about sexual exploitation online." && /^MDT meeting of /.test(f.source)),
    ).toBe(true);
  });
});
