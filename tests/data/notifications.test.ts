/**
 * Notifications (issue 21): who is told about what happened to a story, written with the event itself, and each
 * person's inbox, which nobody else reads or changes. The desk is every active editor and admin of the (shared) test
 * database, so each check looks at the people of its own story: who got what, and who got nothing.
 */
import { describe, expect, it } from "vitest";
import { documentFromParagraphs } from "@/lib/content/document";
import { saveArticle } from "@/lib/data/articles/editor";
import { addNote, getChangeRequest } from "@/lib/data/articles/notes";
import { listRevisions } from "@/lib/data/articles/revisions";
import { publishUpdate, sendBackUpdate, submitUpdate } from "@/lib/data/articles/updates";
import { addCorrection, publishArticle, publishDueArticles, scheduleArticle, sendBack, submitForReview } from "@/lib/data/articles/workflow";
import { NotFoundError, WorkflowError } from "@/lib/data/errors";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotification } from "@/lib/data/notifications/inbox";
import type { SessionUser } from "@/lib/data/types";
import { saveInput } from "../support/article-saves";
import { makeArticle, makeUser, rawDb } from "../support/factories";

/** Each person's notification kinds about `articleId`, oldest first; people with none are left out. */
async function told(articleId: string, people: Record<string, SessionUser>) {
  const rows = await rawDb().notification.findMany({ where: { articleId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { userId: true, kind: true } });
  const byName: Record<string, string[]> = {};
  for (const [name, person] of Object.entries(people)) {
    const kinds = rows.filter((r) => r.userId === person.id).map((r) => r.kind);
    if (kinds.length > 0) byName[name] = kinds;
  }
  return byName;
}

/** A story by `author` with `coauthor` on the byline too. */
async function coauthoredStory(author: SessionUser, coauthor: SessionUser) {
  const article = await makeArticle(author);
  await rawDb().articleAuthor.create({ data: { articleId: article.id, userId: coauthor.id, position: 1 } });
  return article;
}

describe("who is told what", () => {
  it("follows a story from submission to correction: the authors, the desk for the queue, participants for notes; never the actor", async () => {
    const people = {
      author: await makeUser("JOURNALIST"),
      coauthor: await makeUser("JOURNALIST"),
      bystander: await makeUser("JOURNALIST"),
      sender: await makeUser("EDITOR"),
      publisher: await makeUser("EDITOR"),
      admin: await makeUser("ADMIN"),
      gone: await makeUser("EDITOR"),
    };
    await rawDb().user.update({ where: { id: people.gone.id }, data: { status: "DEACTIVATED" } });
    const article = await coauthoredStory(people.author, people.coauthor);

    await submitForReview(people.author, article.id);
    expect(await told(article.id, people)).toEqual({ coauthor: ["SUBMITTED"], sender: ["SUBMITTED"], publisher: ["SUBMITTED"], admin: ["SUBMITTED"] });

    await sendBack(people.sender, article.id, "Add the mayor's answer.");
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("CHANGES_REQUESTED");
    const sentBack = await rawDb().notification.findFirstOrThrow({ where: { articleId: article.id, userId: people.author.id, kind: "SENT_BACK" } });
    expect(sentBack).toMatchObject({ actorId: people.sender.id, headline: article.headline, detail: "Add the mayor's answer.", readAt: null, emailState: "NONE" });

    // The author answers with a note: the co-author and the editor who sent it back hear it; the rest of the desk does not.
    await addNote(people.author, article.id, "Called the mayor's office; waiting.");
    await submitForReview(people.author, article.id);
    await publishArticle(people.publisher, article.id);
    await addCorrection(people.sender, { articleId: article.id, kind: "CORRECTION", text: "The vote was 7-2." });

    expect(await told(article.id, people)).toEqual({
      author: ["SENT_BACK", "PUBLISHED", "CORRECTED"],
      coauthor: ["SUBMITTED", "SENT_BACK", "NOTE", "SUBMITTED", "PUBLISHED", "CORRECTED"],
      sender: ["SUBMITTED", "NOTE", "SUBMITTED"],
      publisher: ["SUBMITTED", "SUBMITTED"],
      admin: ["SUBMITTED", "SUBMITTED"],
    });
  });

  it("tells whoever set a schedule, and the authors, when the schedule publishes; the history credits the schedule and its setter", async () => {
    const author = await makeUser("JOURNALIST");
    const setter = await makeUser("EDITOR", `Ana Ruiz ${Date.now()}`);
    const article = await makeArticle(author, { status: "IN_REVIEW" });
    const at = new Date(Date.now() + 60_000);
    await scheduleArticle(setter, article.id, at);
    expect(await publishDueArticles({ now: at })).toContain(article.id);

    expect(await told(article.id, { author, setter })).toEqual({ author: ["PUBLISHED_BY_SCHEDULE"], setter: ["PUBLISHED_BY_SCHEDULE"] });
    expect(await rawDb().notification.findFirstOrThrow({ where: { articleId: article.id, userId: author.id } })).toMatchObject({ actorId: null, detail: setter.name });

    const [published] = await listRevisions(author, article.id);
    expect(published).toMatchObject({ kind: "STATUS", status: "PUBLISHED", bySchedule: true, author: { name: setter.name } });
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { targetId: article.id, action: "article.publish_scheduled" } });
    expect(audit.actorId).toBeNull();
    expect(audit.details).toMatchObject({ scheduledBy: setter.name, scheduledById: setter.id, scheduledFor: at.toISOString() });
  });

  it("tells the desk about an update submitted for review, and the authors when it is sent back (changes requested) or published", async () => {
    const author = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(author, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) });
    const text =
      "The council voted again on Thursday and changed the plan: the oldest pipes in the north districts will be replaced first, " +
      "crews will work at night to keep water running for schools and clinics, and a public map will show each week's work so " +
      "families can plan around the cuts. The mayor said the fund would cover the first two years.";
    await saveArticle(author, await saveInput(author, article.id, { headline: "Council changes the water plan", body: documentFromParagraphs([text]) }));

    await submitUpdate(author, article.id);
    await sendBackUpdate(editor, article.id, "Say until when.");
    expect(await rawDb().pendingUpdate.findUnique({ where: { articleId: article.id }, select: { status: true } })).toEqual({ status: "CHANGES_REQUESTED" });
    expect(await getChangeRequest(author, article.id)).toMatchObject({ body: "Say until when.", author: { name: editor.name } });
    await submitUpdate(author, article.id);
    expect(await getChangeRequest(author, article.id)).toBeNull();
    await publishUpdate(editor, article.id);

    expect(await told(article.id, { author, editor })).toEqual({ author: ["UPDATE_SENT_BACK", "UPDATE_PUBLISHED"], editor: ["UPDATE_SUBMITTED", "UPDATE_SUBMITTED"] });
    // The headline readers know the story by, then the one it was published with.
    const headlines = await rawDb().notification.findMany({ where: { articleId: article.id, userId: author.id }, orderBy: { createdAt: "asc" }, select: { headline: true } });
    expect(headlines.map((h) => h.headline)).toEqual([article.headline, "Council changes the water plan"]);
  });

  it("never tells someone about a story they can no longer open (a journalist taken off the byline)", async () => {
    const author = await makeUser("JOURNALIST");
    const former = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await coauthoredStory(author, former);
    await addNote(former, article.id, "My part is in.");
    await rawDb().articleAuthor.delete({ where: { articleId_userId: { articleId: article.id, userId: former.id } } });
    await addNote(editor, article.id, "Thanks, all.");
    expect(await told(article.id, { author, former, editor })).toEqual({ author: ["NOTE", "NOTE"] });
  });

  it("writes nothing when the event is refused", async () => {
    const author = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(author, { status: "IN_REVIEW" });
    await rawDb().article.update({ where: { id: article.id }, data: { datelineCity: "" } });
    await expect(publishArticle(editor, article.id)).rejects.toBeInstanceOf(WorkflowError);
    await expect(submitForReview(author, article.id)).rejects.toBeInstanceOf(WorkflowError);
    expect(await rawDb().notification.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("the changes-requested state", () => {
  it("holds the desk's note until the author submits again, and only an author or the desk may read it", async () => {
    const author = await makeUser("JOURNALIST");
    const stranger = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(author, { status: "IN_REVIEW" });
    await addNote(editor, article.id, "An ordinary note, not a request.");
    expect(await getChangeRequest(author, article.id)).toBeNull();
    await sendBack(editor, article.id, "Cut the second half.");
    await addNote(author, article.id, "On it.");
    expect(await getChangeRequest(author, article.id)).toMatchObject({ body: "Cut the second half.", author: { name: editor.name } });
    await expect(getChangeRequest(stranger, article.id)).rejects.toBeInstanceOf(NotFoundError);
    // Not in review any more: it cannot be sent back again, only submitted again by its author.
    await expect(sendBack(editor, article.id, "Again?")).rejects.toBeInstanceOf(WorkflowError);
    await submitForReview(author, article.id);
    expect(await getChangeRequest(author, article.id)).toBeNull();
  });
});

describe("each person's own notifications", () => {
  it("counts, lists and marks only the signed-in person's", async () => {
    const author = await makeUser("JOURNALIST");
    const coauthor = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const first = await coauthoredStory(author, coauthor);
    const second = await coauthoredStory(author, coauthor);
    for (const article of [first, second]) {
      await submitForReview(author, article.id);
      await sendBack(editor, article.id, `Notes on ${article.headline}`);
    }
    expect(await countUnreadNotifications(author)).toBe(2);
    expect(await countUnreadNotifications(coauthor)).toBe(4);

    const inbox = await listNotifications(author);
    expect(inbox).toMatchObject({ total: 2, unread: 2 });
    expect(inbox.items.map((n) => [n.kind, n.articleId, n.actor?.name])).toEqual([
      ["SENT_BACK", second.id, editor.name],
      ["SENT_BACK", first.id, editor.name],
    ]);

    const theirs = (await listNotifications(coauthor)).items[0]!;
    await expect(markNotification(author, theirs.id, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(await countUnreadNotifications(coauthor)).toBe(4);

    await markNotification(author, inbox.items[0]!.id, true);
    expect(await countUnreadNotifications(author)).toBe(1);
    await markNotification(author, inbox.items[0]!.id, false);
    expect(await countUnreadNotifications(author)).toBe(2);
    expect(await markAllNotificationsRead(author)).toBe(2);
    expect(await countUnreadNotifications(author)).toBe(0);
    expect(await countUnreadNotifications(coauthor)).toBe(4);
  });
});
