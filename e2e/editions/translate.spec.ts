/**
 * Translating in the editor (docs/decisions/0029-language-editions.md): "Translate into Español" makes a linked
 * draft in the Spanish edition and opens it, with the English source beside it; once the source is republished with
 * a change, the translation says so until someone marks it up to date.
 */
import { saveArticle } from "@/lib/data/articles/editor";
import { publishArticle } from "@/lib/data/articles/workflow";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { createEditorArticle, DEK, FILLER, sessionUserOf } from "../support/editor-factories";
import { uniqueId } from "../support/factories";
import { expect, test } from "../support/fixtures";

test.describe.configure({ timeout: 120_000 });

test("an editor translates a story into Spanish, works beside the source, and confirms the translation after the source changed", async ({ page, login }) => {
  const headline = `Bridge reopens ${uniqueId()}`;
  const editor = await login({ role: "EDITOR" });
  const [source, actor] = await Promise.all([createEditorArticle(editor, { headline, paragraphs: [FILLER], dek: DEK, datelineCity: "Laredo" }), sessionUserOf(editor)]);
  await publishArticle(actor, source.id);

  await page.goto(source.editorPath);
  const panel = page.getByRole("region", { name: "Edition: English" });
  await panel.getByRole("button", { name: "Translate into Español" }).click();
  await page.waitForURL((url) => /^\/dashboard\/articles\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(source.id));
  const translationId = page.url().split("/").pop()!;

  await expect(page.getByRole("region", { name: "Edition: Español" })).toContainText(`English: ${headline}`);
  const beside = page.getByRole("complementary", { name: "Source (English)" });
  await expect(beside.getByText(headline)).toBeVisible();
  await expect(beside.getByText(FILLER.slice(0, 40))).toBeVisible();
  await expect(page.getByText(/was republished with changes/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await testDb().article.findUniqueOrThrow({ where: { id: translationId }, select: { editionId: true, translationSourceId: true, status: true } })).toEqual({
    editionId: "es",
    translationSourceId: source.id,
    status: "DRAFT",
  });

  // The desk republishes the source with a new headline: the translation is outdated.
  const current = await testDb().article.findUniqueOrThrow({ where: { id: source.id }, select: { version: true, slug: true, sectionId: true, body: true, dek: true, datelineCity: true } });
  await saveArticle(actor, {
    articleId: source.id, baseVersion: current.version, mode: "manual", headline: `${headline}, after repairs`, dek: current.dek, body: current.body as never,
    datelineCity: current.datelineCity, sectionId: current.sectionId, tags: [], authorIds: [editor.id], featuredImageId: null, slug: current.slug, seoTitle: "", seoDescription: "",
  });
  await page.reload();
  await expect(page.getByText("The English source was republished with changes since this translation was last confirmed.")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Source (English)" }).getByText(`${headline}, after repairs`)).toBeVisible();
  await page.getByRole("button", { name: "Mark as up to date" }).click();
  await expect(page.getByText(/was republished with changes/), "the notice goes once confirmed").toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark as up to date" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(/was republished with changes/)).toHaveCount(0);
  expect((await testDb().article.findUniqueOrThrow({ where: { id: translationId }, select: { translationOutdated: true } })).translationOutdated).toBe(false);
});
