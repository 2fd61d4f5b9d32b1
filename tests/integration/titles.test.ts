/**
 * Screens that leave the office (issue 13): browser tab titles and history show a youth's
 * initials, never the name, on every page about one youth.
 */
import { describe, expect, it } from "vitest";
import * as youthPage from "~/routes/youth-detail";
import * as prepPage from "~/routes/prep-packet";
import * as courtPage from "~/routes/court-draft";
import * as meetingPage from "~/routes/meeting-detail";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId } from "../helpers/db";
import { callRoute, getAs } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

type Meta = (args: { data: unknown }) => Array<{ title?: string }>;
const titleOf = (meta: unknown, data: unknown) => (meta as Meta)({ data })[0]!.title!;

describe("tab titles carry initials only", () => {
  it("youth page, prep packet, court draft and meeting", async () => {
    const ref = DEMO_YOUTH.advocateNone;
    const id = demoYouthId(c, ref);
    const meetingId = (c.prepare("select id from mdt_meetings where youth_id = ? order by id limit 1").get(id) as { id: number }).id;
    const pages: Array<[unknown, unknown]> = [
      [youthPage.meta, await callRoute(youthPage.loader, await getAs(db, "advocate@example.org", `/youth/${id}`), { youthId: String(id) })],
      [
        prepPage.meta,
        await callRoute(prepPage.loader, await getAs(db, "advocate@example.org", `/youth/${id}/prep`), { youthId: String(id) }),
      ],
      [
        courtPage.meta,
        await callRoute(courtPage.loader, await getAs(db, "advocate@example.org", `/youth/${id}/court-draft`), { youthId: String(id) }),
      ],
      [
        meetingPage.meta,
        await callRoute(meetingPage.loader, await getAs(db, "advocate@example.org", `/meetings/${meetingId}`), {
          meetingId: String(meetingId),
        }),
      ],
    ];
    const initials = `${ref.firstName[0]}. ${ref.lastName[0]}.`;
    for (const [meta, data] of pages) {
      const title = titleOf(meta, data);
      expect(title).toContain(initials);
      expect(title).not.toContain(ref.firstName);
      expect(title).not.toContain(ref.lastName);
    }
  });
});
