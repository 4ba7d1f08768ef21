/**
 * The body editor's schema: exactly the node and mark types the server renders (lib/content/document.ts), so what a
 * writer sees is what readers get. StarterKit (v3 includes Link) minus code, strike and underline, headings 2 and 3
 * only; library images with mediaId, caption and credit; and a small "embed" node stored as { url }. Two behaviours
 * ride along: Word's list paragraphs are pasted as lists (word-paste.ts), and the caret is kept clear of the sticky
 * save bar (save-bar.tsx publishes its height).
 */
import { Extension, mergeAttributes, Node } from "@tiptap/core";
import { Image } from "@tiptap/extension-image";
import { Plugin } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import { sitePath } from "@/lib/content/document";
import { hostnameOf, isAcceptableLinkUrl } from "./urls";
import { transformWordLists } from "./word-paste";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    embed: {
      /** Inserts an embed (a video or a post) by its URL. */
      insertEmbed: (url: string) => ReturnType;
    };
  }
  interface EditorEvents {
    /** Ctrl+K in the body: the toolbar opens its link panel. */
    openLinkPanel: [];
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

/** Library images: the stored attrs are mediaId, src, alt, caption, credit, width and height; shown as a figure. */
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
      credit: { default: "", rendered: false },
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
            caption: (element.querySelector("figcaption .editor-caption") ?? element.querySelector("figcaption"))?.textContent ?? "",
            credit: element.querySelector("figcaption .editor-credit")?.textContent ?? "",
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
    const { src, alt, width, height, caption, credit, mediaId } = node.attrs as Record<string, unknown>;
    // Library images are site paths; a stored document could name anything else (javascript:, data:, another
    // site's tracker, "/\t/tracker.example"), which the editor must not load either: the same check as the public
    // renderer's.
    const img: Record<string, string> = { src: sitePath(src) ?? "", alt: typeof alt === "string" ? alt : "" };
    if (typeof width === "number") img.width = String(width);
    if (typeof height === "number") img.height = String(height);
    const figure: Record<string, string> = { class: "editor-figure" };
    if (typeof mediaId === "string") figure["data-media-id"] = mediaId;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return ["figure", figure, ["img", img], ["figcaption", {}, ["span", { class: "editor-caption" }, text(caption)], ["span", { class: "editor-credit" }, text(credit)]]];
  },
}).configure({ inline: false, allowBase64: false });

/** Ctrl+K (⌘K) in the body asks the toolbar for its link panel, instead of the browser's search box. */
export const LinkShortcut = Extension.create({
  name: "linkShortcut",
  addKeyboardShortcuts() {
    return {
      "Mod-k": ({ editor }) => {
        editor.emit("openLinkPanel");
        return true;
      },
    };
  },
});

/** Pasted HTML from Word: its list paragraphs become lists before ProseMirror reads the HTML. */
export const WordPaste = Extension.create({
  name: "wordPaste",
  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: (html) => transformWordLists(html) } })];
  },
});

/** The sticky save bar's height (with a gap), as save-bar.tsx publishes it; 0 when there is none. */
function saveBarClearance(): number {
  return Number.parseFloat(document.documentElement.style.getPropertyValue("--save-bar-height")) || 0;
}

/**
 * Keeps the caret above the sticky save bar: ProseMirror scrolls the selection into view with these margins, and
 * reads `bottom` each time it scrolls, so the bar's current height counts (it wraps on narrow screens).
 */
export const KeepCaretVisible = Extension.create({
  name: "keepCaretVisible",
  addProseMirrorPlugins() {
    // ProseMirror's defaults elsewhere: scroll when the caret is out of view (threshold 0), leave 5 px (margin).
    const scrollThreshold = {
      top: 0,
      left: 0,
      right: 0,
      get bottom() {
        return saveBarClearance();
      },
    };
    const scrollMargin = {
      top: 5,
      left: 5,
      right: 5,
      get bottom() {
        return saveBarClearance() + 5;
      },
    };
    return [new Plugin({ props: { scrollThreshold, scrollMargin } })];
  },
});

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
    LinkShortcut,
    WordPaste,
    KeepCaretVisible,
  ];
}
