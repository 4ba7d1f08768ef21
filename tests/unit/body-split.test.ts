import { describe, expect, it } from "vitest";
import { splitAfterParagraph } from "@/lib/content/body-split";
import { documentFromParagraphs, renderDocumentHtml } from "@/lib/content/document";

describe("splitAfterParagraph", () => {
  const body = [
    "<p>One <strong>bold</strong> &lt;p&gt; not a tag</p>",
    "<blockquote><p>Quoted</p><p>Quoted too</p></blockquote>",
    "<figure class=\"my-8\"><img src=\"/a.png\" alt=\"x\"><figcaption>Cap</figcaption></figure>",
    "<p>Two<br>lines</p>",
    "<ul><li><p>Item</p></li></ul>",
    "<p>Three</p>",
    "<h2>Heading</h2>",
  ].join("");

  it("counts only top-level paragraphs and splits right after the nth", () => {
    const [before, after] = splitAfterParagraph(body, 2)!;
    expect(before.endsWith("<p>Two<br>lines</p>")).toBe(true);
    expect(after.startsWith("<ul>")).toBe(true);
    expect(before + after).toBe(body);
    expect(splitAfterParagraph(body, 1)![1].startsWith("<blockquote>")).toBe(true);
  });

  it("gives nothing when there are fewer paragraphs, or none after the nth", () => {
    expect(splitAfterParagraph(body, 4)).toBeNull();
    expect(splitAfterParagraph(renderDocumentHtml(documentFromParagraphs(["a", "b", "c"])), 3)).toBeNull();
    expect(splitAfterParagraph("", 1)).toBeNull();
    expect(splitAfterParagraph(body, 0)).toBeNull();
  });

  it("splits what the renderer writes", () => {
    const html = renderDocumentHtml(documentFromParagraphs(["First.", "Second.", "Third.", "Fourth."]));
    const [before, after] = splitAfterParagraph(html, 3)!;
    expect(before).toContain("Third.");
    expect(after).toContain("Fourth.");
    expect(after).not.toContain("Third.");
  });
});
