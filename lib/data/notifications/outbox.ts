/**
 * Notification e-mails, sent after the event's transaction has committed. Each notification row is its own outbox
 * entry (`emailState`): PENDING when written; claimed (SENDING) by one sender at a time, whichever app instance it runs
 * in (FOR UPDATE SKIP LOCKED); then SENT, or PENDING again after a failed attempt (retried a minute later), FAILED
 * after MAX_ATTEMPTS; NONE, unsent, when the recipient's account is no longer active by then. A claim older than
 * STALE_CLAIM_MS (its sender died mid-way) is taken again, so a crash can repeat an e-mail but never lose one. A
 * failed send is logged (lib/mail/send.ts) and never undoes the event.
 *
 * Each event asks for its e-mails at once after its commit (sendNotificationEmailsSoon); the scheduler's tick drains
 * whatever is left every few seconds (lib/jobs/scheduler.ts). Why an outbox: docs/decisions/0016.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { notificationEmail, notificationPath } from "@/lib/notifications/text";

const MAX_ATTEMPTS = 5;
const RETRY_AFTER_MS = 60_000;
/** Longer than a batch can take with nodemailer's timeouts, so a slow sender is not mistaken for a dead one. */
const STALE_CLAIM_MS = 60 * 60_000;
const BATCH = 20;

/** Marks up to `limit` due e-mails as being sent by this caller; returns their notifications' ids. */
async function claimDue(limit: number): Promise<string[]> {
  const now = new Date();
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "emailState" = 'SENDING', "emailClaimedAt" = ${now}, "emailAttempts" = "emailAttempts" + 1
    WHERE id IN (
      SELECT id FROM "Notification"
      WHERE ("emailState" = 'PENDING' AND ("emailClaimedAt" IS NULL OR "emailClaimedAt" < ${new Date(now.getTime() - RETRY_AFTER_MS)}))
         OR ("emailState" = 'SENDING' AND "emailClaimedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)})
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((row) => row.id);
}

/**
 * Sends every notification e-mail that is due (nothing without SMTP_URL). Safe to run from several places at once.
 * Returns how many were sent and how many attempts failed.
 */
export async function deliverNotificationEmails(): Promise<{ sent: number; failed: number }> {
  const tally = { sent: 0, failed: 0 };
  const env = getEnv();
  if (!env.smtpUrl) return tally;
  const db = getDb();
  for (;;) {
    const ids = await claimDue(BATCH);
    if (ids.length === 0) return tally;
    const settings = await db.settings.findUnique({ where: { id: 1 }, select: { siteName: true } });
    const rows = await db.notification.findMany({
      where: { id: { in: ids } },
      select: { id: true, kind: true, headline: true, detail: true, articleId: true, webhookEndpointId: true, emailAttempts: true, user: { select: { email: true, status: true } }, actor: { select: { name: true } } },
    });
    for (const row of rows) {
      // Written before the recipient was deactivated: the account's mail stops with it, like its sign-in.
      if (row.user.status !== "ACTIVE") {
        await db.notification.update({ where: { id: row.id }, data: { emailState: "NONE" } });
        continue;
      }
      const message = notificationEmail({
        kind: row.kind,
        actor: row.actor?.name ?? null,
        headline: row.headline,
        detail: row.detail,
        to: row.user.email,
        siteName: settings?.siteName ?? "Dateline",
        articleUrl: `${env.siteUrl}${notificationPath(row)}`,
        profileUrl: `${env.siteUrl}/dashboard/profile`,
      });
      const delivery = await sendMail(message);
      const failed = delivery === "failed";
      tally[failed ? "failed" : "sent"]++;
      const emailState = !failed ? "SENT" : row.emailAttempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
      await db.notification.update({ where: { id: row.id }, data: { emailState } });
    }
    if (ids.length < BATCH) return tally;
  }
}

/** After an event's commit: its e-mails go out now, without the caller waiting. A failure is logged, nothing more. */
export function sendNotificationEmailsSoon(): void {
  if (!getEnv().smtpUrl) return;
  deliverNotificationEmails().catch((error: unknown) => {
    console.error("[dateline] notification e-mails: the outbox could not be read:", error instanceof Error ? error.message : error);
  });
}
