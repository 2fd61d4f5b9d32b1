/**
 * Closing an action item checks that it is open, then writes in a transaction. With several
 * workers another process can close it in between: the late close must say the item is closed
 * already and audit nothing, not log a "dropped" that never happened over someone's "done".
 */
import { afterAll, expect, it } from "vitest";
import type { Db } from "~/server/db.server";
import { closeActionItem } from "~/server/action-items.server";
import { openDatabase } from "~/server/db.server";
import { getViewer, type Viewer } from "~/server/session.server";
import { DEMO_YOUTH } from "../../db/seed";
import { auditRowsAfter, demoYouthId, maxId } from "../helpers/db";
import { demoDatabase } from "../helpers/demo-database";
import { insertActionItem } from "../helpers/meetings";
import { getAs } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
// Another worker: its own connection to the same file.
const otherWorker = openDatabase(process.env.DATABASE_PATH!);
afterAll(() => otherWorker.$client.close());

const viewerOf = async (email: string): Promise<Viewer> => (await getViewer(await getAs(db, email, "/")))!;

/** `db`, but another worker closes item `id` as done just before each transaction begins. */
function closedByAnotherWorkerFirst(id: number): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver) as unknown;
      return ((fn, config) => {
        otherWorker.$client.prepare("update action_items set status = 'done', done_at = ? where id = ?").run(new Date().toISOString(), id);
        return target.transaction(fn, config);
      }) as Db["transaction"];
    },
  });
}

it("a close that lost the race to another worker says the item is closed and audits nothing", async () => {
  const supervisor = await viewerOf("supervisor@example.org");
  const youthId = demoYouthId(c, DEMO_YOUTH.advocateNone);
  const id = insertActionItem(c, {
    programId: supervisor.programId,
    youthId,
    description: "Phone the school",
    ownerUserId: supervisor.userId,
    createdBy: supervisor.userId,
  });
  const lastAudit = maxId(c, "audit_events");

  const result = closeActionItem(supervisor, id, { status: "dropped", reason: "No longer needed" }, closedByAnotherWorkerFirst(id));

  expect(result).toEqual({ ok: false, errors: { _form: "This item is already done." } });
  expect(c.prepare("select status, drop_reason from action_items where id = ?").get(id)).toEqual({ status: "done", drop_reason: null });
  expect(auditRowsAfter(c, lastAudit)).toEqual([]);
});
