/**
 * Content-Security-Policy for the public pages that our cache handler stores (docs: the security section of the
 * README). Those pages are rendered once and served to everyone from the cache, so they cannot carry a per-request
 * nonce (a nonce forces dynamic rendering). Instead, when a page is stored, we hash Next's own inline scripts in its
 * HTML and store the policy in the entry's headers; Next sends an entry's headers with the page on the render that
 * stored it and on every cache hit. Script sources are then: our origin (Next's chunks under /_next/static) and
 * exactly those inline scripts. No 'unsafe-inline' for scripts.
 *
 * Reader pages are stored as documents first (reader-document.cjs): with Next's scripts gone there is nothing left to
 * hash and their policy is plain `script-src 'self'`; the hashes serve cached pages that still hydrate.
 *
 * Only inline scripts of the shapes Next itself writes are hashed (the flight data pushes and Turbopack's bootstrap);
 * any other inline script in a page, such as one smuggled into an article body, gets no hash and does not run.
 * The dynamic pages (staff areas, sign-in, search, previews) get a nonce policy from proxy.ts instead
 * (lib/security/csp.ts); both share the directives below.
 *
 * Plain CommonJS because the cache handler (isr-handler.cjs) loads it outside the bundle.
 */
"use strict";

const { createHash } = require("node:crypto");

/** Directives shared by every HTML page; script-src and frame-ancestors are added per kind of page. */
const BASE_DIRECTIVES = [
  "default-src 'self'",
  // Tailwind's stylesheet is a file, but React writes style="" attributes and the ad snippet frame has a <style>.
  "style-src 'self' 'unsafe-inline'",
  // House ads may point at images on any https host; media are ours; data:/blob: for previews in the editor.
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  // Article embeds: YouTube's privacy-enhanced player only (lib/content/document.ts).
  "frame-src https://www.youtube-nocookie.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** A JSON string literal: what follows `push([n,` in Next's flight data scripts. */
const JSON_STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`;

/** The inline scripts Next writes into a page, and nothing else: each can only push data or list chunk files. */
const NEXT_INLINE_SCRIPTS = [
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/,
  new RegExp(String.raw`^self\.__next_f\.push\(\[\d,${JSON_STRING}\]\)$`),
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks":\[(?:"static\/chunks\/[\w.-]+\.js",?)*\],"runtimeModuleIds":\[(?:\d+,?)*\]\}\);?$/,
];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** True when a script element's attributes make it run as JavaScript (no src, and no data-block type). */
function isInlineJavaScript(attributes) {
  if (/\ssrc\s*=/i.test(attributes)) return false;
  const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return !type || type === "text/javascript" || type === "module" || type === "application/javascript";
}

/** True for an inline script element that Next itself wrote (its attributes and its text). */
function isNextInlineScript(attributes, body) {
  return isInlineJavaScript(attributes) && NEXT_INLINE_SCRIPTS.some((pattern) => pattern.test(body));
}

/** 'sha256-…' sources for Next's inline scripts in `html`, in document order, without duplicates. */
function nextInlineScriptHashes(html) {
  const hashes = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const [, attributes, body] = match;
    if (!isNextInlineScript(attributes, body)) continue;
    const source = `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
    if (!hashes.includes(source)) hashes.push(source);
  }
  return hashes;
}

/** The policy of a cached public page: our scripts plus the hashes of its own inline scripts. */
function publicPageCsp(html) {
  return [...BASE_DIRECTIVES, `script-src 'self' ${nextInlineScriptHashes(html).join(" ")}`.trim(), "frame-ancestors 'self'"].join("; ");
}

/**
 * Adds the page's policy to a cache entry's headers (in place: Next sends the same headers object with the response
 * that stored the entry). Only HTML pages (APP_PAGE entries) get one; route handlers keep theirs.
 */
function addPublicPageCsp(data) {
  if (!data || data.kind !== "APP_PAGE" || typeof data.html !== "string") return;
  data.headers ??= {};
  data.headers["content-security-policy"] = publicPageCsp(data.html);
}

module.exports = { BASE_DIRECTIVES, isNextInlineScript, nextInlineScriptHashes, publicPageCsp, addPublicPageCsp };
