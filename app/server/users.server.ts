/**
 * User administration: the program's people, who may manage whom, and passwords.
 *
 * - Administrators (`manage:users`) manage every member of their program; program leads
 *   (`manage:staff`) its advocates and supervisors. Anyone else: 403. A user outside the program,
 *   or one the viewer may not manage, is a 404.
 * - Nobody gets a password typed by someone else: a new account, or a reset, gets a one-time link
 *   (valid `RESET_LINK_HOURS`), shown once to the person who made it, to hand over.
 * - Deactivating ends every session of that user at once; their records keep their name.
 * - No case content is read here: an administrator sees names, emails and roles only.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { data } from "react-router";
import { memberships, passwordResets, sessions, users } from "../../db/schema";
import type { FieldErrors } from "../domain/forms";
import { can } from "../domain/permissions";
import { ROLES, type Role } from "../domain/roles";
import { auditChange, audit } from "./audit.server";
import { resolveMember } from "./cases.server";
import { getDb, nowIso, type Db } from "./db.server";
import { hashPassword, verifyPassword } from "./password.server";
import type { Viewer } from "./session.server";
import { likeContains } from "./sql.server";

import { RESET_LINK_HOURS } from "../domain/passwords";

/** The roles the viewer may give and manage: every role (administrators), advocates and supervisors (leads). */
export function manageableRoles(viewer: Viewer): readonly Role[] {
  if (can(viewer.role, "manage:users")) return ROLES;
  if (can(viewer.role, "manage:staff")) return ["advocate", "supervisor"];
  return [];
}

/** 403 for a viewer who manages nobody. */
export function requireUserAdmin(viewer: Viewer): void {
  if (manageableRoles(viewer).length === 0) {
    throw data({ message: "Only administrators and program leads manage the program's people." }, { status: 403 });
  }
}

export type ManagedUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  otherPrograms: number;
  /** For an advocate: who usually supervises their cases (offered when a youth is taken in). */
  usualSupervisor: { id: number; name: string; email: string } | null;
};

export type UserListQuery = { q?: string; role?: Role; active?: "active" | "inactive"; page: number; size: number };

function memberFields() {
  return {
    id: users.id,
    name: users.name,
    email: users.email,
    role: memberships.role,
    disabledAt: users.disabledAt,
    otherPrograms: sql<number>`(select count(*) from ${memberships} m2 where m2.user_id = ${users.id} and m2.program_id <> ${memberships.programId})`,
    supervisorId: memberships.supervisorUserId,
    supervisorName: sql<string | null>`(select s.name from ${users} s where s.id = ${memberships.supervisorUserId})`,
    supervisorEmail: sql<string | null>`(select s.email from ${users} s where s.id = ${memberships.supervisorUserId})`,
  };
}

type MemberRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  disabledAt: string | null;
  otherPrograms: number;
  supervisorId: number | null;
  supervisorName: string | null;
  supervisorEmail: string | null;
};

function toUser(r: MemberRow): ManagedUser {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    active: r.disabledAt === null,
    otherPrograms: r.otherPrograms,
    usualSupervisor: r.supervisorId !== null ? { id: r.supervisorId, name: r.supervisorName ?? "", email: r.supervisorEmail ?? "" } : null,
  };
}

/** The program's members the viewer manages, filtered and paged in SQL, by name. */
export function listUsers(viewer: Viewer, query: UserListQuery, db: Db = getDb()): { rows: ManagedUser[]; total: number } {
  requireUserAdmin(viewer);
  const where: SQL[] = [eq(memberships.programId, viewer.programId), inArray(memberships.role, [...manageableRoles(viewer)])];
  if (query.q?.trim()) where.push(sql`(${likeContains(users.name, query.q.trim())} or ${likeContains(users.email, query.q.trim())})`);
  if (query.role) where.push(eq(memberships.role, query.role));
  if (query.active === "active") where.push(isNull(users.disabledAt));
  if (query.active === "inactive") where.push(sql`${users.disabledAt} is not null`);
  const condition = and(...where);
  // Filtered by role alone, the members are counted from memberships_program_role_idx, without
  // reading each member's user row.
  const byUser = Boolean(query.q?.trim()) || query.active !== undefined;
  const members = db.select({ n: count() }).from(memberships).$dynamic();
  const total = (byUser ? members.innerJoin(users, eq(users.id, memberships.userId)) : members).where(condition).get()?.n ?? 0;
  const rows = db
    .select(memberFields())
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(condition)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .all();
  return { rows: rows.map(toUser), total };
}

/** One member the viewer manages; 404 otherwise (outside the program, or a role they do not manage). */
export function getManagedUser(viewer: Viewer, userId: number, db: Db = getDb()): ManagedUser {
  requireUserAdmin(viewer);
  const row = db
    .select(memberFields())
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.programId, viewer.programId), eq(memberships.userId, userId)))
    .get();
  if (!row || !manageableRoles(viewer).includes(row.role)) throw data({ message: "Person not found." }, { status: 404 });
  return toUser(row);
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new one-time link for `userId` (the token is returned once and stored only as its hash). */
function issueLink(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  viewer: Viewer,
  userId: number,
): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000).toISOString();
  // An earlier link that was never used stops working: only the newest one handed over counts.
  tx.update(passwordResets)
    .set({ usedAt: nowIso() })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .run();
  tx.insert(passwordResets)
    .values({ userId, programId: viewer.programId, tokenHash: tokenHash(token), createdByUserId: viewer.userId, expiresAt })
    .run();
  return { token, expiresAt };
}

export type LinkResult = { ok: true; userId: number; token: string; expiresAt: string } | { ok: false; errors: FieldErrors };

/** Creates an account in the viewer's program, with a one-time link to set its password. */
export async function createUser(
  viewer: Viewer,
  input: { name: string; email: string; role: Role; supervisor?: string },
  db: Db = getDb(),
): Promise<LinkResult> {
  requireUserAdmin(viewer);
  const errors: FieldErrors = {};
  if (!manageableRoles(viewer).includes(input.role)) errors.role = "Your role cannot give this role.";
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    errors.email = "Someone already has an account with this email address.";
  }
  const supervisor = input.role === "advocate" && input.supervisor ? resolveSupervisor(viewer, input.supervisor, db) : { id: null };
  if (supervisor === null) errors.supervisor = NO_SUCH_SUPERVISOR;
  if (Object.keys(errors).length > 0 || supervisor === null) return { ok: false, errors };
  // Nobody knows this password: the person sets their own with the link.
  const passwordHash = await hashPassword(randomBytes(32).toString("hex"));
  return db.transaction((tx) => {
    const user = tx.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning({ id: users.id }).get();
    tx.insert(memberships)
      .values({ userId: user.id, programId: viewer.programId, role: input.role, supervisorUserId: supervisor.id })
      .run();
    const link = issueLink(tx, viewer, user.id);
    auditChange(tx, viewer, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      details: { role: input.role, ...(supervisor.id ? { supervisorId: supervisor.id } : {}) },
    });
    return { ok: true as const, userId: user.id, ...link };
  });
}

export type ChangeResult = { ok: true } | { ok: false; status: 400 | 409; errors: FieldErrors };

const NO_SUCH_SUPERVISOR = "Choose an active supervisor of this program (from the list, or by their email).";

function resolveSupervisor(viewer: Viewer, ref: string, db: Db): { id: number } | null {
  const m = resolveMember(viewer, ref, "supervisor", db);
  return m ? { id: m.id } : null;
}

/** Sets (or clears, with no `ref`) who usually supervises an advocate's cases. */
export function setUsualSupervisor(viewer: Viewer, userId: number, ref: string | undefined, db: Db = getDb()): ChangeResult {
  const user = getManagedUser(viewer, userId, db);
  if (user.role !== "advocate") return { ok: false, status: 400, errors: { supervisor: "Only an advocate has a usual supervisor." } };
  const supervisor = ref ? resolveSupervisor(viewer, ref, db) : { id: null };
  if (supervisor === null) return { ok: false, status: 400, errors: { supervisor: NO_SUCH_SUPERVISOR } };
  if (supervisor.id === (user.usualSupervisor?.id ?? null)) return { ok: true };
  db.transaction((tx) => {
    tx.update(memberships)
      .set({ supervisorUserId: supervisor.id })
      .where(and(eq(memberships.userId, userId), eq(memberships.programId, viewer.programId)))
      .run();
    auditChange(tx, viewer, {
      action: "user.supervisor_change",
      entityType: "user",
      entityId: userId,
      details: { from: user.usualSupervisor?.id ?? null, to: supervisor.id },
    });
  });
  return { ok: true };
}

/** Changes a member's role in this program. A form filled from another role than the current one is refused (409). */
export function changeRole(viewer: Viewer, userId: number, input: { role: Role; baseRole?: Role }, db: Db = getDb()): ChangeResult {
  const user = getManagedUser(viewer, userId, db);
  if (input.baseRole && input.baseRole !== user.role) {
    return {
      ok: false,
      status: 409,
      errors: { _form: "Someone changed this person's role while you were looking: check it and choose again." },
    };
  }
  if (!manageableRoles(viewer).includes(input.role))
    return { ok: false, status: 400, errors: { role: "Your role cannot give this role." } };
  if (userId === viewer.userId) return { ok: false, status: 400, errors: { role: "You cannot change your own role." } };
  if (input.role === user.role) return { ok: true };
  db.transaction((tx) => {
    tx.update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.userId, userId), eq(memberships.programId, viewer.programId)))
      .run();
    // A changed role is a changed scope: sessions start again with the new one.
    tx.delete(sessions)
      .where(and(eq(sessions.userId, userId), eq(sessions.programId, viewer.programId)))
      .run();
    auditChange(tx, viewer, {
      action: "user.role_change",
      entityType: "user",
      entityId: userId,
      details: { from: user.role, to: input.role },
    });
  });
  return { ok: true };
}

/** Deactivates (every session ends at once) or reactivates an account. */
export function setActive(viewer: Viewer, userId: number, active: boolean, db: Db = getDb()): ChangeResult {
  const user = getManagedUser(viewer, userId, db);
  if (userId === viewer.userId) return { ok: false, status: 400, errors: { _form: "You cannot deactivate your own account." } };
  if (user.otherPrograms > 0) {
    return {
      ok: false,
      status: 400,
      errors: {
        _form:
          "This person also works in another program; an account is deactivated for every program at once, so ask an administrator of each.",
      },
    };
  }
  if (user.active === active) return { ok: true };
  db.transaction((tx) => {
    tx.update(users)
      .set({ disabledAt: active ? null : nowIso() })
      .where(eq(users.id, userId))
      .run();
    if (!active) {
      tx.delete(sessions).where(eq(sessions.userId, userId)).run();
      tx.update(passwordResets)
        .set({ usedAt: nowIso() })
        .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
        .run();
    }
    auditChange(tx, viewer, { action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: userId });
  });
  return { ok: true };
}

/** A new one-time link for a member to set a new password (the old one keeps working until then). */
export function createResetLink(viewer: Viewer, userId: number, db: Db = getDb()): LinkResult {
  const user = getManagedUser(viewer, userId, db);
  if (!user.active) return { ok: false, errors: { _form: "Reactivate the account first." } };
  return db.transaction((tx) => {
    const link = issueLink(tx, viewer, userId);
    auditChange(tx, viewer, { action: "user.reset_link", entityType: "user", entityId: userId });
    return { ok: true as const, userId, ...link };
  });
}

/** The account a one-time link is for, while it is unused and unexpired; null otherwise. */
export function resetLinkAccount(
  token: string,
  db: Db = getDb(),
): { resetId: number; userId: number; programId: number; name: string } | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return (
    db
      .select({ resetId: passwordResets.id, userId: users.id, programId: passwordResets.programId, name: users.name })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, tokenHash(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, nowIso()),
          isNull(users.disabledAt),
        ),
      )
      .get() ?? null
  );
}

/** Sets the password with a one-time link: the link is used up and every session of the account ends. */
export async function setPasswordWithLink(token: string, password: string, db: Db = getDb()): Promise<boolean> {
  const account = resetLinkAccount(token, db);
  if (!account) return false;
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    // Used once: a second use (or a race of two) finds it used.
    const used = tx
      .update(passwordResets)
      .set({ usedAt: nowIso() })
      .where(and(eq(passwordResets.id, account.resetId), isNull(passwordResets.usedAt)))
      .run().changes;
    if (used === 0) return false;
    tx.update(users).set({ passwordHash }).where(eq(users.id, account.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, account.userId)).run();
    audit(tx, {
      programId: account.programId,
      actorUserId: account.userId,
      action: "user.password_set",
      entityType: "user",
      entityId: account.userId,
    });
    return true;
  });
}

/** The signed-in user changes their own password (the current one required); their other sessions end. */
export async function changeOwnPassword(
  viewer: Viewer,
  input: { current: string; password: string },
  db: Db = getDb(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId)).get();
  if (!row || !(await verifyPassword(input.current, row.passwordHash)))
    return { ok: false, errors: { current: "That is not your current password." } };
  const passwordHash = await hashPassword(input.password);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.userId)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, viewer.userId), ne(sessions.id, viewer.sessionId)))
      .run();
    auditChange(tx, viewer, { action: "user.password_change", entityType: "user", entityId: viewer.userId });
  });
  return { ok: true };
}
