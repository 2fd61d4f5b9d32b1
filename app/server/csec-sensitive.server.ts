/**
 * What makes a record of each kind reveal CSEC involvement, written once per kind as SQL on that
 * kind's own table, and the one way to turn it into "may this audience see it".
 *
 * Every query that lists, counts or fetches a kind that can be CSEC-sensitive (team members,
 * contacts, resource requests, MDT meetings, their attendees and agenda items, action items)
 * takes its condition from here, whoever the audience is: the viewer on screen, or `court` for
 * court-facing output. A list that filtered on its own (say, by request type only) is how a
 * request addressed to the CSEC advocate once reached a court draft.
 */
import { or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import {
  actionItems,
  caseParties,
  contactParties,
  contacts,
  meetingAgendaItems,
  meetingAttendees,
  mdtMeetings,
  resourceRequests,
} from "../../db/schema";
import { csecSensitiveVisible, type CsecAudience, type CsecStatus } from "../domain/csec";
import { CSEC_SENSITIVE_MEETING_TYPES } from "../domain/meetings";
import { CSEC_SENSITIVE_REQUEST_TYPES } from "../domain/requests";
import { CSEC_SENSITIVE_PARTY_ROLES } from "../domain/youth";
import { csecSensitiveAllowedSql } from "./scope.server";

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** A team member's role reveals CSEC involvement (the CSEC advocate). */
export function partyRoleIsCsecSensitive(role: SQLWrapper): SQL {
  return sql`coalesce(${role} in (${inList(CSEC_SENSITIVE_PARTY_ROLES)}), 0)`;
}

/** The party with this id (possibly null) holds a CSEC-sensitive role. */
function partyIdIsCsecSensitive(partyId: SQLWrapper): SQL {
  return sql`exists (select 1 from ${caseParties} where ${caseParties.id} = ${partyId}
    and ${caseParties.role} in (${inList(CSEC_SENSITIVE_PARTY_ROLES)}))`;
}

/** One predicate per kind, true when a record of that kind is CSEC-sensitive. */
export const CSEC_SENSITIVE = {
  party: partyRoleIsCsecSensitive(caseParties.role),
  /**
   * A contact in which the CSEC advocate took part names that party: as the party it was with,
   * or as anyone else who took part (`contact_parties`).
   */
  contact: sql`(${partyIdIsCsecSensitive(contacts.partyId)}
    or exists (select 1 from ${contactParties} where ${contactParties.contactId} = ${contacts.id}
      and ${partyIdIsCsecSensitive(contactParties.partyId)}))`,
  /** By its type, or because it is addressed to the CSEC advocate. */
  request: sql`(${resourceRequests.type} in (${inList(CSEC_SENSITIVE_REQUEST_TYPES)})
    or ${partyIdIsCsecSensitive(resourceRequests.addressedToPartyId)})`,
  meeting: sql`(${mdtMeetings.type} in (${inList(CSEC_SENSITIVE_MEETING_TYPES)}))`,
  /** The CSEC advocate as an attendee. */
  attendee: partyIdIsCsecSensitive(meetingAttendees.partyId),
  agendaItem: sql`(${meetingAgendaItems.csecSensitive} = 1)`,
  /** Tagged so, from a CSEC MDT, or owned by the CSEC advocate. */
  action: sql`(${actionItems.csecSensitive} = 1
    or ${partyRoleIsCsecSensitive(actionItems.ownerPartyRole)}
    or exists (select 1 from ${mdtMeetings} where ${mdtMeetings.id} = ${actionItems.meetingId}
      and ${mdtMeetings.type} in (${inList(CSEC_SENSITIVE_MEETING_TYPES)})))`,
} as const satisfies Record<string, SQL>;

export type CsecSensitiveKind = keyof typeof CSEC_SENSITIVE;

/**
 * Records of `kind` that may reach `audience`, across youth: the not-sensitive ones, and the
 * sensitive ones only on youth whose status lets the audience see them (the youth is found by
 * `youthId`, a column of the record's own table). Undefined when the audience sees them all.
 */
export function csecSensitiveShownTo(kind: CsecSensitiveKind, audience: CsecAudience, youthId: SQLWrapper): SQL | undefined {
  const allowed = csecSensitiveAllowedSql(audience, youthId);
  return allowed ? or(sql`not ${CSEC_SENSITIVE[kind]}`, allowed) : undefined;
}

/** The same for one youth whose status is known: undefined when everything may be shown. */
export function csecSensitiveShownFor(kind: CsecSensitiveKind, audience: CsecAudience, status: CsecStatus): SQL | undefined {
  return csecSensitiveVisible(audience, status) ? undefined : sql`not ${CSEC_SENSITIVE[kind]}`;
}
