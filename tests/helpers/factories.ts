/**
 * Small factories for integration tests that need a precise situation rather than the demo seed.
 * Passwords are hashed for real (scrypt), so sign-in can be exercised end to end.
 */
import {
  caseParties,
  csecConcerns,
  csecStatusEvents,
  memberships,
  placements,
  programs,
  redFlags,
  users,
  youth,
  youthAssignments,
  youthCsecStatus,
} from "../../db/schema";
import type { Db } from "../../app/server/db.server";
import { hashPassword } from "../../app/server/password.server";
import type { Role } from "../../app/domain/roles";
import { DAY_MS } from "./dates";
import { programId, userId } from "./db";

let counter = 0;
const next = () => ++counter;

export function createProgram(db: Db, name = `Program ${next()}`) {
  return db
    .insert(programs)
    .values({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") })
    .returning()
    .get();
}

export async function createUser(db: Db, opts: { programId: number; role: Role; email?: string; name?: string; password?: string }) {
  const n = next();
  const user = db
    .insert(users)
    .values({
      email: opts.email ?? `user${n}@test.example`,
      name: opts.name ?? `User ${n}`,
      passwordHash: await hashPassword(opts.password ?? "correct horse battery"),
    })
    .returning()
    .get();
  db.insert(memberships).values({ userId: user.id, programId: opts.programId, role: opts.role }).run();
  return user;
}

export function createYouth(
  db: Db,
  opts: { programId: number; advocateId?: number; supervisorId?: number; firstName?: string; lastName?: string },
) {
  const n = next();
  const y = db
    .insert(youth)
    .values({
      programId: opts.programId,
      firstName: opts.firstName ?? `Youth${n}`,
      lastName: opts.lastName ?? `Test`,
      dateOfBirth: "2010-05-01",
      caseNumber: `TEST-${n}`,
    })
    .returning()
    .get();
  db.insert(placements).values({ programId: opts.programId, youthId: y.id, type: "foster_home", startedOn: "2025-01-01" }).run();
  for (const [kind, userId] of [
    ["advocate", opts.advocateId],
    ["supervisor", opts.supervisorId],
  ] as const) {
    if (userId) {
      db.insert(youthAssignments).values({ programId: opts.programId, youthId: y.id, userId, kind, startedOn: "2025-01-01" }).run();
    }
  }
  return y;
}

export type TeamRole = "csw" | "attorney" | "clc_case_manager";

export type YouthCase = {
  youthId: number;
  programId: number;
  /** Current holders of the core roles, when created. */
  cswId: number | null;
  attorneyId: number | null;
  clcId: number | null;
  /** The open concern, when one was created. */
  concernId: number | null;
};

/**
 * A youth in program one ("example-county") with the given current advocate and supervisor (demo
 * users), a team (`team`, by default a CSW, an attorney and a CLC case manager), and optionally an
 * open concern (status `concern`, one red flag "running_away" observed 3 days ago) raised by
 * `concernBy`. `formerAdvocate` gets an ended assignment. The concern's and the flag's notes read
 * "`notePrefix` concern note <youth id>" and "`notePrefix` flag note <youth id>" (default "Fixture").
 */
export function makeYouth(
  db: Db,
  opts: {
    advocate: string;
    supervisor: string;
    formerAdvocate?: string;
    concernBy?: string;
    team?: readonly TeamRole[];
    notePrefix?: string;
  },
): YouthCase {
  const c = db.$client;
  const pid = programId(c, "example-county");
  const notePrefix = opts.notePrefix ?? "Fixture";
  const y = createYouth(db, { programId: pid, advocateId: userId(c, opts.advocate), supervisorId: userId(c, opts.supervisor) });
  if (opts.formerAdvocate) {
    c.prepare(
      `INSERT INTO youth_assignments (program_id, youth_id, user_id, kind, started_on, ended_on) VALUES (?, ?, ?, 'advocate', '2024-01-01', '2024-12-31')`,
    ).run(pid, y.id, userId(c, opts.formerAdvocate));
  }
  const team = opts.team ?? ["csw", "attorney", "clc_case_manager"];
  const party = (role: TeamRole, name: string) =>
    team.includes(role)
      ? db
          .insert(caseParties)
          .values({
            programId: pid,
            youthId: y.id,
            role,
            name,
            organization: "Example County DCFS",
            phone: "(555) 555-0100",
            email: `${role}.${y.id}@dcfs.example.org`,
            startedOn: "2025-01-01",
          })
          .returning({ id: caseParties.id })
          .get().id
      : null;
  const cswId = party("csw", `Casey Worker ${y.id}`);
  const attorneyId = party("attorney", `Alex Counsel ${y.id}`);
  const clcId = party("clc_case_manager", `Chris Manager ${y.id}`);

  let concernId: number | null = null;
  if (opts.concernBy) {
    const by = userId(c, opts.concernBy);
    const at = new Date(Date.now() - 3 * DAY_MS).toISOString();
    concernId = db
      .insert(csecConcerns)
      .values({ programId: pid, youthId: y.id, raisedByUserId: by, raisedAt: at, note: `${notePrefix} concern note ${y.id}` })
      .returning({ id: csecConcerns.id })
      .get().id;
    db.insert(redFlags)
      .values({
        programId: pid,
        youthId: y.id,
        concernId,
        indicator: "running_away",
        observedByUserId: by,
        observedOn: at.slice(0, 10),
        note: `${notePrefix} flag note ${y.id}`,
      })
      .run();
    db.insert(youthCsecStatus).values({ youthId: y.id, programId: pid, status: "concern", changedAt: at, changedByUserId: by }).run();
    db.insert(csecStatusEvents)
      .values({ programId: pid, youthId: y.id, fromStatus: "none", toStatus: "concern", concernId, actorUserId: by, at })
      .run();
  }
  return { youthId: y.id, programId: pid, cswId, attorneyId, clcId, concernId };
}
