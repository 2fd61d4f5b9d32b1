/**
 * A real SMTP server inside the test process (the smtp-server package), on a random port, that
 * keeps every message it accepts as raw RFC 822 text; and a small MIME reader for those
 * messages, so a test can check every header and every decoded part of what the app sent.
 *
 *   const smtp = await startSmtpServer();
 *   ... deliverDue(now, { transport: createMailTransport({ SMTP_URL: smtp.url }) }) ...
 *   smtp.messages   // [{ to, raw, mail }]
 *   smtp.rejecting = true;   // answer 451 to every message from now on
 *   await smtp.stop();
 */
import { SMTPServer } from "smtp-server";

export type ReceivedMessage = { to: string[]; raw: string; mail: ParsedMail };

export type TestSmtpServer = {
  url: string;
  port: number;
  messages: ReceivedMessage[];
  /** While true, every message is refused with a temporary failure (451). */
  rejecting: boolean;
  stop(): Promise<void>;
};

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: "", port: 0, messages: [], rejecting: false, stop: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.rejecting) {
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        state.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, mail: parseMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("startSmtpServer: no port");
  state.port = address.port;
  state.url = `smtp://127.0.0.1:${address.port}`;
  state.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

// ---------------------------------------------------------------------------------------------
// Reading what was sent

export type MailPart = { headers: Record<string, string>; text: string };
export type ParsedMail = {
  /** Top-level headers, names in lower case, unfolded, encoded words decoded. */
  headers: Record<string, string>;
  /** Every leaf part, its body decoded from its transfer encoding. */
  parts: MailPart[];
  /** The first text/plain part. */
  text: string;
  /** All of it, decoded: every header and every part, for "does it say X anywhere" checks. */
  everything: string;
};

function splitHead(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/u.exec(raw);
  return m ? { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) } : { head: raw, body: "" };
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/gu, (_all, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/gu, " ").replace(/=([0-9A-Fa-f]{2})/gu, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/gu, " ").split(/\r?\n/u)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/gu, ""), "base64").toString("utf8");
    case "quoted-printable":
      return Buffer.from(
        body.replace(/=\r?\n/gu, "").replace(/=([0-9A-Fa-f]{2})/gu, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      ).toString("utf8");
    default:
      return body;
  }
}

function leaves(raw: string): MailPart[] {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/iu.exec(type)?.[1];
  if (/^multipart\//iu.test(type) && boundary) {
    return (
      body
        .split(`--${boundary}`)
        .slice(1)
        .filter((p) => !p.startsWith("--"))
        // The line break before a boundary belongs to the boundary, not to the part.
        .flatMap((p) => leaves(p.replace(/^\r?\n/u, "").replace(/\r?\n$/u, "")))
    );
  }
  return [{ headers, text: decodeBody(body, headers["content-transfer-encoding"]) }];
}

export function parseMail(raw: string): ParsedMail {
  const headers = parseHeaders(splitHead(raw).head);
  const parts = leaves(raw);
  const text = parts.find((p) => /^text\/plain/iu.test(p.headers["content-type"] ?? "text/plain"))?.text ?? "";
  const everything = [
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ...parts.flatMap((p) => [...Object.entries(p.headers).map(([k, v]) => `${k}: ${v}`), p.text]),
  ].join("\n");
  return { headers, parts, text: text.replace(/\r\n/gu, "\n"), everything };
}

/**
 * `at`, or the present when that is later. Outbox rows are queued at the real clock, so a
 * delivery for a test's chosen instant (say, 20:00 today) must not be earlier than that.
 */
export function notBefore(at: Date): Date {
  return new Date(Math.max(at.getTime(), Date.now()));
}
