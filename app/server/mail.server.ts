/**
 * How email leaves the app: over SMTP when `SMTP_URL` is set, otherwise (the demo, a machine
 * without a mail server) as `.eml` files in `mail/` beside the database, each the exact RFC 822
 * message SMTP would have carried, so what the app sends can be read without sending it.
 *
 * Only the mail sender (mail-sender.server.ts) calls this, outside any request and any
 * transaction: a slow or broken mail server never holds up or undoes a change.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { DEFAULT_DATABASE_PATH } from "./db.server";

export type OutgoingMail = {
  /** The outbox row's id (names the demo's .eml file). */
  id: number;
  to: string;
  subject: string;
  body: string;
  /** An iCalendar invitation, attached as invite.ics. */
  ics: string | null;
};

export type MailTransport = {
  /** Sends one message; rejects when the server (or the disk) refuses it. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
  /** Where mail goes, for the log: "smtp://host:587" or the .eml folder. */
  describe: string;
};

export const DEFAULT_MAIL_FROM = "CASA MDT <casa-mdt@localhost>";

/** The folder the demo's .eml files go to: `mail/` beside the database. */
export function mailFolder(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(dirname(env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH), "mail");
}

function message(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.body,
    attachments: mail.ics
      ? [{ filename: "invite.ics", content: mail.ics, contentType: "text/calendar; charset=utf-8; method=REQUEST" }]
      : [],
  };
}

/** The host and port of an SMTP URL, without its user or password (for the log). */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "smtp (unparsable SMTP_URL)";
  }
}

/** Where mail goes, for the log: the SMTP server (without its password) or the .eml folder. */
export function mailDestination(env: NodeJS.ProcessEnv = process.env): string {
  const smtpUrl = env.SMTP_URL?.trim();
  return smtpUrl ? redactedUrl(smtpUrl) : mailFolder(env);
}

/** The transport the environment asks for: SMTP at `SMTP_URL`, or .eml files beside the database. */
export function createMailTransport(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) {
    const smtp = nodemailer.createTransport({
      url: smtpUrl,
      // One connection for a whole delivery pass, not one per message.
      pool: true,
      maxConnections: 2,
      // Short enough that a hung server gives the message back well within the sender's
      // two-minute claim (mail-sender.server.ts), so no other sender takes it meanwhile.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    return {
      describe: mailDestination(env),
      send: async (mail) => {
        await smtp.sendMail(message(mail, from));
      },
      close: () => smtp.close(),
    };
  }
  const folder = mailFolder(env);
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    describe: mailDestination(env),
    send: async (mail) => {
      const info = await stream.sendMail(message(mail, from));
      // The demo's mail is as private as the database beside it.
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const stamp = new Date().toISOString().replace(/[:.]/gu, "-");
      const name = `${stamp}-${mail.id}-${randomBytes(3).toString("hex")}.eml`;
      // With `buffer: true` the message is a Buffer, never a stream.
      writeFileSync(join(folder, name), info.message as Buffer, { mode: 0o600, flag: "wx" });
    },
    close: () => stream.close(),
  };
}
