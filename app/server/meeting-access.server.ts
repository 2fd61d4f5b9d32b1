/**
 * Which MDT meetings a viewer may see: those of youth in their scope, and a CSEC MDT only when
 * the CSEC rule lets the viewer see CSEC-sensitive records of that youth. Meetings, their action
 * items and their agendas all ask here.
 */
import { and, eq, type SQL } from "drizzle-orm";
import { mdtMeetings, youth } from "../../db/schema";
import { csecSensitiveShownTo } from "./csec-sensitive.server";
import type { DbOrTx } from "./db.server";
import { csecAudienceOf, notFound, youthScopeCondition } from "./scope.server";
import type { Viewer } from "./session.server";

export function meetingVisibleTo(viewer: Viewer): SQL {
  // On the meeting's own columns: a lead's list then reads meetings_program_scheduled_idx in date order.
  const scope = youthScopeCondition(viewer, { youthId: mdtMeetings.youthId, programId: mdtMeetings.programId });
  return and(scope, csecSensitiveShownTo("meeting", csecAudienceOf(viewer), mdtMeetings.youthId))!;
}

/** The meeting (and its youth) if the viewer may see it; otherwise a 404. */
export function visibleMeetingOrNotFound(viewer: Viewer, meetingId: number, db: DbOrTx) {
  const m = db
    .select()
    .from(mdtMeetings)
    .innerJoin(youth, eq(youth.id, mdtMeetings.youthId))
    .where(and(eq(mdtMeetings.id, meetingId), meetingVisibleTo(viewer)))
    .get();
  if (!m) notFound("Meeting");
  return { meeting: m.mdt_meetings, youth: m.youth };
}
