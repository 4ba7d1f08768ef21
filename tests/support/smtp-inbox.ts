/**
 * A real SMTP server for e-mail tests (the smtp-server package, in the test process) that keeps every message it
 * accepts, parsed with mailparser. The app sends to it with nodemailer exactly as it would to a mail provider:
 * nothing on the sending side is mocked. `refuse` makes it answer 550 for some recipients, as a real server does (or
 * the reply code it returns: 451 for "try again later").
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date | null;
  /** Header lines as sent, by lower-case name (List-Unsubscribe, List-Unsubscribe-Post, …). */
  headers: Record<string, string>;
};

export type SmtpInbox = {
  url: string;
  received: ReceivedMail[];
  /** How many connections senders have opened to it. */
  connections: () => number;
  /** The first message matching `match`, waiting up to `timeoutMs` for it. */
  waitFor: (match: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
};

export async function startSmtpInbox(options: { refuse?: (address: string) => boolean | number } = {}): Promise<SmtpInbox> {
  const received: ReceivedMail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      const responseCode = refusal === true ? 550 : refusal;
      callback(Object.assign(new Error(responseCode >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          const headers = Object.fromEntries(mail.headerLines.map((line) => [line.key, line.line.slice(line.line.indexOf(":") + 1).trim()]));
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
            date: mail.date ?? null,
            headers,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A sender that dies mid-message (the crash test's SIGKILLed worker) resets its connections; smtp-server reports
  // that as an error event, which a receiving server logs and survives. The message it was sending is not kept.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    async waitFor(match, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no matching e-mail within ${timeoutMs} ms (received: ${received.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "none"})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An inbox that is the app's mail server (SMTP_URL, and MAIL_FROM when `from` is given) until it is closed. */
export async function startAppMailServer(options: { refuse?: (address: string) => boolean | number; from?: string } = {}): Promise<SmtpInbox> {
  const inbox = await startSmtpInbox(options);
  // Read by lib/env.ts on its first use, which is in the tests.
  process.env.SMTP_URL = inbox.url;
  if (options.from) process.env.MAIL_FROM = options.from;
  return {
    ...inbox,
    async close() {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      await inbox.close();
    },
  };
}
