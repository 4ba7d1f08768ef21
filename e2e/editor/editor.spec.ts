/**
 * The article editor, driven as people use it: writing with the toolbar, autosave and reload, the workflow between a
 * journalist and an editor, two people (or one in two tabs) writing at once, revisions, presence, offline work,
 * corrections, share previews, and accessibility. (Several app instances: e2e/coediting.)
 */
import type { Page } from "@playwright/test";
import { documentFromParagraphs, MAX_DOCUMENT_DEPTH } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import { ForbiddenError } from "@/lib/data/errors";
import { publishArticle } from "@/lib/data/articles/workflow";
import { expectNoAxeViolations } from "../support/axe";
import { createEditorArticle, DEK, FILLER, readArticle, sessionUserOf } from "../support/editor-factories";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";
import { expect, openAs, test } from "../support/fixtures";

// Each test drives one or two real editors over the shared document and server actions: give them room on a busy machine.
test.describe.configure({ timeout: 120_000 });

const bodyOf = (page: Page) => page.getByRole("textbox", { name: "Body" });

async function typeAt(where: "ControlOrMeta+Home" | "ControlOrMeta+End", page: Page, text: string) {
  // The body is read-only until the shared document has come from the server (the save bar says "Connecting…").
  await expect(bodyOf(page)).toHaveAttribute("contenteditable", "true");
  await bodyOf(page).click();
  await page.keyboard.press(where);
  if (where === "ControlOrMeta+Home") {
    // The click's own caret (at the end of the text) can land after the key press while the shared document is still
    // settling: press again until the caret really is before the first character, so the words go where they should.
    await expect
      .poll(async () => {
        const before = await bodyOf(page).evaluate((body) => {
          const selection = window.getSelection();
          if (!selection || selection.rangeCount === 0) return -1;
          const range = document.createRange();
          range.selectNodeContents(body);
          range.setEnd(selection.getRangeAt(0).startContainer, selection.getRangeAt(0).startOffset);
          return range.toString().length;
        });
        if (before !== 0) await page.keyboard.press(where);
        return before;
      })
      .toBe(0);
  }
  await page.keyboard.type(text);
}
const typeAtEnd = (page: Page, text: string) => typeAt("ControlOrMeta+End", page, text);
const statusRegion = (page: Page) => page.getByRole("region", { name: "Status", exact: true });
const saveButton = (page: Page) => page.getByRole("button", { name: "Save", exact: true });

async function expectSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
}

test("a journalist writes a draft that autosaves and survives a reload, submits it, and an editor sends it back and publishes it", async ({ page, browser, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(journalist);
  const id = uniqueId();
  const headline = `Council approves the water plan ${id}`;
  const slug = slugify(headline);

  await test.step("write with the toolbar", async () => {
    await page.goto(article.editorPath);
    await expect(page).toHaveTitle(/^Edit: Untitled/);
    await page.getByLabel("Headline").fill(headline);
    await expect(page.getByLabel("Slug")).toHaveValue(slug);
    await page.getByLabel("Dek").fill(DEK);
    await page.getByLabel("Dateline").fill("Saltillo");

    const body = bodyOf(page);
    await expect(body).toHaveAttribute("aria-multiline", "true");
    await body.click();
    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    await toolbar.getByRole("button", { name: "Heading 2" }).click();
    await expect(toolbar.getByRole("button", { name: "Heading 2" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.type("What the plan does");
    await page.keyboard.press("Enter");
    await page.keyboard.type("The plan was ");
    await toolbar.getByRole("button", { name: "Bold" }).click();
    await expect(toolbar.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.type("approved unanimously");
    await toolbar.getByRole("button", { name: "Bold" }).click();
    await page.keyboard.type(" and the details are in the report");
    for (let i = 0; i < "report".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await toolbar.getByRole("button", { name: "Link" }).click();
    await page.getByLabel("Link URL").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Apply link" }).click();
    await expect(page.getByText("Use a web address (https://…)")).toBeVisible();
    await page.getByLabel("Link URL").fill("https://example.org/water-report");
    await page.getByRole("button", { name: "Apply link" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(`. ${FILLER}`);
    await page.keyboard.press("Enter");
    await page.keyboard.press("ControlOrMeta+i");
    await page.keyboard.type("Reporting by the Dateline newsroom.");
    await expectSaved(page);
  });

  await test.step("the text is still there after a reload, and readers cannot see the draft", async () => {
    await page.reload();
    await expect(page).toHaveTitle(new RegExp(`^Edit: ${headline}`));
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
    await expect(page.getByLabel("Dateline")).toHaveValue("Saltillo");
    const body = bodyOf(page);
    await expect(body.getByRole("heading", { level: 2, name: "What the plan does" })).toBeVisible();
    await expect(body.locator("strong")).toHaveText("approved unanimously");
    await expect(body.locator("em")).toHaveText("Reporting by the Dateline newsroom.");
    await expect(body.getByRole("link", { name: "report" })).toHaveAttribute("href", "https://example.org/water-report");
    await expect(page.getByText("Restored unsaved changes from this device")).toHaveCount(0);
    const stored = await readArticle(article.id);
    expect(stored.slug).toBe(slug);
    expect(stored.bodyHtml).toContain('<strong>approved unanimously</strong>');
    expect((await page.request.get(`/news/${slug}`)).status()).toBe(404);
  });

  await test.step("the journalist submits it for review and cannot publish", async () => {
    const status = statusRegion(page);
    await expect(status.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await status.getByRole("button", { name: "Submit for review" }).click();
    await expect(status.getByText("In review", { exact: true })).toBeVisible();
    for (const name of ["Publish", "Schedule", "Unpublish", "Send back", "Cancel schedule"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    // A forged publish is refused where the data is.
    await expect(publishArticle(await sessionUserOf(journalist), article.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await readArticle(article.id)).status).toBe("IN_REVIEW");
  });

  const editorUser = await createTestUser("EDITOR");
  const { context, page: editorPage } = await openAs(browser, editorUser);
  await test.step("an editor sends it back with a note", async () => {
    await editorPage.goto(article.editorPath);
    await expect(editorPage.getByRole("status").filter({ hasText: `${journalist.name} is editing this article` })).toBeVisible();
    const status = statusRegion(editorPage);
    await expect(status.getByText("In review", { exact: true })).toBeVisible();
    await status.getByRole("button", { name: "Send back" }).click();
    await expect(status.getByText("Write a note saying what the author should change.")).toBeVisible();
    await status.getByLabel("Note to the author").fill(`Please add the mayor's response (${id}).`);
    await status.getByRole("button", { name: "Send back" }).click();
    await expect(status.getByText("Changes requested", { exact: true })).toBeVisible();
    await expect(editorPage.getByRole("region", { name: "Editorial notes" })).toContainText(`Please add the mayor's response (${id}).`);
  });

  await test.step("the editor writes an SEO description and publishes", async () => {
    const description = `The city will replace its oldest water pipes first under a plan approved on Tuesday (${id}).`;
    await editorPage.getByLabel("SEO description").fill(description);
    await expect(editorPage.getByText(`${description.length} / 160`)).toBeVisible();
    await expect(editorPage.getByText(`/news/${slug}`)).toBeVisible();
    const status = statusRegion(editorPage);
    await status.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(status.getByText("Published", { exact: true })).toBeVisible();
    await expect(editorPage.getByText("Changing the slug keeps the old URL working (it redirects)")).toBeVisible();
    expect((await readArticle(article.id)).seoDescription).toBe(description);

    await page.goto(`/news/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(page.getByRole("main").locator("strong", { hasText: "approved unanimously" })).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", description);
  });
  await context.close();
});

test("two people typing in one article at once both see every word; a REST save meanwhile is refused and kept apart from the history", async ({ page, browser, login }) => {
  const writer = await login({ role: "JOURNALIST" });
  const id = uniqueId();
  const article = await createEditorArticle(writer, { headline: `Bridge repairs ${id}`, paragraphs: ["The bridge closes on Monday for repairs."], dek: DEK, datelineCity: "Monterrey" });
  await page.goto(article.editorPath);
  await expect(bodyOf(page)).toContainText("The bridge closes");
  const editorUser = await createTestUser("EDITOR");
  const desk = await openAs(browser, editorUser);
  await desk.page.goto(article.editorPath);
  await expect(bodyOf(desk.page)).toContainText("The bridge closes");

  // Both type in the same paragraph at the same moment (one at its start, one at its end: two carets at the very same
  // spot interleave their words, decision 0015), and one of them changes the headline.
  await Promise.all([typeAt("ControlOrMeta+Home", page, "Detours are marked in yellow. "), typeAtEnd(desk.page, " Buses take the north road.")]);
  await page.getByLabel("Headline").fill(`Bridge repairs start Monday ${id}`);
  for (const each of [page, desk.page]) {
    await expect(bodyOf(each)).toContainText("Detours are marked in yellow.");
    await expect(bodyOf(each)).toContainText("Buses take the north road.");
    await expect(each.getByLabel("Headline")).toHaveValue(`Bridge repairs start Monday ${id}`);
    await expectSaved(each);
    await expect(each.getByText(/someone else saved|not saved/i)).toHaveCount(0);
  }
  const stored = await readArticle(article.id);
  expect(stored.bodyText).toContain("Detours are marked in yellow.");
  expect(stored.bodyText).toContain("Buses take the north road.");
  expect(stored.headline).toBe(`Bridge repairs start Monday ${id}`);

  // A client without the socket (the REST API) would write under them: refused with a reason, its text kept.
  const response = await page.request.put(`/api/articles/${article.id}`, {
    data: { headline: stored.headline, dek: DEK, body: documentFromParagraphs(["Written by a script."]), datelineCity: "Monterrey", sectionId: stored.sectionId, tags: [], authorIds: [writer.id], featuredImageId: null, slug: stored.slug, seoTitle: "", seoDescription: "", baseVersion: stored.version, mode: "manual" },
  });
  expect(response.status()).toBe(423);
  expect(((await response.json()) as { message: string }).message).toContain("open for co-editing");
  expect((await readArticle(article.id)).bodyText).not.toContain("Written by a script.");
  await page.reload();
  const revisions = page.getByRole("region", { name: "Revisions" });
  await expect(revisions.getByRole("listitem").filter({ hasText: "Not applied" })).toHaveCount(0);
  await revisions.getByText("Edits not applied (1)").click();
  await expect(revisions.getByRole("listitem").filter({ hasText: "Not applied" })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await desk.context.close();
});

test("the same person with the article open in two tabs is told so, never that someone else saved, and both tabs keep every word", async ({ page, context, login }) => {
  const writer = await login({ role: "EDITOR" });
  const article = await createEditorArticle(writer, { headline: `Market hours ${uniqueId()}`, paragraphs: ["The market opens at eight."] });
  await page.goto(article.editorPath);
  await expect(bodyOf(page)).toContainText("The market opens");
  const second = await context.newPage();
  await second.goto(article.editorPath);
  await expect(bodyOf(second)).toContainText("The market opens");
  for (const tab of [page, second]) await expect(tab.getByRole("status").filter({ hasText: "You also have this article open in another tab or window." })).toBeVisible();
  await expect(page.getByText(/is editing this article/)).toHaveCount(0);

  await typeAtEnd(page, " It closes at six.");
  await typeAtEnd(second, " Parking is free.");
  for (const tab of [page, second]) {
    await expect(bodyOf(tab)).toContainText("It closes at six.");
    await expect(bodyOf(tab)).toContainText("Parking is free.");
    await expectSaved(tab);
    await expect(tab.getByText(/someone else|not saved|conflict/i)).toHaveCount(0);
  }
  const stored = await readArticle(article.id);
  expect(stored.bodyText).toContain("It closes at six.");
  expect(stored.bodyText).toContain("Parking is free.");
  await second.close();
  await expect(page.getByRole("status").filter({ hasText: "You also have this article open" })).toHaveCount(0);
});

test("restoring an old revision brings back its text", async ({ page, login }) => {
  const writer = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(writer, { headline: `Library renovation ${uniqueId()}`, paragraphs: ["The original paragraph about the library."], withRevision: true });
  await page.goto(article.editorPath);
  const body = bodyOf(page);
  await expect(body).toContainText("The original paragraph");
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("A rewritten paragraph about something else.");
  await saveButton(page).click();
  await expectSaved(page);
  expect((await readArticle(article.id)).bodyText).toBe("A rewritten paragraph about something else.");

  const revisions = page.getByRole("region", { name: "Revisions" });
  await expect(revisions.getByRole("listitem")).toHaveCount(2); // the first one and the manual save
  await expect(revisions.getByRole("group", { name: "Body changes between the revisions" }).locator("del")).toContainText(["The original"]);
  await revisions.getByRole("button", { name: /^Restore revision from / }).last().click();
  await expect(body).toContainText("The original paragraph about the library.");
  await expect(body).not.toContainText("rewritten");
  await expect(revisions.getByText(/^Restored the revision from/)).toBeVisible();
  await expect(revisions.getByText("Restored", { exact: true })).toBeVisible();
  expect((await readArticle(article.id)).bodyText).toBe("The original paragraph about the library.");

  // Saving after the restore works on top of the restored version (no conflict).
  await page.getByLabel("Dateline").fill("Durango");
  await expectSaved(page);
  expect((await readArticle(article.id)).datelineCity).toBe("Durango");
});

test("the checklist refuses to publish an article without a dateline and says so", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const article = await createEditorArticle(editor, { headline: `Road works ${uniqueId()}`, paragraphs: [FILLER], dek: DEK, datelineCity: "" });
  await page.goto(article.editorPath);
  const status = statusRegion(page);
  await status.getByRole("button", { name: "Publish", exact: true }).click();
  const alert = status.getByRole("alert");
  await expect(alert).toContainText("This article is not ready to publish.");
  await expect(alert.getByRole("listitem")).toHaveText([/^Add a dateline/]);
  await expect(status.getByText("Draft", { exact: true })).toBeVisible();
  expect((await readArticle(article.id)).status).toBe("DRAFT");

  await page.getByLabel("Dateline").fill("Torreón");
  await status.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(status.getByText("Published", { exact: true })).toBeVisible();
  expect(await readArticle(article.id)).toMatchObject({ status: "PUBLISHED", datelineCity: "Torreón" });
});

test("a pasted body nested deeper than the limit is refused, and the body says why", async ({ page, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(journalist, { paragraphs: [FILLER] });
  const before = await readArticle(article.id);
  await page.goto(article.editorPath);
  const body = bodyOf(page);
  // A paste into the body before the shared document has arrived is dropped, as the editor is read-only until then.
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  // Quotes inside quotes, as a web page may hold them, pasted: one level more than a body may nest.
  const html = `<p>Before.</p>${"<blockquote>".repeat(MAX_DOCUMENT_DEPTH)}<p>Quoted too deep</p>${"</blockquote>".repeat(MAX_DOCUMENT_DEPTH)}<p>After.</p>`;
  await body.evaluate((element, markup) => {
    const data = new DataTransfer();
    data.setData("text/html", markup);
    data.setData("text/plain", "Quoted too deep");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(body).toContainText("Quoted too deep");
  await saveButton(page).click();
  await expect(body).toHaveAccessibleDescription(new RegExp(`nested more than ${MAX_DOCUMENT_DEPTH} levels deep .*flatten it to save`));
  expect((await readArticle(article.id)).version).toBe(before.version);
});

test("a correction added by an editor appears on the public article", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const id = uniqueId();
  const article = await createEditorArticle(editor, { headline: `Budget vote ${id}`, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo" });
  await publishArticle(await sessionUserOf(editor), article.id);
  await page.goto(article.editorPath);
  const corrections = page.getByRole("region", { name: "Corrections", exact: true });
  await corrections.getByLabel("Kind").selectOption({ label: "Correction" });
  const text = `An earlier version of this article misstated the day of the vote (${id}).`;
  await corrections.getByLabel("Correction text").fill(text);
  await corrections.getByRole("button", { name: "Add correction" }).click();
  await expect(corrections.getByText("Correction added: readers see it on the article page.")).toBeVisible();

  await page.goto(`/news/${article.slug}`);
  await expect(page.getByRole("region", { name: "Corrections and updates" })).toContainText(text);
});

test("a preview link works signed out, and stops working when revoked", async ({ page, browser, login }) => {
  const writer = await login({ role: "JOURNALIST" });
  const headline = `Preview of the stadium plan ${uniqueId()}`;
  const article = await createEditorArticle(writer, { headline, paragraphs: ["The stadium plan, before anyone has seen it."] });
  await page.goto(article.editorPath);
  const panel = page.getByRole("region", { name: "Share a preview" });
  await panel.getByRole("button", { name: "Create preview link" }).click();
  const link = panel.getByRole("textbox", { name: "Preview link" });
  await expect(link).toHaveValue(/^http:\/\/localhost:\d+\/preview\/[A-Za-z0-9_-]{20,}$/);
  await expect(panel.getByText(/^Expires /)).toBeVisible();
  const url = await link.inputValue();
  const revoke = panel.getByRole("button", { name: /^Revoke preview link created / });
  await expect(revoke).toHaveCount(1);

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(url);
  await expect(reader.getByText(/^PREVIEW/)).toBeVisible();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);

  await revoke.click();
  await expect(revoke).toHaveCount(0);
  expect((await reader.goto(url))?.status()).toBe(404);
  await anonymous.close();
});

test("someone else in the article is listed with their caret; when their browser quits they leave the list within seconds", async ({ page, playwright, launchOptions, login }) => {
  const writer = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(writer, { headline: `Transit strike ${uniqueId()}`, paragraphs: ["Buses stopped at dawn."] });
  await page.goto(article.editorPath);
  await expect(bodyOf(page)).toContainText("Buses stopped");
  const editorUser = await createTestUser("EDITOR");
  // Another browser altogether, so that it can quit.
  const otherBrowser = await playwright.chromium.launch(launchOptions);
  const desk = await openAs(otherBrowser, editorUser);
  await desk.page.goto(article.editorPath);
  await typeAtEnd(desk.page, " Talks resume tomorrow.");
  await expect(desk.page.getByRole("status").filter({ hasText: `${writer.name} is editing this article` })).toBeVisible();
  const here = page.getByRole("status").filter({ hasText: `${editorUser.name} is editing this article` });
  await expect(here).toBeVisible();
  await expect(page.getByRole("list", { name: "People in this article" })).toContainText(`${editorUser.name} — in Body`);
  await expect(bodyOf(page).locator(".collaboration-carets__label", { hasText: editorUser.name })).toBeVisible();
  await expect(bodyOf(page)).toContainText("Talks resume tomorrow.");

  await otherBrowser.close();
  await expect(here).toHaveCount(0, { timeout: 5_000 });
  await expect(bodyOf(page).locator(".collaboration-carets__label")).toHaveCount(0);
  // Stored by the server once its debounce runs (the writer who stayed is still in the document).
  await expect.poll(async () => (await readArticle(article.id)).bodyText).toContain("Talks resume tomorrow.");
});

test("offline: typing goes on and is kept on this device, merged and saved when the connection returns, and brought back after a reload", async ({ page, context, login }) => {
  const writer = await login({ role: "JOURNALIST" });
  const article = await createEditorArticle(writer, { headline: `Storm warning ${uniqueId()}`, paragraphs: ["Heavy rain is expected tonight."] });
  await page.goto(article.editorPath);
  await expect(bodyOf(page)).toContainText("Heavy rain");
  await expectSaved(page);

  await context.setOffline(true);
  await typeAtEnd(page, " Schools will close early.");
  await expect(page.getByRole("status").filter({ hasText: "Offline — your changes are kept on this device" })).toBeVisible();
  await context.setOffline(false);
  await expectSaved(page);
  expect((await readArticle(article.id)).bodyText).toContain("Schools will close early.");

  // The collaboration server cannot be reached and the tab is reloaded: the copy on this device comes back, and is
  // saved as soon as the server answers again.
  let reachable = false;
  await page.routeWebSocket("**/collab", (socket) => (reachable ? socket.connectToServer() : socket.close()));
  await page.reload();
  await expect(bodyOf(page)).toContainText("Schools will close early.");
  await typeAtEnd(page, " Shelters are open.");
  await expect(page.getByRole("status").filter({ hasText: "Offline — your changes are kept on this device" })).toBeVisible();
  await page.reload();
  await expect(bodyOf(page)).toContainText("Shelters are open.");
  await expect(page.getByRole("status").filter({ hasText: "Offline — your changes are kept on this device" })).toBeVisible();
  expect((await readArticle(article.id)).bodyText).not.toContain("Shelters are open.");
  reachable = true;
  await expect(page.getByText("Restored unsaved changes from this device")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible({ timeout: 15_000 });
  expect((await readArticle(article.id)).bodyText).toContain("Schools will close early. Shelters are open.");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("Restored unsaved changes from this device")).toHaveCount(0);
});

test("the editor page has no accessibility violations", async ({ page, login }) => {
  const editor = await login({ role: "EDITOR" });
  const article = await createEditorArticle(editor, { headline: `Accessible article ${uniqueId()}`, paragraphs: [FILLER], dek: DEK, datelineCity: "Saltillo", withRevision: true });
  await publishArticle(await sessionUserOf(editor), article.id);
  await page.goto(article.editorPath);
  await expect(bodyOf(page)).toContainText("Residents filled");
  await expect(page.getByRole("region", { name: "Corrections", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The toolbar's panels, too, and the keyboard gets around the toolbar with the arrow keys.
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await toolbar.getByRole("button", { name: "Paragraph" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Heading 2" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: "Horizontal rule" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Embed URL")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.type("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await page.keyboard.press("Enter");
  await expect(bodyOf(page).locator("[data-embed]")).toContainText("youtube.com");

  await toolbar.getByRole("button", { name: "Image" }).click();
  await expect(page.getByLabel("Library image")).toBeFocused();
  await expect(page.getByLabel("Alt text")).toBeVisible();
  await expect(page.getByLabel("Caption")).toBeVisible();
  await expectNoAxeViolations(page);

  // Inserting a library image stores its media id, size, alt text, caption and credit.
  await page.getByLabel("Library image").selectOption({ index: 1 });
  await page.getByLabel("Alt text").fill("Solar panels in a field at dusk");
  await page.getByLabel("Caption").fill("A caption written in the editor.");
  await page.getByLabel("Credit").fill("Illustration: the Dateline desk");
  await page.getByRole("button", { name: "Insert image" }).click();
  await expect(bodyOf(page).getByRole("img", { name: "Solar panels in a field at dusk" })).toBeVisible();
  await expectSaved(page);
  const stored = await readArticle(article.id);
  expect(stored.bodyHtml).toMatch(/<figure[^>]*>(?:<picture>.*?)?<img src="\/[^"]+"[^>]* alt="Solar panels in a field at dusk" width="\d+" height="\d+"[^>]*>(?:<\/picture>)?<figcaption[^>]*>A caption written in the editor\. <span[^>]*>Illustration: the Dateline desk<\/span><\/figcaption><\/figure>/);
  expect(stored.bodyHtml).toContain("youtube-nocookie.com/embed/dQw4w9WgXcQ");
  expect(await testDb().mediaUsage.count({ where: { articleId: article.id } })).toBe(1);
});
