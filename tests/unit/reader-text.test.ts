/** The reader's text per edition (lib/i18n): catalogs, plurals, prefixes, the search path per edition, <html lang>. */
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { ENGLISH_TEXT, readerText } from "@/lib/i18n/reader-text";
import { editionPrefixOf, searchPagePrefix } from "@/lib/i18n/routes";
import { setDocumentLanguage } from "@/cache-handlers/reader-document.cjs";

const spanish = readerText({ id: "es", locale: "es-MX", isDefault: false });

describe("reader text", () => {
  it("the Spanish catalog has every English key, each translated (non-empty)", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(es)) expect(value.trim(), key).not.toBe("");
  });

  it("writes the default edition exactly as the site always did", () => {
    expect(ENGLISH_TEXT.t("share")).toBe("Share this post:");
    expect(ENGLISH_TEXT.t("back")).toBe("< Back");
    expect(ENGLISH_TEXT.t("results", { count: 1, total: "1", query: "water" })).toBe("1 result for “water”");
    expect(ENGLISH_TEXT.t("results", { count: 1234, total: "1234", query: "water" })).toBe("1234 results for “water”");
    expect(ENGLISH_TEXT.path("/news/a-story")).toBe("/news/a-story");
    expect(ENGLISH_TEXT.path("/")).toBe("/");
  });

  it("writes a prefixed edition in its language, under its prefix", () => {
    expect(spanish.t("advertising")).toBe("Publicidad");
    expect(spanish.t("results", { count: 2, total: "2", query: "agua" })).toBe("2 resultados para «agua»");
    expect(spanish.t("results", { count: 1, total: "1", query: "agua" })).toBe("1 resultado para «agua»");
    expect(spanish.path("/")).toBe("/es");
    expect(spanish.path("/noticias/una-nota")).toBe("/es/noticias/una-nota");
    expect(spanish.lang).toBe("es");
  });

  it("knows which search pages belong to which edition, and nothing else", () => {
    expect(searchPagePrefix("/search")).toBe("");
    expect(searchPagePrefix("/es/search")).toBe("/es");
    expect(searchPagePrefix("/xx/search"), "no such edition folder: an article URL").toBeNull();
    expect(searchPagePrefix("/news/search")).toBeNull();
  });

  it("knows which edition an article's address is in (its 410 page is that edition's)", () => {
    expect(editionPrefixOf("/es/negocios/una-nota")).toBe("/es");
    expect(editionPrefixOf("/es/gone")).toBe("/es");
    expect(editionPrefixOf("/news/a-story")).toBe("");
    expect(editionPrefixOf("/gone")).toBe("");
    expect(editionPrefixOf("/xx/news/a-story"), "no such edition folder").toBe("");
  });

  it("words the 410 page and live feeds in each language, the default as before", () => {
    expect(ENGLISH_TEXT.t("goneTitle")).toBe("This article is no longer available");
    expect(ENGLISH_TEXT.t("feedSectionDescription", { section: "Energy", site: "Dateline" })).toBe("The latest Energy articles from Dateline.");
    expect(spanish.t("goneTitle")).toBe("Este artículo ya no está disponible");
    expect(spanish.t("live")).toBe("EN VIVO");
  });

  it("words live coverage in each language, the default as before (the updater's words keep their placeholders)", () => {
    expect(ENGLISH_TEXT.t("liveKeyEvents")).toBe("Key events");
    expect(ENGLISH_TEXT.t("liveEdited", { time: "14:05" })).toBe("Updated 14:05");
    expect(ENGLISH_TEXT.t("liveNewUpdatesOther", { count: "{count}" })).toBe("{count} new updates");
    expect(ENGLISH_TEXT.t("liveUntitled", { time: "{time}" })).toBe("Update at {time}");
    expect(spanish.t("liveKeyEvents")).toBe("Momentos clave");
    expect(spanish.t("liveEdited", { time: "14:05" })).toBe("Actualizado a las 14:05");
    expect(spanish.t("liveNewUpdatesOne", { count: "{count}" })).toBe("{count} actualización nueva");
    expect(spanish.t("liveByline", { names: "{names}" })).toBe("Por {names}");
    expect(ENGLISH_TEXT.t("copyThisLink", { url: "{url}" })).toBe("Copy this link: {url}");
    expect(spanish.t("linkCopied")).toBe("Enlace copiado");
  });

  it("names a staff role and refuses a long search in the edition's language", () => {
    expect(["JOURNALIST", "EDITOR", "ADMIN"].map((role) => ENGLISH_TEXT.t("authorRole", { role }))).toEqual(["Staff writer", "Editor", "Newsroom staff"]);
    expect(spanish.t("authorRole", { role: "JOURNALIST" })).toBe("Periodista");
    expect(ENGLISH_TEXT.t("searchTooLong", { max: 200 })).toBe("Searches can be up to 200 characters long. Try fewer or shorter words.");
    expect(spanish.t("searchTooLong", { max: 200 })).toContain("200 caracteres");
  });

  it("gives a stored reader page the <html lang> its shell declares", () => {
    const page = (shell: string) => `<!DOCTYPE html><html lang="en" class="x"><head></head><body><div class="public-theme" data-reader-document=""${shell}>…</div></body></html>`;
    expect(setDocumentLanguage(page(' lang="es"'))).toContain('<!DOCTYPE html><html lang="es" class="x">');
    expect(setDocumentLanguage(page(' lang="en"'))).toBe(page(' lang="en"'));
    expect(setDocumentLanguage(page(""))).toBe(page(""));
  });
});
