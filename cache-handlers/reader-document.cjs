/**
 * Reader pages are documents, not an app (docs/decisions/0022-reader-pages-without-the-client-runtime.md): when the
 * cache handler stores a page of the reader's site, Next's client runtime is taken out of its HTML (the chunk
 * scripts, their preloads, the Turbopack bootstrap and the inline flight data that only hydration reads) and the
 * reader's own small script (/reader.js: copy link) takes its place. The page keeps every link, form and picture;
 * it simply never hydrates, so a reader downloads ~1 KB of JavaScript instead of ~130 KB.
 *
 * Only a page that says it is a reader document (the reader's layout marks its shell with DOCUMENT_MARKER) is
 * changed, and one that also carries HYDRATE_MARKER (a page with a React island that must run) is left whole.
 * The entry is changed in place: Next answers the request that stored it from the same object (its headers too,
 * see page-csp.cjs), so the first reader gets the same document as the next thousand.
 *
 * The document's <html lang> becomes the language its shell declares (a language edition's page: the root layout
 * cannot know it, docs/decisions/0029-language-editions.md).
 *
 * Plain CommonJS because the cache handler (isr-handler.cjs) loads it outside the bundle.
 */
"use strict";

const { isNextInlineScript } = require("./page-csp.cjs");

const DOCUMENT_MARKER = "data-reader-document";
const HYDRATE_MARKER = "data-hydrate";
/** The reader's script (public/reader.js), a module: deferred, and skipped by browsers too old to run it. */
const READER_SCRIPT = '<script type="module" src="/reader.js"></script>';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const NEXT_ASSET = /\ssrc\s*=\s*"\/_next\/static\/[^"]*"/i;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\srel="(?:preload|modulepreload)")(?=[^>]*\shref="\/_next\/static\/[^"]*\.js")[^>]*>/gi;

/** True when `html` is a reader page that should be served without Next's client runtime. */
function isReaderDocument(html) {
  return html.includes(`${DOCUMENT_MARKER}=`) && !html.includes(`${HYDRATE_MARKER}=`);
}

/** The page without Next's scripts and script preloads, with the reader's script before </body>. */
function stripClientRuntime(html) {
  const stripped = html
    .replace(SCRIPT, (element, attributes, body) => (NEXT_ASSET.test(attributes) || (!/\ssrc\s*=/i.test(attributes) && isNextInlineScript(attributes, body)) ? "" : element))
    .replace(SCRIPT_PRELOAD, "");
  const end = stripped.lastIndexOf("</body>");
  return end === -1 ? stripped + READER_SCRIPT : stripped.slice(0, end) + READER_SCRIPT + stripped.slice(end);
}

const SHELL_LANGUAGE = /<div\b[^>]*\sdata-reader-document=""[^>]*\slang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)"/;
const HTML_LANGUAGE = /^(<!DOCTYPE html>)?<html\b([^>]*?)\slang="[^"]*"/i;

/** The page with <html lang> set to the language its reader shell declares (unchanged when it declares none). */
function setDocumentLanguage(html) {
  const shell = SHELL_LANGUAGE.exec(html);
  if (!shell) return html;
  return html.replace(HTML_LANGUAGE, (_match, doctype, attributes) => `${doctype ?? ""}<html${attributes} lang="${shell[1]}"`);
}

/** Turns a stored reader page (an APP_PAGE entry) into a document, in place; anything else is left alone. */
function toReaderDocument(data) {
  if (!data || data.kind !== "APP_PAGE" || typeof data.html !== "string" || !isReaderDocument(data.html)) return;
  data.html = setDocumentLanguage(stripClientRuntime(data.html));
}

module.exports = { DOCUMENT_MARKER, HYDRATE_MARKER, READER_SCRIPT, isReaderDocument, setDocumentLanguage, stripClientRuntime, toReaderDocument };
