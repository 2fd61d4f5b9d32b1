/**
 * Resource requests and their status history. The demo cycles through every type and status
 * (Profile.coverRequests); generated CSEC youth sometimes get a CSEC-sensitive request; the plan's
 * own requests come last. Every transition lies in the past.
 */
import {
  CSEC_SENSITIVE_REQUEST_TYPES,
  OPEN_REQUEST_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TYPE_KEYS,
  requestTypeInfo,
  type RequestStatus,
} from "../../app/domain/requests";
import { DAY, HOUR, iso, MINUTE } from "./clock";
import { partyOn, type YouthWithParties } from "./case";
import * as D from "./data";
import { Rng } from "./rng";
import type { RequestPlan, U } from "./model";

const NON_SENSITIVE_REQUEST_TYPES = REQUEST_TYPE_KEYS.filter((x) => !CSEC_SENSITIVE_REQUEST_TYPES.includes(x));
/** In the order of D.REQUEST_DESCRIPTIONS.therapy, whose k-th text is of the k-th subtype. */
const THERAPY_SUBTYPES = requestTypeInfo("therapy")!.subtypes.map((s) => s.key);

export function writeRequests(y: YouthWithParties): void {
  for (const rp of planRequests(y)) writeRequest(y, rp);
}

function planRequests(y: YouthWithParties): RequestPlan[] {
  const { rng, prog, profile, plan, closed, lastDay, csec } = y;
  const list: RequestPlan[] = [];
  const n = rng.range(profile.requests);
  for (let i = 0; i < n; i++) {
    let type: RequestPlan["type"];
    let status: RequestStatus;
    if (profile.coverRequests && !closed) {
      const k = prog.requestSeq++;
      type = NON_SENSITIVE_REQUEST_TYPES[k % NON_SENSITIVE_REQUEST_TYPES.length]!;
      status = REQUEST_STATUSES[(k * 5 + Math.floor(k / 12)) % REQUEST_STATUSES.length]!;
    } else {
      type = rng.pick(NON_SENSITIVE_REQUEST_TYPES);
      status = closed
        ? rng.pick(["fulfilled", "denied", "withdrawn"] as const)
        : rng.weighted<RequestStatus>([
            ["draft", 8],
            ["submitted", 20],
            ["approved", 15],
            ["denied", 10],
            ["fulfilled", 35],
            ["withdrawn", 7],
          ]);
    }
    list.push({ type, status });
  }
  // Generated CSEC youth also get a CSEC-sensitive request now and then.
  if (csec.since !== null && plan.requests.length === 0 && rng.chance(0.7)) {
    const room = lastDay - csec.since;
    list.push({
      type: rng.pick(CSEC_SENSITIVE_REQUEST_TYPES),
      status:
        room < 45
          ? "submitted"
          : rng.weighted<RequestStatus>([
              ["submitted", 30],
              ["approved", 20],
              ["fulfilled", 35],
              ["denied", 15],
            ]),
      by: csec.confirmedSince !== null ? undefined : y.staff.supervisorOn(lastDay),
      on: Math.min(lastDay - 1, csec.since + rng.int(1, Math.max(1, Math.min(60, room - 40)))),
    });
  }
  list.push(...plan.requests);
  return list;
}

function writeRequest(y: YouthWithParties, rp: RequestPlan): void {
  const { w, clock, rng, prog, plan, lastDay, staff, csec } = y;
  const open = OPEN_REQUEST_STATUSES.includes(rp.status);
  let on = rp.on ?? (open ? lastDay - rng.int(1, 45) : lastDay - rng.int(25, 240));
  on = Math.max(on, Math.max(staff.firstActive + 1, plan.openedOn + 1));
  if (csec.since !== null && CSEC_SENSITIVE_REQUEST_TYPES.includes(rp.type)) on = Math.max(on, csec.since);
  const t0 = clock.ms(on, rng.int(16, 22), rng.int(0, 59));

  const steps = requestSteps(y, rp);
  const times: number[] = [];
  let tt = t0;
  for (const [, delay] of steps) times.push((tt += delay));
  // Keep every transition in the past (before the last active day ends).
  const limit = clock.ms(lastDay, 23, 0);
  const overflow = times[times.length - 1]! - limit;
  if (overflow > 0) {
    const shift = overflow + rng.int(1, 3) * DAY;
    for (let i = 0; i < times.length; i++) times[i] = times[i]! - shift;
  }
  const requestedDay = clock.dayOf(times[0]!);
  const requester = rp.by ?? staff.staffOn(requestedDay);

  const addressee = D.REQUEST_ADDRESSEES[rp.type];
  const party = addressee.role ? partyOn(y, addressee.role, requestedDay) : null;
  let description = rp.description;
  let subtype = rp.subtype ?? null;
  if (description === undefined) {
    const options = D.REQUEST_DESCRIPTIONS[rp.type];
    const k = rng.int(0, options.length - 1);
    description = options[k]!.replaceAll("{Y}", plan.firstName);
    if (rp.type === "therapy" && rp.subtype === undefined) subtype = THERAPY_SUBTYPES[k] ?? "other";
  }
  const amountCents = rp.amountCents !== undefined ? rp.amountCents : rp.type === "restoration_funds" ? rng.int(4, 40) * 2_500 : null;
  const dueIn = rp.dueIn !== undefined ? rp.dueIn : rng.chance(open ? 0.9 : 0.7) ? rng.int(10, 35) : null;

  const outcome = requestOutcome(
    y,
    rp,
    amountCents,
    steps.map(([to], i) => [to, times[i]!] as const),
    party?.name ?? addressee.agency ?? "DCFS",
  );
  const submittedStep = steps.findIndex(([to]) => to === "submitted");
  const requestId = w.request({
    programId: prog.id,
    youthId: y.youthId,
    type: rp.type,
    subtype,
    description,
    addressedToPartyId: party?.id ?? null,
    addressedToAgency: party ? null : (addressee.agency ?? "DCFS").replace("Example County", prog.county),
    amountCents,
    dueOn: dueIn === null ? null : clock.day(requestedDay + dueIn),
    status: rp.status,
    requestedByUserId: requester.id,
    requestedAt: iso(times[0]!),
    submittedAt: submittedStep >= 0 ? iso(times[submittedStep]!) : null,
    version: steps.length,
    closedAt: open ? null : iso(times[times.length - 1]!),
    ...outcome,
    createdAt: iso(times[0]!),
    updatedAt: steps.length > 1 ? iso(times[times.length - 1]!) : null,
  });
  writeRequestEvents(
    y,
    requestId,
    requester,
    steps.map(([to], i) => [to, times[i]!] as const),
    outcome,
  );
}

/** The transitions that lead to the planned status, as [to, delay from the previous one in ms]. */
function requestSteps({ rng }: YouthWithParties, rp: RequestPlan): Array<[RequestStatus, number]> {
  const steps: Array<[RequestStatus, number]> = [["draft", 0]];
  const submit = (): void => void steps.push(["submitted", rp.on !== undefined ? rng.int(5, 90) * MINUTE : rng.int(1, 48) * HOUR]);
  switch (rp.status) {
    case "draft":
      break;
    case "submitted":
      submit();
      break;
    case "approved":
    case "denied":
      submit();
      steps.push([rp.status, rng.int(1, 10) * DAY + rng.int(0, 8) * HOUR]);
      break;
    case "fulfilled":
      submit();
      steps.push(["approved", rng.int(1, 10) * DAY + rng.int(0, 8) * HOUR]);
      steps.push(["fulfilled", rng.int(2, 20) * DAY + rng.int(0, 8) * HOUR]);
      break;
    case "withdrawn":
      if (rng.chance(0.5)) submit();
      steps.push(["withdrawn", rng.int(1, 12) * DAY]);
      break;
  }
  return steps;
}

type Outcome = {
  approvedAmountCents: number | null;
  fulfilledOn: string | null;
  fulfilledBy: string | null;
  paidAmountCents: number | null;
  outcomeNote: string | null;
};

/**
 * What approving and fulfilling recorded: funds mostly approved as requested (now and then less),
 * paid as approved or a little under; the day it was provided, by whom it was addressed to, and a
 * note. From a stream of its own, so the rest of the seed comes out as before.
 */
function requestOutcome(
  { clock, youthId }: YouthWithParties,
  rp: RequestPlan,
  amountCents: number | null,
  transitions: ReadonlyArray<readonly [RequestStatus, number]>,
  provider: string,
): Outcome {
  const rng = new Rng((Math.imul(youthId, 0x9e3779b1) ^ Math.floor(transitions[0]![1] / 60_000)) >>> 0);
  const reached = (s: RequestStatus) => transitions.find(([to]) => to === s);
  const approved =
    reached("approved") && amountCents !== null
      ? rng.chance(0.2)
        ? Math.round((amountCents * rng.int(50, 90)) / 100 / 500) * 500 || amountCents
        : amountCents
      : null;
  const fulfilled = reached("fulfilled");
  if (!fulfilled) return { approvedAmountCents: approved, fulfilledOn: null, fulfilledBy: null, paidAmountCents: null, outcomeNote: null };
  const paid = approved === null ? null : rng.chance(0.15) ? approved - rng.int(1, 20) * 100 : approved;
  return {
    approvedAmountCents: approved,
    fulfilledOn: clock.day(clock.dayOf(fulfilled[1])),
    fulfilledBy: provider,
    paidAmountCents: paid !== null && paid > 0 ? paid : approved,
    outcomeNote: rng.pick(D.FULFIL_OUTCOMES[rp.type] ?? D.FULFIL_NOTES),
  };
}

/** One status event per transition; the requester moves it along, a supervisor or the lead decides. */
function writeRequestEvents(
  { w, clock, rng, prog, staff }: YouthWithParties,
  requestId: number,
  requester: U,
  transitions: ReadonlyArray<readonly [RequestStatus, number]>,
  outcome: Outcome,
): void {
  let from: RequestStatus | null = null;
  for (const [to, at] of transitions) {
    const decider = rng.chance(0.7) ? staff.supervisorOn(clock.dayOf(at)) : prog.lead;
    const actor = to === "draft" || to === "submitted" || to === "withdrawn" ? requester : decider;
    const note =
      to === "denied"
        ? rng.pick(D.DENY_REASONS)
        : to === "withdrawn"
          ? rng.pick(D.WITHDRAW_NOTES)
          : to === "approved"
            ? rng.pick(D.APPROVE_NOTES)
            : to === "fulfilled"
              ? rng.pick(D.FULFIL_NOTES)
              : null;
    // The note drawn above keeps the stream as it was; a fulfilment's note is its recorded outcome.
    const recorded =
      to === "approved"
        ? { amountCents: outcome.approvedAmountCents, onDate: null, provider: null }
        : to === "fulfilled"
          ? { amountCents: outcome.paidAmountCents, onDate: outcome.fulfilledOn, provider: outcome.fulfilledBy }
          : { amountCents: null, onDate: null, provider: null };
    w.requestEvent({
      programId: prog.id,
      requestId,
      fromStatus: from,
      toStatus: to,
      note: to === "fulfilled" ? (outcome.outcomeNote ?? note) : note,
      ...recorded,
      actorUserId: actor.id,
      at: iso(at),
    });
    from = to;
  }
}
