/**
 * Small factories for integration tests that need a precise situation rather than the demo seed.
 * Passwords are hashed for real (scrypt), so sign-in can be exercised end to end.
 */
import { memberships, placements, programs, users, youth, youthAssignments } from "../../db/schema";
import type { Db } from "../../app/server/db.server";
import { hashPassword } from "../../app/server/password.server";
import type { Role } from "../../app/domain/roles";

let counter = 0;
const next = () => ++counter;

export function createProgram(db: Db, name = `Program ${next()}`) {
  return db
    .insert(programs)
    .values({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") })
    .returning()
    .get();
}

export async function createUser(
  db: Db,
  opts: { programId: number; role: Role; email?: string; name?: string; password?: string },
) {
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
  db.insert(placements)
    .values({ programId: opts.programId, youthId: y.id, type: "foster_home", startedOn: "2025-01-01" })
    .run();
  for (const [kind, userId] of [
    ["advocate", opts.advocateId],
    ["supervisor", opts.supervisorId],
  ] as const) {
    if (userId) {
      db.insert(youthAssignments)
        .values({ programId: opts.programId, youthId: y.id, userId, kind, startedOn: "2025-01-01" })
        .run();
    }
  }
  return y;
}
