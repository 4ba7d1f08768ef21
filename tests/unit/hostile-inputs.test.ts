/**
 * Every entry of the hostile-input corpus (e2e/security/hostile-inputs.ts) through the renderers that write text
 * outside React's escaping: the article body's HTML, the RSS/Atom/JSON feeds, NewsArticle JSON-LD (inside a
 * <script>) and the Google News sitemap. Each must stay well-formed and keep the text as text. The browser-level
 * checks of the same corpus are in e2e/security/hostile-inputs.spec.ts.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { normalizeLinkUrl } from "@/components/editor/urls";
import { DocumentSchema, escapeHtml, renderDocumentHtml, safeHref, type DocNode } from "@/lib/content/document";
import { buildFeedDocument, type FeedArticle, type FeedChannel } from "@/lib/feeds/feed";
import { renderNewsSitemap } from "@/lib/feeds/sitemap";
import { toXmlSafeText } from "@/lib/feeds/xml";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { toStorableJson, toStorableText } from "@/lib/validation/text";
import { HOSTILE_DOCUMENTS, HOSTILE_INPUTS, type HostileInput } from "../../e2e/security/hostile-inputs";
import { unsafeMarkup } from "../support/html-audit";

const SITE = "https://dateline.test";
const label = (h: HostileInput) => `${h.category} / ${h.name}`;

function hostileBody(value: string): DocNode {
  return {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: value, marks: [{ type: "bold" }, { type: value }] }] },
      { type: "paragraph", content: [{ type: "text", text: "link", marks: [{ type: "link", attrs: { href: value, onclick: value, target: value } }] }] },
      { type: "heading", attrs: { level: value, id: value, style: value }, content: [{ type: "text", text: value }] },
      { type: "image", attrs: { src: `/media/x.png?${value}`, alt: value, caption: value, width: value, onerror: value } },
      { type: "image", attrs: { src: value, alt: value } },
      { type: "embed", attrs: { url: value } },
      { type: "embed", attrs: { url: `https://www.youtube.com/watch?v=${value}` } },
      { type: value, attrs: { innerHTML: value }, content: [{ type: "text", text: value }] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] }] },
    ],
  };
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, isArray: (name) => ["item", "entry", "url"].includes(name) });
const decodeHtml = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** As strict as a browser's XML parser: no forbidden characters, no "]]>" or "<" where they cannot be. */
function expectWellFormed(xml: string, where: string) {
  expect(XMLValidator.validate(xml), where).toBe(true);
  expect(xml, where).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(xml.isWellFormed(), where).toBe(true);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  for (const [tag] of outsideCdata.matchAll(/<[^>]*>/g)) {
    for (const [, value] of tag.slice(1).matchAll(/\s[\w:.-]+="([^"]*)"/g)) expect(value, where).not.toContain("<");
  }
  // "]]>" may not appear in character data (attribute values may carry it).
  expect(outsideCdata.replace(/="[^"]*"/g, ""), where).not.toContain("]]>");
  expect(outsideCdata, where).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
}

describe("the article body renderer, given each hostile entry everywhere in the document", () => {
  it.each(HOSTILE_INPUTS.map((h) => [label(h), h] as const))("%s: only allowlisted elements, attributes and URLs", (_name, h) => {
    const html = renderDocumentHtml(hostileBody(h.value));
    expect(unsafeMarkup(html)).toEqual([]);
    // The typed text is all there, escaped: nothing was swallowed as markup.
    expect(html).toContain(escapeHtml(h.value.slice(0, 200)));
  });

  /** An href that is an external address (shown as one), a fragment, or a path a browser resolves on the site. */
  const expectSafeLink = (href: string | null, where: string) => {
    if (href === null || /^(https?:\/\/|mailto:)/.test(href) || href.startsWith("#")) return;
    expect(new URL(href, SITE).origin, `${where}: ${JSON.stringify(href)}`).toBe(SITE);
    expect(href, where).toMatch(/^\/(?![/\\])/);
  };

  it("accepts no hostile entry as a link, except a web address or a path that stays on the site", () => {
    for (const h of HOSTILE_INPUTS) expectSafeLink(safeHref(h.value), label(h));
    for (const offsite of ["/\\evil.example/x", "//evil.example/x", "/\t/evil.example/x", "/\n/evil.example", "\t/\r\n/evil.example", "/%09/evil.example", "/.//evil.example", "java\u0000script:alert(1)"]) {
      expect(safeHref(offsite), JSON.stringify(offsite)).toBeNull();
    }
  });

  it("lets the editor accept no hostile entry as a link, except a web address or a path that stays on the site", () => {
    for (const h of HOSTILE_INPUTS) expectSafeLink(normalizeLinkUrl(h.value), label(h));
    for (const offsite of ["/\\evil.example/x", "/\t/evil.example/x", "/\r/evil.example", "/%09/evil.example", "/.//evil.example"]) {
      expect(normalizeLinkUrl(offsite), JSON.stringify(offsite)).toBeNull();
    }
  });

  it("makes every entry storable in jsonb: no NUL, no lone surrogate, anywhere in the document", () => {
    for (const h of HOSTILE_INPUTS) {
      const parsed = DocumentSchema.safeParse(hostileBody(h.value));
      const json = JSON.stringify(parsed.success ? parsed.data : toStorableJson(hostileBody(h.value)));
      expect(json, label(h)).not.toContain("\\u0000");
      expect(json.isWellFormed(), label(h)).toBe(true);
      expect(JSON.stringify(json).match(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i), label(h)).toBeNull();
    }
    expect(toStorableText("a\u0000b\uD800c")).toBe("ab\uFFFDc");
  });
});

describe("the body schema, given each hostile document", () => {
  it.each(HOSTILE_DOCUMENTS.map((d) => [d.name, d] as const))("%s: refused on the body with a message, never a crash", (_name, d) => {
    const parsed = DocumentSchema.safeParse(JSON.parse(d.json));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^The body is nested more than \d+ levels deep/)]);
  });
});

describe("feeds, JSON-LD and the news sitemap, given each hostile entry in every text they carry", () => {
  const articleFor = (h: HostileInput, i: number): FeedArticle => ({
    id: `hostile${i}`,
    slug: `hostile-${i}`,
    headline: h.value,
    dek: h.value,
    bodyHtml: renderDocumentHtml(hostileBody(h.value)),
    publishedAt: new Date("2026-06-16T15:07:00Z"),
    revisedAt: null,
    section: { name: h.value, slug: "news" },
    authors: [{ name: h.value, slug: "someone" }],
  });

  it.each(HOSTILE_INPUTS.map((h, i) => [label(h), h, i] as const))("%s", (_name, h, i) => {
    const article = articleFor(h, i);
    const channel: FeedChannel = { siteUrl: SITE, siteName: h.value, title: h.value, description: h.value, language: "en-US", pagePath: "/", feedBasePath: "" };
    // XML parsers read CR LF and a lone CR as LF (XML 1.0 §2.11).
    const text = toXmlSafeText(h.value).replace(/\r\n?/g, "\n");

    const rss = buildFeedDocument("rss", channel, [article]);
    expectWellFormed(rss, "rss");
    const rssItem = parser.parse(rss).rss.channel.item[0];
    expect(rssItem.title ?? "", "rss title").toBe(text);

    const atom = buildFeedDocument("atom", channel, [article]);
    expectWellFormed(atom, "atom");
    const entry = parser.parse(atom).feed.entry[0];
    expect(decodeHtml(entry.title["#text"] ?? ""), "atom title").toBe(text);

    const json = JSON.parse(buildFeedDocument("json", channel, [article]));
    expect(json.items[0].title ?? "", "json title").toBe(toXmlSafeText(h.value));
    expect(json.items[0].authors[0].name, "json author").toBe(h.value);

    const ld = serializeJsonLd(
      newsArticleJsonLd(
        { ...article, datelineCity: h.value, corrections: [{ text: h.value, publishedAt: new Date("2026-06-17T10:00:00Z") }], imageUrl: `${SITE}/og/news/hostile-${i}` },
        { siteName: h.value, timeZone: "America/Monterrey", siteUrl: SITE, logoUrl: `${SITE}/logo.png` },
      ),
    );
    // Inside <script>, nothing may close the element or open a comment: "<" never appears raw.
    expect(ld).not.toContain("<");
    expect(ld).not.toMatch(/[\u2028\u2029]/);
    const parsed = JSON.parse(ld);
    expect(parsed.headline).toBe(h.value);
    expect(parsed.correction[0].text).toBe(h.value);

    const news = renderNewsSitemap([{ loc: `${SITE}/news/hostile-${i}`, title: h.value, publishedAt: article.publishedAt }], { name: h.value, language: "en", timeZone: "America/Monterrey" });
    expectWellFormed(news, "news sitemap");
    const url = parser.parse(news).urlset.url[0];
    expect(url["news:news"]["news:title"] ?? "", "news title").toBe(text);
    expect(url["news:news"]["news:publication"]["news:name"] ?? "", "news publication").toBe(text);
  });
});
