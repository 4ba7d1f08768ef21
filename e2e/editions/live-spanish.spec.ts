/**
 * A Spanish live story as its readers see it (docs/decisions/0029-language-editions.md): the LIVE label, "Key events",
 * the entries' labels, names and bylines, and the updater's "N new updates" button all in Spanish, times in the
 * edition's locale, and the story's share bar; no English left in its coverage. And the dashboard's and editor's
 * "View on site" for it open its Spanish address. Each test makes its own English live story and its translation.
 */
import { publishArticle } from "@/lib/data/articles/workflow";
import { createTranslation } from "@/lib/data/articles/translations";
import { postEntry } from "@/lib/data/live/entries";
import { documentFromParagraphs } from "@/lib/content/document";
import { expectNoAxeViolations } from "../support/axe";
import { createDraft, editorActor } from "../support/articles";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";
import { expect, test } from "../support/fixtures";

const LIVE = { isLive: true, coverageStartAt: new Date(Date.now() - 60_000) };

/** An English live story in Business and its Spanish translation, both published live coverage with no entries yet. */
async function spanishLiveStory() {
  const editor = await editorActor();
  const source = await createDraft({ sectionSlug: "business" });
  await testDb().article.update({ where: { id: source.id }, data: LIVE });
  await publishArticle(editor, source.id);
  const { id } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
  const slug = `en-vivo-la-crecida-${uniqueId()}`;
  await testDb().article.update({ where: { id }, data: { slug, headline: `En vivo: la crecida del río ${slug}`, ...LIVE } });
  // The e2e seed's Business is "negocios" in Spanish.
  await publishArticle(editor, id);
  const entry = (text: string, more: { title?: string; isKeyEvent?: boolean } = {}) => ({
    articleId: id,
    title: more.title ?? "",
    body: documentFromParagraphs([text]),
    isKeyEvent: more.isKeyEvent ?? false,
    isPinned: false,
    // Its poster is its byline.
    authorIds: [],
  });
  return { editor, id, source, headline: `En vivo: la crecida del río ${slug}`, path: `/es/negocios/${slug}`, authorName: editor.name, entry };
}

test("a Spanish live story speaks Spanish: EN VIVO, Momentos clave, its entries, and “1 actualización nueva”", async ({ page }) => {
  const story = await spanishLiveStory();
  await postEntry(story.editor, story.entry("El dique del este resistió la noche.", { isKeyEvent: true }));

  // Polled: the post's notification reaches the server's cache a moment after the commit.
  await expect(async () => {
    await page.goto(story.path);
    await expect(page.getByRole("region", { name: "Actualizaciones" }).getByRole("article")).toHaveCount(1, { timeout: 1_000 });
  }).toPass();
  await expect(page.locator("article > header").getByText("EN VIVO", { exact: true })).toBeVisible();
  const keyEvents = page.getByRole("navigation", { name: "Momentos clave" });
  await expect(keyEvents.getByRole("heading", { name: "Momentos clave" })).toBeVisible();
  await expect(keyEvents.getByRole("link")).toHaveText(/^\d\d:\d\d El dique del este resistió la noche\.$/);
  const first = page.getByRole("article", { name: /^Actualización de las \d\d:\d\d$/ });
  await expect(first).toBeVisible();
  await expect(first.getByText("Momento clave", { exact: true })).toBeVisible();
  await expect(first.getByText(`Por ${story.authorName}`, { exact: true })).toBeVisible();
  await expect(first.getByRole("link", { name: /^\d\d:\d\d \(enlace a esta actualización\)$/ })).toBeVisible();
  await expect(first.getByRole("link", { name: /^Correo ?: compartir la actualización «Actualización de las \d\d:\d\d» \(se abre en una pestaña nueva\)$/ })).toBeVisible();
  // The live coverage's words, seen and read aloud (the screen-reader-only text too), are all Spanish.
  const coverage = (await page.locator("[data-live-story]").textContent())!.replace(story.authorName, "");
  for (const english of ["Key event", "Updates", "Update at", "By ", "Email", "new update", "link to this update", "share the update"]) expect(coverage, english).not.toContain(english);
  // The story's share bar too.
  const share = page.getByRole("region", { name: "Comparte esta nota:" });
  await expect(share.getByRole("link", { name: "Correo (se abre en una pestaña nueva)" })).toBeVisible();
  await expect(share.getByRole("button", { name: "Copiar enlace" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Posted while the page is open: it waits behind the Spanish button, then arrives drawn in Spanish.
  await postEntry(story.editor, story.entry("Los voluntarios llenan costales en la escuela.", { title: "Llegan los voluntarios" }));
  const more = page.getByRole("button", { name: "1 actualización nueva" });
  await expect(more).toBeVisible();
  await expectNoAxeViolations(page);
  await more.click();
  const updates = page.getByRole("region", { name: "Actualizaciones" }).getByRole("article");
  await expect(updates).toHaveCount(2);
  await expect(updates.nth(0)).toHaveAccessibleName("Llegan los voluntarios");
  await expect(updates.nth(0).getByText(`Por ${story.authorName}`, { exact: true })).toBeVisible();
  await expect(updates.nth(0).getByRole("link", { name: /^\d\d:\d\d \(enlace a esta actualización\)$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The English story stays in English.
  await page.goto(story.source.path);
  await expect(page.locator("article > header").getByText("LIVE", { exact: true })).toBeVisible();
  await expect(page.getByText("No updates yet.")).toBeVisible();
});

test("the dashboard's and the editor's “View on site” open a Spanish story at its Spanish address", async ({ page, login }) => {
  await login({ role: "EDITOR" });
  const story = await spanishLiveStory();
  await page.goto(`/dashboard/articles/${story.id}`);
  await expect(page.getByRole("region", { name: "Status", exact: true }).getByRole("link", { name: "View on site (opens in a new tab)" })).toHaveAttribute("href", story.path);
  await page.goto(`/dashboard?q=${encodeURIComponent(story.headline)}`);
  await page.getByRole("link", { name: `View on site: ${story.headline}` }).click();
  await expect(page).toHaveURL(new RegExp(`${story.path}$`));
  await expect(page.getByRole("heading", { level: 1, name: story.headline })).toBeVisible();
});
