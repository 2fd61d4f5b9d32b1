import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "~/server/db.server";
import {
  createSessionCookie,
  createUserSession,
  getViewer,
  requireViewer,
  safeRedirectPath,
  sessionCookie,
  sessionCookieSettings,
  storedSessionId,
} from "~/server/session.server";
import { action as loginAction } from "~/routes/login";
import { createProgram, createUser } from "../helpers/factories";

const db = getDb();
let userId: number;
let programId: number;

beforeAll(async () => {
  programId = createProgram(db, "Session County").id;
  userId = (await createUser(db, { programId, role: "advocate", email: "ana@test.example", password: "a long passphrase" })).id;
});

function loginRequest(form: Record<string, string>) {
  return new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

async function runAction(form: Record<string, string>): Promise<Response | { data: unknown; init: ResponseInit | null }> {
  try {
    const result = await loginAction({ request: loginRequest(form), params: {}, context: {} } as never);
    return result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, path /, signed, and not readable as a bare id", async () => {
    const { id, setCookie } = await createUserSession(userId, programId);
    expect(setCookie).toMatch(/^casa_session=/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).toMatch(/; Max-Age=\d+/i);
    // Signed: the value carries a signature after the (encoded) id.
    const value = decodeURIComponent(setCookie.split(";")[0]!.split("=").slice(1).join("="));
    expect(value).not.toBe(id);
    expect(value.length).toBeGreaterThan(id.length);
  });

  it("is Secure in production, and production refuses to start without a secret", async () => {
    const prod = createSessionCookie(sessionCookieSettings({ NODE_ENV: "production", SESSION_SECRET: "s1" }));
    expect(await prod.serialize("x")).toMatch(/; Secure/i);
    expect(await sessionCookie.serialize("x")).not.toMatch(/; Secure/i);
    expect(() => sessionCookieSettings({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET is not set/);
    expect(sessionCookieSettings({ NODE_ENV: "production", SESSION_SECRET: "new, old" }).secrets).toEqual(["new", "old"]);
  });

  it("is rejected when tampered with", async () => {
    const { setCookie } = await createUserSession(userId, programId);
    const cookie = setCookie.split(";")[0]!;
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("abc") ? "xyz" : "abc");
    const request = new Request("http://localhost/youth", { headers: { Cookie: tampered } });
    expect(await getViewer(request)).toBeNull();
  });

  it("expires after inactivity and the row is removed", async () => {
    const { setCookie, id } = await createUserSession(userId, programId);
    db.run(sql`update sessions set expires_at = '2000-01-01T00:00:00.000Z' where id = ${storedSessionId(id)}`);
    const request = new Request("http://localhost/youth", { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(await getViewer(request)).toBeNull();
    expect(db.get<{ n: number }>(sql`select count(*) as n from sessions where id = ${storedSessionId(id)}`).n).toBe(0);
  });

  it("is stored as a hash: the database holds no id a cookie could carry", async () => {
    const { id } = await createUserSession(userId, programId);
    expect(db.get<{ n: number }>(sql`select count(*) as n from sessions where id = ${id}`).n).toBe(0);
    expect(db.get<{ n: number }>(sql`select count(*) as n from sessions where id = ${storedSessionId(id)}`).n).toBe(1);
    // A row copied out of the database does not sign anyone in.
    const forged = await sessionCookie.serialize(storedSessionId(id));
    expect(await getViewer(new Request("http://localhost/youth", { headers: { Cookie: forged.split(";")[0]! } }))).toBeNull();
  });

  it("is named __Host- whenever it is Secure", async () => {
    const secure = createSessionCookie({ secure: true, secrets: ["s"] });
    expect(await secure.serialize("x")).toMatch(/^__Host-casa_session=.*; Path=\/;.*Secure/);
    expect(await secure.serialize("x")).not.toMatch(/Domain=/i);
    expect(await createSessionCookie({ secure: false, secrets: ["s"] }).serialize("x")).toMatch(/^casa_session=/);
  });
});

describe("requireViewer", () => {
  it("redirects to /login with the page to come back to", async () => {
    const thrown = await requireViewer(new Request("http://localhost/youth?page=2&sort=age.desc")).catch((e) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toBe("/login?redirectTo=%2Fyouth%3Fpage%3D2%26sort%3Dage.desc");
  });

  it("sends a .data request back to its page, not to the data URL", async () => {
    const thrown = await requireViewer(new Request("http://localhost/youth.data?page=2&_routes=routes%2Fyouth-list")).catch((e) => e);
    expect(thrown.headers.get("Location")).toBe("/login?redirectTo=%2Fyouth%3Fpage%3D2");
  });

  it("only ever redirects within the site", () => {
    const offSite = [
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "//evil.example/",
      "///evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\t\t//evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\r/youth",
      "/youth\r\nSet-Cookie: x=1",
      "/ /evil.example",
      "/\u0000/evil.example",
      "/%09/evil.example",
      "/%2F%2Fevil.example",
      "/%5Cevil.example",
      "/@evil.example",
      "/login",
      "/logout",
      "/healthz",
      "/build/../../evil",
      "evil.example",
      "",
    ];
    for (const to of offSite) expect(safeRedirectPath(to), JSON.stringify(to)).toBe("/");
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath("/youth?page=2")).toBe("/youth?page=2");
    expect(safeRedirectPath("/youth/12/court-draft?from=2026-01-01#team")).toBe("/youth/12/court-draft?from=2026-01-01#team");
    expect(safeRedirectPath("/youth/12")).toBe("/youth/12");
    expect(safeRedirectPath("/requests/4")).toBe("/requests/4");
    expect(safeRedirectPath("/admin")).toBe("/admin");
    expect(safeRedirectPath("/")).toBe("/");
    // Normalised before it is checked and returned: what leaves is what was checked.
    expect(safeRedirectPath("/youth/../meetings")).toBe("/meetings");
  });
});

describe("sign in", () => {
  it("answers a wrong password and an unknown email with the same message", async () => {
    const wrongPassword = await runAction({ email: "ana@test.example", password: "not it" });
    const unknownEmail = await runAction({ email: "nobody@test.example", password: "a long passphrase" });
    expect(JSON.stringify(wrongPassword)).toBe(JSON.stringify(unknownEmail).replace("nobody@", "ana@"));
    expect((wrongPassword as { init: ResponseInit }).init.status).toBe(401);
  });

  it("returns 400 with field messages and keeps the email when a field is missing", async () => {
    const result = (await runAction({ email: "ana@test.example", password: "" })) as {
      data: { errors: Record<string, string>; values: { email: string } };
      init: ResponseInit;
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors.password).toBe("Enter your password.");
    expect(result.data.values.email).toBe("ana@test.example");
  });

  it("never sends the password back, and sends the email back without deceptive characters", async () => {
    const missingEmail = (await runAction({ email: "", password: "my secret phrase" })) as { init: ResponseInit };
    expect(missingEmail.init.status).toBe(400);
    expect(JSON.stringify(missingEmail)).not.toContain("my secret phrase");
    const bidi = (await runAction({ email: "ana\u202E@test.example", password: "" })) as { data: { values: { email: string } } };
    expect(bidi.data.values).toEqual({ email: "ana@test.example" });
  });

  it("signs in regardless of email case, sets the cookie, redirects, and is audited", async () => {
    const result = await runAction({ email: " ANA@test.example ", password: "a long passphrase", redirectTo: "/youth?page=2" });
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.headers.get("Location")).toBe("/youth?page=2");
    expect(response.headers.get("Set-Cookie")).toMatch(/^casa_session=/);
    const audited = db.get<{ n: number }>(
      sql`select count(*) as n from audit_events where action = 'session.sign_in' and actor_user_id = ${userId}`,
    );
    expect(audited.n).toBeGreaterThan(0);
  });
});

describe("the audit log", () => {
  it("refuses updates and deletes", () => {
    expect(db.get<{ n: number }>(sql`select count(*) as n from audit_events`).n).toBeGreaterThan(0);
    expect(() => db.$client.exec("update audit_events set action = 'x'")).toThrow(/append-only/);
    expect(() => db.$client.exec("delete from audit_events")).toThrow(/append-only/);
  });
});
