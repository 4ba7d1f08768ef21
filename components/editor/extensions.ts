/**
 * The body editor's schema: exactly the node and mark types the server renders (lib/content/document.ts), so what a
 * writer sees is what readers get. StarterKit (v3 includes Link) minus code, strike and underline, headings 2 and 3
 * only; library images with mediaId and caption; and a small "embed" node stored as { url }.
 */
import { mergeAttributes, Node } from "@tiptap/core";
import { Image } from "@tiptap/extension-image";
import { StarterKit } from "@tiptap/starter-kit";
import { sitePath } from "@/lib/content/document";
import { hostnameOf, isAcceptableLinkUrl } from "./urls";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    embed: {
      /** Inserts an embed (a video or a post) by its URL. */
      insertEmbed: (url: string) => ReturnType;
    };
  }
}

/** An embedded video or post. An atom: shown in the editor as a card with the URL, rendered by the server. */
export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      url: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-url"),
        renderHTML: (attributes) => (attributes.url ? { "data-url": String(attributes.url) } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "div[data-embed]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const url = typeof node.attrs.url === "string" ? node.attrs.url : "";
    return [
      "div",
      mergeAttributes(HTMLAttributes, { "data-embed": "", class: "editor-embed" }),
      ["span", { class: "editor-embed-kind" }, "Embed"],
      ["span", { class: "editor-embed-host" }, hostnameOf(url)],
      ["span", { class: "editor-embed-url" }, url],
    ];
  },

  addCommands() {
    return {
      insertEmbed:
        (url: string) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { url } }),
    };
  },
});

/** Library images: the stored attrs are mediaId, src, alt, caption, width and height; shown as a figure. */
export const LibraryImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      alt: { default: "", renderHTML: () => ({}) },
      mediaId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-media-id"),
        renderHTML: () => ({}),
      },
      caption: { default: "", rendered: false },
    };
  },

  parseHTML() {
    const size = (value: string | null | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null);
    return [
      {
        // Our own figures, when copied and pasted inside the editor.
        tag: "figure.editor-figure",
        getAttrs: (element) => {
          const img = element.querySelector("img");
          if (!img) return false;
          return {
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt") ?? "",
            width: size(img.getAttribute("width")),
            height: size(img.getAttribute("height")),
            mediaId: element.getAttribute("data-media-id"),
            caption: element.querySelector("figcaption")?.textContent ?? "",
          };
        },
      },
      {
        tag: "img[src]:not([src^='data:'])",
        getAttrs: (element) => ({
          src: element.getAttribute("src"),
          alt: element.getAttribute("alt") ?? "",
          width: size(element.getAttribute("width")),
          height: size(element.getAttribute("height")),
        }),
      },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, width, height, caption, mediaId } = node.attrs as Record<string, unknown>;
    // Library images are site paths; a stored document could name anything else (javascript:, data:, another
    // site's tracker, "/\t/tracker.example"), which the editor must not load either: the same check as the public
    // renderer's.
    const img: Record<string, string> = { src: sitePath(src) ?? "", alt: typeof alt === "string" ? alt : "" };
    if (typeof width === "number") img.width = String(width);
    if (typeof height === "number") img.height = String(height);
    const figure: Record<string, string> = { class: "editor-figure" };
    if (typeof mediaId === "string") figure["data-media-id"] = mediaId;
    return ["figure", figure, ["img", img], ["figcaption", {}, typeof caption === "string" ? caption : ""]];
  },
}).configure({ inline: false, allowBase64: false });

/** `history: false` when the body is a shared document: its own undo (Collaboration's) undoes only one's own typing. */
export function createExtensions(options: { history?: boolean } = {}) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      ...(options.history === false ? { undoRedo: false as const } : {}),
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        // Off: with autolink on, Tiptap makes links "inclusive", so text typed right after a link joins it.
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isAcceptableLinkUrl(url),
        HTMLAttributes: { target: null, rel: "noopener noreferrer nofollow", class: null },
      },
    }),
    LibraryImage,
    Embed,
  ];
}
