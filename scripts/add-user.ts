/**
 * Creates a user with a role in a program (creating the program when it does not exist yet).
 * This is how a real installation gets its first administrator and program lead:
 *
 *   npm run add-user -- --email admin@casa.example --name "Ada Admin" --role admin --program "CASA of X County"
 *
 * The password is read from ADD_USER_PASSWORD, or asked for on the terminal.
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { eq } from "drizzle-orm";
import { memberships, programs, users } from "../db/schema";
import { audit } from "../app/server/audit.server";
import { DEFAULT_DATABASE_PATH, openDatabase } from "../app/server/db.server";
import { hashPassword } from "../app/server/password.server";
import { isRole, ROLES } from "../app/domain/roles";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    program: { type: "string" },
    "time-zone": { type: "string", default: "America/Los_Angeles" },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const email = values.email?.trim().toLowerCase();
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail("--email is required (an email address).");
if (!values.name?.trim()) fail("--name is required.");
if (!isRole(values.role)) fail(`--role must be one of: ${ROLES.join(", ")}.`);
if (!values.program?.trim()) fail("--program is required (the program's name).");

let password = process.env.ADD_USER_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Password (at least 12 characters): ");
  rl.close();
}
if (password.length < 12) fail("The password must be at least 12 characters long.");

const db = openDatabase(process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
const passwordHash = await hashPassword(password);
const role = values.role;
const programName = values.program.trim();
const slug = programName
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "-")
  .replace(/^-|-$/g, "");

if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
  fail(`A user with the email ${email} already exists.`);
}

db.transaction((tx) => {
  const program =
    tx.select({ id: programs.id }).from(programs).where(eq(programs.name, programName)).get() ??
    tx.insert(programs).values({ name: programName, slug, timeZone: values["time-zone"] }).returning({ id: programs.id }).get();
  const user = tx.insert(users).values({ email, name: values.name!.trim(), passwordHash }).returning({ id: users.id }).get();
  tx.insert(memberships).values({ userId: user.id, programId: program.id, role }).run();
  audit(tx, {
    programId: program.id,
    actorUserId: null,
    action: "user.create",
    entityType: "user",
    entityId: user.id,
    details: { email, role, via: "add-user script" },
  });
});
db.$client.close();
console.log(`Created ${role} ${email} in "${programName}".`);
