// @vitest-environment happy-dom
/**
 * public/reader.js, the reader pages' only script: "Copy link" copies the page's URL and says so, or shows the URL
 * when the clipboard refuses; installing twice wires each button once.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { installReaderBehaviour } from "@/public/reader.js";

function render() {
  document.body.innerHTML = `
    <ul><li><button type="button" data-copy-link="https://news.test/news/a" data-status="s">Copy link</button>
    <span id="s" role="status"></span></li></ul>`;
  return { button: document.querySelector("button")!, status: document.getElementById("s")! };
}

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
});
