import { sql } from "drizzle-orm";
import { getDb } from "~/server/db.server";

/** For load balancers and the test harness: the process is up and the database answers. */
export function loader() {
  getDb().get(sql`select 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
