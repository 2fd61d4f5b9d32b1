/**
 * MDT meetings: a few held ones (with attendance and the action items they produced), an upcoming
 * one (with its invitees and agenda), and action items created on the youth's page. A CSEC MDT
 * only while the youth is, and still is, concern or confirmed; its items are CSEC-sensitive.
 */
import type { CsecStatus } from "../../app/domain/csec";
import { CSEC_SENSITIVE_MEETING_TYPES, type ActionStatus, type MeetingStatus, type MeetingType } from "../../app/domain/meetings";
import { CSEC_SENSITIVE_PARTY_ROLES, type PartyRole } from "../../app/domain/youth";
import { DAY, HOUR, iso } from "./clock";
import { currentOwners, partiesOn, partyOn, type PartyRec, type YouthWithParties } from "./case";
import * as D from "./data";
import { activeOn, type ActionOwner, type ActionPlan, type U, type UpcomingPlan } from "./model";
import type { Rng } from "./rng";
import type { Writer } from "./writer";

export function writeMeetings(y: YouthWithParties): void {
  const heldDays = heldMeetingDays(y);
  heldDays.forEach((day, idx) => writeHeldMeeting(y, day, idx === heldDays.length - 1));
  const upcoming = planUpcoming(y);
  if (upcoming && !y.closed) writeUpcomingMeeting(y, upcoming);
  writePageActions(y);
}

/** Days of the held meetings, oldest first: every two to four months back from the last one. */
function heldMeetingDays({ rng, profile, lastDay, staff }: YouthWithParties): number[] {
  const held = rng.range(profile.heldMeetings);
  const heldDays: number[] = [];
  let day = lastDay - rng.int(6, 40);
  for (let i = 0; i < held; i++) {
    if (day < staff.firstActive + 14) break;
    heldDays.unshift(day);
    day -= rng.int(55, 110);
  }
  return heldDays;
}

/** A held meeting that happened on `mday`: what the action items written with it need to know. */
type HeldMeeting = {
  meetingId: number;
  mday: number;
  isLatest: boolean;
  sensitive: boolean;
  state: CsecStatus;
  creator: U;
  scheduledMs: number;
};

function writeHeldMeeting(y: YouthWithParties, mday: number, isLatest: boolean): void {
  const { w, clock, rng, prog, plan, staff, csec } = y;
  const pid = prog.id;
  const yid = y.youthId;
  const state = csec.stateOn(mday);
  // A CSEC MDT only while the youth is (and still is) concern/confirmed.
  const type: MeetingType =
    state !== "none" && csec.current !== "none" && rng.chance(0.5)
      ? "csec_mdt"
      : rng.weighted<MeetingType>([
          ["regular_mdt", 86],
          ["emergency_placement", 8],
          ["other", 6],
        ]);
  const sensitive = CSEC_SENSITIVE_MEETING_TYPES.includes(type);
  const cancelled = !isLatest && rng.chance(0.07);
  const creator =
    sensitive && state !== "confirmed" ? staff.supervisorOn(mday) : rng.chance(0.6) ? staff.supervisorOn(mday) : staff.staffOn(mday);
  const scheduledMs = clock.ms(mday, rng.pick([16, 17, 18, 20, 21]), rng.pick([0, 30]));
  const video = rng.chance(0.4);
  const meetingId = w.meeting({
    programId: pid,
    youthId: yid,
    type,
    scheduledAt: iso(scheduledMs),
    location: video ? null : rng.pick(D.MEETING_LOCATIONS),
    videoLink: video ? `https://meet.example.org/mdt-${pid}-${yid}-${++prog.meetingSeq}` : null,
    status: cancelled ? "cancelled" : "held",
    notes: cancelled
      ? "Cancelled: the CSW was out sick; to be rescheduled."
      : rng.pick(sensitive ? D.CSEC_MEETING_NOTES : D.MEETING_NOTES).replaceAll("{Y}", plan.firstName),
    decisions: cancelled ? null : rng.pick(sensitive ? D.CSEC_MEETING_DECISIONS : D.MEETING_DECISIONS).replaceAll("{Y}", plan.firstName),
    createdByUserId: creator.id,
    createdAt: iso(scheduledMs - rng.int(7, 21) * DAY),
    updatedAt: iso(scheduledMs + (cancelled ? -1 * DAY : 2 * HOUR)),
  });
  writeAttendees(w, rng, meetingId, cancelled ? "cancelled" : "held", {
    sensitive,
    inviteAdvocates: !sensitive || state === "confirmed",
    csecAdvocateOk: sensitive || (state === "confirmed" && csec.current === "confirmed"),
    advocates: staff.advocates.filter((s) => activeOn(s, mday)).map((s) => s.user),
    supervisor: staff.supervisorOn(mday),
    parties: partiesOn(y, mday),
  });
  if (!cancelled) writeMeetingActionItems(y, { meetingId, mday, isLatest, sensitive, state, creator, scheduledMs });
}

/** The action items a held meeting produced: mostly done for older meetings, open for the latest. */
function writeMeetingActionItems(y: YouthWithParties, m: HeldMeeting): void {
  const { w, clock, rng, prog, profile, closed, lastDay } = y;
  const items = rng.range(profile.actionsPerMeeting);
  for (let i = 0; i < items; i++) {
    const status =
      m.isLatest || closed
        ? closed
          ? rng.weighted<ActionStatus>([
              ["done", 80],
              ["dropped", 20],
            ])
          : rng.weighted<ActionStatus>([
              ["open", 70],
              ["done", 20],
              ["dropped", 10],
            ])
        : rng.weighted<ActionStatus>([
            ["open", 20],
            ["done", 65],
            ["dropped", 15],
          ]);
    const { description, owner } = m.sensitive ? csecActionItem(y, m) : ordinaryActionItem(y, m, status);
    const due = m.mday + rng.int(7, 30);
    const doneDay = Math.min(m.mday + rng.int(2, 40), lastDay);
    const closedMs = clock.ms(doneDay, rng.int(16, 23), rng.int(0, 59));
    w.actionItem({
      programId: prog.id,
      youthId: y.youthId,
      meetingId: m.meetingId,
      description,
      ownerPartyRole: "role" in owner ? owner.role : null,
      ownerUserId: "user" in owner ? owner.user.id : null,
      dueOn: clock.day(due),
      status,
      // As the app records it: the moment it was closed, done or dropped.
      doneAt: status === "open" ? null : iso(closedMs),
      dropReason: status === "dropped" ? rng.pick(D.DROP_REASONS) : null,
      csecSensitive: m.sensitive,
      createdByUserId: m.creator.id,
      createdAt: iso(m.scheduledMs + 3 * HOUR),
      updatedAt: status === "open" ? null : iso(closedMs),
    });
  }
}

/** A CSEC MDT's item: owned by the CSW or the CSEC advocate, else the supervisor (or, once confirmed, an advocate). */
function csecActionItem(y: YouthWithParties, m: HeldMeeting): { description: string; owner: ActionOwner } {
  const { rng, staff } = y;
  const description = rng.pick(D.CSEC_ACTION_ITEMS);
  const owner: ActionOwner = rng.chance(0.6)
    ? { role: rng.pick<PartyRole>(partyOn(y, "csec_advocate", m.mday) ? ["csw", "csec_advocate"] : ["csw"]) }
    : { user: m.state === "confirmed" && rng.chance(0.5) ? rng.pick(currentOwners(staff)).user : staff.supervisorOn(m.mday) };
  return { description, owner };
}

/** An ordinary item: owned by one of the roles that usually own it (if the youth has one), else by a person. */
function ordinaryActionItem(y: YouthWithParties, m: HeldMeeting, status: ActionStatus): { description: string; owner: ActionOwner } {
  const { rng, plan, staff } = y;
  const [text, roles] = rng.pick(D.ACTION_ITEMS);
  const description = text.replaceAll("{Y}", plan.firstName);
  if (rng.chance(0.55)) {
    const role = rng.pick(roles);
    return { description, owner: { role: partyOn(y, role, m.mday) || role === "casa_advocate" ? role : "csw" } };
  }
  const owners = currentOwners(staff);
  const advocate = status === "open" ? rng.pick(owners).user : (staff.advocateOn(m.mday) ?? rng.pick(owners).user);
  return { description, owner: { user: rng.chance(0.75) ? advocate : staff.supervisorOn(m.mday) } };
}

/** The plan's upcoming meeting, or by chance a regular (sometimes CSEC, once confirmed) one. */
function planUpcoming({ rng, profile, plan, closed, csec }: YouthWithParties): UpcomingPlan | null {
  if (plan.upcoming !== undefined) return plan.upcoming;
  if (closed || !rng.chance(profile.upcomingChance)) return null;
  const type: MeetingType = csec.current === "confirmed" && rng.chance(0.3) ? "csec_mdt" : "regular_mdt";
  const sensitive = CSEC_SENSITIVE_MEETING_TYPES.includes(type);
  return {
    inDays: rng.int(2, 14),
    type,
    inviteAdvocate: true,
    agenda: rng.some(sensitive ? D.CSEC_AGENDA_ITEMS : D.AGENDA_ITEMS, rng.int(0, 2)).map((text) => ({ text, sensitive })),
  };
}

function writeUpcomingMeeting(y: YouthWithParties, upcoming: UpcomingPlan): void {
  const { w, clock, rng, prog, staff, csec } = y;
  const pid = prog.id;
  const yid = y.youthId;
  const sensitive = CSEC_SENSITIVE_MEETING_TYPES.includes(upcoming.type);
  const creator =
    sensitive && csec.current !== "confirmed" ? staff.supervisorOn(-1) : rng.chance(0.6) ? staff.supervisorOn(-1) : staff.staffOn(-1);
  const createdDay = -rng.int(3, 20);
  const video = rng.chance(0.4);
  const meetingId = w.meeting({
    programId: pid,
    youthId: yid,
    type: upcoming.type,
    scheduledAt: clock.at(upcoming.inDays, rng.pick([16, 17, 18, 20, 21]), rng.pick([0, 30])),
    location: video ? null : rng.pick(D.MEETING_LOCATIONS),
    videoLink: video ? `https://meet.example.org/mdt-${pid}-${yid}-${++prog.meetingSeq}` : null,
    status: "scheduled",
    notes: null,
    decisions: null,
    createdByUserId: creator.id,
    createdAt: clock.at(createdDay, 18, rng.int(0, 59)),
    updatedAt: null,
  });
  writeAttendees(w, rng, meetingId, "scheduled", {
    sensitive,
    inviteAdvocates: upcoming.inviteAdvocate,
    csecAdvocateOk: sensitive || csec.current === "confirmed",
    advocates: staff.current.map((s) => s.user),
    supervisor: staff.supervisorOn(-1),
    parties: partiesOn(y, -1),
  });
  for (const item of upcoming.agenda) {
    w.agendaItem({
      meetingId,
      text: item.text,
      csecSensitive: item.sensitive,
      addedByUserId: item.sensitive && csec.current !== "confirmed" ? staff.supervisorOn(-1).id : creator.id,
      createdAt: clock.at(createdDay + 1, 19, rng.int(0, 59)),
    });
  }
}

/** Open action items created on the youth's page (not at a meeting): the plan's, or by chance one. */
function writePageActions(y: YouthWithParties): void {
  const { w, clock, rng, prog, profile, plan, closed, staff } = y;
  const owners = currentOwners(staff);
  const pageActions: ActionPlan[] = [...plan.actions];
  if (!closed && owners.length > 0 && plan.actions.length === 0 && rng.chance(profile.pageActionChance)) {
    const owner = rng.pick(owners).user;
    const [text] = rng.pick(D.ACTION_ITEMS);
    pageActions.push({
      description: text.replaceAll("{Y}", plan.firstName),
      owner: { user: owner },
      due: rng.int(-12, 12),
      sensitive: false,
      by: owner,
      on: -rng.int(15, 40),
    });
  }
  for (const a of pageActions) {
    w.actionItem({
      programId: prog.id,
      youthId: y.youthId,
      meetingId: null,
      description: a.description,
      ownerPartyRole: "role" in a.owner ? a.owner.role : null,
      ownerUserId: "user" in a.owner ? a.owner.user.id : null,
      dueOn: clock.day(a.due),
      status: "open",
      doneAt: null,
      dropReason: null,
      csecSensitive: a.sensitive,
      createdByUserId: a.by.id,
      createdAt: clock.at(a.on, 18, rng.int(0, 59)),
      updatedAt: null,
    });
  }
}

function writeAttendees(
  w: Writer,
  rng: Rng,
  meetingId: number,
  status: MeetingStatus,
  who: {
    sensitive: boolean;
    inviteAdvocates: boolean;
    /** Whether a CSEC advocate party may be listed (CSEC meeting, or the youth is confirmed). */
    csecAdvocateOk: boolean;
    advocates: U[];
    supervisor: U;
    parties: PartyRec[];
  },
): void {
  const attended = (p: number) => (status === "held" ? rng.chance(p) : null);
  if (who.inviteAdvocates) for (const a of who.advocates) w.attendee({ meetingId, partyId: null, userId: a.id, attended: attended(0.85) });
  w.attendee({ meetingId, partyId: null, userId: who.supervisor.id, attended: attended(0.8) });
  for (const p of who.parties) {
    if (p.role === "casa_advocate" || p.role === "advocate_supervisor") continue; // present as users
    const csecSensitive = CSEC_SENSITIVE_PARTY_ROLES.includes(p.role);
    if (csecSensitive && !who.csecAdvocateOk) continue;
    const always = p.role === "csw" || p.role === "attorney" || (who.sensitive && csecSensitive);
    if (!always && !rng.chance(0.6)) continue;
    w.attendee({ meetingId, partyId: p.id, userId: null, attended: attended(0.75) });
  }
}
