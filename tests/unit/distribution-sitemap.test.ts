import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  SITEMAP_MAX_URLS,
  buildSitemapPlan,
  parseSitemapChunkFile,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapChunkSlice,
} from "@/lib/feeds/sitemap";
import { escapeXml, toFeedCdata, toXmlSafeText } from "@/lib/feeds/xml";

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["url", "sitemap"].includes(name) });

/**
 * fast-xml-parser's validator (like sax) lets through what a strict parser rejects: `<` in an attribute value,
 * `]]>` outside CDATA, a bare `&`, control characters. The feeds must survive strict readers, so check those too.
 */
function expectWellFormed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  expect(outsideCdata).not.toContain("]]>");
  expect(outsideCdata).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  for (const [, value] of outsideCdata.matchAll(/\s[\w:.-]+="([^"]*)"/g)) expect(value).not.toContain("<");
}

function parseValid(xml: string) {
  expectWellFormed(xml);
  return parser.parse(xml);
}

const NASTY = `Q&A: "Power" <prices> & ‘rates’ — it’s “up” ]]> again ]]> 100% \u0007done`;
const NASTY_CLEAN = `Q&A: "Power" <prices> & ‘rates’ — it’s “up” ]]> again ]]> 100% done`;

describe("buildSitemapPlan", () => {
  it("is one urlset up to the protocol's 50,000 URLs, and an index beyond", () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(buildSitemapPlan(0)).toEqual({ kind: "urlset", totalUrls: 0 });
    expect(buildSitemapPlan(50_000)).toEqual({ kind: "urlset", totalUrls: 50_000 });
    expect(buildSitemapPlan(50_001)).toEqual({ kind: "index", totalUrls: 50_001, chunkCount: 2 });
    expect(buildSitemapPlan(100_037)).toEqual({ kind: "index", totalUrls: 100_037, chunkCount: 3 });
  });

  it("applies a lowered threshold the same way", () => {
    expect(buildSitemapPlan(3, 3).kind).toBe("urlset");
    expect(buildSitemapPlan(4, 3)).toEqual({ kind: "index", totalUrls: 4, chunkCount: 2 });
    expect(buildSitemapPlan(9, 3)).toEqual({ kind: "index", totalUrls: 9, chunkCount: 3 });
    expect(buildSitemapPlan(10, 3)).toEqual({ kind: "index", totalUrls: 10, chunkCount: 4 });
    expect(() => buildSitemapPlan(10, 0)).toThrow(RangeError);
  });
});

describe("sitemapChunkSlice", () => {
  it("puts the fixed pages first and splits the articles after them, with no gap and no overlap", () => {
    const pages = 4;
    const articles = 9;
    const size = 3;
    const plan = buildSitemapPlan(pages + articles, size);
    expect(plan).toMatchObject({ kind: "index", chunkCount: 5 });
    const seen: string[] = [];
    for (let chunk = 1; chunk <= 5; chunk++) {
      const slice = sitemapChunkSlice(chunk, pages, articles, size)!;
      const urls = [
        ...Array.from({ length: slice.pages.end - slice.pages.start }, (_, i) => `page-${slice.pages.start + i}`),
        ...Array.from({ length: slice.articles.take }, (_, i) => `article-${slice.articles.offset + i}`),
      ];
      expect(urls.length).toBeLessThanOrEqual(size);
      seen.push(...urls);
    }
    expect(seen).toEqual([
      ...Array.from({ length: pages }, (_, i) => `page-${i}`),
      ...Array.from({ length: articles }, (_, i) => `article-${i}`),
    ]);
    expect(sitemapChunkSlice(2, pages, articles, size)).toEqual({ pages: { start: 3, end: 4 }, articles: { offset: 0, take: 2 } });
    expect(sitemapChunkSlice(6, pages, articles, size)).toBeNull();
    expect(sitemapChunkSlice(0, pages, articles, size)).toBeNull();
  });

  it("handles more fixed pages than one chunk holds", () => {
    expect(sitemapChunkSlice(1, 5, 2, 3)).toEqual({ pages: { start: 0, end: 3 }, articles: { offset: 0, take: 0 } });
    expect(sitemapChunkSlice(2, 5, 2, 3)).toEqual({ pages: { start: 3, end: 5 }, articles: { offset: 0, take: 1 } });
    expect(sitemapChunkSlice(3, 5, 2, 3)).toEqual({ pages: { start: 5, end: 5 }, articles: { offset: 1, take: 1 } });
  });
});

describe("parseSitemapChunkFile", () => {
  it("accepts only n.xml with a positive n", () => {
    expect(parseSitemapChunkFile("1.xml")).toBe(1);
    expect(parseSitemapChunkFile("12.xml")).toBe(12);
    for (const bad of ["0.xml", "01.xml", "-1.xml", "1", "1.xml.gz", "a.xml", "1.5.xml", ""]) {
      expect(parseSitemapChunkFile(bad), bad).toBeNull();
    }
  });
});

describe("sitemap XML", () => {
  it("writes a urlset with escaped locations and UTC lastmod", () => {
    const xml = renderUrlset([
      { loc: "https://dateline.test/", lastmod: new Date("2026-06-16T15:07:00.123Z") },
      { loc: "https://dateline.test/search?q=a&b=<c>" },
    ]);
    const doc = parseValid(xml);
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(doc.urlset.url).toEqual([
      { loc: "https://dateline.test/", lastmod: "2026-06-16T15:07:00Z" },
      { loc: "https://dateline.test/search?q=a&b=<c>" },
    ]);
  });

  it("writes a sitemap index of the chunks", () => {
    const doc = parseValid(renderSitemapIndex([{ loc: "https://dateline.test/sitemaps/1.xml" }, { loc: "https://dateline.test/sitemaps/2.xml" }]));
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "https://dateline.test/sitemaps/1.xml",
      "https://dateline.test/sitemaps/2.xml",
    ]);
  });
});

describe("renderNewsSitemap", () => {
  it("escapes headlines and the publication name, and dates articles in the newsroom's zone", () => {
    const xml = renderNewsSitemap(
      [{ loc: "https://dateline.test/energy/q-and-a", title: NASTY, publishedAt: new Date("2026-06-16T15:07:09Z") }],
      { name: `Dateline & "Friends" <Border>`, language: "en", timeZone: "America/Monterrey" },
    );
    const doc = parseValid(xml);
    expect(doc.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const [url] = doc.urlset.url;
    expect(url.loc).toBe("https://dateline.test/energy/q-and-a");
    expect(url["news:news"]["news:publication"]).toEqual({ "news:name": `Dateline & "Friends" <Border>`, "news:language": "en" });
    expect(url["news:news"]["news:publication_date"]).toBe("2026-06-16T09:07:09-06:00");
    expect(url["news:news"]["news:title"]).toBe(NASTY_CLEAN);
  });

  it("is a valid empty urlset when nothing was published in the window", () => {
    const doc = parseValid(renderNewsSitemap([], { name: "Dateline", language: "en", timeZone: "UTC" }));
    expect(doc.urlset.url).toBeUndefined();
  });
});

describe("XML text helpers", () => {
  it("escapeXml escapes the five special characters and drops what XML cannot carry", () => {
    expect(escapeXml(`a & b < c > d "e" 'f' \u0000\u001F\uFFFE`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; ");
    expect(toXmlSafeText("tab\tline\ncr\r ok")).toBe("tab\tline\ncr\r ok");
    expect(toXmlSafeText("lone \uD800 surrogate")).toBe("lone \uFFFD surrogate");
  });

  it("toFeedCdata leaves the first ]]> to the feed package and splits every later one", () => {
    expect(toFeedCdata("no terminator")).toBe("no terminator");
    expect(toFeedCdata("a]]>b")).toBe("a]]>b");
    expect(toFeedCdata("a]]>b]]>c]]>")).toBe("a]]>b]]]]><![CDATA[>c]]]]><![CDATA[>");
  });
});

describe("sitemaps of a site with language editions", () => {
  it("lists a URL's translations as xhtml:link alternates, declaring the namespace only when some URL has them", () => {
    const alternates = [
      { hreflang: "en", href: "https://d.example/news/a" },
      { hreflang: "es", href: "https://d.example/es/noticias/a-es" },
      { hreflang: "x-default", href: "https://d.example/news/a" },
    ];
    const xml = renderUrlset([{ loc: "https://d.example/news/a", alternates }, { loc: "https://d.example/news/b" }]);
    expectWellFormed(xml);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const urls = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "xhtml:link"].includes(name) }).parse(xml).urlset.url;
    expect(urls[0]["xhtml:link"].map((l: Record<string, string>) => [l["@_rel"], l["@_hreflang"], l["@_href"]])).toEqual(alternates.map((a) => ["alternate", a.hreflang, a.href]));
    expect(urls[1]["xhtml:link"]).toBeUndefined();
    expect(renderUrlset([{ loc: "https://d.example/news/b" }]), "a one-language sitemap is as before").not.toContain("xhtml");
  });

  it("gives each news article its own language, else the publication's", () => {
    const xml = renderNewsSitemap(
      [
        { loc: "https://d.example/es/negocios/x", title: "Una nota", publishedAt: new Date("2026-12-05T10:00:00Z"), language: "es" },
        { loc: "https://d.example/business/y", title: "A story", publishedAt: new Date("2026-12-05T10:00:00Z") },
      ],
      { name: "Dateline", language: "en", timeZone: "UTC" },
    );
    expect([...xml.matchAll(/<news:language>(\w+)<\/news:language>/g)].map((m) => m[1])).toEqual(["es", "en"]);
  });
});
