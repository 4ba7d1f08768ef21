/**
 * The one way mail leaves the app. With SMTP_URL: nodemailer over a small pool of SMTP connections, shared by the
 * account e-mails (lib/mail/send.ts), the notification outbox and the newsletters. Without it (a laptop, `npm run
 * dev`), deliverMail writes each message as an .eml file under MAIL_DIR (default .data/mail) and logs where, so a
 * newsletter can be opened in a mail client instead of being sent.
 */
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
import { getEnv } from "@/lib/env";

const CONNECT_TIMEOUT_MS = 30_000;

/** Connections per instance to the SMTP server: the newsletter worker keeps this many copies on the wire. */
export const SMTP_CONNECTIONS = 5;

/**
 * The pool's TCP connections, opened here rather than by nodemailer for one option: no Nagle's algorithm. With it,
 * the small last write of each message (the "." that ends DATA) waited for the server's delayed ACK, about 40 ms:
 * a connection sent at most ~25 messages a second whatever the CPU (scripts/bench/send.ts). nodemailer upgrades the
 * socket to TLS itself for smtps:// and STARTTLS.
 */
function openSocket(options: SMTPPool.Options, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) {
  const socket = net.connect({ host: options.host || "localhost", port: Number(options.port) || (options.secure ? 465 : 587), noDelay: true });
  const fail = (error: Error) => {
    socket.destroy();
    callback(error);
  };
  socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail(Object.assign(new Error("SMTP connection timeout"), { code: "ETIMEDOUT" })));
  socket.once("error", fail);
  socket.once("connect", () => {
    socket.setTimeout(0);
    socket.off("error", fail);
    callback(null, { connection: socket });
  });
}

let pool: { url: string; transport: Transporter } | undefined;

/**
 * The pooled SMTP transport for `url` (connections are reused between messages: a newsletter sends thousands).
 * An SMTPPool instance, because `createTransport({ url, pool: true })` silently drops every option but the URL's
 * and opened one connection per message.
 */
export function getSmtpTransport(url: string): Transporter {
  if (pool?.url !== url) {
    pool = { url, transport: nodemailer.createTransport(new SMTPPool({ pool: true, url, maxConnections: SMTP_CONNECTIONS, maxMessages: Infinity, getSocket: openSocket })) };
  }
  return pool.transport;
}

let fileTransport: Transporter | undefined;

/**
 * Sends `message` through SMTP, or writes it to an .eml file when SMTP_URL is unset. Throws what nodemailer throws.
 * A `raw` message (a newsletter copy, lib/newsletters/copy.ts) goes as it is, with its `envelope`.
 */
export async function deliverMail(message: SendMailOptions): Promise<{ file: string | null }> {
  const env = getEnv();
  const full = { from: env.mailFrom, ...message };
  if (env.smtpUrl) {
    await getSmtpTransport(env.smtpUrl).sendMail(full);
    return { file: null };
  }
  fileTransport ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = (await fileTransport.sendMail(full)) as { message: Buffer; messageId: string };
  await mkdir(env.mailDir, { recursive: true });
  const id = typeof message.messageId === "string" ? message.messageId : info.messageId;
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${id.replace(/[^A-Za-z0-9.-]/g, "_")}.eml`;
  const file = path.join(env.mailDir, name);
  await writeFile(file, info.message);
  const about = message.raw ? "a newsletter copy" : `"${String(message.subject)}"`;
  console.info(`[mail] SMTP_URL is not set: wrote ${about} for ${String(message.envelope?.to ?? message.to)} to ${file}`);
  return { file };
}
