// @vitest-environment happy-dom
/**
 * public/live.js, the reader's live coverage without React in the browser (decision 0022): entries drawn from the
 * page's template are the server's markup exactly; new entries wait behind "N new updates"; edits and deletions
 * apply at once; "Key events" follows; the end of the coverage removes the LIVE label and closes the stream.
 */
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LiveLabel, LiveUpdates } from "@/components/live/live-story";
import { readerText, type ReaderText } from "@/lib/i18n/reader-text";
import type { LiveEntryView } from "@/lib/live/view";
import { installLiveUpdates, renderEntry } from "@/public/live.js";

const PAGE = "https://news.test/news/flood";

function entry(id: string, seq: number, minute: number, extra: Partial<LiveEntryView> = {}): LiveEntryView {
  const mm = String(minute).padStart(2, "0");
  return {
    id, seq, title: "", html: `<p>Body of ${id} &amp; more</p>`, text: `Body of ${id} & more`,
    postedAt: `2026-12-05T10:${mm}:00+00:00`, postedLabel: `10:${mm}`, editedLabel: null,
    isKeyEvent: false, isPinned: false, authors: [{ name: "Ana Ruiz", slug: "ana-ruiz" }], ...extra,
  };
}

class FakeSource extends EventTarget {
  url: string;
  closed = false;
  constructor(url: string) {
    super();
    this.url = url;
  }
  close() {
    this.closed = true;
  }
  send(type: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const SPANISH = readerText({ id: "es", locale: "es-MX", isDefault: false });

/** The story's markup, in English unless `text` says otherwise; a Spanish page's shell declares its lang (decision 0029). */
function mount(entries: LiveEntryView[], isOpen = true, text?: ReaderText) {
  const markup =
    renderToStaticMarkup(createElement(LiveLabel, { isOpen, text })) +
    renderToStaticMarkup(createElement(LiveUpdates, { storyId: "story1", seq: 7, isOpen, entries, pageUrl: PAGE, text }));
  document.body.innerHTML = text ? `<div lang="${text.lang}">${markup}</div>` : markup;
  let source: FakeSource | null = null;
  installLiveUpdates(document, (url) => (source = new FakeSource(url)) as unknown as EventSource);
  const articles = () => [...document.querySelectorAll("[data-live-list] article")].map((a) => a.querySelector("h3")!.textContent);
  const keyEvents = () => [...document.querySelectorAll("nav li")].map((li) => li.textContent);
  const button = document.querySelector<HTMLButtonElement>("[data-live-show]")!;
  return { source: () => source!, articles, keyEvents, button };
}

describe("live coverage script", () => {
  it("draws an entry exactly as the server renders it", () => {
    const samples = [
      entry("a1", 1, 5),
      entry("a2", 2, 6, { title: "Levee holds", isKeyEvent: true, isPinned: true, editedLabel: "Updated 10:30", authors: [] }),
    ];
    for (const e of samples) {
      mount([e]);
      const server = document.querySelector("[data-live-list] > li")!.outerHTML;
      const template = document.querySelector<HTMLTemplateElement>('template[data-live-template="entry"]')!;
      expect(renderEntry(template, e, PAGE).outerHTML).toBe(server);
    }
  });

  it("opens the story's stream after the page's last event", () => {
    const { source } = mount([]);
    expect(source().url).toBe("/api/live/story1?after=7");
  });

  it("keeps new entries behind the button, then shows them in reading order with key events", () => {
    const { source, articles, keyEvents, button } = mount([entry("a1", 1, 1, { title: "First" })]);
    expect(button.hidden).toBe(true);
    expect(document.querySelector("nav")!.hidden).toBe(true);
    source().send("entry", entry("a2", 2, 2, { title: "Second", isKeyEvent: true }));
    source().send("entry", entry("a3", 3, 3, { title: "Third" }));
    expect(button.hidden).toBe(false);
    expect(button.textContent).toBe("2 new updates");
    expect(articles()).toEqual(["First"]);
    button.click();
    expect(button.hidden).toBe(true);
    expect(articles()).toEqual(["Third", "Second", "First"]);
    expect(keyEvents()).toEqual(["10:02 Second"]);
    expect(document.querySelector("nav")!.hidden).toBe(false);
  });

  it("applies edits and deletions of shown entries at once, and a pinned entry leads", () => {
    const { source, articles, keyEvents, button } = mount([entry("a1", 1, 1, { title: "First", isKeyEvent: true }), entry("a2", 2, 2, { title: "Second" })]);
    expect(keyEvents()).toEqual(["10:01 First"]);
    source().send("entry", entry("a1", 1, 1, { title: "First, corrected", isKeyEvent: true, isPinned: true, editedLabel: "Updated 10:09" }));
    expect(button.hidden).toBe(true);
    expect(articles()).toEqual(["First, corrected", "Second"]);
    expect(document.getElementById("entry-a1")!.textContent).toContain("Updated 10:09");
    expect(keyEvents()).toEqual(["10:01 First, corrected"]);
    source().send("remove", { id: "a1" });
    expect(articles()).toEqual(["Second"]);
    expect(keyEvents()).toEqual([]);
    source().send("remove", { id: "a2" });
    expect(document.querySelector<HTMLElement>("[data-live-empty]")!.hidden).toBe(false);
  });

  it("a waiting entry edited or deleted before it is shown", () => {
    const { source, articles, button } = mount([]);
    source().send("entry", entry("a1", 1, 1, { title: "Draft title" }));
    source().send("entry", entry("a1", 1, 1, { title: "Final title" }));
    source().send("entry", entry("a2", 2, 2, { title: "Gone" }));
    source().send("remove", { id: "a2" });
    expect(button.textContent).toBe("1 new update");
    button.click();
    expect(articles()).toEqual(["Final title"]);
  });

  it("the end of the coverage closes the stream and removes LIVE", () => {
    const { source } = mount([]);
    expect(document.querySelector("[data-live-label]")).not.toBeNull();
    source().send("end", {});
    expect(source().closed).toBe(true);
    expect(document.querySelector("[data-live-label]")).toBeNull();
  });

  it("an ended story does not listen", () => {
    const { source } = mount([entry("a1", 1, 1)], false);
    expect(source()).toBeNull();
  });

  it("draws a Spanish story's entries in Spanish, exactly as the server does, with no English left", () => {
    const samples = [entry("a1", 1, 5), entry("a2", 2, 6, { isKeyEvent: true, isPinned: true, editedLabel: "Actualizado a las 10:30" })];
    for (const e of samples) {
      mount([e], true, SPANISH);
      const server = document.querySelector("[data-live-list] > li")!.outerHTML;
      const template = document.querySelector<HTMLTemplateElement>('template[data-live-template="entry"]')!;
      expect(renderEntry(template, e, PAGE).outerHTML).toBe(server);
    }
    const item = document.querySelector("[data-live-list] > li")!;
    expect(item.querySelector("h3")!.textContent).toBe("Actualización de las 10:06");
    expect(item.textContent).toContain("Fijado");
    expect(item.textContent).toContain("Momento clave");
    expect(item.textContent).toContain("(enlace a esta actualización)");
    expect(item.textContent).toContain("Correo: compartir la actualización «Actualización de las 10:06» (se abre en una pestaña nueva)");
    expect(document.querySelector("[data-live-label]")!.textContent).toBe("EN VIVO");
    expect(document.querySelector("#key-events-heading")!.textContent).toBe("Momentos clave");
    expect(document.querySelector("#updates-heading")!.textContent).toBe("Actualizaciones");
    const seen = document.body.textContent + [...document.querySelectorAll("template")].map((t) => t.content.textContent).join(" ");
    for (const english of ["LIVE", "Key event", "Update at", "Updates", "By ", "Pinned", "Email", "link to this update", "share the update", "opens in a new tab"]) {
      expect(seen, english).not.toContain(english);
    }
  });

  it("a Spanish story's script writes its new entries and its button in Spanish", () => {
    const { source, articles, button } = mount([], true, SPANISH);
    source().send("entry", entry("a1", 1, 1));
    expect(button.textContent).toBe("1 actualización nueva");
    source().send("entry", entry("a2", 2, 2, { title: "Sube el río" }));
    expect(button.textContent).toBe("2 actualizaciones nuevas");
    button.click();
    expect(articles()).toEqual(["Sube el río", "Actualización de las 10:01"]);
    expect(document.getElementById("entry-a1")!.textContent).toContain("Por Ana Ruiz");
  });
});
