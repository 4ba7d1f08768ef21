/**
 * The one way mail leaves the app. With SMTP_URL: nodemailer over a small pool of SMTP connections, shared by the
 * account e-mails (lib/mail/send.ts), the notification outbox and the newsletters. Without it (a laptop, `npm run
 * dev`), deliverMail writes each message as an .eml file under MAIL_DIR (default .data/mail) and logs where, so a
 * newsletter can be opened in a mail client instead of being sent.
 */
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

let pool: { url: string; transport: Transporter } | undefined;

/** The pooled SMTP transport for `url` (connections are reused between messages: a newsletter sends thousands). */
export function getSmtpTransport(url: string): Transporter {
  if (pool?.url !== url) pool = { url, transport: nodemailer.createTransport({ url, pool: true, maxConnections: 5, maxMessages: Infinity }) };
  return pool.transport;
}

let fileTransport: Transporter | undefined;

/** Sends `message` through SMTP, or writes it to an .eml file when SMTP_URL is unset. Throws what nodemailer throws. */
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
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, "_")}.eml`;
  const file = path.join(env.mailDir, name);
  await writeFile(file, info.message);
  console.info(`[mail] SMTP_URL is not set: wrote "${String(message.subject)}" for ${String(message.to)} to ${file}`);
  return { file };
}
