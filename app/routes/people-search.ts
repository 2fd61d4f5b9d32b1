/**
 * Suggestions for a name filter: `/people/supervisors?q=...` or `/people/advocates?q=...` gives
 * the first few current supervisors or advocates of the viewer's program whose name contains the
 * text, as JSON (`{ people: [{ id, name }] }`). For program-wide viewers (program leads), whose
 * lists filter a network of hundreds of supervisors and thousands of advocates by name; anyone
 * else has their own short lists and gets 403. Names only: nothing about any youth.
 */
import { data } from "react-router";
import type { Route } from "./+types/people-search";
import { youthScopeOf } from "~/domain/permissions";
import { getDb } from "~/server/db.server";
import { notFound, requireCaseAccess } from "~/server/scope.server";
import { requireViewer } from "~/server/session.server";
import { assignedPeopleNamed } from "~/server/youth.server";

const KINDS = { supervisors: "supervisor", advocates: "advocate" } as const;

/** Fewer characters than this suggest nobody (every name contains one letter). */
export const SUGGEST_MIN_CHARS = 2;

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(request);
  requireCaseAccess(viewer);
  const kind = KINDS[params.kind as keyof typeof KINDS];
  if (!Object.hasOwn(KINDS, params.kind)) notFound();
  if (youthScopeOf(viewer.role).kind !== "program") {
    throw data({ message: "Name suggestions are for those who see the whole program." }, { status: 403 });
  }
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const people = q.length < SUGGEST_MIN_CHARS ? [] : assignedPeopleNamed(viewer, kind, q, getDb());
  return Response.json({ people }, { headers: { "Cache-Control": "private, no-store" } });
}
