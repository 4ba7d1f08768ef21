/**
 * Editorial integrity (issue 20), as people do it: a journalist's edit of their published story waits as a pending
 * update while readers keep the live version; the desk finds it in the review queue, reads the diff and publishes it,
 * and the page shows the new text with its "Updated" time. And deleting: an unpublished story is deleted after a
 * confirmation, and its old address answers 410.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { slugify } from "@/lib/content/slug";
import { publishArticle, scheduleArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { signedInPage } from "../support/admin-helpers";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createEditorArticle, DEK, FILLER, readArticle, sessionUserOf } from "../support/editor-factories";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { expect, test } from "../support/fixtures";

test.describe.configure({ timeout: 120_000 });

/** A story by `author`, published by a new editor (who is returned to review what follows). */
async function publishedStory(author: TestUser, headline: string) {
  const article = await createEditorArticle(author, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo" });
  const editor = await createTestUser("EDITOR");
  await publishArticle(await sessionUserOf(editor), article.id);
  return { article, editor, path: `/${article.sectionSlug}/${article.slug}` };
}

const bodyOf = (page: Page) => page.getByRole("textbox", { name: "Body" });
const updatePanel = (page: Page) => page.getByRole("region", { name: "Pending update — not yet live" });

/** The public page as a reader gets it (no cookies): its headline, its text, and its JSON-LD dates. */
async function readerView(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  const html = await response.text();
  const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "[]";
  const [news] = JSON.parse(jsonLd) as [{ headline: string; datePublished: string; dateModified: string }];
  return { status: response.status(), html, news };
}

test("a journalist's edit of a published story waits for the desk, which reviews the diff and publishes it", async ({ page, browser, request, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const id = uniqueId();
  const liveHeadline = `Water plan approved ${id}`;
  const { article, editor, path } = await publishedStory(journalist, liveHeadline);
  const newHeadline = `Water plan approved, with night work ${id}`;
  const addition = `Crews will work at night in the north districts (${id}).`;
  expect((await readerView(request, path)).news.headline).toBe(liveHeadline);

  await test.step("the journalist edits: the address and byline are the desk's, the changes wait as a pending update", async () => {
    await page.goto(article.editorPath);
    await expect(page.getByRole("region", { name: "This article is live" })).toContainText("readers see the current version");
    await expect(page.getByLabel("Slug")).toHaveAttribute("readonly", "");
    await expect(page.getByText("Only an editor can change the address of a published or scheduled article.")).toBeVisible();
    await expect(page.getByLabel("Authors")).toHaveAttribute("readonly", "");
    await expect(page.getByText("Only an editor can change the byline of a published or scheduled article.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
    await expect(page.getByLabel("Section")).toHaveAttribute("readonly", "");

    await page.getByLabel("Headline", { exact: true }).fill(newHeadline);
    // The body is read-only until the shared document has come from the server.
    await expect(bodyOf(page)).toHaveAttribute("contenteditable", "true");
    await bodyOf(page).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(` ${addition}`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
    await expect(updatePanel(page)).toContainText("readers still see the live version");
    await expect(page.getByRole("region", { name: "Status", exact: true })).toContainText("Your saved changes wait as a pending update until an editor publishes it.");
    await expectNoAxeViolations(page);
  });

  await test.step("readers still get the live story", async () => {
    const reader = await readerView(request, path);
    expect(reader.status).toBe(200);
    expect(reader.news.headline).toBe(liveHeadline);
    expect(reader.html).not.toContain(addition);
    expect(await readArticle(article.id)).toMatchObject({ headline: liveHeadline });
  });

  await test.step("the journalist submits the update for review", async () => {
    await updatePanel(page).getByRole("button", { name: "Submit update for review" }).click();
    await expect(updatePanel(page)).toContainText("Submitted for review: an editor will look at it.");
    await expect(updatePanel(page).getByRole("button", { name: "Submit update for review" })).toHaveCount(0);
  });

  const desk = await signedInPage(browser, editor);
  await test.step("the editor finds it in the review queue, apart from new stories, and reads the diff", async () => {
    const queue = desk.page.getByRole("region", { name: /^Review queue/ });
    const updates = queue.getByRole("region", { name: /^Updates to published stories waiting for review/ });
    await expect(updates).toContainText(`New headline: ${newHeadline}`);
    await expect(queue.getByRole("region", { name: /^New stories waiting for review/ }).getByRole("link", { name: liveHeadline })).toHaveCount(0);
    await expectNoAxeViolations(desk.page);
    await updates.getByRole("link", { name: liveHeadline }).click();
    await desk.page.waitForURL(`**${article.editorPath}`);

    // The desk's form shows the live text; the panel shows what the update changes.
    await expect(desk.page.getByLabel("Headline", { exact: true })).toHaveValue(liveHeadline);
    const panel = updatePanel(desk.page);
    await expect(panel).toContainText(`${journalist.name} last changed it`);
    await expect(panel.getByRole("group", { name: "Headline changes in the update" }).locator("ins")).toContainText(["with night work"]);
    await expect(panel.getByRole("group", { name: "Body changes in the update" }).locator("ins")).toContainText([addition]);
    await expectNoAxeViolations(desk.page);
  });

  await test.step("the editor publishes it: readers get the new text, marked Updated", async () => {
    await updatePanel(desk.page).getByRole("button", { name: "Publish update" }).click();
    await expect(desk.page.getByText("The update is live.")).toBeVisible();
    await expect(updatePanel(desk.page)).toHaveCount(0);
    await expect(desk.page.getByLabel("Headline", { exact: true })).toHaveValue(newHeadline);
    expect(await testDb().pendingUpdate.count({ where: { articleId: article.id } })).toBe(0);

    await desk.page.goto(path);
    await expect(desk.page.getByRole("heading", { level: 1 })).toHaveText(newHeadline);
    await expect(desk.page.getByRole("main")).toContainText(addition);
    await expect(desk.page.getByRole("main").getByText(/Updated/)).toBeVisible();
    const reader = await readerView(request, path);
    expect(reader.news.headline).toBe(newHeadline);
    expect(reader.news.dateModified > reader.news.datePublished).toBe(true);
  });
  await desk.close();
});

test("the desk sends an update back with a note; the journalist sees the note, or discards the update", async ({ page, browser, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const id = uniqueId();
  const { article, editor } = await publishedStory(journalist, `Bridge closure ${id}`);
  await page.goto(article.editorPath);
  await page.getByLabel("Headline", { exact: true }).fill(`Bridge closure extended ${id}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await updatePanel(page).getByRole("button", { name: "Submit update for review" }).click();
  await expect(updatePanel(page)).toContainText("Submitted for review");

  const desk = await signedInPage(browser, editor);
  await desk.page.goto(article.editorPath);
  const panel = updatePanel(desk.page);
  await panel.getByRole("button", { name: "Send back update" }).click();
  await expect(panel.getByText("Write a note saying what the author should change.")).toBeVisible();
  await panel.getByLabel("Note to the author").fill(`Say until when (${id}).`);
  await panel.getByRole("button", { name: "Send back update" }).click();
  await expect(panel).toContainText("Sent back: changes requested.");
  await desk.close();

  await page.reload();
  await expect(page.getByRole("region", { name: "Editorial notes" })).toContainText(`Say until when (${id}).`);
  await expect(page.getByRole("region", { name: "Changes requested" })).toContainText(`${editor.name} sent the update back on`);
  await expect(page.getByRole("region", { name: "Changes requested" })).toContainText(`Say until when (${id}).`);
  await expect(updatePanel(page).getByRole("button", { name: "Submit update for review" })).toBeVisible();
  await updatePanel(page).getByRole("button", { name: "Discard pending update" }).click();
  await updatePanel(page).getByRole("button", { name: "Yes, discard" }).click();
  await expect(page.getByRole("region", { name: "This article is live" })).toContainText("The pending update was discarded.");
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue(`Bridge closure ${id}`);
  expect(await testDb().revision.count({ where: { articleId: article.id, kind: "DISCARD" } })).toBe(1);
});

test("on a scheduled story, a journalist's new headline keeps the address and is saved as a pending update", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const id = uniqueId();
  const created = await createEditorArticle(journalist, { headline: `Concert tonight ${id}`, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo" });
  // The slug is still the one made from the headline, which the editor would otherwise keep making from it.
  const article = { ...created, slug: slugify(created.headline) };
  await testDb().article.update({ where: { id: article.id }, data: { slug: article.slug } });
  const editor = await sessionUserOf(await createTestUser("EDITOR"));
  await scheduleArticle(editor, article.id, new Date(Date.now() + 7 * 86_400_000));
  await page.goto(article.editorPath);
  await expect(page.getByRole("region", { name: "This article is scheduled" })).toBeVisible();
  await page.getByLabel("Headline", { exact: true }).fill(`Concert moved to Friday ${id}`);
  await expect(page.getByLabel("Slug")).toHaveValue(article.slug);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
  await expect(updatePanel(page)).toBeVisible();
  expect(await testDb().pendingUpdate.findUnique({ where: { articleId: article.id }, select: { headline: true } })).toEqual({ headline: `Concert moved to Friday ${id}` });
  expect(await readArticle(article.id)).toMatchObject({ headline: `Concert tonight ${id}`, slug: article.slug });
});

test("an editor deletes an unpublished story after confirming; its old address answers 410", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const headline = `Stadium deal ${uniqueId()}`;
  const article = await createEditorArticle(editor, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Monterrey" });
  const actor = await sessionUserOf(editor);
  await publishArticle(actor, article.id);
  const path = `/${article.sectionSlug}/${article.slug}`;
  await page.goto(article.editorPath);
  // Live: it has to be unpublished first.
  await expect(page.getByRole("button", { name: "Delete article" })).toHaveCount(0);
  await unpublishArticle(actor, article.id);
  await page.reload();

  const status = page.getByRole("region", { name: "Status", exact: true });
  await status.getByRole("button", { name: "Delete article" }).click();
  const confirm = status.getByRole("group", { name: /^Delete this article for good\?/ });
  await expect(confirm).toContainText("Readers will get a “no longer available” page at its old address.");
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Yes, delete" }).click();
  await page.waitForURL("**/dashboard?deleted=1");
  await expect(page.getByRole("status").filter({ hasText: "The article was deleted." })).toBeVisible();

  expect(await testDb().article.count({ where: { id: article.id } })).toBe(0);
  expect(await testDb().auditLog.findFirst({ where: { action: "article.delete", targetId: article.id } })).toMatchObject({ details: { headline, slug: article.slug } });
  await expect.poll(async () => (await page.request.get(path, { maxRedirects: 0 })).status(), { timeout: 5_000 }).toBe(410);
  expect((await page.goto(article.editorPath))?.status()).toBe(404);
});

test("a journalist may delete their own draft, never a story that is out", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const draft = await createEditorArticle(journalist, { headline: `Notes for later ${uniqueId()}`, paragraphs: ["Only a start."] });
  const { article } = await publishedStory(journalist, `Market reopens ${uniqueId()}`);
  await page.goto(article.editorPath);
  await expect(page.getByRole("button", { name: "Delete article" })).toHaveCount(0);

  await page.goto(draft.editorPath);
  await page.getByRole("button", { name: "Delete article" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.waitForURL("**/dashboard?deleted=1");
  expect(await testDb().article.count({ where: { id: draft.id } })).toBe(0);
});
