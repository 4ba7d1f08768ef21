/**
 * The pieces of a reader document rendered without Next's RSC pass (decision 0034): React's HTML renderer loaded at
 * run time, the head written from the page's metadata, and the build's stylesheet list.
 */
import { createElement as h, Fragment } from "react";
import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/reader/fizz";
import { rootStylesheets } from "@/lib/reader/stylesheets";
import { HeadTags, type DocumentMetadata } from "@/lib/seo/head-tags";

const metadata: DocumentMetadata = {
  title: "Council approves the harbor budget",
  description: "The vote was 7 to 2.",
  alternates: {
    canonical: "/news/harbor-budget",
    languages: { en: "/news/harbor-budget", es: "/es/noticias/presupuesto-del-puerto", "x-default": "/news/harbor-budget" },
    types: { "application/rss+xml": [{ url: "/feed.xml", title: "Dateline (RSS)" }] },
  },
  openGraph: {
    type: "article",
    url: "https://news.example/news/harbor-budget",
    title: "Council approves the harbor budget",
    description: "The vote was 7 to 2.",
    siteName: "Dateline",
    locale: "en_US",
    images: [{ url: "/media/harbor.avif", width: 1200, height: 630, alt: "Cranes at the harbor at dusk" }],
    publishedTime: "2025-06-16T09:00:00-06:00",
    modifiedTime: "2025-06-16T10:00:00-06:00",
    section: "News",
    authors: ["https://news.example/author/ana-ruiz"],
    tags: ["Harbor", "Budget"],
  },
  twitter: { card: "summary_large_image", title: "Council approves the harbor budget", images: [{ url: "/media/harbor.avif", alt: "Cranes at the harbor at dusk" }] },
};

const SITE = { siteName: "Dateline", siteUrl: "https://news.example", description: "News from the Dateline newsroom.", locale: "en_US" };

async function head(meta: DocumentMetadata) {
  const html = await renderHtml(h("html", null, h("head", null, h(HeadTags, { metadata: meta, site: SITE, stylesheets: ["/_next/static/chunks/site.css"] })), h("body")));
  return new DOMParserLite(html);
}

/** Enough of a parser for these assertions: the attributes of each tag by name. */
class DOMParserLite {
  constructor(readonly html: string) {}
  tags(name: string): Record<string, string>[] {
    return [...this.html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map((m) =>
      Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!.replaceAll("&amp;", "&")])),
    );
  }
  meta(key: string): string[] {
    return this.tags("meta").filter((t) => t.property === key || t.name === key).map((t) => t.content!);
  }
}

describe("the head of a reader document", () => {
  it("writes the page's metadata as Next would, with absolute URLs", async () => {
    const doc = await head(metadata);
    expect(doc.html).toMatch(/^<!DOCTYPE html>/);
    expect(doc.html).toContain("<title>Council approves the harbor budget · Dateline</title>");
    expect(doc.meta("description")).toEqual(["The vote was 7 to 2."]);
    const links = doc.tags("link");
    expect(links).toContainEqual({ rel: "stylesheet", href: "/_next/static/chunks/site.css" });
    expect(links).toContainEqual({ rel: "canonical", href: "https://news.example/news/harbor-budget" });
    expect(links.filter((l) => l.hrefLang)).toEqual([
      { rel: "alternate", hrefLang: "en", href: "https://news.example/news/harbor-budget" },
      { rel: "alternate", hrefLang: "es", href: "https://news.example/es/noticias/presupuesto-del-puerto" },
      { rel: "alternate", hrefLang: "x-default", href: "https://news.example/news/harbor-budget" },
    ]);
    expect(links).toContainEqual({ rel: "alternate", type: "application/rss+xml", href: "https://news.example/feed.xml", title: "Dateline (RSS)" });
    expect(links.filter((l) => l.rel === "icon").map((l) => l.href)).toEqual(["/favicon.ico", "/icon.svg"]);
  });

  it("gives the social card and Open Graph image their alt text, and the article's dates, section, authors and tags", async () => {
    const doc = await head(metadata);
    expect(doc.meta("og:image")).toEqual(["https://news.example/media/harbor.avif"]);
    expect(doc.meta("og:image:alt")).toEqual(["Cranes at the harbor at dusk"]);
    expect(doc.meta("og:image:width")).toEqual(["1200"]);
    expect(doc.meta("twitter:image")).toEqual(["https://news.example/media/harbor.avif"]);
    expect(doc.meta("twitter:image:alt")).toEqual(["Cranes at the harbor at dusk"]);
    expect(doc.meta("twitter:card")).toEqual(["summary_large_image"]);
    expect(doc.meta("og:type")).toEqual(["article"]);
    expect(doc.meta("article:published_time")).toEqual(["2025-06-16T09:00:00-06:00"]);
    expect(doc.meta("article:section")).toEqual(["News"]);
    expect(doc.meta("article:author")).toEqual(["https://news.example/author/ana-ruiz"]);
    expect(doc.meta("article:tag")).toEqual(["Harbor", "Budget"]);
    // The card says what Open Graph says unless it says otherwise.
    expect(doc.meta("twitter:description")).toEqual(["The vote was 7 to 2."]);
  });

  it("keeps a missing page out of search results, with no canonical and no article tags", async () => {
    const doc = await head({ title: "Page not found", noindex: true });
    expect(doc.meta("robots")).toEqual(["noindex"]);
    expect(doc.tags("link").filter((l) => l.rel === "canonical")).toEqual([]);
    expect(doc.meta("og:type")).toEqual([]);
    expect(doc.meta("og:image")).toEqual([]);
  });

  it("gives a page without its own title, description or card what the reader layout gives it", async () => {
    const doc = await head({ alternates: { canonical: "/" } });
    expect(doc.html).toContain("<title>Dateline</title>");
    expect(doc.meta("description")).toEqual(["News from the Dateline newsroom."]);
    expect(doc.meta("og:title")).toEqual(["Dateline"]);
    expect(doc.meta("og:description")).toEqual(["News from the Dateline newsroom."]);
    expect(doc.meta("og:site_name")).toEqual(["Dateline"]);
    expect(doc.meta("og:locale")).toEqual(["en_US"]);
    expect(doc.meta("twitter:card")).toEqual(["summary"]);
    expect(doc.meta("twitter:title")).toEqual(["Dateline"]);
    expect(doc.tags("link")).toContainEqual({ rel: "canonical", href: "https://news.example" });
  });

  it("escapes what the metadata says", async () => {
    const doc = await head({ ...metadata, title: '</title><script>alert("x")</script>', description: '"><img src=x onerror=alert(1)>' });
    expect(doc.html).not.toContain("<script>");
    expect(doc.html).not.toContain("<img");
  });
});

describe("React's HTML renderer for reader documents", () => {
  it("waits for async components and renders the whole document", async () => {
    async function Late() {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return h("p", null, "filed from Monterrey");
    }
    const html = await renderHtml(h("html", { lang: "es" }, h("body", null, h(Fragment, null, h("main", null, h(Late))))));
    expect(html).toBe('<!DOCTYPE html><html lang="es"><head></head><body><main><p>filed from Monterrey</p></main></body></html>');
  });

  it("fails the render when a component throws, instead of sending half a page", async () => {
    function Broken(): never {
      throw new Error("the wire went down");
    }
    await expect(renderHtml(h("html", null, h("body", null, h(Broken))))).rejects.toThrow("the wire went down");
  });
});

describe("the build's stylesheets", () => {
  it("are the root layout's CSS files in a client reference manifest", () => {
    const source = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(public)/page"] = ${JSON.stringify({
      clientModules: {},
      entryCSSFiles: { "[project]/app/layout": [{ path: "static/chunks/abc.css", inlined: false }], "[project]/app/(public)/layout": [{ path: "static/chunks/other.css", inlined: false }] },
    })};`;
    expect(rootStylesheets(source)).toEqual(["/_next/static/chunks/abc.css"]);
  });
});
