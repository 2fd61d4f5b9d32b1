/**
 * The forms of user administration and passwords, as zod schemas, parsed at the action. The
 * password constants the pages show are in passwords.ts, apart, so those pages load no zod.
 */
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./passwords";
import { ROLES } from "./roles";

const name = z
  .string({ error: "Enter the person's name." })
  .trim()
  .min(1, "Enter the person's name.")
  .max(120, "Keep the name under 120 characters.");
const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "Keep the email address under 254 characters.")
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address like name@example.org.");
const role = z.enum(ROLES, { error: "Choose a role." });

/** An advocate's usual supervisor: a user id from the list or a typed email; blank for none. */
const usualSupervisor = z
  .string()
  .trim()
  .max(254, "Keep the email under 254 characters.")
  .optional()
  .transform((v) => (v ? v.toLowerCase() : undefined));

export const newUserSchema = z.object({ name, email, role, supervisor: usualSupervisor });

export const usualSupervisorSchema = z.object({ supervisor: usualSupervisor });

export const changeRoleSchema = z.object({
  role,
  /** The role the form was filled from: a change made meanwhile is not silently overwritten. */
  baseRole: z.enum(ROLES).optional().catch(undefined),
});

const newPassword = z
  .string({ error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1024, "Keep the password under 1024 characters.");

export const setPasswordSchema = z
  .object({ password: newPassword, confirm: z.string({ error: "Enter the new password again." }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

export const changePasswordSchema = z
  .object({
    current: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(1024, "That is not your current password."),
    password: newPassword,
    confirm: z.string({ error: "Enter the new password again." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

export const USER_FILTER_ACTIVE = ["active", "inactive"] as const;
