/**
 * The youth page at a glance (issue 13): the summary strip is read from the page's own data, and
 * an open concern is there only for those who may see it (the advocate who may not know of one
 * sees the same strip they would without it).
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loader as youthLoader } from "~/routes/youth-detail";
import { SummaryStrip } from "~/components/youth/SummaryStrip";
import type { YouthSectionProps } from "~/components/youth/types";
import { DEMO_YOUTH } from "../../db/seed";
import { demoDatabase } from "../helpers/demo-database";
import { demoYouthId } from "../helpers/db";
import { callRoute, getAs } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;

async function strip(email: string, youthId: number): Promise<string> {
  const data = (await callRoute(youthLoader, await getAs(db, email, `/youth/${youthId}`), {
    youthId: String(youthId),
  })) as YouthSectionProps["page"];
  const props: YouthSectionProps = {
    page: data,
    timeZone: "America/Los_Angeles",
    today: "2026-12-02",
    base: `/youth/${youthId}`,
    canWrite: true,
    moreHref: () => "",
  };
  return renderToStaticMarkup(createElement(SummaryStrip, props));
}

describe("the summary strip", () => {
  it("shows a concern under review to the supervisor, never to an advocate who may not know of it", async () => {
    const id = demoYouthId(c, DEMO_YOUTH.advocateConcernBySomeoneElse);
    expect(await strip("supervisor@example.org", id)).toMatch(/1 concern under review/);
    const advocate = await strip("advocate@example.org", id);
    expect(advocate).not.toMatch(/concern/i);
    // Pending requests: the supervisor counts the CSEC-sensitive ones (restoration funds, CSEC advocate); the advocate does not.
    const pending = (html: string) => Number(/(\d+) requests? pending/.exec(html)?.[1] ?? 0);
    expect(pending(await strip("supervisor@example.org", id))).toBeGreaterThan(pending(advocate));
  });

  it("an advocate sees their own concern under review, and the youth missing now first", async () => {
    expect(await strip("advocate@example.org", demoYouthId(c, DEMO_YOUTH.advocateOwnConcern))).toMatch(/1 concern under review/);
    const missing = await strip("advocate@example.org", demoYouthId(c, DEMO_YOUTH.missingNow));
    expect(missing.indexOf("#missing-heading")).toBeGreaterThan(-1);
    expect(missing.indexOf("#missing-heading")).toBeLessThan(missing.indexOf("#actions"));
  });
});
