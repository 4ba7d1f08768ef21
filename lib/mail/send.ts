/**
 * Outgoing mail. With SMTP_URL set, messages go out through nodemailer; without it (a laptop, a demo), they are
 * written to the server log so an admin can still deliver the link by hand. Either way the caller also shows the
 * link to the admin who asked for it, so a mail outage never blocks an invitation.
 *
 * Sending never throws: a failed delivery is logged (without the message body, which holds a secret link) and
 * reported as "failed", and the caller says so.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { getSmtpTransport } from "./transport";

export type MailMessage = { to: string; subject: string; text: string };
export type MailDelivery = "sent" | "logged" | "failed";

export async function sendMail(message: MailMessage): Promise<MailDelivery> {
  const env = getEnv();
  if (!env.smtpUrl) {
    console.info(
      [
        "[mail] SMTP_URL is not set, so this message was not sent. Deliver it by hand:",
        `  To: ${message.to}`,
        `  Subject: ${message.subject}`,
        ...message.text.split("\n").map((line) => `  | ${line}`),
      ].join("\n"),
    );
    return "logged";
  }
  try {
    await getSmtpTransport(env.smtpUrl).sendMail({ from: env.mailFrom, to: message.to, subject: message.subject, text: message.text });
    return "sent";
  } catch (error) {
    console.error(`[mail] could not send "${message.subject}" to ${message.to}:`, error instanceof Error ? error.message : error);
    return "failed";
  }
}
