import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/content/document";
import { absolutizeHtmlUrls, articleFeedId, buildFeedDocument, type FeedArticle, type FeedChannel } from "@/lib/feeds/feed";
import { FEED_FORMATS, feedContentType, feedPath } from "@/lib/feeds/formats";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";

const SITE = "https://dateline.test";

const channel: FeedChannel = {
  siteUrl: SITE,
  siteName: "Dateline",
  title: "Energy & <Power> · Dateline",
  description: `Grid "news" & more`,
  language: "en-US",
  pagePath: "/energy",
  feedBasePath: "/energy",
};

const HEADLINE = `Q&A: Is <solar> "cheap"? It’s “complicated” ]]> twice ]]> \u0008end`;
const HEADLINE_CLEAN = `Q&A: Is <solar> "cheap"? It’s “complicated” ]]> twice ]]> end`;
const DEK = `Prices < costs & "returns" fall`;

const coAuthored: FeedArticle = {
  id: "cart1",
  slug: "q-and-a-solar",
  headline: HEADLINE,
  dek: DEK,
  bodyHtml: '<p>See <a href="/energy/earlier-story">the earlier story</a> and <a href="https://example.com/x?a=1&amp;b=2">a source</a>.</p>',
  publishedAt: new Date("2026-06-16T15:07:00Z"),
  revisedAt: new Date("2026-06-17T10:00:00Z"),
  section: { name: `Energy & <Power> "Grid"`, slug: "energy" },
  authors: [
    { name: "Priya Natarajan", slug: "priya-natarajan" },
    { name: "Marcus O’Bell & Co", slug: "marcus-bell" },
    { name: "Ana Ruiz", slug: "ana-ruiz" },
  ],
};

const plain: FeedArticle = {
  id: "cart2",
  slug: "older-story",
  headline: "An older story",
  dek: "",
  bodyHtml: "",
  publishedAt: new Date("2026-06-10T12:00:00Z"),
  revisedAt: null,
  section: { name: "Energy", slug: "energy" },
  authors: [{ name: "Ana Ruiz", slug: "ana-ruiz" }],
};

const articles = [coAuthored, plain];

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "author", "dc:creator", "category", "link"].includes(name),
});

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

describe("RSS 2.0", () => {
  const doc = parseValid(buildFeedDocument("rss", channel, articles));
  const rss = doc.rss;
  const [first, second] = rss.channel.item;

  it("describes the channel with escaped text and its own self link", () => {
    expect(rss["@_version"]).toBe("2.0");
    expect(rss.channel.title).toBe(channel.title);
    expect(rss.channel.description).toBe(channel.description);
    expect(rss.channel.language).toBe("en-US");
    expect(rss.channel.link).toEqual(["https://dateline.test/energy"]);
    expect(rss.channel["atom:link"]["@_href"]).toBe("https://dateline.test/energy/feed.xml");
  });

  it("keeps the headline's text exactly, whatever it contains", () => {
    expect(first.title).toBe(HEADLINE_CLEAN);
    expect(first.link).toEqual(["https://dateline.test/energy/q-and-a-solar"]);
    expect(first.guid).toEqual({ "#text": articleFeedId(SITE, "cart1"), "@_isPermaLink": "false" });
    expect(first.pubDate).toBe("Tue, 16 Jun 2026 15:07:00 GMT");
    expect(first.description).toBe(escapeHtml(DEK));
  });

  it("names every co-author in byline order and the section as the category", () => {
    expect(first["dc:creator"]).toEqual(["Priya Natarajan", "Marcus O’Bell & Co", "Ana Ruiz"]);
    expect(first.author).toBeUndefined();
    expect(first.category).toEqual([{ "#text": `Energy & <Power> "Grid"`, "@_domain": "https://dateline.test/energy" }]);
    expect(rss["@_xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
  });

  it("carries the body with absolute links, and never an empty content", () => {
    expect(first["content:encoded"]).toContain('<a href="https://dateline.test/energy/earlier-story">');
    expect(first["content:encoded"]).toContain('<a href="https://example.com/x?a=1&amp;b=2">');
    expect(second["content:encoded"]).toBe("<p>An older story</p>");
    expect(second.description).toBeUndefined();
  });
});

describe("Atom 1.0", () => {
  const doc = parseValid(buildFeedDocument("atom", channel, articles));
  const feed = doc.feed;
  const [first, second] = feed.entry;

  it("identifies the feed and links to its page and itself", () => {
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://dateline.test/energy");
    expect(feed.title).toBe(channel.title);
    expect(feed.updated).toBe("2026-06-17T10:00:00.000Z");
    expect(feed.link).toEqual([
      { "@_rel": "alternate", "@_href": "https://dateline.test/energy" },
      { "@_rel": "self", "@_href": "https://dateline.test/energy/atom.xml" },
    ]);
  });

  it("writes titles and summaries as HTML whose text is exactly the headline and dek", () => {
    expect(first.title).toEqual({ "#text": escapeHtml(HEADLINE_CLEAN), "@_type": "html" });
    expect(first.summary).toEqual({ "#text": escapeHtml(DEK), "@_type": "html" });
    expect(first.id).toBe(articleFeedId(SITE, "cart1"));
    expect(first.published).toBe("2026-06-16T15:07:00.000Z");
    expect(first.updated).toBe("2026-06-17T10:00:00.000Z");
    expect(second.updated).toBe("2026-06-10T12:00:00.000Z");
  });

  it("lists every co-author with their author page", () => {
    expect(first.author).toEqual([
      { name: "Priya Natarajan", uri: "https://dateline.test/author/priya-natarajan" },
      { name: "Marcus O’Bell & Co", uri: "https://dateline.test/author/marcus-bell" },
      { name: "Ana Ruiz", uri: "https://dateline.test/author/ana-ruiz" },
    ]);
  });

  it("keeps the category well-formed even with characters the feed package cannot escape in attributes", () => {
    expect(first.category).toEqual([{ "@_label": `Energy & ＜Power> "Grid"`, "@_term": "energy", "@_scheme": "https://dateline.test/" }]);
  });
});

describe("JSON Feed 1.1", () => {
  const feed = JSON.parse(buildFeedDocument("json", channel, articles));

  it("is version 1.1 with the feed's language and URLs", () => {
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe(channel.title);
    expect(feed.home_page_url).toBe("https://dateline.test/energy");
    expect(feed.feed_url).toBe("https://dateline.test/energy/feed.json");
    expect(feed.language).toBe("en-US");
    expect(feed.author).toBeUndefined();
  });

  it("has plain-text titles and every co-author", () => {
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      id: articleFeedId(SITE, "cart1"),
      url: "https://dateline.test/energy/q-and-a-solar",
      title: HEADLINE_CLEAN,
      summary: DEK,
      date_published: "2026-06-16T15:07:00.000Z",
      date_modified: "2026-06-17T10:00:00.000Z",
      tags: [`Energy & <Power> "Grid"`],
    });
    expect(first.content_html).toContain('href="https://dateline.test/energy/earlier-story"');
    expect(first.authors).toEqual([
      { name: "Priya Natarajan", url: "https://dateline.test/author/priya-natarajan" },
      { name: "Marcus O’Bell & Co", url: "https://dateline.test/author/marcus-bell" },
      { name: "Ana Ruiz", url: "https://dateline.test/author/ana-ruiz" },
    ]);
    expect(first.author).toBeUndefined();
    expect(second.authors).toEqual([{ name: "Ana Ruiz", url: "https://dateline.test/author/ana-ruiz" }]);
  });
});

describe("a prefixed edition's feed", () => {
  const spanish: FeedChannel = { ...channel, title: "Energía · Dateline", language: "es-MX", pagePath: "/es/energia", feedBasePath: "/es/energia", editionPrefix: "/es", liveLabel: "EN VIVO" };
  const items: FeedArticle[] = [{ ...plain, headline: "Sube la tarifa", isLiveNow: true, section: { name: "Energía", slug: "energia" } }];

  it("declares its language in every format and links the edition's pages", () => {
    const rss = parseValid(buildFeedDocument("rss", spanish, items)).rss.channel;
    expect(rss.language).toBe("es-MX");
    expect(rss.item[0].link).toEqual(["https://dateline.test/es/energia/older-story"]);
    expect(rss.item[0].title).toBe("EN VIVO: Sube la tarifa");
    const atom = parseValid(buildFeedDocument("atom", spanish, items)).feed;
    expect(atom["@_xml:lang"]).toBe("es-MX");
    expect(atom.entry[0].author[0].uri).toBe("https://dateline.test/es/author/ana-ruiz");
    const json = JSON.parse(buildFeedDocument("json", spanish, items));
    expect(json.language).toBe("es-MX");
    expect(json.feed_url).toBe("https://dateline.test/es/energia/feed.json");
    expect(json.items[0].url).toBe("https://dateline.test/es/energia/older-story");
  });

  it("leaves the default edition's Atom as it was: no xml:lang, LIVE in English", () => {
    const atom = parseValid(buildFeedDocument("atom", channel, [{ ...plain, isLiveNow: true }])).feed;
    expect(atom["@_xml:lang"]).toBeUndefined();
    expect(atom.entry[0].title["#text"] ?? atom.entry[0].title).toContain("LIVE: An older story");
  });
});

describe("an empty feed", () => {
  it("is still a valid document in every format", () => {
    expect(parseValid(buildFeedDocument("rss", channel, [])).rss.channel.item).toBeUndefined();
    expect(parseValid(buildFeedDocument("atom", channel, [])).feed.entry).toBeUndefined();
    expect(JSON.parse(buildFeedDocument("json", channel, [])).items).toEqual([]);
  });
});

describe("absolutizeHtmlUrls", () => {
  it("rewrites site-relative href and src only", () => {
    const html = '<a href="/a">x</a><img src="/i.webp" alt=""><a href="//cdn.test/x">y</a><a href="https://o.test/">z</a><a href="#n">n</a>';
    expect(absolutizeHtmlUrls(html, "https://d.test")).toBe(
      '<a href="https://d.test/a">x</a><img src="https://d.test/i.webp" alt=""><a href="//cdn.test/x">y</a><a href="https://o.test/">z</a><a href="#n">n</a>',
    );
  });
});

describe("feed formats and alternate links", () => {
  it("serves each format with its media type", () => {
    expect(feedContentType("rss")).toBe("application/rss+xml; charset=utf-8");
    expect(feedContentType("atom")).toBe("application/atom+xml; charset=utf-8");
    expect(feedContentType("json")).toBe("application/feed+json; charset=utf-8");
    expect(feedPath("", "rss")).toBe("/feed.xml");
    expect(feedPath("/author/ana-ruiz", "json")).toBe("/author/ana-ruiz/feed.json");
    expect(Object.keys(FEED_FORMATS)).toEqual(["rss", "atom", "json"]);
  });

  it("gives pages the three links, and combines the site's with a section's", () => {
    expect(feedAlternates("", "Dateline")).toEqual({
      "application/rss+xml": [{ url: "/feed.xml", title: "Dateline (RSS)" }],
      "application/atom+xml": [{ url: "/atom.xml", title: "Dateline (Atom)" }],
      "application/feed+json": [{ url: "/feed.json", title: "Dateline (JSON Feed)" }],
    });
    const combined = combineFeedAlternates(feedAlternates("", "Dateline"), feedAlternates("/energy", "Energy · Dateline"));
    expect(combined["application/rss+xml"]).toEqual([
      { url: "/feed.xml", title: "Dateline (RSS)" },
      { url: "/energy/feed.xml", title: "Energy · Dateline (RSS)" },
    ]);
  });
});

describe("WebSub", () => {
  const hubbed = { ...channel, hubUrl: "https://hub.example/" };

  it("names the hub in every format when one is set, and none otherwise", () => {
    const rss = buildFeedDocument("rss", hubbed, articles);
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(rss).toMatch(/<atom:link href="https:\/\/hub\.example\/" rel="hub"\/>/);
    expect(buildFeedDocument("atom", hubbed, articles)).toMatch(/<link rel="hub" href="https:\/\/hub\.example\/"\/>/);
    expect(JSON.parse(buildFeedDocument("json", hubbed, articles)).hubs).toEqual([{ type: "WebSub", url: "https://hub.example/" }]);
    for (const format of ["rss", "atom", "json"] as const) expect(buildFeedDocument(format, channel, articles)).not.toMatch(/hub/);
  });
});
