/**
 * A Spanish section or tag renamed by an admin keeps its old addresses (decisions 0029, 0033): the section's page,
 * its stories and its feeds at the former Spanish slug, and the tag's page, lead (308) to the new ones. The spec
 * makes its own section, tag and story (never renames the seeded ones: other specs read them in parallel).
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { publishArticle } from "@/lib/data/articles/workflow";
import { createTranslation } from "@/lib/data/articles/translations";
import { saveSectionTranslation, saveTagTranslation } from "@/lib/data/name-translations";
import { expectNoAxeViolations } from "../support/axe";
import { createDraft, editorActor } from "../support/articles";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";
import { sessionUserFor } from "../support/admin-helpers";

test.describe.configure({ timeout: 120_000 });

/** What a path answers without following a redirect: its status and where it leads. */
async function answer(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return `${response.status()} ${response.headers().location ?? ""}`;
}

test("a Spanish section renamed by an admin: its old page, story and feed lead to the new ones; a renamed tag too", async ({ page, login }) => {
  const id = uniqueId();
  // Named in Spanish through the data layer, which expires the edition's cached names as the admin's form does.
  const admin = await sessionUserFor(await createTestUser("ADMIN"));
  const section = await testDb().section.create({ data: { name: `Weather ${id}`, slug: `weather-${id}`, position: 901 } });
  await saveSectionTranslation(admin, section.id, "es", { name: `Clima ${id}`, slug: `clima-${id}`, description: "" });
  const tag = await testDb().tag.create({ data: { name: `Storms ${id}`, slug: `storms-${id}` } });
  await saveTagTranslation(admin, tag.id, "es", { name: `Tormentas ${id}`, slug: `tormentas-${id}` });
  const editor = await editorActor();
  const source = await createDraft({ sectionSlug: section.slug });
  await publishArticle(editor, source.id);
  const { id: spanishId } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
  const slug = `lluvias-${id}`;
  await testDb().article.update({ where: { id: spanishId }, data: { slug, headline: `Llegan las lluvias ${id}` } });
  await testDb().articleTag.create({ data: { articleId: spanishId, tagId: tag.id, position: 0 } });
  await publishArticle(editor, spanishId);
  // Polled: the publish's expiry reaches the server's cache a moment after the commit.
  await expect.poll(async () => (await page.request.get(`/es/clima-${id}/${slug}`)).status(), { timeout: 10_000 }).toBe(200);

  await login({ role: "ADMIN" });
  await page.goto(`/admin/sections/${section.id}`);
  const panel = page.getByRole("region", { name: "In Español" });
  await expect(panel.getByLabel("Slug in Español")).toHaveAccessibleDescription(/a former address keeps leading here/);
  await panel.getByLabel("Slug in Español").fill(`tiempo-${id}`);
  await panel.getByRole("button", { name: "Save Español name" }).click();
  await expect(panel.getByRole("status")).toHaveText(`Saved. In this edition the section is “Clima ${id}” at /es/tiempo-${id}.`);

  // Polled: the rename's expiry reaches the server's cache a moment after the commit.
  await expect.poll(() => answer(page.request, `/es/clima-${id}`), { timeout: 10_000 }).toBe(`308 /es/tiempo-${id}`);
  await expect.poll(() => answer(page.request, `/es/clima-${id}/${slug}`), { timeout: 10_000 }).toBe(`308 /es/tiempo-${id}/${slug}`);
  await expect.poll(() => answer(page.request, `/es/clima-${id}/feed.xml`), { timeout: 10_000 }).toBe(`308 /es/tiempo-${id}/feed.xml`);

  await page.goto(`/es/clima-${id}`);
  await expect(page).toHaveURL(new RegExp(`/es/tiempo-${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Clima ${id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Llegan las lluvias ${id}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/es/clima-${id}/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/es/tiempo-${id}/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Llegan las lluvias ${id}` })).toBeVisible();
  const feed = await page.request.get(`/es/clima-${id}/feed.xml`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`Llegan las lluvias ${id}`);

  await page.goto(`/admin/tags/${tag.id}`);
  await panel.getByLabel("Slug in Español").fill(`temporales-${id}`);
  await panel.getByRole("button", { name: "Save Español name" }).click();
  await expect(panel.getByRole("status")).toHaveText(`Saved. In this edition the tag is “Tormentas ${id}” at /es/tag/temporales-${id}.`);
  await expect.poll(() => answer(page.request, `/es/tag/tormentas-${id}`), { timeout: 10_000 }).toBe(`308 /es/tag/temporales-${id}`);
  await page.goto(`/es/tag/tormentas-${id}`);
  await expect(page).toHaveURL(new RegExp(`/es/tag/temporales-${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Tormentas ${id}` })).toBeVisible();
});

test("a tag renamed in the default edition keeps its Spanish name and page, and its old address in Spanish leads there", async ({ page, login }) => {
  const id = uniqueId();
  const admin = await sessionUserFor(await createTestUser("ADMIN"));
  const tag = await testDb().tag.create({ data: { name: `Hail ${id}`, slug: `hail-${id}` } });
  await saveTagTranslation(admin, tag.id, "es", { name: `Granizo ${id}`, slug: `granizo-${id}` });
  const editor = await editorActor();
  const source = await createDraft();
  await publishArticle(editor, source.id);
  const { id: spanishId } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
  await testDb().article.update({ where: { id: spanishId }, data: { slug: `cae-granizo-${id}`, headline: `Cae granizo ${id}` } });
  await testDb().articleTag.create({ data: { articleId: spanishId, tagId: tag.id, position: 0 } });
  await publishArticle(editor, spanishId);
  // Read once before the rename, so the edition's names and the tag's Spanish page are in the server's cache.
  await expect.poll(async () => (await page.request.get(`/es/tag/granizo-${id}`)).status(), { timeout: 10_000 }).toBe(200);

  await login({ role: "ADMIN" });
  await page.goto(`/admin/tags/${tag.id}`);
  await page.getByLabel("Slug", { exact: true }).fill(`hailstorms-${id}`);
  await page.getByRole("button", { name: "Save tag" }).click();
  await expect(page.getByText(`Saved. The tag is “Hail ${id}” at /tag/hailstorms-${id}.`)).toBeVisible();

  await expect.poll(() => answer(page.request, `/es/tag/hail-${id}`), { timeout: 10_000 }).toBe(`308 /es/tag/granizo-${id}`);
  await page.goto(`/es/tag/granizo-${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Granizo ${id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Cae granizo ${id}` })).toBeVisible();
  await page.goto(`/es/tag/hail-${id}`);
  await expect(page).toHaveURL(new RegExp(`/es/tag/granizo-${id}$`));
});
