/**
 * Feeds, sitemaps and robots.txt as a feed reader or a crawler gets them: over HTTP from `next start`, parsed as
 * documents. XML is also checked with Chromium's strict parser, which rejects what lenient JavaScript parsers
 * accept (a `<` in an attribute, a stray `]]>`, a control character).
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { articles, staff, type SeedArticle } from "@/prisma/seed-data";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";

const published = articles.filter((a) => a.status === "PUBLISHED");
const hidden = articles.filter((a) => a.status !== "PUBLISHED");
const lead = articles[0]!;
const coWritten = [...published].sort((a, b) => b.authors.length - a.authors.length)[0]!;
const person = (email: string) => staff.find((s) => s.email === email)!;
const ana = staff.find((s) => s.slug === "ana-ruiz")!;

const FEEDS = [
  { format: "rss", file: "feed.xml", contentType: "application/rss+xml; charset=utf-8" },
  { format: "atom", file: "atom.xml", contentType: "application/atom+xml; charset=utf-8" },
  { format: "json", file: "feed.json", contentType: "application/feed+json; charset=utf-8" },
] as const;
type FeedFormat = (typeof FEEDS)[number]["format"];

const XML_CONTENT_TYPE = "application/xml; charset=utf-8";

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "author", "dc:creator", "link", "category", "url", "sitemap"].includes(name),
});

/** What every format says about one article, read the way each format defines it. */
type FeedItem = { url: string; title: string; authors: { name: string; url?: string }[]; categories: string[]; published: Date };

function decodeHtmlText(html: string): string {
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

function readItems(format: FeedFormat, body: string): FeedItem[] {
  if (format === "json") {
    const feed = JSON.parse(body);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    return feed.items.map((item: { url: string; title: string; authors: { name: string; url: string }[]; tags: string[]; date_published: string }) => ({
      url: item.url,
      title: item.title,
      authors: item.authors,
      categories: item.tags,
      published: new Date(item.date_published),
    }));
  }
  const doc = parser.parse(body);
  if (format === "rss") {
    return (doc.rss.channel.item ?? []).map((item: Record<string, unknown>) => ({
      url: (item.link as string[])[0],
      title: item.title as string,
      authors: (item["dc:creator"] as string[]).map((name) => ({ name })),
      categories: (item.category as { "#text": string }[]).map((c) => c["#text"]),
      published: new Date(item.pubDate as string),
    }));
  }
  return (doc.feed.entry ?? []).map((entry: Record<string, unknown>) => ({
    url: (entry.link as { "@_href": string }[])[0]!["@_href"],
    title: decodeHtmlText((entry.title as { "#text": string })["#text"]),
    authors: (entry.author as { name: string; uri: string }[]).map((a) => ({ name: a.name, url: a.uri })),
    categories: (entry.category as { "@_label": string }[]).map((c) => c["@_label"]),
    published: new Date(entry.published as string),
  }));
}

async function fetchDocument(request: APIRequestContext, path: string, contentType: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  expect(response.headers()["content-type"], `Content-Type of ${path}`).toBe(contentType);
  return response.text();
}

async function fetchFeed(request: APIRequestContext, basePath: string, format: FeedFormat): Promise<{ body: string; items: FeedItem[] }> {
  const { file, contentType } = FEEDS.find((f) => f.format === format)!;
  const body = await fetchDocument(request, `${basePath}/${file}`, contentType);
  return { body, items: readItems(format, body) };
}

async function expectStrictXml(page: Page, xml: string, label: string) {
  const error = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    return doc.getElementsByTagName("parsererror")[0]?.textContent ?? null;
  }, xml);
  expect(error, `${label} is well-formed XML`).toBeNull();
}

const articleUrl = (baseURL: string, a: Pick<SeedArticle, "section" | "slug">) => `${baseURL}/${a.section}/${a.slug}`;

test("the site's RSS, Atom and JSON feeds list the newest article and every co-author", async ({ request, page, baseURL }) => {
  expect(lead.status, "seed: articles[0] is published today").toBe("PUBLISHED");
  expect(lead.daysAgo).toBe(0);
  expect(coWritten.authors.length, "seed: an article with several authors").toBeGreaterThan(1);

  for (const { format } of FEEDS) {
    const { body, items } = await fetchFeed(request, "", format);
    if (format !== "json") await expectStrictXml(page, body, `/${format}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(50);
    const times = items.map((i) => i.published.getTime());
    expect([...times].sort((a, b) => b - a), `${format}: newest first`).toEqual(times);

    const leadItem = items.find((i) => i.url === articleUrl(baseURL!, lead));
    expect(leadItem, `${format}: lists ${lead.slug}`).toBeDefined();
    expect(leadItem!.title).toBe(lead.headline);
    expect(leadItem!.authors.map((a) => a.name)).toEqual(lead.authors.map((e) => person(e).name));
    expect(leadItem!.categories).toEqual(["News"]);

    // The co-written story is older than the lead: other specs publishing in parallel can push it past the site
    // feed's newest 50, so its co-authors are read from its own section's feed (the same feed code).
    const coItems = (await fetchFeed(request, `/${coWritten.section}`, format)).items;
    const coItem = coItems.find((i) => i.url === articleUrl(baseURL!, coWritten));
    expect(coItem, `${format}: lists ${coWritten.slug}`).toBeDefined();
    expect(coItem!.authors.map((a) => a.name), `${format}: every co-author, in byline order`).toEqual(coWritten.authors.map((e) => person(e).name));
    if (format !== "rss") {
      expect(coItem!.authors.map((a) => a.url)).toEqual(coWritten.authors.map((e) => `${baseURL}/author/${person(e).slug}`));
    }
  }
});

test("no draft or article in review appears in any feed or sitemap", async ({ request }) => {
  expect(hidden.length).toBeGreaterThan(0);
  const bases = new Set<string>([""]);
  for (const article of hidden) {
    bases.add(`/${article.section}`);
    for (const email of article.authors) bases.add(`/author/${person(email).slug}`);
  }
  const documents: [string, string][] = [];
  for (const base of bases) {
    for (const { format } of FEEDS) documents.push([`${base}/${FEEDS.find((f) => f.format === format)!.file}`, (await fetchFeed(request, base, format)).body]);
  }
  documents.push(["/sitemap.xml", await fetchDocument(request, "/sitemap.xml", XML_CONTENT_TYPE)]);
  documents.push(["/news-sitemap.xml", await fetchDocument(request, "/news-sitemap.xml", XML_CONTENT_TYPE)]);
  for (const [path, body] of documents) {
    for (const article of hidden) {
      expect(body, `${path} must not mention ${article.status} ${article.slug}`).not.toContain(article.slug);
      expect(body, `${path} must not mention ${article.status} "${article.headline}"`).not.toContain(article.headline);
    }
  }
});

test("a section's feeds list only that section's articles", async ({ request, page, baseURL }) => {
  const energy = published.filter((a) => a.section === "energy");
  expect(energy.length).toBeGreaterThan(1);
  for (const { format } of FEEDS) {
    const { body, items } = await fetchFeed(request, "/energy", format);
    if (format !== "json") await expectStrictXml(page, body, `/energy/${format}`);
    for (const item of items) {
      expect(item.url, `${format}: ${item.title}`).toMatch(new RegExp(`^${baseURL}/energy/`));
      expect(item.categories).toEqual(["Energy"]);
    }
    const urls = items.map((i) => i.url);
    for (const article of energy) expect(urls, `${format}: lists ${article.slug}`).toContain(articleUrl(baseURL!, article));
  }
});

test("an author's feeds list only articles they wrote or co-wrote", async ({ request, page, baseURL }) => {
  const hers = published.filter((a) => a.authors.includes(ana.email));
  expect(hers.some((a) => a.authors[0] !== ana.email), "seed: Ana co-wrote an article under another lead author").toBe(true);
  for (const { format } of FEEDS) {
    const { body, items } = await fetchFeed(request, `/author/${ana.slug}`, format);
    if (format !== "json") await expectStrictXml(page, body, `/author/${ana.slug}/${format}`);
    for (const item of items) expect(item.authors.map((a) => a.name), `${format}: ${item.title}`).toContain(ana.name);
    const urls = items.map((i) => i.url);
    for (const article of hers) expect(urls, `${format}: lists ${article.slug}`).toContain(articleUrl(baseURL!, article));
  }
});

test("feeds of unknown sections and authors answer 404", async ({ request }) => {
  for (const base of ["/nope-section", "/author/nobody", "/author/rosa-delgado"]) {
    for (const { file } of FEEDS) {
      const response = await request.get(`${base}/${file}`);
      expect(response.status(), `${base}/${file}`).toBe(404);
    }
  }
});

test("the sitemap lists home, sections, tags, authors and every published article, and nothing else", async ({ request, page, baseURL }) => {
  const body = await fetchDocument(request, "/sitemap.xml", XML_CONTENT_TYPE);
  await expectStrictXml(page, body, "/sitemap.xml");
  const doc = parser.parse(body);
  expect(doc.sitemapindex, "a small site gets one urlset, not an index").toBeUndefined();
  const entries = doc.urlset.url as { loc: string; lastmod?: string }[];
  const locs = entries.map((u) => u.loc);
  expect(new Set(locs).size, "no URL twice").toBe(locs.length);
  for (const path of ["/", "/news", "/business", "/energy", "/culture", "/tag/water", `/author/${ana.slug}`]) {
    expect(locs, path).toContain(`${baseURL}${path}`);
  }
  expect(locs, "staff who never published have no author page").not.toContain(`${baseURL}/author/rosa-delgado`);
  for (const article of published) {
    const entry = entries.find((u) => u.loc === articleUrl(baseURL!, article));
    expect(entry, article.slug).toBeDefined();
    expect(entry!.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  }
  expect((await request.get("/sitemaps/1.xml")).status(), "no chunks while one file holds every URL").toBe(404);
  expect((await request.get("/sitemaps/not-a-chunk")).status()).toBe(404);
});

test("the news sitemap has today's article with the publication, an offset date and the headline", async ({ request, page, baseURL }) => {
  const body = await fetchDocument(request, "/news-sitemap.xml", XML_CONTENT_TYPE);
  await expectStrictXml(page, body, "/news-sitemap.xml");
  const entries = parser.parse(body).urlset.url as { loc: string; "news:news": Record<string, unknown> }[];
  const entry = entries.find((u) => u.loc === articleUrl(baseURL!, lead));
  expect(entry, `lists ${lead.slug}`).toBeDefined();
  const news = entry!["news:news"];
  expect(news["news:publication"]).toEqual({ "news:name": "Dateline", "news:language": "en" });
  expect(news["news:title"]).toBe(lead.headline);
  const date = news["news:publication_date"] as string;
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(date, "in the newsroom's zone, America/Monterrey").toMatch(/-06:00$/);
  expect(Date.now() - new Date(date).getTime()).toBeLessThan(48 * 3_600_000);
  const locs = entries.map((u) => u.loc);
  for (const article of published.filter((a) => a.daysAgo >= 3)) {
    expect(locs, `${article.slug} is older than 48 hours`).not.toContain(articleUrl(baseURL!, article));
  }
});

test("robots.txt keeps crawlers out of staff areas and points at both sitemaps", async ({ request, baseURL }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  expect(lines).toContain("Allow: /");
  for (const path of ["/dashboard", "/admin", "/api", "/login"]) expect(lines).toContain(`Disallow: ${path}`);
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(lines).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
});

test("headlines and names with &, <, quotes and curly quotes stay intact in every feed", async ({ request, page, baseURL }) => {
  const id = uniqueId();
  const author = await createTestUser("JOURNALIST", { name: `Siobhán O’Neil & "Desk" <${id}>` });
  const { slug: authorSlug } = await testDb().user.findUniqueOrThrow({ where: { id: author.id }, select: { slug: true } });
  const culture = await testDb().section.findUniqueOrThrow({ where: { slug: "culture" }, select: { id: true } });
  const headline = `Q&A: Is <solar> "cheap"? It’s “complicated” & 'odd' ]]> twice ]]> ${id}`;
  const body = documentFromParagraphs([`A body with <tags> & "quotes" ]]> and a link-free ending ${id}.`]);
  const slug = `escaping-${id}`;
  await testDb().article.create({
    data: {
      slug,
      headline: `${headline}\u0007`,
      dek: `Dek with <b>not bold</b> & “quotes”`,
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      sectionId: culture.id,
      status: "PUBLISHED",
      // Old enough to stay off the front page, the news sitemap and the top of other specs' lists.
      publishedAt: new Date(Date.now() - 400 * 86_400_000),
      createdById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
  });

  for (const { format } of FEEDS) {
    const { body: document, items } = await fetchFeed(request, `/author/${authorSlug}`, format);
    if (format !== "json") await expectStrictXml(page, document, `${format} with a hostile headline`);
    expect(items).toHaveLength(1);
    expect(items[0]!.url).toBe(`${baseURL}/culture/${slug}`);
    expect(items[0]!.title, `${format}: the headline reads exactly as written`).toBe(headline);
    expect(items[0]!.authors.map((a) => a.name)).toEqual([author.name]);
  }
});
