import { beforeAll, describe, expect, it } from "vitest";
import { contacts } from "../../db/schema";
import { getDb } from "~/server/db.server";
import { getCourtDraft } from "~/server/packets.server";
import type { Viewer } from "~/server/session.server";
import { createProgram, createUser, createYouth } from "../helpers/factories";

const db = getDb();
let viewer: Viewer;
let youthId: number;

beforeAll(async () => {
  const program = createProgram(db, "Period County"); // America/Los_Angeles by default
  const lead = await createUser(db, { programId: program.id, role: "program_lead" });
  youthId = createYouth(db, { programId: program.id }).id;
  viewer = {
    sessionId: "x",
    userId: lead.id,
    name: lead.name,
    email: lead.email,
    programId: program.id,
    programName: program.name,
    timeZone: program.timeZone,
    role: "program_lead",
  };
  // 8 pm on 29 June in Los Angeles is already 30 June in UTC.
  db.insert(contacts)
    .values({
      programId: program.id,
      youthId,
      occurredAt: "2026-06-30T03:00:00.000Z",
      method: "phone",
      summary: "Evening call",
      loggedByUserId: lead.id,
    })
    .run();
});

describe("the court draft's period is in the program's calendar days", () => {
  it("counts an evening contact on the last day of the period", () => {
    const draft = getCourtDraft(viewer, youthId, { from: "2026-06-01", to: "2026-06-29" });
    expect(draft.contactCounts).toEqual([{ with: "The youth", count: 1, last: "2026-06-30T03:00:00.000Z" }]);
  });

  it("does not count it in a period that starts the next local day", () => {
    const draft = getCourtDraft(viewer, youthId, { from: "2026-06-30", to: "2026-07-31" });
    expect(draft.contactCounts).toEqual([]);
  });
});
