import { describe, expect, it } from "vitest";
import { documentToPlainText, renderDocumentHtml, safeHref, type DocNode } from "@/lib/content/document";

const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const p = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const t = (text: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text, marks });

describe("renderDocumentHtml", () => {
  it("renders the allowed structure", () => {
    const html = renderDocumentHtml(
      doc(
        { type: "heading", attrs: { level: 3 }, content: [t("Sub")] },
        p(t("plain "), t("bold", [{ type: "bold" }]), t(" and "), t("it", [{ type: "italic" }])),
        { type: "bulletList", content: [{ type: "listItem", content: [p(t("one"))] }] },
        { type: "blockquote", content: [p(t("quoted"))] },
        { type: "horizontalRule" },
      ),
    );
    expect(html).toBe("<h3>Sub</h3><p>plain <strong>bold</strong> and <em>it</em></p><ul><li><p>one</p></li></ul><blockquote><p>quoted</p></blockquote><hr>");
  });

  it("escapes text and drops elements that are not on the allowlist", () => {
    const html = renderDocumentHtml(doc(p(t("<script>alert(1)</script>")), { type: "iframe", content: [t("kept words")] }));
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>kept words");
  });

  it("keeps only safe link targets", () => {
    const link = (href: string) => renderDocumentHtml(doc(p(t("x", [{ type: "link", attrs: { href } }]))));
    expect(link("javascript:alert(1)")).toBe("<p>x</p>");
    expect(link("data:text/html,hi")).toBe("<p>x</p>");
    expect(link("//evil.example")).toBe("<p>x</p>");
    expect(link("https://example.com/a?b=1&c=\"2\"")).toBe('<p><a href="https://example.com/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow">x</a></p>');
    expect(link("/news/story")).toBe('<p><a href="/news/story">x</a></p>');
    expect(safeHref("mailto:desk@dateline.test")).toBe("mailto:desk@dateline.test");
  });
});

describe("documentToPlainText", () => {
  it("separates blocks with blank lines", () => {
    expect(documentToPlainText(doc(p(t("One.")), { type: "heading", attrs: { level: 2 }, content: [t("Two")] }, p(t("Three."))))).toBe("One.\n\nTwo\n\nThree.");
  });
});
