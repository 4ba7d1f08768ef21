import { describe, expect, it } from "vitest";
import { DocumentSchema, documentToPlainText, MAX_DOCUMENT_DEPTH, renderDocumentHtml, safeHref, type DocNode } from "@/lib/content/document";

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

  it("keeps internal links and library images only when a browser would resolve them on the site", () => {
    const link = (href: string) => renderDocumentHtml(doc(p(t("x", [{ type: "link", attrs: { href } }]))));
    const image = (src: string) => renderDocumentHtml(doc({ type: "image", attrs: { src, alt: "A" } }));
    expect(link("/news/story?x=1#more")).toBe('<p><a href="/news/story?x=1#more">x</a></p>');
    expect(link("#more")).toBe('<p><a href="#more">x</a></p>');
    expect(link("HTTPS://Example.com/a")).toBe('<p><a href="https://example.com/a" rel="noopener noreferrer nofollow">x</a></p>');
    expect(image("/demo/harbour.jpg")).toContain('<img src="/demo/harbour.jpg" alt="A"');
    for (const offsite of ["/\t/evil.example/x", "/\n/evil.example/x", "/\r/evil.example/x", "/%09/evil.example/x", "/%0a/evil.example/x", "/\\evil.example/x", "/\\/evil.example/x", "//evil.example/x", "/.//evil.example/x", "/%2F/evil.example/x", "JaVaScRiPt:alert(1)", " /\t/evil.example/x "]) {
      expect(link(offsite), JSON.stringify(offsite)).toBe("<p>x</p>");
      expect(image(offsite), JSON.stringify(offsite)).toBe("");
    }
    // An image is never from another site, whatever the address looks like.
    expect(image("https://evil.example/pixel.png")).toBe("");
  });

  it("puts a body image's caption and credit in its figcaption, escaped, and leaves it out when both are empty", () => {
    const image = (attrs: Record<string, unknown>) => renderDocumentHtml(doc({ type: "image", attrs: { src: "/demo/harbour.jpg", alt: "A", ...attrs } }));
    expect(image({ caption: "The harbour at dawn", credit: "Ana <Ruiz>" })).toContain(
      '<figcaption class="mt-2 text-sm text-muted">The harbour at dawn <span class="text-xs uppercase tracking-wide">Ana &lt;Ruiz&gt;</span></figcaption>',
    );
    expect(image({ credit: "Dateline" })).toContain('<figcaption class="mt-2 text-sm text-muted"><span class="text-xs uppercase tracking-wide">Dateline</span></figcaption>');
    expect(image({ caption: "Only a caption" })).toContain('<figcaption class="mt-2 text-sm text-muted">Only a caption</figcaption>');
    expect(image({ caption: " ", credit: "" })).not.toContain("figcaption");
  });
});

describe("DocumentSchema's nesting limit", () => {
  /** Quotes inside quotes, `levels` nodes deep counting the document and the innermost paragraph and text. */
  const quotes = (levels: number): DocNode => {
    let node: DocNode = p(t("deep"));
    for (let i = 0; i < levels - 3; i++) node = { type: "blockquote", content: [node] };
    return doc(node);
  };
  const depthOf = (node: DocNode): number => 1 + Math.max(0, ...(node.content ?? []).map(depthOf));

  it(`accepts a body ${MAX_DOCUMENT_DEPTH} nodes deep, and refuses one more with a message for the writer`, () => {
    expect(depthOf(quotes(MAX_DOCUMENT_DEPTH))).toBe(MAX_DOCUMENT_DEPTH);
    expect(DocumentSchema.safeParse(quotes(MAX_DOCUMENT_DEPTH)).success).toBe(true);
    const refused = DocumentSchema.safeParse(quotes(MAX_DOCUMENT_DEPTH + 1));
    expect(refused.error?.issues.map((i) => i.message)).toEqual([`The body is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (lists or quotes inside one another); flatten it to save.`]);
  });

  it("counts nesting anywhere in the document, attributes and marks included", () => {
    let deepValue: unknown = "x";
    for (let i = 0; i < 3 * MAX_DOCUMENT_DEPTH; i++) deepValue = [deepValue];
    expect(DocumentSchema.safeParse(doc(p({ type: "text", text: "x", marks: [{ type: "link", attrs: { href: deepValue } }] }))).success).toBe(false);
    expect(DocumentSchema.safeParse(doc({ type: "image", attrs: { src: "/media/x.png", alt: "fine" } })).success).toBe(true);
  });
});

describe("documentToPlainText", () => {
  it("separates blocks with blank lines", () => {
    expect(documentToPlainText(doc(p(t("One.")), { type: "heading", attrs: { level: 2 }, content: [t("Two")] }, p(t("Three."))))).toBe("One.\n\nTwo\n\nThree.");
  });
});
