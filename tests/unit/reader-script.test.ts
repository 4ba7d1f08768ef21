// @vitest-environment happy-dom
/**
 * public/reader.js, the reader pages' only script: "Copy link" copies the page's URL and says so, or shows the URL
 * when the clipboard refuses; installing twice wires each button once.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CopyLinkButton } from "@/components/article/copy-link-button";
import { readerText, type ReaderText } from "@/lib/i18n/reader-text";
import { installReaderBehaviour } from "@/public/reader.js";

/** The server's button (English unless `text` says otherwise) and its status region. */
function render(text?: ReaderText) {
  document.body.innerHTML = `<ul><li>${renderToStaticMarkup(createElement(CopyLinkButton, { url: "https://news.test/news/a", text }))}</li></ul>`;
  return { button: document.querySelector("button")!, status: document.getElementById("copy-link-status")! };
}
const SPANISH = readerText({ id: "es", locale: "es-MX", isDefault: false });

describe("reader script", () => {
  afterEach(() => vi.restoreAllMocks());

  it("copies the link and announces it", async () => {
    const writeText = vi.fn(async () => {});
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText } as unknown as Clipboard);
    installReaderBehaviour(document);
    installReaderBehaviour(document);
    const { button, status } = render();
    button.click();
    await vi.waitFor(() => expect(status.textContent).toBe("Link copied"));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith("https://news.test/news/a");
  });

  it("shows the link when the clipboard refuses", async () => {
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText: async () => Promise.reject(new Error("denied")) } as unknown as Clipboard);
    installReaderBehaviour(document);
    const { button, status } = render();
    button.click();
    await vi.waitFor(() => expect(status.textContent).toBe("Copy this link: https://news.test/news/a"));
  });

  it("speaks the edition's language", async () => {
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText: async () => Promise.reject(new Error("denied")) } as unknown as Clipboard);
    installReaderBehaviour(document);
    const { button, status } = render(SPANISH);
    expect(button.textContent).toBe("Copiar enlace");
    button.click();
    await vi.waitFor(() => expect(status.textContent).toBe("Copie este enlace: https://news.test/news/a"));
  });
});
