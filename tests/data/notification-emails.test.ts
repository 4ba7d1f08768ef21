/**
 * Notification e-mails through a real SMTP server (tests/support/smtp-inbox.ts, in this process): nodemailer sends
 * after the event's commit to the people told about it who keep e-mails on; a refused send is logged and retried,
 * and never undoes the event; the outbox sends what a stopped server left behind, once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendBack } from "@/lib/data/articles/workflow";
import { deliverNotificationEmails } from "@/lib/data/notifications/outbox";
import { setEmailNotifications } from "@/lib/data/users/profile";
import type { SessionUser } from "@/lib/data/types";
import { getEnv } from "@/lib/env";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";
import { startSmtpInbox, type SmtpInbox } from "../support/smtp-inbox";

let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox({ refuse: (address) => address.startsWith("bounce-") });
  // Read by lib/env.ts on its first use, which is in the tests below.
  process.env.SMTP_URL = inbox.url;
  process.env.MAIL_FROM = "Dateline Newsroom <newsroom@dateline.test>";
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await inbox.close();
});

/** Waits until `read` gives a value that passes `ok` (the e-mails go out after the call returns). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const emailStates = (articleId: string) =>
  rawDb().notification.findMany({ where: { articleId }, orderBy: { userId: "asc" }, select: { userId: true, emailState: true, emailAttempts: true } });

/** A story in review by `author`, with `coauthor` on the byline. */
async function storyInReview(author: SessionUser, coauthor: SessionUser) {
  const article = await makeArticle(author, { status: "IN_REVIEW" });
  await rawDb().articleAuthor.create({ data: { articleId: article.id, userId: coauthor.id, position: 1 } });
  return article;
}

describe("notification e-mails", () => {
  it("go to the people told, after the commit, with the note and the story's link; not to the actor, nor to whoever turned them off", async () => {
    expect(getEnv().smtpUrl).toBe(inbox.url);
    const author = await makeUser("JOURNALIST");
    const quiet = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    await setEmailNotifications(quiet, false);
    const article = await storyInReview(author, quiet);

    await sendBack(editor, article.id, "Add the mayor's answer.\nAnd a photo.");
    const mail = await inbox.waitFor((m) => m.to.includes(author.email));
    expect(mail.from).toBe("newsroom@dateline.test");
    expect(mail.subject).toContain(`${editor.name} sent “${article.headline}” back: changes requested`);
    expect(mail.text).toContain("> Add the mayor's answer.\n> And a photo.");
    expect(mail.text).toContain(`/dashboard/articles/${article.id}`);
    expect(mail.text).toContain("/dashboard/profile");

    const states = await until(
      () => emailStates(article.id),
      (rows) => rows.every((r) => r.emailState !== "PENDING" && r.emailState !== "SENDING"),
    );
    expect(states).toEqual(
      [
        { userId: author.id, emailState: "SENT", emailAttempts: 1 },
        { userId: quiet.id, emailState: "NONE", emailAttempts: 0 },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    expect(inbox.received.filter((m) => m.to.includes(quiet.email) || m.to.includes(editor.email))).toEqual([]);
    expect(inbox.received.filter((m) => m.to.includes(author.email))).toHaveLength(1);
  });

  it("a refused send is logged and retried later; the event stands", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const author = await makeUser("JOURNALIST");
      const coauthor = await makeUser("JOURNALIST");
      const editor = await makeUser("EDITOR");
      const bounced = `bounce-${uid()}@test.dateline.test`;
      await rawDb().user.update({ where: { id: author.id }, data: { email: bounced } });
      const article = await storyInReview(author, coauthor);

      await sendBack(editor, article.id, "Shorter, please.");
      expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("CHANGES_REQUESTED");
      await inbox.waitFor((m) => m.to.includes(coauthor.email));
      const failed = await until(
        () => rawDb().notification.findFirstOrThrow({ where: { articleId: article.id, userId: author.id }, select: { emailState: true, emailAttempts: true } }),
        (row) => row.emailAttempts === 1 && row.emailState === "PENDING",
      );
      expect(failed).toEqual({ emailState: "PENDING", emailAttempts: 1 });
      expect(errors.mock.calls.map((call) => `${String(call[0])} ${String(call[1])}`)).toContainEqual(expect.stringMatching(new RegExp(`could not send ".*${editor.name} sent.*" to ${bounced}`)));

      // A minute later the address works again: the next run of the outbox delivers it.
      await rawDb().user.update({ where: { id: author.id }, data: { email: `fixed-${uid()}@test.dateline.test` } });
      await rawDb().notification.updateMany({ where: { articleId: article.id, userId: author.id }, data: { emailClaimedAt: new Date(Date.now() - 2 * 60_000) } });
      await deliverNotificationEmails();
      expect(await rawDb().notification.findFirstOrThrow({ where: { articleId: article.id, userId: author.id }, select: { emailState: true, emailAttempts: true } })).toEqual({
        emailState: "SENT",
        emailAttempts: 2,
      });
    } finally {
      errors.mockRestore();
    }
  });

  it("the outbox sends what a stopped server left behind, once, and leaves a send in progress alone", async () => {
    const author = await makeUser("JOURNALIST");
    const [left, abandoned, inProgress] = await Promise.all(["left", "abandoned", "in progress"].map(async () => makeUser("JOURNALIST")));
    const article = await makeArticle(author);
    const row = (user: SessionUser, extra: object) => ({ userId: user.id, kind: "NOTE" as const, articleId: article.id, actorId: author.id, headline: article.headline, detail: "Left behind.", ...extra });
    await rawDb().notification.createMany({
      data: [
        row(left!, { emailState: "PENDING" }),
        row(abandoned!, { emailState: "SENDING", emailAttempts: 1, emailClaimedAt: new Date(Date.now() - 2 * 3_600_000) }),
        row(inProgress!, { emailState: "SENDING", emailAttempts: 1, emailClaimedAt: new Date() }),
      ],
    });

    expect((await deliverNotificationEmails()).sent).toBeGreaterThanOrEqual(2);
    await deliverNotificationEmails();
    for (const user of [left!, abandoned!]) expect(inbox.received.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    expect(inbox.received.filter((m) => m.to.includes(inProgress!.email))).toEqual([]);
    expect(await emailStates(article.id)).toEqual(
      expect.arrayContaining([
        { userId: left!.id, emailState: "SENT", emailAttempts: 1 },
        { userId: abandoned!.id, emailState: "SENT", emailAttempts: 2 },
        { userId: inProgress!.id, emailState: "SENDING", emailAttempts: 1 },
      ]),
    );
  });
});

describe("notification e-mails of someone deactivated", () => {
  it("are not sent once the account is deactivated, even when they were waiting in the outbox before", async () => {
    const author = await makeUser("JOURNALIST");
    const gone = await makeUser("JOURNALIST");
    const article = await makeArticle(author);
    await rawDb().notification.create({ data: { userId: gone.id, kind: "NOTE", articleId: article.id, actorId: author.id, headline: article.headline, detail: "Waiting.", emailState: "PENDING" } });
    await rawDb().user.update({ where: { id: gone.id }, data: { status: "DEACTIVATED" } });

    await deliverNotificationEmails();
    expect(inbox.received.filter((m) => m.to.includes(gone.email))).toEqual([]);
    expect(await emailStates(article.id)).toEqual([{ userId: gone.id, emailState: "NONE", emailAttempts: 1 }]);
  });
});
