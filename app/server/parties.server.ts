/**
 * Case parties: the people on a youth's team, by role, with history. Replacing a holder closes
 * their row (it stays in history); nothing is deleted. A CSEC advocate reveals CSEC involvement,
 * so that role follows the CSEC status's visibility.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { caseParties } from "../../db/schema";
import { calendarDateIn } from "../domain/dates";
import { staleEdit, type StaleEdit, type WriteResult } from "../domain/forms";
import { CSEC_SENSITIVE_PARTY_ROLES, PARTY_ROLE_LABELS, partyRoleLabel, type PartyRole } from "../domain/youth";
import type { PartyInput } from "../domain/youth-forms";
import { auditChange } from "./audit.server";
import { getDb, nowIso, type DbOrTx } from "./db.server";
import { csecSensitiveShownFor } from "./csec-sensitive.server";
import { contactMade, lastMadeContactWithSql } from "./contacts.server";
import { notFound, requirePermission, type YouthInScope } from "./scope.server";
import type { Viewer } from "./session.server";

export type PartyView = {
  id: number;
  role: PartyRole;
  roleLabel: string;
  name: string;
  organization: string | null;
  phone: string | null;
  email: string | null;
  startedOn: string;
  endedOn: string | null;
  lastContactAt: string | null;
};

/** The party roles a viewer may not see on this youth (none, or the CSEC-sensitive ones). */
export function hiddenPartyRoles(inScope: YouthInScope): PartyRole[] {
  return inScope.sensitiveVisible ? [] : [...CSEC_SENSITIVE_PARTY_ROLES];
}

/** The condition on `case_parties` for the team members of this youth the viewer may see. */
export function partiesShownTo(inScope: YouthInScope): SQL | undefined {
  return csecSensitiveShownFor("party", inScope.audience, inScope.csecStatus);
}

export function listParties(inScope: YouthInScope, db: DbOrTx = getDb()): { current: PartyView[]; history: PartyView[] } {
  const { youthId } = inScope;
  // The last made contact in which each party took part (filed under them or as anyone else who
  // took part), of the contacts the viewer may see.
  const shownContacts = csecSensitiveShownFor("contact", inScope.audience, inScope.csecStatus);
  const rows = db
    .select({
      id: caseParties.id,
      role: caseParties.role,
      name: caseParties.name,
      organization: caseParties.organization,
      phone: caseParties.phone,
      email: caseParties.email,
      startedOn: caseParties.startedOn,
      endedOn: caseParties.endedOn,
      lastContactAt: lastMadeContactWithSql(caseParties.id, and(contactMade, shownContacts)),
    })
    .from(caseParties)
    .where(and(eq(caseParties.youthId, youthId), partiesShownTo(inScope)))
    .orderBy(
      sql`case ${caseParties.role} ${sql.raw(
        Object.keys(PARTY_ROLE_LABELS)
          .map((r, i) => `when '${r}' then ${i}`)
          .join(" "),
      )} else 99 end`,
      desc(caseParties.startedOn),
      asc(caseParties.id),
    )
    .all();
  const views = rows.map((r) => ({ ...r, role: r.role as PartyRole, roleLabel: partyRoleLabel(r.role) }));
  return { current: views.filter((p) => !p.endedOn), history: views.filter((p) => p.endedOn) };
}

/** A party (current or past) of this youth that the viewer may see, or a 404. */
function requireVisibleParty(inScope: YouthInScope, partyId: number, db: DbOrTx) {
  const party = db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.youthId, inScope.youthId), partiesShownTo(inScope)))
    .get();
  if (!party) notFound("Team member");
  return party;
}

export function getPartyForEdit(inScope: YouthInScope, partyId: number, db: DbOrTx = getDb()) {
  const party = requireVisibleParty(inScope, partyId, db);
  return {
    id: party.id,
    role: party.role as PartyRole,
    roleLabel: partyRoleLabel(party.role),
    name: party.name,
    organization: party.organization,
    phone: party.phone,
    email: party.email,
    startedOn: party.startedOn,
    endedOn: party.endedOn,
    version: party.version,
  };
}

export type PartyDetails = { name: string; organization: string | null; phone: string | null; email: string | null; version: number };

const WRITE_DENIED = "Your role cannot change this youth's team.";

function insertParty(tx: DbOrTx, viewer: Viewer, youthId: number, input: PartyInput): { id: number } {
  return tx
    .insert(caseParties)
    .values({
      programId: viewer.programId,
      youthId,
      role: input.role,
      name: input.name,
      organization: input.organization ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      startedOn: input.startedOn,
    })
    .returning({ id: caseParties.id })
    .get();
}

export function addParty(inScope: YouthInScope, input: PartyInput, db: DbOrTx = getDb()): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", WRITE_DENIED);
  if (hiddenPartyRoles(inScope).includes(input.role)) {
    return { ok: false, errors: { role: "Choose the person's role on the team." } };
  }
  if (input.startedOn > calendarDateIn(new Date(), viewer.timeZone)) {
    return { ok: false, errors: { startedOn: "The date cannot be in the future." } };
  }
  return db.transaction((tx) => {
    const row = insertParty(tx, viewer, youthId, input);
    auditChange(tx, viewer, {
      action: "party.add",
      entityType: "case_party",
      entityId: row.id,
      youthId,
      details: { role: input.role, name: input.name },
    });
    return { ok: true as const, id: row.id };
  });
}

export function updatePartyDetails(
  inScope: YouthInScope,
  partyId: number,
  input: Pick<PartyInput, "name" | "organization" | "phone" | "email">,
  baseVersion: number,
  db: DbOrTx = getDb(),
): WriteResult | StaleEdit<PartyDetails> {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", WRITE_DENIED);
  return db.transaction((tx) => {
    const before = requireVisibleParty(inScope, partyId, tx);
    if (before.endedOn) {
      return { ok: false as const, errors: { _form: `${before.name} is no longer on the team; past entries stay as they were.` } };
    }
    if (before.version !== baseVersion) {
      const { name, organization, phone, email, version } = before;
      return staleEdit({ name, organization, phone, email, version });
    }
    const after = {
      name: input.name,
      organization: input.organization ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
    };
    tx.update(caseParties)
      .set({ ...after, version: before.version + 1, updatedAt: nowIso() })
      .where(and(eq(caseParties.id, partyId), eq(caseParties.version, baseVersion)))
      .run();
    const changed = Object.fromEntries(
      (Object.keys(after) as Array<keyof typeof after>)
        .filter((k) => before[k] !== after[k])
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    auditChange(tx, viewer, {
      action: "party.update",
      entityType: "case_party",
      entityId: partyId,
      youthId,
      details: changed,
    });
    return { ok: true as const, id: partyId };
  });
}

/** A new person takes over the role: the current holder's row is closed, not deleted. */
export function replaceParty(inScope: YouthInScope, partyId: number, input: Omit<PartyInput, "role">, db: DbOrTx = getDb()): WriteResult {
  const { viewer, youthId } = inScope;
  requirePermission(viewer, "write:case", WRITE_DENIED);
  if (input.startedOn > calendarDateIn(new Date(), viewer.timeZone)) {
    return { ok: false, errors: { startedOn: "Record the handover on the day it happens, not ahead of it." } };
  }
  return db.transaction((tx) => {
    const previous = requireVisibleParty(inScope, partyId, tx);
    if (previous.endedOn) {
      return { ok: false as const, errors: { _form: `${previous.name} already left this role; refresh the page.` } };
    }
    if (input.startedOn < previous.startedOn) {
      return {
        ok: false as const,
        errors: { startedOn: `The new person cannot start before ${previous.name} did (${previous.startedOn}).` },
      };
    }
    tx.update(caseParties)
      .set({ endedOn: input.startedOn, version: previous.version + 1, updatedAt: nowIso() })
      .where(and(eq(caseParties.id, partyId), isNull(caseParties.endedOn)))
      .run();
    const row = insertParty(tx, viewer, youthId, { ...input, role: previous.role as PartyRole });
    auditChange(tx, viewer, {
      action: "party.replace",
      entityType: "case_party",
      entityId: row.id,
      youthId,
      details: { role: previous.role, replacedPartyId: partyId, from: previous.name, to: input.name, on: input.startedOn },
    });
    return { ok: true as const, id: row.id };
  });
}

/** The roles the viewer may give a new team member on this youth. */
export function assignablePartyRoles(inScope: YouthInScope): PartyRole[] {
  const hidden = hiddenPartyRoles(inScope);
  return (Object.keys(PARTY_ROLE_LABELS) as PartyRole[]).filter((r) => !hidden.includes(r));
}
