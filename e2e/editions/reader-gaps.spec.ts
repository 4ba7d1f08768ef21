/**
 * What the Spanish edition adds for readers beyond its pages (docs/decisions/0029-language-editions.md): its section
 * and author feeds, in Spanish, with its own stories only and linked from its pages; the Spanish 410 page of an
 * unpublished Spanish story; and "¿Quiso decir …?" from Spanish words only. Each test publishes its own stories.
 */
import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { publishArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { createTranslation } from "@/lib/data/articles/translations";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import type { Prisma } from "@/lib/generated/prisma/client";
import { expectNoAxeViolations } from "../support/axe";
import { createDraft, editorActor } from "../support/articles";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["item", "entry", "link"].includes(name) });

/** An English story in Business and its Spanish translation by the same journalist, both published. */
async function publishTranslatedStory() {
  const editor = await editorActor();
  const source = await createDraft({ sectionSlug: "business" });
  await publishArticle(editor, source.id);
  const { id } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
  const slug = `nota-de-negocios-${uniqueId()}`;
  await testDb().article.update({ where: { id }, data: { slug, headline: `Nota de negocios ${slug}` } });
  await testDb().articleAuthor.updateMany({ where: { articleId: id }, data: { userId: source.author.id } });
  await publishArticle(editor, id);
  const { slug: authorSlug } = await testDb().user.findUniqueOrThrow({ where: { id: source.author.id }, select: { slug: true } });
  return { editor, id, source, path: `/es/negocios/${slug}`, slug, authorSlug };
}

const rssLinks = async (request: APIRequestContext, url: string) => {
  const channel = xml.parse(await (await request.get(url)).text()).rss.channel;
  return { channel, links: (channel.item ?? []).map((i: { link: string[] }) => i.link[0]) as string[] };
};

/** The paths of a page's feed links of one media type (<link rel="alternate">, written with the site's origin). */
const feedLinks = (page: Page, type: string) =>
  page.locator(`link[rel="alternate"][type="${type}"]`).evaluateAll((links) => links.map((l) => new URL(l.getAttribute("href")!, "http://x").pathname));

test("a Spanish section's and author's feeds list the Spanish story, not its English source, in Spanish, linked from their pages", async ({ page, request, baseURL }) => {
  const story = await publishTranslatedStory();
  const spanishUrl = `${baseURL}${story.path}`;
  const englishUrl = `${baseURL}${story.source.path}`;

  // Polled: the publish's notification reaches the server's cache a moment after the commit.
  await expect.poll(async () => (await rssLinks(request, "/es/negocios/feed.xml")).links).toContain(spanishUrl);
  const { channel, links } = await rssLinks(request, "/es/negocios/feed.xml");
  expect(channel.language).toBe("es-MX");
  expect(channel.title).toMatch(/^Negocios · /);
  expect(links, "the English source stays in the English feed").not.toContain(englishUrl);
  const atom = xml.parse(await (await request.get("/es/negocios/atom.xml")).text()).feed;
  expect(atom["@_xml:lang"]).toBe("es-MX");
  const json = await (await request.get("/es/negocios/feed.json")).json();
  expect(json.language).toBe("es-MX");
  expect(json.items.map((i: { url: string }) => i.url)).toContain(spanishUrl);
  await expect.poll(async () => (await rssLinks(request, "/business/feed.xml")).links).toContain(englishUrl);
  expect((await rssLinks(request, "/business/feed.xml")).links, "and the Spanish story out of it").not.toContain(spanishUrl);
  // The journalist wrote both: their Spanish feed has the translation only.
  await expect.poll(async () => (await rssLinks(request, `/es/author/${story.authorSlug}/feed.xml`)).links).toEqual([spanishUrl]);

  await page.goto("/es/negocios");
  expect(await feedLinks(page, "application/rss+xml")).toEqual(["/es/feed.xml", "/es/negocios/feed.xml"]);
  expect(await feedLinks(page, "application/atom+xml")).toEqual(["/es/atom.xml", "/es/negocios/atom.xml"]);
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", /\/business$/);
  await page.goto(`/es/author/${story.authorSlug}`);
  expect(await feedLinks(page, "application/feed+json")).toEqual(["/es/feed.json", `/es/author/${story.authorSlug}/feed.json`]);
  await expect(page.getByText("Periodista", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an unpublished Spanish story answers 410 Gone with the Spanish page, and its English source stays", async ({ page, request }) => {
  const story = await publishTranslatedStory();
  await expect.poll(async () => (await request.get(story.path, { maxRedirects: 0 })).status()).toBe(200);
  await unpublishArticle(story.editor, story.id);

  await expect.poll(async () => (await request.get(story.path, { maxRedirects: 0 })).status(), { timeout: 5_000 }).toBe(410);
  expect(await (await request.get(story.path)).text()).toContain("Este artículo ya no está disponible");
  expect((await request.get(`/business/${story.slug}`, { maxRedirects: 0 })).status(), "no English address of the Spanish story").toBe(404);
  expect((await request.get(story.source.path, { maxRedirects: 0 })).status()).toBe(200);

  await page.goto(story.path);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Este artículo ya no está disponible" })).toBeVisible();
  await expect(page.getByText("La redacción lo retiró del sitio.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ir a la portada" })).toHaveAttribute("href", "/es");
  await expectNoAxeViolations(page);
});

test("the Spanish search suggests a Spanish word (“¿Quiso decir …?”) and the English search never does", async ({ page }) => {
  const letters = "bcdfghjklmnpqrstvwxz";
  const word = Array.from({ length: 11 }, () => letters[randomInt(letters.length)]).join("");
  const misspelt = `${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)}`;
  test.skip(misspelt === word, "the random word repeats its 4th letter");
  const { author } = await createDraft();
  const section = await testDb().section.findUniqueOrThrow({ where: { slug: "business" }, select: { id: true } });
  const body = documentFromParagraphs([`La presa ${word} recibió la inversión prometida.`]);
  const headline = `La presa ${word} recibe su inversión`;
  await testDb().article.create({
    data: {
      slug: `presa-${uniqueId()}`, headline, body: body as unknown as Prisma.InputJsonValue, bodyHtml: renderDocumentHtml(body), bodyText: documentToPlainText(body),
      sectionId: section.id, status: "PUBLISHED", publishedAt: new Date(Date.now() - 400 * 86_400_000), createdById: author.id,
      editionId: "es", searchConfig: "spanish", authors: { create: [{ userId: author.id, position: 0 }] },
    },
  });

  await page.goto(`/es/search?q=${misspelt}`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2, name: `No hay resultados para «${misspelt}»` })).toBeVisible();
  await expect(main.getByText("¿Quiso decir")).toBeVisible();
  await expect(main.getByRole("region", { name: new RegExp(`resultados? para «${word}»`) }).getByRole("link", { name: headline })).toBeVisible();
  await expectNoAxeViolations(page);
  await main.getByRole("link", { name: word, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/es/search\\?q=${word}$`));

  await page.goto(`/search?q=${misspelt}`);
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: `No results for “${misspelt}”` })).toBeVisible();
  await expect(page.getByRole("main").getByText("Did you mean")).toHaveCount(0);
});

test("a Spanish tag's pages number, date and name their pages in Spanish", async ({ page }) => {
  const id = uniqueId();
  const { author } = await createDraft();
  const culture = await testDb().section.findUniqueOrThrow({ where: { slug: "culture" }, select: { id: true } });
  // A new tag without a Spanish row (the edition's names are cached until a change the site makes): its own name and slug.
  const tag = await testDb().tag.create({ data: { name: `Archivo ${id}`, slug: `archivo-${id}` }, select: { id: true } });
  const body = documentFromParagraphs([`Una nota de archivo ${id}.`]);
  // Years back, in Culture: never on a front page or a section's first page that other specs look at.
  const newest = Date.now() - 3 * 365 * 86_400_000;
  await testDb().$transaction(
    Array.from({ length: 21 }, (_, i) =>
      testDb().article.create({
        data: {
          slug: `archivo-${id}-${i + 1}`, headline: `Nota de archivo ${i + 1} (${id})`, body: body as unknown as Prisma.InputJsonValue, bodyHtml: renderDocumentHtml(body), bodyText: documentToPlainText(body),
          sectionId: culture.id, status: "PUBLISHED", publishedAt: new Date(newest - i * 60_000), createdById: author.id, editionId: "es", searchConfig: "spanish",
          authors: { create: [{ userId: author.id, position: 0 }] }, tags: { create: [{ tagId: tag.id, position: 0 }] },
        },
      }),
    ),
  );

  await page.goto(`/es/tag/archivo-${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Archivo ${id}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "21 notas · página 1 de 2" })).toBeVisible();
  await expect(page.getByRole("main").locator("time").first()).toHaveText(/^\d{1,2} de [a-z]+ de \d{4}$/);
  const pages = page.getByRole("navigation", { name: "Paginación" });
  await expect(pages.getByRole("link", { name: "Página 2" })).toHaveAttribute("href", `/es/tag/archivo-${id}/page/2`);
  await pages.getByRole("link", { name: /Siguiente/ }).click();
  await expect(page).toHaveURL(new RegExp(`/es/tag/archivo-${id}/page/2$`));
  await expect(page).toHaveTitle(new RegExp(`^Archivo ${id}, página 2`));
  await expect(page.getByRole("link", { name: `Nota de archivo 21 (${id})` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Paginación" }).getByRole("link", { name: /Anterior/ })).toHaveAttribute("href", `/es/tag/archivo-${id}`);
  await expectNoAxeViolations(page);
});
