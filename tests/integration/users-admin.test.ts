/**
 * User administration (issue 12, "Users"): who may manage whom, each action audited and the
 * forbidden ones changing nothing; a deactivated user's session stops at its next request; a
 * one-time link works once and expires; changing one's own password ends the other sessions.
 */
import { describe, expect, it } from "vitest";
import { loader as adminLoader } from "~/routes/admin";
import { loader as usersLoader } from "~/routes/admin-users";
import { action as newUserAction, loader as newUserLoader } from "~/routes/admin-user-new";
import { action as userAction, loader as userLoader } from "~/routes/admin-user";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { action as passwordAction } from "~/routes/settings-password";
import { getViewer } from "~/server/session.server";
import { listUsers } from "~/server/users.server";
import { verifyPassword } from "~/server/password.server";
import { demoDatabase } from "../helpers/demo-database";
import { userId } from "../helpers/db";
import { callRoute, cookieFor, getAs, payloadOf, postAs, redirectLocation, statusOf } from "../helpers/routes";

const db = await demoDatabase();
const c = db.$client;
const one = <T>(q: string, ...args: unknown[]) => c.prepare(q).get(...args) as T;
const auditCount = (action: string) => one<{ n: number }>("select count(*) as n from audit_events where action = ?", action).n;
const sessionsOf = (id: number) => one<{ n: number }>("select count(*) as n from sessions where user_id = ?", id).n;

type NewUserReply = { created: { id: number; url: string; expiresAt: string } };
async function create(email: string, fields: Record<string, string>) {
  return callRoute(newUserAction, await postAs(db, email, "/admin/users/new", fields));
}
async function act(email: string, id: number, fields: Record<string, string>) {
  return callRoute(userAction, await postAs(db, email, `/admin/users/${id}`, fields), { userId: String(id) });
}
const tokenOf = (url: string) => url.split("/reset-password/")[1]!;
const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });

describe("who may manage whom", () => {
  it("advocates and supervisors are refused; administrators and program leads get the list", async () => {
    for (const [email, status] of [
      ["advocate@example.org", 403],
      ["supervisor@example.org", 403],
      ["admin@example.org", 200],
      ["lead@example.org", 200],
    ] as const) {
      expect(statusOf(await callRoute(usersLoader, await getAs(db, email, "/admin/users"))), email).toBe(status);
      expect(statusOf(await callRoute(newUserLoader, await getAs(db, email, "/admin/users/new"))), email).toBe(status);
    }
    const before = one<{ n: number }>("select count(*) as n from users").n;
    expect(statusOf(await create("supervisor@example.org", { name: "X", email: "x@example.org", role: "advocate" }))).toBe(403);
    expect(one<{ n: number }>("select count(*) as n from users").n).toBe(before);
  });

  it("/admin goes to /admin/users for those who may see it, and is refused to the others", async () => {
    for (const email of ["admin@example.org", "lead@example.org"]) {
      expect(redirectLocation(await callRoute(adminLoader, await getAs(db, email, "/admin"))), email).toBe("/admin/users");
    }
    for (const email of ["advocate@example.org", "supervisor@example.org"]) {
      expect(statusOf(await callRoute(adminLoader, await getAs(db, email, "/admin"))), email).toBe(403);
    }
  });

  it("a program lead sees and manages advocates and supervisors only; nobody reaches another program's people", async () => {
    type List = { list: { rows: Array<{ email: string; role: string }>; total: number } };
    const lead = (await callRoute(usersLoader, await getAs(db, "lead@example.org", "/admin/users"))) as List;
    expect(new Set(lead.list.rows.map((r) => r.role))).toEqual(new Set(["advocate", "supervisor"]));
    const admin = (await callRoute(usersLoader, await getAs(db, "admin@example.org", "/admin/users?q=example.org"))) as List;
    expect(admin.list.rows.map((r) => r.email)).toContain("lead@example.org");
    expect(admin.list.rows.some((r) => r.email.endsWith("second.example.org"))).toBe(false);
    const adminId = userId(c, "admin@example.org");
    const otherProgram = userId(c, "advocate@second.example.org");
    expect(
      statusOf(await callRoute(userLoader, await getAs(db, "lead@example.org", `/admin/users/${adminId}`), { userId: String(adminId) })),
    ).toBe(404);
    expect(
      statusOf(
        await callRoute(userLoader, await getAs(db, "admin@example.org", `/admin/users/${otherProgram}`), { userId: String(otherProgram) }),
      ),
    ).toBe(404);
    // A lead cannot give the lead role, nor deactivate the administrator.
    const made = await create("lead@example.org", { name: "Would Be Lead", email: "wouldbe@example.org", role: "program_lead" });
    expect(statusOf(made)).toBe(400);
    expect(payloadOf(made).errors.role).toMatch(/cannot give/);
    expect(statusOf(await act("lead@example.org", adminId, { intent: "deactivate" }))).toBe(404);
    expect(one<{ d: string | null }>("select disabled_at as d from users where id = ?", adminId).d).toBeNull();
  });
});

describe("the member list", () => {
  it("pages, counts and filters exactly as SQL over the program's members says, by name", async () => {
    for (const [email, roles] of [
      ["admin@example.org", ["advocate", "supervisor", "program_lead", "admin"]],
      ["lead@example.org", ["advocate", "supervisor"]],
    ] as const) {
      const viewer = (await getViewer(new Request("http://localhost/", { headers: { Cookie: await cookieFor(db, email) } }), db))!;
      // One deactivated member, so the account filter has something to tell apart.
      c.prepare("update users set disabled_at = ? where email = 'advocate3@example.org' and disabled_at is null").run(
        new Date().toISOString(),
      );
      for (const [filter, where] of [
        [{}, "1"],
        [{ role: "advocate" as const }, "m.role = 'advocate'"],
        [{ active: "inactive" as const }, "u.disabled_at is not null"],
        [{ active: "active" as const }, "u.disabled_at is null"],
        [{ q: "NOVAK" }, "(lower(u.name) like '%novak%' or lower(u.email) like '%novak%')"],
      ] as const) {
        const want = (
          c
            .prepare(
              `select u.id from memberships m join users u on u.id = m.user_id
               where m.program_id = ? and m.role in (${roles.map(() => "?").join(", ")}) and ${where} order by u.name, u.id`,
            )
            .all(viewer.programId, ...roles) as Array<{ id: number }>
        ).map((r) => r.id);
        const label = `${email} ${JSON.stringify(filter)}`;
        expect(want.length, label).toBeGreaterThan(0);
        const seen: number[] = [];
        for (let page = 1; page <= Math.ceil(want.length / 3); page++) {
          const got = listUsers(viewer, { ...filter, page, size: 3 }, db);
          expect(got.total, label).toBe(want.length);
          seen.push(...got.rows.map((r) => r.id));
        }
        expect(seen, label).toEqual(want);
      }
    }
  });
});

describe("a new person, with a one-time link", () => {
  it("creates the account (audited), refuses a taken email keeping the form, and the link sets a password once", async () => {
    const before = auditCount("user.create");
    const taken = await create("admin@example.org", { name: "Copy", email: "Advocate@Example.org", role: "advocate" });
    expect(statusOf(taken)).toBe(400);
    expect(payloadOf(taken).values).toMatchObject({ name: "Copy" });
    expect(auditCount("user.create")).toBe(before);

    const reply = (await create("admin@example.org", {
      name: "Ines Newcomer",
      email: "ines@example.org",
      role: "advocate",
    })) as NewUserReply;
    expect(reply.created.url).toMatch(/^http:\/\/localhost\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    expect(auditCount("user.create")).toBe(before + 1);
    const id = reply.created.id;
    expect(one<{ role: string }>("select role from memberships where user_id = ?", id).role).toBe("advocate");
    // Only a hash of the token is stored.
    expect(JSON.stringify(c.prepare("select * from password_resets where user_id = ?").all(id))).not.toContain(tokenOf(reply.created.url));

    const token = tokenOf(reply.created.url);
    expect(statusOf(await callRoute(resetLoader, new Request(reply.created.url), { token }))).toBe(200);
    const mismatch = await callRoute(
      resetAction,
      new Request(reply.created.url, {
        method: "POST",
        body: new URLSearchParams({ password: "a long enough phrase", confirm: "another one entirely" }),
      }),
      { token },
    );
    expect(statusOf(mismatch)).toBe(400);
    expect(JSON.stringify(payloadOf(mismatch))).not.toContain("a long enough phrase");
    const set = await callRoute(
      resetAction,
      new Request(reply.created.url, {
        method: "POST",
        body: new URLSearchParams({ password: "purple kites at dawn", confirm: "purple kites at dawn" }),
      }),
      { token },
    );
    expect(redirectLocation(set)).toBe("/login?saved=password-set");
    expect(
      await verifyPassword("purple kites at dawn", one<{ h: string }>("select password_hash as h from users where id = ?", id).h),
    ).toBe(true);
    expect(auditCount("user.password_set")).toBeGreaterThan(0);
    // Once only.
    expect(statusOf(await callRoute(resetLoader, new Request(reply.created.url), { token }))).toBe(404);
    const again = await callRoute(
      resetAction,
      new Request(reply.created.url, {
        method: "POST",
        body: new URLSearchParams({ password: "second time lucky?", confirm: "second time lucky?" }),
      }),
      { token },
    );
    expect(statusOf(again)).toBe(404);
  });

  it("a reset link expires, and a newer link replaces an unused older one; using one ends the account's sessions", async () => {
    const id = userId(c, "advocate2@example.org");
    const first = (await act("admin@example.org", id, { intent: "link" })) as { link: { url: string } };
    const second = (await act("admin@example.org", id, { intent: "link" })) as { link: { url: string } };
    expect(statusOf(await callRoute(resetLoader, new Request(first.link.url), { token: tokenOf(first.link.url) }))).toBe(404);
    expect(statusOf(await callRoute(resetLoader, new Request(second.link.url), { token: tokenOf(second.link.url) }))).toBe(200);
    c.prepare("update password_resets set expires_at = '2000-01-01T00:00:00.000Z' where user_id = ? and used_at is null").run(id);
    expect(statusOf(await callRoute(resetLoader, new Request(second.link.url), { token: tokenOf(second.link.url) }))).toBe(404);

    const third = (await act("lead@example.org", id, { intent: "link" })) as { link: { url: string } };
    await cookieFor(db, "advocate2@example.org");
    expect(sessionsOf(id)).toBeGreaterThan(0);
    await callRoute(
      resetAction,
      new Request(third.link.url, {
        method: "POST",
        body: new URLSearchParams({ password: "fresh start phrase", confirm: "fresh start phrase" }),
      }),
      { token: tokenOf(third.link.url) },
    );
    expect(sessionsOf(id)).toBe(0);
  });
});

describe("role changes and deactivation", () => {
  it("changes a role (audited); a form filled from another role is refused with 409 and changes nothing", async () => {
    const id = userId(c, "advocate3@example.org");
    expect(statusOf(await act("lead@example.org", id, { intent: "role", role: "supervisor", baseRole: "supervisor" }))).toBe(409);
    expect(one<{ role: string }>("select role from memberships where user_id = ?", id).role).toBe("advocate");
    const before = auditCount("user.role_change");
    expect(statusOf(await act("lead@example.org", id, { intent: "role", role: "supervisor", baseRole: "advocate" }))).toBe(200);
    expect(one<{ role: string }>("select role from memberships where user_id = ?", id).role).toBe("supervisor");
    expect(auditCount("user.role_change")).toBe(before + 1);
    expect(statusOf(await act("lead@example.org", id, { intent: "role", role: "advocate", baseRole: "supervisor" }))).toBe(200);
  });

  it("deactivating ends the user's open session at its next request; reactivating lets them sign in again", async () => {
    const id = userId(c, "advocate4@example.org");
    const cookie = await cookieFor(db, "advocate4@example.org");
    expect(await getViewer(requestWith(cookie), db)).not.toBeNull();
    expect(statusOf(await act("admin@example.org", id, { intent: "deactivate" }))).toBe(200);
    expect(sessionsOf(id)).toBe(0);
    expect(await getViewer(requestWith(cookie), db)).toBeNull();
    // Their history keeps their name.
    expect(one<{ name: string }>("select name from users where id = ?", id).name).toBe("Kenji Watanabe");
    expect(auditCount("user.deactivate")).toBeGreaterThan(0);
    expect(statusOf(await act("admin@example.org", id, { intent: "reactivate" }))).toBe(200);
    expect(one<{ d: string | null }>("select disabled_at as d from users where id = ?", id).d).toBeNull();
    expect(await getViewer(requestWith(await cookieFor(db, "advocate4@example.org")), db)).not.toBeNull();
  });

  it("nobody deactivates themself", async () => {
    const id = userId(c, "admin@example.org");
    expect(statusOf(await act("admin@example.org", id, { intent: "deactivate" }))).toBe(400);
    expect(one<{ d: string | null }>("select disabled_at as d from users where id = ?", id).d).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("needs the current password, and ends the other sessions but not this one", async () => {
    const email = "advocate5@example.org";
    const id = userId(c, email);
    const other = await cookieFor(db, email);
    const mine = await cookieFor(db, email);
    const post = (fields: Record<string, string>) =>
      callRoute(
        passwordAction,
        new Request("http://localhost/settings/password", {
          method: "POST",
          body: new URLSearchParams(fields),
          headers: { Cookie: mine, "Content-Type": "application/x-www-form-urlencoded" },
        }),
      );
    const wrong = await post({ current: "not my password", password: "brand new phrase", confirm: "brand new phrase" });
    expect(statusOf(wrong)).toBe(400);
    expect(JSON.stringify(payloadOf(wrong))).not.toContain("brand new phrase");
    expect(await getViewer(requestWith(other), db)).not.toBeNull();
    const before = auditCount("user.password_change");
    const ok = await post({ current: "casa-demo-2026", password: "brand new phrase", confirm: "brand new phrase" });
    expect(statusOf(ok)).toBe(200);
    expect(await getViewer(requestWith(other), db)).toBeNull();
    expect(await getViewer(requestWith(mine), db)).not.toBeNull();
    expect(await verifyPassword("brand new phrase", one<{ h: string }>("select password_hash as h from users where id = ?", id).h)).toBe(
      true,
    );
    expect(auditCount("user.password_change")).toBe(before + 1);
  });
});

describe("an advocate's usual supervisor", () => {
  const supervisorOf = (id: number) =>
    one<{ s: number | null }>("select supervisor_user_id as s from memberships where user_id = ? and program_id = 1", id).s;

  it("is set when the advocate is added (from the list or by email), and checked", async () => {
    const supervisor2 = userId(c, "supervisor2@example.org");
    const made = (await create("lead@example.org", {
      name: "Ana Ruiz",
      email: "ana.ruiz@example.org",
      role: "advocate",
      supervisor: String(supervisor2),
    })) as NewUserReply;
    expect(supervisorOf(made.created.id)).toBe(supervisor2);
    const byEmail = (await create("admin@example.org", {
      name: "Ben Ode",
      email: "ben.ode@example.org",
      role: "advocate",
      supervisor: "Supervisor@Example.org",
    })) as NewUserReply;
    expect(supervisorOf(byEmail.created.id)).toBe(userId(c, "supervisor@example.org"));
    // Not a supervisor of this program: refused with a message, no account made.
    const before = one<{ n: number }>("select count(*) as n from users").n;
    for (const supervisor of ["advocate2@example.org", "supervisor@second.example.org", String(userId(c, "lead@example.org"))]) {
      const refused = await create("lead@example.org", { name: "Cy Doe", email: "cy.doe@example.org", role: "advocate", supervisor });
      expect(statusOf(refused), supervisor).toBe(400);
      expect(payloadOf(refused).errors.supervisor).toMatch(/active supervisor/);
    }
    expect(one<{ n: number }>("select count(*) as n from users").n).toBe(before);
  });

  it("is changed on the advocate's page (audited), and only an advocate has one", async () => {
    const advocate = userId(c, "advocate6@example.org");
    const supervisor = userId(c, "supervisor@example.org");
    const before = auditCount("user.supervisor_change");
    const result = await act("lead@example.org", advocate, { intent: "supervisor", supervisor: String(supervisor) });
    expect(statusOf(result)).toBe(200);
    expect(supervisorOf(advocate)).toBe(supervisor);
    expect(auditCount("user.supervisor_change")).toBe(before + 1);
    const cleared = await act("lead@example.org", advocate, { intent: "supervisor", supervisor: "" });
    expect(statusOf(cleared)).toBe(200);
    expect(supervisorOf(advocate)).toBeNull();
    const notAdvocate = await act("lead@example.org", userId(c, "supervisor2@example.org"), {
      intent: "supervisor",
      supervisor: String(supervisor),
    });
    expect(statusOf(notAdvocate)).toBe(400);
    expect(statusOf(await act("supervisor@example.org", advocate, { intent: "supervisor", supervisor: String(supervisor) }))).toBe(403);
  });
});
