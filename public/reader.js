// @ts-check
/**
 * The reader's site's only script (docs/decisions/0022-reader-pages-without-the-client-runtime.md). Reader pages are
 * served without Next's client runtime (cache-handlers/reader-document.cjs puts this file in its place), so what a
 * reader clicks that needs JavaScript is wired here, by event delegation on markup the server rendered:
 *
 * - `<button data-copy-link="URL" data-status="ID" data-copied="…" data-copy-fallback="… {url}">`: copies URL to the
 *   clipboard and says so in the element ID (a role="status" live region), in the page's words: data-copied, or
 *   data-copy-fallback with the URL when the clipboard refuses (components/article/copy-link-button.tsx).
 *
 * - live coverage (`[data-live-story]`): public/live.js, installed from here.
 *
 * Everything else on a reader page (links, the search form, dark mode through prefers-color-scheme) works without
 * it. Plain JavaScript served as is (no build step), checked by tsc through the comment above. Pages that do hydrate
 * (staff previews) import it from components/article/reader-behaviour.tsx; installing twice is harmless.
 */

import { installLiveUpdates } from "./live.js";

const INSTALLED = "readerBehaviour";

/**
 * @param {HTMLElement} button
 * @param {string} message
 */
function announce(button, message) {
  const status = button.dataset.status ? button.ownerDocument.getElementById(button.dataset.status) : null;
  if (status) status.textContent = message;
}

/** @param {HTMLElement} button */
async function copyLink(button) {
  const url = button.dataset.copyLink ?? "";
  try {
    await navigator.clipboard.writeText(url);
    announce(button, button.dataset.copied ?? "");
  } catch {
    announce(button, (button.dataset.copyFallback ?? "").replace("{url}", url));
  }
}

/**
 * Wires the reader's buttons in `doc`, once.
 * @param {Document} doc
 */
export function installReaderBehaviour(doc) {
  const root = doc.documentElement;
  if (root.dataset[INSTALLED]) return;
  root.dataset[INSTALLED] = "on";
  doc.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button[data-copy-link]") : null;
    if (target instanceof HTMLElement) void copyLink(target);
  });
  installLiveUpdates(doc);
}

if (typeof document !== "undefined") installReaderBehaviour(document);
