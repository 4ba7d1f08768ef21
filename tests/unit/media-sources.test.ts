/**
 * Responsive markup without a database: a library image's URL names its hash and size, so the document renderer and
 * the article view derive the same AVIF/WebP srcsets from it. Other URLs (demo files) stay plain.
 */
import { describe, expect, it } from "vitest";
import { renderDocumentHtml, type DocNode } from "@/lib/content/document";
import { isMediaKey, mediaFolder, parseMediaUrl, responsiveImageFromUrl } from "@/lib/media/keys";
import { imageSourcesForMedia, imageSourcesFromUrl, openGraphImageForMedia, thumbnailUrl } from "@/lib/media/sources";

const hash = "ab".repeat(32);
const folder = mediaFolder(hash, 1000, 500);
const url = `/media/${folder}/w960.webp`;

describe("keys", () => {
  it("accepts only the names the pipeline makes", () => {
    expect(isMediaKey(`${folder}/w640.avif`)).toBe(true);
    expect(isMediaKey(`${folder}/og-0123456789abcdef.jpg`)).toBe(true);
    expect(isMediaKey(`${folder}/master.png`)).toBe(true);
    for (const bad of [`${folder}/../../etc/passwd`, `../${folder}/w640.avif`, `${folder}/w640.svg`, `${folder}/w640.avif/x`, "demo/reservoir-dusk.png", `${folder}/master.html`]) {
      expect(isMediaKey(bad)).toBe(false);
    }
    expect(parseMediaUrl(url)).toEqual({ folder, width: 1000, height: 500 });
    expect(parseMediaUrl("/demo/reservoir-dusk.png")).toBeNull();
  });
});

describe("sources", () => {
  it("derives srcsets from a library URL", () => {
    const sources = responsiveImageFromUrl(url)!;
    expect(sources.src).toBe(`/media/${folder}/w1000.webp`);
    expect(sources.srcSet).toBe([320, 640, 960, 1000].map((w) => `/media/${folder}/w${w}.webp ${w}w`).join(", "));
    expect(sources.avifSrcSet).toBe([320, 640, 960, 1000].map((w) => `/media/${folder}/w${w}.avif ${w}w`).join(", "));
    const row = { storageKey: `media/${folder}/w1000.webp`, width: 1000, height: 500, variants: [{ kind: "og", format: "jpeg", width: 1200, height: 630, key: `${folder}/og-0123456789abcdef.jpg`, bytes: 1 }] };
    expect(imageSourcesForMedia(row)).toMatchObject({ src: sources.src, srcSet: sources.srcSet, width: 1000, height: 500 });
    expect(openGraphImageForMedia(row)).toEqual({ url: `/media/${folder}/og-0123456789abcdef.jpg`, width: 1200, height: 630 });
    expect(thumbnailUrl(row)).toBe(`/media/${folder}/w320.webp`);
  });

  it("leaves other images plain", () => {
    expect(imageSourcesFromUrl({ url: "/demo/solar-field.png", width: 1200, height: 675 })).toMatchObject({ src: "/demo/solar-field.png", srcSet: "", avifSrcSet: "" });
    expect(openGraphImageForMedia({ storageKey: "demo/solar-field.png", width: 1200, height: 675, variants: [] })).toBeNull();
  });
});

describe("body images", () => {
  const doc = (attrs: Record<string, unknown>): DocNode => ({ type: "doc", content: [{ type: "image", attrs }] });

  it("render with srcset, sizes, width, height, lazily", () => {
    const html = renderDocumentHtml(doc({ src: url, alt: 'A "quoted" river', caption: "Low water", width: 1000, height: 500, mediaId: "m1" }));
    expect(html).toContain('<source type="image/avif" srcset="/media/');
    expect(html).toContain(`srcset="/media/${folder}/w320.webp 320w, `);
    expect(html).toContain('sizes="(min-width: 50rem) 48rem, calc(100vw - 2rem)"');
    expect(html).toContain('width="1000" height="500"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('alt="A &quot;quoted&quot; river"');
    expect(html).toContain("<figcaption");
  });

  it("take their size from the URL when the node has none, and keep plain images plain", () => {
    expect(renderDocumentHtml(doc({ src: url, alt: "x" }))).toContain('width="1000" height="500"');
    const plain = renderDocumentHtml(doc({ src: "/demo/solar-field.png", alt: "Panels", width: 1200, height: 675 }));
    expect(plain).not.toContain("srcset");
    expect(plain).toContain('src="/demo/solar-field.png"');
    expect(renderDocumentHtml(doc({ src: "https://evil.example/x.png", alt: "x" }))).toBe("");
  });
});
