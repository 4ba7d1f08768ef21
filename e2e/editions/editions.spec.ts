/**
 * Language editions as readers and machines get them (docs/decisions/0029-language-editions.md): the demo's Spanish
 * edition under /es beside the default English one. A crawler follows both editions and checks every hreflang
 * alternate; publishing a translation reaches both editions' feeds and sitemaps; the Spanish search stems Spanish,
 * ignores accents and never shows English articles; the Spanish chrome is in Spanish, and axe-clean.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { publishArticle } from "@/lib/data/articles/workflow";
import { createTranslation } from "@/lib/data/articles/translations";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import type { Prisma } from "@/lib/generated/prisma/client";
import { expectNoAxeViolations } from "../support/axe";
import { createDraft, editorActor } from "../support/articles";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";

type PageFacts = { status: number; lang: string; alternates: Record<string, string>; links: string[] };

/** An absolute or site-relative URL as a path without a trailing slash ("/" stays "/"). */
const pathOf = (href: string) => new URL(href, "http://site.invalid").pathname.replace(/(.)\/$/, "$1");

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1] ?? null;

/** What a crawler reads from a page's HTML: its status, <html lang>, hreflang alternates (as paths) and its links. */
async function readPage(request: APIRequestContext, url: string): Promise<PageFacts> {
  const response = await request.get(url, { maxRedirects: 0 });
  const html = await response.text();
  const tags = html.match(/<link\b[^>]*>/gi) ?? [];
  const alternates: Record<string, string> = {};
  for (const tag of tags) {
    const lang = attribute(tag, "hreflang");
    if (attribute(tag, "rel") === "alternate" && lang) alternates[lang] = pathOf(attribute(tag, "href")!);
  }
  return {
    status: response.status(),
    lang: /<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? "",
    alternates,
    links: [...html.matchAll(/<a\b[^>]*\shref="(\/[^"#?]*)"/gi)].map((m) => m[1]!),
  };
}

test("a crawler over both editions: every hreflang alternate answers 200, lists the page back, and is its translation", async ({ request }) => {
  test.setTimeout(180_000);
  const queue = ["/", "/es"];
  const seen = new Set<string>(queue);
  const facts = new Map<string, PageFacts>();
  // The front pages, the sections and the articles they link: the pages that have translations.
  while (queue.length > 0 && facts.size < 90) {
    const path = queue.shift()!;
    const page = await readPage(request, path);
    const isFrontOrSection = path.split("/").length <= (path.startsWith("/es/") ? 3 : 2);
    // Other specs unpublish their own stories while this one runs: only the front and section pages must answer.
    if (isFrontOrSection) expect(page.status, path).toBe(200);
    if (page.status !== 200) continue;
    facts.set(path, page);
    if (!isFrontOrSection) continue;
    for (const link of page.links) {
      const isReaderPage = /^\/(es\/)?[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(link) && !/^\/(es\/)?(tag|author|search|login|newsletters)\b/.test(link);
      if (isReaderPage && !seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }

  let checked = 0;
  const articlePages: string[] = [];
  for (const [path, page] of facts) {
    expect(page.lang, `${path}: <html lang>`).toBe(path === "/es" || path.startsWith("/es/") ? "es" : "en");
    if (Object.keys(page.alternates).length === 0) continue;
    checked++;
    expect(page.alternates[page.lang], `${path} lists itself under its own language`).toBe(path);
    expect(page.alternates["x-default"], `${path}: x-default is the English page`).toBe(page.alternates.en);
    for (const [lang, href] of Object.entries(page.alternates)) {
      const other = await readPage(request, href);
      expect(other.status, `${path} → ${lang} ${href}`).toBe(200);
      // Polled: a translation another spec publishes meanwhile reaches every page of its group within moments.
      await expect.poll(async () => (await readPage(request, href)).alternates, `${href} lists the same translations as ${path}, itself and ${path} included`).toEqual(page.alternates);
    }
    if (path.split("/").length === (path.startsWith("/es/") ? 4 : 3)) articlePages.push(path);
  }
  expect(checked, "front pages, sections and translated articles have alternates").toBeGreaterThanOrEqual(10);
  expect(articlePages.filter((p) => p.startsWith("/es/")).length, "the seeded translations are crawled").toBeGreaterThanOrEqual(5);

  // No page lists an alternate that is not its translation: every article an article page lists is in its group.
  for (const path of articlePages) {
    const slugs = Object.entries(facts.get(path)!.alternates).filter(([lang]) => lang !== "x-default").map(([, href]) => href.split("/").pop()!);
    const rows = await testDb().article.findMany({ where: { slug: { in: slugs } }, select: { translationGroupId: true, status: true } });
    expect(rows, path).toHaveLength(slugs.length);
    expect(new Set(rows.map((r) => r.translationGroupId)).size, `${path}: one translation group`).toBe(1);
    expect(rows.every((r) => r.status === "PUBLISHED" && r.translationGroupId !== null)).toBe(true);
  }
});

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["url", "item", "xhtml:link"].includes(name) });

test("publishing a translation puts it in the Spanish feeds and both editions' sitemaps, linked to its source", async ({ request, baseURL }) => {
  const editor = await editorActor();
  const source = await createDraft({ sectionSlug: "business" });
  await publishArticle(editor, source.id);
  const { id } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
  const slug = `nota-traducida-${uniqueId()}`;
  await testDb().article.update({ where: { id }, data: { slug, headline: `Nota traducida ${slug}` } });
  const englishUrl = `${baseURL}${source.path}`;
  const spanishUrl = `${baseURL}/es/negocios/${slug}`;

  expect(Object.keys((await readPage(request, source.path)).alternates), "a draft translation is no alternate").toEqual([]);
  await publishArticle(editor, id);

  const rss = xml.parse(await (await request.get("/es/feed.xml")).text()).rss.channel;
  expect(rss.language).toBe("es-MX");
  expect(rss.item.map((i: { link: string }) => i.link)).toContain(spanishUrl);
  expect(rss.item.map((i: { link: string }) => i.link), "English stories stay in the English feed").not.toContain(englishUrl);
  const json = await (await request.get("/es/feed.json")).json();
  expect(json.language).toBe("es-MX");
  expect(json.items.map((i: { url: string }) => i.url)).toContain(spanishUrl);
  const englishRss = xml.parse(await (await request.get("/feed.xml")).text()).rss.channel;
  expect(englishRss.item.map((i: { link: string }) => i.link)).toContain(englishUrl);
  expect(englishRss.item.map((i: { link: string }) => i.link), "Spanish stories stay out of the English feed").not.toContain(spanishUrl);

  const urls = xml.parse(await (await request.get("/sitemap.xml")).text()).urlset.url as { loc: string; "xhtml:link"?: { "@_hreflang": string; "@_href": string }[] }[];
  const expected = { en: englishUrl, es: spanishUrl, "x-default": englishUrl };
  for (const loc of [englishUrl, spanishUrl]) {
    const entry = urls.find((u) => u.loc === loc);
    expect(entry, loc).toBeDefined();
    expect(Object.fromEntries(entry!["xhtml:link"]!.map((l) => [l["@_hreflang"], l["@_href"]])), loc).toEqual(expected);
  }
  const news = xml.parse(await (await request.get("/news-sitemap.xml")).text()).urlset.url as { loc: string; "news:news": { "news:publication": { "news:language": string } } }[];
  expect(news.find((u) => u.loc === spanishUrl)?.["news:news"]["news:publication"]["news:language"]).toBe("es");
  expect(news.find((u) => u.loc === englishUrl)?.["news:news"]["news:publication"]["news:language"]).toBe("en");

  // Both article pages now list each other.
  const paths = { en: source.path, es: `/es/negocios/${slug}`, "x-default": source.path };
  expect((await readPage(request, source.path)).alternates).toEqual(paths);
  expect((await readPage(request, `/es/negocios/${slug}`)).alternates).toEqual(paths);
});

test("the Spanish search stems Spanish, ignores accents and never shows English articles", async ({ page }) => {
  const word = `zq${uniqueId().replace(/[^a-z]/g, "").slice(0, 8)}`;
  const author = (await createDraft()).author;
  const section = await testDb().section.findUniqueOrThrow({ where: { slug: "business" }, select: { id: true } });
  const make = (editionId: string, headline: string) => {
    const body = documentFromParagraphs([`${headline}. Texto de prueba.`]);
    return testDb().article.create({
      data: {
        slug: `busqueda-${editionId}-${uniqueId()}`, headline, body: body as unknown as Prisma.InputJsonValue, bodyHtml: renderDocumentHtml(body), bodyText: documentToPlainText(body),
        sectionId: section.id, status: "PUBLISHED", publishedAt: new Date(Date.now() - 400 * 86_400_000), createdById: author.id,
        editionId, searchConfig: editionId === "es" ? "spanish" : "english", authors: { create: [{ userId: author.id, position: 0 }] },
      },
    });
  };
  await make("es", `Crece la inversión ${word} en el norte`);
  await make("en", `Investment ${word} grows in the north`);

  await page.goto(`/es/search?q=${encodeURIComponent(`${word} inversiones`)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Buscar" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `1 resultado para «${word} inversiones»` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Crece la inversión ${word} en el norte` })).toBeVisible();

  await page.goto(`/es/search?q=${encodeURIComponent(`${word} INVERSION`)}`);
  await expect(page.getByRole("link", { name: `Crece la inversión ${word} en el norte` })).toBeVisible();

  await page.goto(`/es/search?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("heading", { name: `1 resultado para «${word}»` }), "only the Spanish article").toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Investment ${word}`) })).toHaveCount(0);

  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("heading", { name: `1 result for “${word}”` }), "and the English search only the English one").toBeVisible();
  await expect(page.getByRole("link", { name: `Investment ${word} grows in the north` })).toBeVisible();
});

test("the Spanish edition's chrome, dates and 404 are in Spanish, with a link to the English original; axe-clean", async ({ page, request }) => {
  await page.goto("/es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Negocios" })).toHaveAttribute("href", "/es/negocios");
  await expect(page.getByRole("search", { name: "Búsqueda en el sitio" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Idiomas" }).getByRole("link", { name: "English" })).toHaveAttribute("href", "/");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Una exposición en Monterrey recorre la larga lucha de la ciudad por el agua" }).first().click();
  await expect(page).toHaveURL(/\/es\/cultura\/museo-de-monterrey-recorre-la-larga-lucha-de-la-ciudad-por-el-agua$/);
  await expect(page.getByText(/^Por\s/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Comparte esta nota:" })).toBeVisible();
  await expect(page.getByRole("link", { name: "< Volver" })).toHaveAttribute("href", "/es/cultura");
  await expect(page.locator("article time").first()).toHaveText(/^\d{1,2} de [a-z]+ de \d{4}$/);
  await expect(page.getByRole("link", { name: "Leer en English" })).toHaveAttribute("href", /\/culture\/monterrey-museum-exhibit-traces-the-citys-long-struggle-with-water$/);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld[0].inLanguage).toBe("es");
  await expectNoAxeViolations(page);

  const missing = await request.get("/es/no-existe/de/verdad");
  expect(missing.status()).toBe(404);
  await page.goto("/es/no-existe/de/verdad");
  await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ir a la portada" })).toHaveAttribute("href", "/es");
});
