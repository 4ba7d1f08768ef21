/**
 * Reader pages stored as documents (cache-handlers/reader-document.cjs): Next's client runtime goes, everything the
 * reader sees stays, the reader's script comes in, and pages that are not reader documents are left whole.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const documents = require("../../cache-handlers/reader-document.cjs") as typeof import("@/cache-handlers/reader-document.cjs");
const pageCsp = require("../../cache-handlers/page-csp.cjs") as typeof import("@/cache-handlers/page-csp.cjs");

const FLIGHT = String.raw`self.__next_f.push([1,"1:\"$Sreact.fragment\"\n2:I[3975,[],\"\"]\n"])`;
const BOOTSTRAP = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/310vm2bl3xxpt.js"],"runtimeModuleIds":[94553]});';
const JSON_LD = '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';

function page(marker: string) {
  return [
    "<!DOCTYPE html><html><head>",
    '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>',
    '<script src="/_next/static/chunks/1-ajq3k0e0-gu.js" async=""></script>',
    '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
    "<title>A story</title></head><body>",
    `<div class="public-theme" ${marker}><main><h1>A story</h1>`,
    '<button type="button" data-copy-link="https://news.test/a">Copy link</button>',
    '<div class="article-body"><script>alert(1)</script></div>',
    JSON_LD,
    "</main></div>",
    `<script id="_R_">${BOOTSTRAP}</script>`,
    '<script src="/_next/static/chunks/310vm2bl3xxpt.js" async=""></script>',
    `<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>${FLIGHT}</script>`,
    "</body></html>",
  ].join("");
}

describe("reader documents", () => {
  it("take out Next's scripts, preloads and flight data, and put the reader's script before </body>", () => {
    const entry = { kind: "APP_PAGE", html: page('data-reader-document=""') };
    documents.toReaderDocument(entry);
    expect(entry.html).not.toMatch(/_next\/static\/chunks\/[^"]+\.js/);
    expect(entry.html).not.toContain("__next_f");
    expect(entry.html).not.toContain("TURBOPACK");
    expect(entry.html).toContain('href="/_next/static/chunks/site.css"');
    expect(entry.html).toContain("<title>A story</title>");
    expect(entry.html).toContain('data-copy-link="https://news.test/a"');
    expect(entry.html).toContain(JSON_LD);
    expect(entry.html.endsWith(`${documents.READER_SCRIPT}</body></html>`)).toBe(true);
    // What is left runs only from our origin: no inline script of Next's to hash, and the smuggled one gets none.
    expect(pageCsp.nextInlineScriptHashes(entry.html)).toEqual([]);
    expect(pageCsp.publicPageCsp(entry.html)).toContain("script-src 'self'; ");
    // The smuggled script is not Next's, so it is not removed either: the policy is what stops it.
    expect(entry.html).toContain("<script>alert(1)</script>");
  });

  it("leave pages whole that are not reader documents, or that ask to hydrate, and entries that are not pages", () => {
    const staff = { kind: "APP_PAGE", html: page('class="x"') };
    documents.toReaderDocument(staff);
    expect(staff.html).toBe(page('class="x"'));
    const island = { kind: "APP_PAGE", html: page('data-reader-document="" data-hydrate=""') };
    documents.toReaderDocument(island);
    expect(island.html).toContain("__next_f");
    const route = { kind: "APP_ROUTE", html: page('data-reader-document=""') };
    documents.toReaderDocument(route);
    expect(route.html).toContain("__next_f");
  });
});
