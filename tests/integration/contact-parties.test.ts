/**
 * A contact with more than one participant (issue 13): the advocate ticks everyone who took part;
 * it is stored as "party_id null when the youth took part, every other participant in
 * contact_parties"; a made contact refreshes everyone who took part and an attempt nobody; lists
 * name them all, the filter finds the contact by any participant, the court draft counts each
 * one. A contact in which the CSEC advocate took part follows the CSEC rule: hidden, with every
 * trace of it, from an advocate who may not know of the concern.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as youthAction } from "~/routes/youth-detail";
import { getCourtDraft, getPrepPacket } from "~/server/packets.server";
import { getViewer } from "~/server/session.server";
import { calendarDateIn } from "~/domain/dates";
import { caseParties } from "../../db/schema";
import { PROGRAM_ONE_TZ, localDateTime } from "../helpers/dates";
import { programId, queries, snapshot } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { makeYouth, type YouthCase } from "../helpers/factories";
import { callRoute, getAs, payloadOf, postAs, redirectLocation, statusOf, type Fields } from "../helpers/routes";
import { loadYouthPage } from "../helpers/youth-page";

const db = await demoDatabase();
const c = db.$client;
const { one, all } = queries(c);

function addParty(y: YouthCase, role: string, name: string, endedOn: string | null = null): number {
  return db
    .insert(caseParties)
    .values({ programId: y.programId, youthId: y.youthId, role, name, startedOn: "2025-01-01", endedOn })
    .returning({ id: caseParties.id })
    .get().id;
}

const logAs = async (email: string, y: YouthCase, fields: Fields) =>
  callRoute(youthAction, await postAs(db, email, `/youth/${y.youthId}`, { intent: "log-contact", method: "in_person", ...fields }), {
    youthId: String(y.youthId),
  });
const lastContactOf = (partyId: number) => one("select last_contact_at as at from case_parties where id = ?", partyId)!.at as string | null;
const lastYouthContactOf = (y: YouthCase) =>
  one("select last_youth_contact_at as at from youth where id = ?", y.youthId)!.at as string | null;
const newestContact = () => one("select * from contacts order by id desc limit 1")!;

describe("a contact with the youth and others", () => {
  let y: YouthCase;
  let caregiverId: number;
  let contactId: number;
  let occurredUtc: string;
  const summary = "Home visit with the youth and the caregiver; the CSW joined by phone (multi-party)";

  beforeAll(async () => {
    y = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    caregiverId = addParty(y, "caregiver", "Maria Lopez");
    const occurredAt = localDateTime(PROGRAM_ONE_TZ, -2 * 3_600_000);
    const result = await logAs("advocate@example.org", y, {
      with: ["youth", String(caregiverId), String(y.cswId)],
      occurredAt,
      summary,
      durationMinutes: "50",
    });
    expect(redirectLocation(result)).toBe(`/youth/${y.youthId}?saved=contact#contacts`);
    const row = newestContact();
    contactId = row.id as number;
    occurredUtc = row.occurred_at as string;
  });

  it("is stored as party_id null (the youth took part) and the others in contact_parties", () => {
    expect(one("select party_id, summary, outcome, duration_minutes as d from contacts where id = ?", contactId)).toEqual({
      party_id: null,
      summary,
      outcome: "made",
      d: 50,
    });
    expect(all("select party_id, youth_id, program_id from contact_parties where contact_id = ? order by id", contactId)).toEqual([
      { party_id: caregiverId, youth_id: y.youthId, program_id: y.programId },
      { party_id: y.cswId, youth_id: y.youthId, program_id: y.programId },
    ]);
  });

  it("refreshes the youth and every party who took part, and nobody else", () => {
    expect(lastYouthContactOf(y)).toBe(occurredUtc);
    expect(lastContactOf(caregiverId)).toBe(occurredUtc);
    expect(lastContactOf(y.cswId!)).toBe(occurredUtc);
    expect(lastContactOf(y.attorneyId!)).toBeNull();
    expect(lastContactOf(y.clcId!)).toBeNull();
  });

  it("is audited once, with every party id", () => {
    const audit = all(
      "select action, entity_id, details from audit_events where entity_type = 'contact' and entity_id = ?",
      String(contactId),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("contact.log");
    expect(JSON.parse(audit[0]!.details as string)).toMatchObject({ withYouth: true, partyIds: [caregiverId, y.cswId], outcome: "made" });
  });

  it("is listed with everyone's name, and the youth page counts it fresh for the youth and the CSW only", async () => {
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    const listed = page.contacts.find((x) => x.id === contactId)!;
    expect(listed.withLabel).toBe(`The youth, Maria Lopez (Caregiver), Casey Worker ${y.youthId} (Children's social worker (CSW))`);
    const fresh = Object.fromEntries(page.freshness.map((f) => [f.key, f.lastContactAt]));
    expect(fresh).toEqual({ youth: occurredUtc, csw: occurredUtc, attorney: null, clc_case_manager: null });
    const team = Object.fromEntries(page.parties.current.map((p) => [p.id, p.lastContactAt]));
    expect(team[caregiverId]).toBe(occurredUtc);
    expect(team[y.cswId!]).toBe(occurredUtc);
    expect(team[y.attorneyId!]).toBeNull();
  });

  it("is found by the filter under any participant, and not under anyone else", async () => {
    for (const who of ["youth", String(caregiverId), String(y.cswId)]) {
      const page = await loadYouthPage(db, "advocate@example.org", y.youthId, `?with=${who}`);
      expect(
        page.contacts.map((x) => x.id),
        who,
      ).toEqual([contactId]);
      expect(page.contactTotal, who).toBe(1);
    }
    const attorney = await loadYouthPage(db, "advocate@example.org", y.youthId, `?with=${y.attorneyId}`);
    expect(attorney.contacts).toEqual([]);
    expect(attorney.contactTotal).toBe(0);
  });

  it("counts for each participant in the court draft and shows everyone in the prep packet", async () => {
    const viewer = (await getViewer(await getAs(db, "supervisor@example.org", "/")))!;
    const today = calendarDateIn(new Date(), viewer.timeZone);
    const draft = getCourtDraft(viewer, y.youthId, { from: "2025-01-01", to: today });
    expect([...draft.contactCounts].sort((a, b) => a.with.localeCompare(b.with))).toEqual([
      { with: "Caregiver", count: 1, last: occurredUtc },
      { with: "Children's social worker (CSW)", count: 1, last: occurredUtc },
      { with: "The youth", count: 1, last: occurredUtc },
    ]);
    const packet = getPrepPacket(viewer, y.youthId);
    expect(packet.recentContacts.map((x) => x.withLabel)).toEqual([
      `The youth, Maria Lopez (Caregiver), Casey Worker ${y.youthId} (Children's social worker (CSW))`,
    ]);
  });
});

describe("a contact with parties only, and attempts", () => {
  it("without the youth: filed under the first party ticked, the others in contact_parties; the youth is not refreshed", async () => {
    const y = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const result = await logAs("advocate@example.org", y, {
      with: [String(y.cswId), String(y.attorneyId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
      method: "video",
      summary: "Call with the CSW and the attorney about the hearing",
    });
    expect(statusOf(result)).toBe(302);
    const row = newestContact();
    expect(row.party_id).toBe(y.cswId);
    expect(all("select party_id from contact_parties where contact_id = ?", row.id)).toEqual([{ party_id: y.attorneyId }]);
    expect(lastYouthContactOf(y)).toBeNull();
    expect(lastContactOf(y.cswId!)).toBe(row.occurred_at);
    expect(lastContactOf(y.attorneyId!)).toBe(row.occurred_at);
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    expect(page.contacts.map((x) => x.withLabel)).toEqual([
      `Casey Worker ${y.youthId} (Children's social worker (CSW)), Alex Counsel ${y.youthId} (Minor's attorney)`,
    ]);
    expect(page.freshness.find((f) => f.key === "youth")!.lastContactAt).toBeNull();
  });

  it("an attempt with several people refreshes none of them", async () => {
    const y = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    const caregiverId = addParty(y, "caregiver", "Rosa Carer");
    const result = await logAs("advocate@example.org", y, {
      with: ["youth", String(caregiverId), String(y.cswId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
      outcome: "attempted",
      summary: "Nobody home at the visit",
    });
    expect(statusOf(result)).toBe(302);
    expect(all("select party_id from contact_parties where contact_id = ?", newestContact().id)).toHaveLength(2);
    expect([lastYouthContactOf(y), lastContactOf(caregiverId), lastContactOf(y.cswId!)]).toEqual([null, null, null]);
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    expect(page.freshness.map((f) => f.lastContactAt)).toEqual([null, null, null, null]);
    expect(page.parties.current.find((p) => p.id === caregiverId)!.lastContactAt).toBeNull();
  });
});

describe("who took part, when it is not right", () => {
  let y: YouthCase;
  let other: YouthCase;
  let formerId: number;
  beforeAll(() => {
    y = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    other = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org" });
    formerId = addParty(y, "therapist", "Former Therapist", "2025-06-01");
  });
  const TABLES = ["contacts", "contact_parties", "youth", "case_parties", "audit_events"] as const;

  it.each([
    ["nobody ticked", () => ({}), "Tick everyone who took part: the youth, someone on the team, or both."],
    ["a party of another youth", () => ({ with: ["youth", String(other.cswId)] }), "Choose who the contact was with."],
    ["a party of the other program", () => ({ with: [String(otherProgramParty())] }), "Choose who the contact was with."],
    ["someone no longer on the team", () => ({ with: [String(formerId)] }), "Choose who the contact was with."],
    ["not an id", () => ({ with: ["youth", "1; drop table contacts"] }), "Choose who the contact was with."],
    ["an id too large for SQLite", () => ({ with: ["99999999999999999999"] }), "Choose who the contact was with."],
  ])("%s: a field error, the input kept, nothing written", async (_name, fields, message) => {
    const before = snapshot(c, TABLES);
    const ticked: { with?: string[] } = fields();
    const sent = { occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000), summary: "Kept as typed", ...ticked };
    const result = await logAs("advocate@example.org", y, sent);
    expect(statusOf(result)).toBe(400);
    const payload = payloadOf(result);
    expect(payload.errors).toEqual({ with: message });
    expect(payload.values).toMatchObject({ summary: "Kept as typed", with: ticked.with ?? [] });
    expect(snapshot(c, TABLES)).toEqual(before);
  });
});

function otherProgramParty(): number {
  return one("select p.id from case_parties p where p.program_id = ? limit 1", programId(c, "second-county"))!.id as number;
}

describe("a contact in which the CSEC advocate took part, on a youth with an unconfirmed concern", () => {
  let y: YouthCase;
  let csecId: number;
  let caregiverId: number;
  let contactId: number;
  const summary = "Visit with the youth and the CSEC advocate (zq-multi-csec-contact)";
  const csecName = "Sasha Safeguard";

  beforeAll(async () => {
    y = makeYouth(db, { advocate: "advocate@example.org", supervisor: "supervisor@example.org", concernBy: "supervisor@example.org" });
    csecId = addParty(y, "csec_advocate", csecName);
    caregiverId = addParty(y, "caregiver", "Dana Home");
    const result = await logAs("supervisor@example.org", y, {
      with: ["youth", String(csecId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
      summary,
    });
    expect(statusOf(result)).toBe(302);
    contactId = newestContact().id as number;
    expect(all("select party_id from contact_parties where contact_id = ?", contactId)).toEqual([{ party_id: csecId }]);
  });

  it("is invisible to the youth's advocate: not listed, not counted, not in freshness, not anywhere in the page's data", async () => {
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    expect(page.contacts).toEqual([]);
    expect(page.contactTotal).toBe(0);
    expect(page.freshness.find((f) => f.key === "youth")).toMatchObject({ lastContactAt: null, daysSince: null, stale: true });
    const wire = JSON.stringify(page);
    for (const needle of [summary, csecName, "zq-multi-csec-contact", "CSEC advocate"]) expect(wire).not.toContain(needle);
    // Asking for it by the hidden party's id or the youth shows nothing either.
    for (const who of [String(csecId), "youth"]) {
      const filtered = await loadYouthPage(db, "advocate@example.org", y.youthId, `?with=${who}`);
      expect(filtered.contacts, who).toEqual([]);
      expect(filtered.contactTotal, who).toBe(0);
    }
  });

  it("the advocate cannot tick the CSEC advocate: offered nowhere, refused as a field error like any unknown id", async () => {
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    expect(page.parties.current.map((p) => p.id)).not.toContain(csecId);
    const before = snapshot(c, ["contacts", "contact_parties"]);
    const result = await logAs("advocate@example.org", y, {
      with: ["youth", String(csecId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -3_600_000),
      summary: "Trying the hidden id",
    });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).errors).toEqual({ with: "Choose who the contact was with." });
    expect(snapshot(c, ["contacts", "contact_parties"])).toEqual(before);
  });

  it("a contact the advocate may see is still listed alongside, with its own label", async () => {
    const result = await logAs("advocate@example.org", y, {
      with: ["youth", String(caregiverId)],
      occurredAt: localDateTime(PROGRAM_ONE_TZ, -30 * 60_000),
      summary: "Visit with the youth and the caregiver",
    });
    expect(statusOf(result)).toBe(302);
    const page = await loadYouthPage(db, "advocate@example.org", y.youthId);
    expect(page.contacts.map((x) => x.withLabel)).toEqual(["The youth, Dana Home (Caregiver)"]);
    expect(page.contactTotal).toBe(1);
    expect(JSON.stringify(page)).not.toContain(summary);
  });

  it("is visible to the supervisor, with both names and the CSEC advocate's last contact", async () => {
    const page = await loadYouthPage(db, "supervisor@example.org", y.youthId);
    const listed = page.contacts.find((x) => x.id === contactId)!;
    expect(listed.withLabel).toBe(`The youth, ${csecName} (CSEC advocate)`);
    expect(listed.summary).toBe(summary);
    expect(page.contactTotal).toBe(2);
    const filtered = await loadYouthPage(db, "supervisor@example.org", y.youthId, `?with=${csecId}`);
    expect(filtered.contacts.map((x) => x.id)).toEqual([contactId]);
    expect(page.parties.current.find((p) => p.id === csecId)!.lastContactAt).toBe(newestOf(contactId));
  });

  it("keeps nobody fresh, for any viewer: the stored dates and every viewer's freshness ignore it", async () => {
    // The stored dates (the caseload and the list read them for every viewer) did not move ...
    const others = one(
      "select max(occurred_at) as at from contacts where youth_id = ? and party_id is null and outcome = 'made' and id <> ?",
      y.youthId,
      contactId,
    )!.at as string | null;
    expect(others).not.toBe(newestOf(contactId));
    expect(lastYouthContactOf(y)).toBe(others);
    // ... and the youth's page says the same to the advocate (who may not see it) and the supervisor (who may).
    const advocate = await loadYouthPage(db, "advocate@example.org", y.youthId);
    const supervisor = await loadYouthPage(db, "supervisor@example.org", y.youthId);
    expect(supervisor.freshness).toEqual(advocate.freshness);
    expect(advocate.freshness.find((f) => f.key === "youth")!.lastContactAt).toBe(others);
  });

  it("stays out of the court draft while the concern is unconfirmed, whoever prints it", async () => {
    const viewer = (await getViewer(await getAs(db, "supervisor@example.org", "/")))!;
    const draft = getCourtDraft(viewer, y.youthId, { from: "2025-01-01", to: calendarDateIn(new Date(), viewer.timeZone) });
    // Only the caregiver visit: the youth's count would otherwise be 2.
    expect(draft.contactCounts.map((r) => [r.with, r.count]).sort()).toEqual([
      ["Caregiver", 1],
      ["The youth", 1],
    ]);
    expect(JSON.stringify(draft)).not.toContain(csecName);
  });
});

function newestOf(contactId: number): string {
  return one("select occurred_at as at from contacts where id = ?", contactId)!.at as string;
}
