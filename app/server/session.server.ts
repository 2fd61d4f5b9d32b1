/**
 * Database-backed sessions. The browser holds only a random session id inside a signed,
 * HttpOnly, SameSite=Lax cookie (Secure in production); everything else stays in `sessions`.
 * A session ends after `SESSION_IDLE_MINUTES` without activity, and after 12 hours regardless.
 */
import { createCookie, matchPath, redirect } from "react-router";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNull, lt, ne } from "drizzle-orm";
import { memberships, programs, sessions, users } from "../../db/schema";
import { getDb, type Db } from "./db.server";
import type { Role } from "../domain/roles";

const DEV_SECRET = "dev-only-secret-not-for-production";
const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Activity within this window does not rewrite the session row (saves a write per request). */
const TOUCH_EVERY_MS = 60 * 1000;

function idleTimeoutMs(): number {
  const minutes = Number(process.env.SESSION_IDLE_MINUTES ?? 60);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 60) * 60 * 1000;
}

type Env = Record<string, string | undefined>;

/**
 * The cookie's settings for an environment: Secure in production (unless COOKIE_SECURE=false for
 * a plain-http demo), signed with SESSION_SECRET (comma-separated to rotate), which production
 * requires.
 */
export function sessionCookieSettings(env: Env = process.env): { secure: boolean; secrets: string[] } {
  const production = env.NODE_ENV === "production";
  const secrets = (env.SESSION_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (secrets.length === 0) {
    if (production) {
      throw new Error(
        "SESSION_SECRET is not set. Set it to a long random string (e.g. `openssl rand -hex 32`) before starting in production.",
      );
    }
    secrets.push(DEV_SECRET);
  }
  return { secure: env.COOKIE_SECURE === "false" ? false : production, secrets };
}

/**
 * `__Host-` whenever the cookie is Secure: the browser then only accepts it from this host, over
 * HTTPS, for the whole site, so no sibling subdomain can plant or overwrite it.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-casa_session" : "casa_session";
}

export function createSessionCookie(settings = sessionCookieSettings()) {
  return createCookie(sessionCookieName(settings.secure), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: ABSOLUTE_LIFETIME_MS / 1000,
    ...settings,
  });
}

export const sessionCookie = createSessionCookie();

/** The signed-in user as every guard and page sees them. */
export type Viewer = {
  sessionId: string;
  userId: number;
  name: string;
  email: string;
  programId: number;
  programName: string;
  timeZone: string;
  role: Role;
};

export async function createUserSession(userId: number, programId: number, db: Db = getDb()): Promise<{ id: string; setCookie: string }> {
  const now = Date.now();
  const id = randomBytes(32).toString("hex");
  db.insert(sessions)
    .values({
      id: storedSessionId(id),
      userId,
      programId,
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + idleTimeoutMs()).toISOString(),
      absoluteExpiresAt: new Date(now + ABSOLUTE_LIFETIME_MS).toISOString(),
    })
    .run();
  // Expired sessions are of no use to anyone; clear them while we are writing anyway.
  db.delete(sessions)
    .where(lt(sessions.expiresAt, new Date(now).toISOString()))
    .run();
  return { id, setCookie: await sessionCookie.serialize(id) };
}

/** What the database keeps of a session id: its SHA-256, never the id the cookie carries. */
export function storedSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** The stored (hashed) id of the session this request's cookie names, or null. */
async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value) ? storedSessionId(value) : null;
}

/** The viewer for this request, or null when not signed in (or the session expired). */
export async function getViewer(request: Request, db: Db = getDb()): Promise<Viewer | null> {
  const id = await sessionIdFrom(request);
  if (!id) return null;
  const row = db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      programId: programs.id,
      programName: programs.name,
      timeZone: programs.timeZone,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(programs, eq(programs.id, sessions.programId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.programId, sessions.programId)))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;

  const now = Date.now();
  if (row.disabledAt || Date.parse(row.expiresAt) <= now || Date.parse(row.absoluteExpiresAt) <= now) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (now - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    const expiresAt = Math.min(now + idleTimeoutMs(), Date.parse(row.absoluteExpiresAt));
    db.update(sessions)
      .set({ lastSeenAt: new Date(now).toISOString(), expiresAt: new Date(expiresAt).toISOString() })
      .where(eq(sessions.id, id))
      .run();
  }
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    name: row.name,
    email: row.email,
    programId: row.programId,
    programName: row.programName,
    timeZone: row.timeZone,
    role: row.role,
  };
}

/**
 * The app's own pages a sign-in may return to (react-router's patterns; the rest goes home).
 * A new section in routes.ts that links may point into belongs here too.
 */
const RETURNABLE_PATHS = [
  "/",
  "/youth",
  "/youth/:youthId/*",
  "/meetings",
  "/meetings/:meetingId",
  "/actions",
  "/prep",
  "/requests",
  "/requests/:requestId",
  "/caseload",
  "/concerns",
  "/admin/*",
  "/reports",
  "/reports/summary",
  "/settings/*",
  "/audit",
] as const;

/** A stand-in origin to resolve against: only its own paths come back out. */
const OWN_ORIGIN = "https://app.invalid";

/**
 * Where to send someone after signing in, from an untrusted `redirectTo`: resolved against the
 * app's own origin and accepted only when the result is still on that origin and one of the
 * app's pages; anything else (absolute URLs, `//host`, backslashes, tabs, CR or LF, which
 * browsers strip or turn into `/` and then follow off-site) goes to `fallback`.
 */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  // Browsers remove tabs and newlines from URLs and read `\` as `/`: refuse them outright.
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!to || !to.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(to) || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || url.username || url.password) return fallback;
  if (!RETURNABLE_PATHS.some((pattern) => matchPath(pattern, url.pathname))) return fallback;
  // Re-serialised from the parsed URL, so what leaves is exactly what was checked.
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The guard every loader and action begins with: the viewer, or a redirect to sign in. */
export async function requireViewer(request: Request, db: Db = getDb()): Promise<Viewer> {
  const viewer = await getViewer(request, db);
  if (viewer) return viewer;
  const url = new URL(request.url);
  // `.data` is the loader-data URL of a page; send the person back to the page itself.
  const path = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/") || "/";
  url.searchParams.delete("_routes");
  const back = `${path}${url.search}`;
  const search = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/login${search}`);
}

/** The other programs the viewer is a member of, by name: those they may switch to. */
export function otherProgramsOf(viewer: Viewer, db: Db = getDb()): Array<{ id: number; name: string }> {
  return db
    .select({ id: programs.id, name: programs.name })
    .from(memberships)
    .innerJoin(programs, eq(programs.id, memberships.programId))
    .where(and(eq(memberships.userId, viewer.userId), ne(memberships.programId, viewer.programId)))
    .orderBy(asc(programs.name))
    .all();
}

/**
 * Moves the viewer to another of their programs: the membership is checked again, a new session
 * is made for that program and the old one ends (a session is for one program at a time, so no
 * page can ever hold two programs' records). Null when they are not a member of it.
 */
export async function switchProgram(
  request: Request,
  viewer: Viewer,
  programId: number,
  db: Db = getDb(),
): Promise<{ setCookie: string } | null> {
  const member = db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, viewer.userId), eq(memberships.programId, programId), isNull(users.disabledAt)))
    .get();
  if (!member || programId === viewer.programId) return null;
  const oldId = await sessionIdFrom(request);
  const session = await createUserSession(viewer.userId, programId, db);
  if (oldId) db.delete(sessions).where(eq(sessions.id, oldId)).run();
  return { setCookie: session.setCookie };
}

export async function destroySession(request: Request, db: Db = getDb()): Promise<string> {
  const id = await sessionIdFrom(request);
  if (id) db.delete(sessions).where(eq(sessions.id, id)).run();
  return sessionCookie.serialize("", { maxAge: 0, expires: new Date(0) });
}
