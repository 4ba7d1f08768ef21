/**
 * Tags and images in the editor (issue 21): of several tags entered at once the known ones are added and the unknown
 * named; a journalist proposes a new tag, which an editor's publishing creates; the featured image's alt text,
 * caption and credit are edited from the editor (they are the library item's) and readers see them; body images get
 * a credit of their own.
 */
import type { Page } from "@playwright/test";
import { slugify } from "@/lib/content/slug";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createEditorArticle, DEK, FILLER } from "../support/editor-factories";
import { createTestUser, uniqueId } from "../support/factories";
import { expect, openAs, test } from "../support/fixtures";
import { makeImage } from "../support/media-files";
import { uploadThroughApi } from "../support/media-library";

test.describe.configure({ timeout: 120_000 });

const statusRegion = (page: Page) => page.getByRole("region", { name: "Status", exact: true });
const expectSaved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
const removeTag = (page: Page, name: string) => page.getByRole("button", { name: `Remove tag ${name}` });

test("several tags at once: the known ones are added and the unknown one named; a journalist proposes it and an editor's publishing creates it", async ({ page, browser, login }) => {
  const journalist = await login({ role: "JOURNALIST" });
  const id = uniqueId();
  const water = await testDb().tag.create({ data: { name: `Water ${id}`, slug: `water-${id}` } });
  const floods = await testDb().tag.create({ data: { name: `Floods ${id}`, slug: `floods-${id}` } });
  const proposal = `Reservoir levels ${id}`;
  const headline = `The reservoir is full ${id}`;
  const article = await createEditorArticle(journalist, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Monterrey" });
  await page.goto(article.editorPath);

  const input = page.getByRole("combobox", { name: "Tags" });
  await input.fill(`${water.name}, ${proposal}, ${floods.name}`);
  await input.press("Enter");
  await expect(removeTag(page, water.name)).toBeVisible();
  await expect(removeTag(page, floods.name)).toBeVisible();
  // Shown under the box as its error (and read out by the field's live region).
  await expect(input).toHaveAccessibleDescription(new RegExp(`There is no tag “${proposal}”: check the spelling, or propose it as a new tag\\.`));
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveValue(proposal);
  await expect(page.getByText("A tag that does not exist yet can be proposed: it is created when an editor publishes the article.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: `Propose “${proposal}”` }).click();
  const tags = page.getByRole("list", { name: "Tags" });
  await expect(tags.getByRole("listitem")).toHaveText([`${water.name}×`, `${floods.name}×`, `${proposal}(proposed)×`]);
  await expect(input).toHaveValue("");
  await page.keyboard.press("ControlOrMeta+s");
  await expectSaved(page);
  const stored = await testDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { proposedTags: true, tags: { select: { tagId: true } } } });
  expect(stored.proposedTags).toEqual([proposal]);
  expect(stored.tags.map((t) => t.tagId).sort()).toEqual([water.id, floods.id].sort());
  expect(await testDb().tag.findFirst({ where: { name: proposal } })).toBeNull();

  const desk = await openAs(browser, await createTestUser("EDITOR"));
  await desk.page.goto(article.editorPath);
  await expect(desk.page.getByRole("list", { name: "Tags" }).getByRole("listitem").filter({ hasText: proposal })).toContainText("(proposed)");
  await statusRegion(desk.page).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(statusRegion(desk.page).getByText("Published", { exact: true })).toBeVisible();
  await desk.context.close();

  expect(await testDb().tag.findFirst({ where: { name: proposal } })).not.toBeNull();
  const { slug } = await testDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { slug: true } });
  await page.goto(`/news/${slug}`);
  await expect(page.getByRole("link", { name: proposal, exact: true })).toHaveAttribute("href", `/tag/${slugify(proposal)}`);
  await page.goto(`/tag/${slugify(proposal)}`);
  await expect(page.getByRole("link", { name: headline })).toBeVisible();
});

test("the featured image's alt text, caption and credit are edited from the editor and readers see them; body images carry a credit", async ({ page, browser, login }) => {
  const editor = await login({ role: "EDITOR" });
  const id = uniqueId();
  const image = await uploadThroughApi(page.request, await makeImage("jpeg", { width: 640, height: 400 }), `reservoir-${id}.jpg`);
  const article = await createEditorArticle(editor, { headline: `Pictures of the reservoir ${id}`, paragraphs: [FILLER], dek: DEK, datelineCity: "Monterrey" });
  await testDb().article.update({ where: { id: article.id }, data: { featuredImageId: image.id } });
  await page.goto(article.editorPath);

  const details = page.getByRole("group", { name: "Featured image details" });
  await expect(details.getByText("saving them changes them on every article that uses this image")).toBeVisible();
  await details.getByLabel("Alt text").fill(`The reservoir at dawn ${id}`);
  await details.getByLabel("Caption").fill("Water levels rose by a metre in a week.");
  await details.getByLabel("Credit").fill("Ana Ruiz / Dateline");
  await expectNoAxeViolations(page);
  await details.getByRole("button", { name: "Save image details" }).click();
  await expect(details.getByText("Image details saved.")).toBeVisible();
  expect(await testDb().media.findUniqueOrThrow({ where: { id: image.id }, select: { alt: true, caption: true, credit: true } })).toEqual({
    alt: `The reservoir at dawn ${id}`,
    caption: "Water levels rose by a metre in a week.",
    credit: "Ana Ruiz / Dateline",
  });

  await test.step("a body image gets its own credit, and the image panel edits a selected image", async () => {
    const body = page.getByRole("textbox", { name: "Body" });
    // The body is read-only until the shared document has come from the server.
    await expect(body).toHaveAttribute("contenteditable", "true");
    await body.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image" }).click();
    const panel = page.getByRole("group", { name: "Insert an image from the library" });
    await panel.getByLabel("Library image").selectOption({ label: `The reservoir at dawn ${id}` });
    await expect(panel.getByLabel("Credit")).toHaveValue("Ana Ruiz / Dateline");
    await panel.getByLabel("Credit").fill("Photo: Luis Ortega");
    await panel.getByRole("button", { name: "Insert image" }).click();
    const figure = body.locator("figure");
    await expect(figure.locator("figcaption")).toContainText("Photo: Luis Ortega");

    await figure.locator("img").click();
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image" }).click();
    const edit = page.getByRole("group", { name: "Edit the selected image" });
    await expect(edit.getByLabel("Credit")).toHaveValue("Photo: Luis Ortega");
    await edit.getByLabel("Caption").fill("The dam from the east bank.");
    await edit.getByRole("button", { name: "Update image" }).click();
    await expect(figure.locator("figcaption")).toContainText("The dam from the east bank.");
    await expect(body.locator("figure")).toHaveCount(1);
  });

  await page.keyboard.press("ControlOrMeta+s");
  await expectSaved(page);
  await statusRegion(page).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(statusRegion(page).getByText("Published", { exact: true })).toBeVisible();

  const { slug } = await testDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { slug: true } });
  await page.goto(`/news/${slug}`);
  const figures = page.getByRole("main").locator("figure");
  await expect(figures.first().locator("img")).toHaveAttribute("alt", `The reservoir at dawn ${id}`);
  await expect(figures.first().locator("figcaption")).toHaveText("Water levels rose by a metre in a week. Ana Ruiz / Dateline");
  await expect(page.getByRole("main").locator("figcaption", { hasText: "The dam from the east bank." })).toHaveText("The dam from the east bank. Photo: Luis Ortega");

  // A journalist using the desk's image sees its details and who may change them, without a way to.
  const journalist = await createTestUser("JOURNALIST");
  const theirs = await createEditorArticle(journalist, { headline: `Borrowed picture ${id}` });
  await testDb().article.update({ where: { id: theirs.id }, data: { featuredImageId: image.id } });
  const other = await openAs(browser, journalist);
  await other.page.goto(theirs.editorPath);
  const readOnly = other.page.getByRole("group", { name: "Featured image details" });
  await expect(readOnly.getByText("Only the person who uploaded it or an editor can change them.")).toBeVisible();
  await expect(readOnly.getByLabel("Credit")).toHaveAttribute("readonly", "");
  await expect(readOnly.getByRole("button", { name: "Save image details" })).toHaveCount(0);
  await other.context.close();
});
