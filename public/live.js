// @ts-check
/**
 * Live coverage on a reader page (components/live/live-story.tsx renders the markup; decision 0022: reader pages run
 * no React, so this plain script does what a hydrated component would). It listens to the story's event stream
 * (app/api/live/[id]) and:
 *
 * - an entry it does not show yet waits behind the "N new updates" button until the reader asks for it, so the page
 *   never moves under their eyes; an edit of an entry shown or waiting applies in place; a deletion at once;
 * - entries are drawn from the page's own <template> (the server's LiveEntry, empty) and kept in reading order:
 *   pinned first, then newest first (lib/live/view.ts sortLiveEntries); "Key events" follows the entries shown;
 * - when the coverage ends the stream says so: the script stops listening and removes the LIVE label;
 * - the words it writes come from the page, in the edition's language: "N new updates" from the button (data-one,
 *   data-other, chosen by the page's lang), "Update at {time}" and "By {names}" from the entry template.
 *
 * The browser's EventSource reconnects by itself, sending Last-Event-ID; the server replays what was missed.
 * Loaded by public/reader.js on every reader page; does nothing where there is no open live story.
 */

/**
 * @typedef {{ id: string, seq: number, title: string, html: string, text: string, postedAt: string, postedLabel: string,
 *   editedLabel: string | null, isKeyEvent: boolean, isPinned: boolean, authors: { name: string }[] }} LiveEntryView
 */

/** @param {ParentNode} node @param {string} slot */
const slot = (node, slot) => /** @type {HTMLElement} */ (node.querySelector(`[data-slot="${slot}"]`));

/** The reading order of two list items (data-pinned, data-posted, data-seq), as lib/live/view.ts sorts entries. */
/** @param {HTMLElement} a @param {HTMLElement} b */
function readingOrder(a, b) {
  const pinned = Number(b.hasAttribute("data-pinned")) - Number(a.hasAttribute("data-pinned"));
  const posted = Date.parse(b.dataset.posted ?? "") - Date.parse(a.dataset.posted ?? "");
  return pinned || posted || Number(b.dataset.seq) - Number(a.dataset.seq);
}

/**
 * An entry's list item, from the entry template.
 * @param {HTMLTemplateElement} template @param {LiveEntryView} entry @param {string} pageUrl
 */
export function renderEntry(template, entry, pageUrl) {
  const item = /** @type {HTMLElement} */ (/** @type {Element} */ (template.content.firstElementChild).cloneNode(true));
  const article = /** @type {HTMLElement} */ (item.querySelector("article"));
  const anchor = `entry-${entry.id}`;
  const classes = template.dataset;
  const name = entry.title || (classes.untitled ?? "").replace("{time}", entry.postedLabel);
  Object.assign(item.dataset, { entry: entry.id, seq: String(entry.seq), posted: entry.postedAt });
  item.toggleAttribute("data-pinned", entry.isPinned);
  article.id = anchor;
  article.setAttribute("aria-labelledby", `${anchor}-title`);
  article.className = (entry.isKeyEvent ? classes.keyClass : classes.plainClass) ?? "";
  slot(article, "permalink").setAttribute("href", `#${anchor}`);
  const posted = slot(article, "posted");
  posted.setAttribute("datetime", entry.postedAt);
  posted.textContent = entry.postedLabel;
  slot(article, "pinned").hidden = !entry.isPinned;
  slot(article, "key").hidden = !entry.isKeyEvent;
  const title = slot(article, "title");
  title.id = `${anchor}-title`;
  title.className = (entry.title ? classes.titleClass : classes.untitledClass) ?? "";
  title.textContent = name;
  const byline = slot(article, "byline");
  byline.hidden = entry.authors.length === 0;
  byline.textContent = entry.authors.length ? (classes.byline ?? "").replace("{names}", entry.authors.map((a) => a.name).join(", ")) : "";
  // Sanitized on the server (lib/content/document.ts), as the page's own entries are.
  slot(article, "body").innerHTML = entry.html;
  const edited = slot(article, "edited");
  edited.hidden = !entry.editedLabel;
  edited.textContent = entry.editedLabel ?? "";
  for (const link of article.querySelectorAll("a[data-share]")) {
    const pattern = link.getAttribute("data-share") ?? "";
    link.setAttribute("href", pattern.replace("{url}", encodeURIComponent(`${pageUrl}#${anchor}`)).replace("{name}", encodeURIComponent(name)));
    slot(link, "share-name").textContent = name;
  }
  return item;
}

/**
 * Wires the live story on `doc`, if it has an open one. Returns a function that stops listening (tests).
 * @param {Document} doc @param {(url: string) => EventSource} [open]
 */
export function installLiveUpdates(doc, open = (url) => new EventSource(url)) {
  const root = /** @type {HTMLElement | null} */ (doc.querySelector("[data-live-story]"));
  if (!root || !root.hasAttribute("data-live-open") || root.dataset.liveWired) return () => {};
  root.dataset.liveWired = "on";
  const pageUrl = root.dataset.liveUrl ?? "";
  const list = /** @type {HTMLElement} */ (root.querySelector("[data-live-list]"));
  const keyList = /** @type {HTMLElement} */ (root.querySelector("[data-live-key-events]"));
  const entryTemplate = /** @type {HTMLTemplateElement} */ (root.querySelector('template[data-live-template="entry"]'));
  const keyTemplate = /** @type {HTMLTemplateElement} */ (root.querySelector('template[data-live-template="key-event"]'));
  const showButton = /** @type {HTMLButtonElement} */ (root.querySelector("[data-live-show]"));
  const empty = /** @type {HTMLElement} */ (root.querySelector("[data-live-empty]"));
  const plural = new Intl.PluralRules(root.closest("[lang]")?.getAttribute("lang") || "en");
  /** @type {Map<string, LiveEntryView>} */
  const waiting = new Map();
  /** @type {Map<string, LiveEntryView>} entries drawn by this script, for "Key events" */
  const drawn = new Map();

  /** @param {string} id */
  const shownItem = (id) => /** @type {HTMLElement[]} */ ([...list.children]).find((li) => li.dataset.entry === id);

  // Key events: one line per key entry shown, in the list's order. Entries the server rendered keep their lines.
  function refreshKeyEvents() {
    /** @type {Map<string, HTMLElement>} */
    const lines = new Map(/** @type {HTMLElement[]} */ ([...keyList.children]).map((li) => [li.dataset.entry ?? "", li]));
    const ordered = [];
    for (const item of /** @type {HTMLElement[]} */ ([...list.children])) {
      const id = item.dataset.entry ?? "";
      const entry = drawn.get(id);
      if (entry && !entry.isKeyEvent) continue;
      if (!entry && !lines.has(id)) continue;
      let line = entry ? null : lines.get(id);
      if (entry) {
        line = /** @type {HTMLElement} */ (/** @type {Element} */ (keyTemplate.content.firstElementChild).cloneNode(true));
        line.dataset.entry = id;
        slot(line, "summary").textContent = entry.title || entry.text.slice(0, 90);
        const time = /** @type {HTMLElement} */ (line.querySelector("time"));
        time.setAttribute("datetime", entry.postedAt);
        time.textContent = entry.postedLabel;
        line.querySelector("a")?.setAttribute("href", `#entry-${id}`);
      }
      ordered.push(/** @type {HTMLElement} */ (line));
    }
    keyList.replaceChildren(...ordered);
    /** @type {HTMLElement} */ (keyList.closest("nav")).hidden = ordered.length === 0;
  }

  function refresh() {
    const items = /** @type {HTMLElement[]} */ ([...list.children]).sort(readingOrder);
    list.replaceChildren(...items);
    empty.hidden = items.length > 0;
    showButton.hidden = waiting.size === 0;
    const words = plural.select(waiting.size) === "one" ? showButton.dataset.one : showButton.dataset.other;
    showButton.textContent = (words ?? "").replace("{count}", String(waiting.size));
    refreshKeyEvents();
  }

  /** @param {LiveEntryView} entry */
  function draw(entry) {
    drawn.set(entry.id, entry);
    const item = renderEntry(entryTemplate, entry, pageUrl);
    const old = shownItem(entry.id);
    if (old) old.replaceWith(item);
    else list.append(item);
  }

  showButton.addEventListener("click", () => {
    for (const entry of waiting.values()) draw(entry);
    waiting.clear();
    refresh();
  });

  const source = open(`/api/live/${encodeURIComponent(root.dataset.liveStory ?? "")}?after=${root.dataset.liveSeq ?? "0"}`);
  source.addEventListener("entry", (event) => {
    const entry = /** @type {LiveEntryView} */ (JSON.parse(/** @type {MessageEvent<string>} */ (event).data));
    if (shownItem(entry.id)) draw(entry);
    else waiting.set(entry.id, entry);
    refresh();
  });
  source.addEventListener("remove", (event) => {
    const { id } = /** @type {{ id: string }} */ (JSON.parse(/** @type {MessageEvent<string>} */ (event).data));
    waiting.delete(id);
    drawn.delete(id);
    shownItem(id)?.remove();
    refresh();
  });
  source.addEventListener("end", () => {
    source.close();
    for (const label of doc.querySelectorAll("[data-live-label]")) label.remove();
  });
  return () => source.close();
}
