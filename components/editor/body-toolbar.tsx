"use client";

/**
 * The body editor's toolbar: one tab stop, arrow keys between the buttons (the ARIA toolbar pattern), and the Link,
 * Image and Embed panels that open under it (Ctrl+K in the body opens the Link panel). It subscribes to the few bits
 * of editor state it shows.
 */
import { TextSelection } from "@tiptap/pm/state";
import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { UrlPanel } from "@/components/ui/url-panel";
import { ImagePanel } from "./image-panel";
import type { MediaOption } from "./types";
import { normalizeEmbedUrl, normalizeLinkUrl } from "./urls";

type Panel = "link" | "image" | "embed" | null;

type ToolState = {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  bold: boolean;
  italic: boolean;
  link: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
};

type Tool = {
  key: string;
  label: string;
  className?: string;
  pressed?: (s: ToolState) => boolean;
  panel?: Exclude<Panel, null>;
  run?: (editor: Editor) => void;
  shortcut?: string;
};

const TOOLS: Tool[] = [
  { key: "paragraph", label: "Paragraph", pressed: (s) => s.paragraph, run: (e) => e.chain().focus().setParagraph().run() },
  { key: "h2", label: "Heading 2", pressed: (s) => s.h2, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: "h3", label: "Heading 3", pressed: (s) => s.h3, run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: "bold", label: "Bold", className: "font-bold", shortcut: "Control+B", pressed: (s) => s.bold, run: (e) => e.chain().focus().toggleBold().run() },
  { key: "italic", label: "Italic", className: "italic", shortcut: "Control+I", pressed: (s) => s.italic, run: (e) => e.chain().focus().toggleItalic().run() },
  { key: "link", label: "Link", shortcut: "Control+K", pressed: (s) => s.link, panel: "link" },
  { key: "bulletList", label: "Bulleted list", pressed: (s) => s.bulletList, run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: "orderedList", label: "Numbered list", pressed: (s) => s.orderedList, run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: "blockquote", label: "Quote", pressed: (s) => s.blockquote, run: (e) => e.chain().focus().toggleBlockquote().run() },
  { key: "image", label: "Image", panel: "image" },
  { key: "embed", label: "Embed", panel: "embed" },
  { key: "hr", label: "Horizontal rule", run: (e) => e.chain().focus().setHorizontalRule().run() },
];

const EMPTY_STATE: ToolState = {
  paragraph: false,
  h2: false,
  h3: false,
  bold: false,
  italic: false,
  link: false,
  bulletList: false,
  orderedList: false,
  blockquote: false,
};

export function Toolbar({ editor, media }: { editor: Editor | null; media: MediaOption[] }) {
  const state =
    useEditorState({
      editor,
      selector: ({ editor: e }): ToolState =>
        e
          ? {
              paragraph: e.isActive("paragraph"),
              h2: e.isActive("heading", { level: 2 }),
              h3: e.isActive("heading", { level: 3 }),
              bold: e.isActive("bold"),
              italic: e.isActive("italic"),
              link: e.isActive("link"),
              bulletList: e.isActive("bulletList"),
              orderedList: e.isActive("orderedList"),
              blockquote: e.isActive("blockquote"),
            }
          : EMPTY_STATE,
    }) ?? EMPTY_STATE;
  const [panel, setPanel] = useState<Panel>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // Read-only (someone took over) disables the whole form's fieldset, these buttons included.
  const disabled = !editor;

  useEffect(() => {
    if (!editor) return;
    const open = () => {
      if (editor.isEditable) setPanel("link");
    };
    editor.on("openLinkPanel", open);
    return () => {
      editor.off("openLinkPanel", open);
    };
  }, [editor]);

  const closePanel = (refocus: boolean) => {
    setPanel(null);
    if (refocus) editor?.commands.focus();
  };

  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = TOOLS.length - 1;
    const moves: Record<string, number> = { ArrowRight: focusIndex === last ? 0 : focusIndex + 1, ArrowLeft: focusIndex === 0 ? last : focusIndex - 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="sticky top-0 z-10">
      <div
        role="toolbar"
        aria-label="Formatting"
        onKeyDown={onToolbarKeyDown}
        className="flex flex-wrap gap-1 rounded-t border border-gray-500 bg-gray-50 p-1"
      >
        {TOOLS.map((tool, index) => {
          const pressed = tool.pressed ? tool.pressed(state) : undefined;
          return (
            <button
              key={tool.key}
              ref={(el) => {
                buttons.current[index] = el;
              }}
              type="button"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-pressed={pressed}
              aria-expanded={tool.panel ? panel === tool.panel : undefined}
              aria-keyshortcuts={tool.shortcut}
              disabled={disabled}
              onFocus={() => setFocusIndex(index)}
              // Keep the text selection in the editor when a button is clicked.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (!editor) return;
                if (tool.panel) setPanel(panel === tool.panel ? null : tool.panel);
                else tool.run?.(editor);
              }}
              className={`rounded px-2 py-1 text-sm ${tool.className ?? ""} ${pressed ? "bg-blue-800 text-white" : "text-ink hover:bg-gray-200"} disabled:opacity-60`}
            >
              {tool.label}
            </button>
          );
        })}
      </div>
      {editor && panel === "link" && <LinkPanel editor={editor} isLink={state.link} onClose={closePanel} />}
      {editor && panel === "image" && <ImagePanel editor={editor} media={media} onClose={closePanel} />}
      {editor && panel === "embed" && <EmbedPanel editor={editor} onClose={closePanel} />}
    </div>
  );
}

function LinkPanel({ editor, isLink, onClose }: { editor: Editor; isLink: boolean; onClose: (refocus: boolean) => void }) {
  // With nothing selected (and not in a link), the link is new text: the panel asks for it too.
  const [inserting] = useState(() => editor.state.selection.empty && !editor.isActive("link"));
  const apply = (value: string, text: string) => {
    const href = normalizeLinkUrl(value);
    if (!href) return "Use a web address (https://…), an email link (mailto:…) or a path on this site (/…).";
    if (inserting) {
      editor
        .chain()
        .focus()
        .insertContent([
          { type: "text", text: text.trim() || value.trim(), marks: [{ type: "link", attrs: { href } }] },
          { type: "text", text: " " },
        ])
        .run();
    } else {
      // The caret lands after the link, not on a selection of it: typing on (even before the editor has its focus
      // back, which Tiptap gives it a frame later) continues the text instead of replacing the linked words.
      editor
        .chain()
        .focus()
        .extendMarkRange("link")
        .setLink({ href })
        .command(({ tr }) => {
          tr.setSelection(TextSelection.create(tr.doc, tr.selection.to));
          return true;
        })
        .run();
    }
    onClose(false);
    return null;
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose(false);
  };
  return (
    <UrlPanel
      title="Link"
      label="Link URL"
      hint="https://…, mailto:… or a page on this site such as /news/…"
      initialValue={(editor.getAttributes("link").href as string | undefined) ?? ""}
      applyLabel="Apply link"
      textField={inserting ? { label: "Link text", hint: "The words readers click. Left empty, the address is shown." } : undefined}
      onApply={apply}
      onCancel={() => onClose(true)}
      extra={isLink ? { label: "Remove link", onClick: remove } : undefined}
    />
  );
}

function EmbedPanel({ editor, onClose }: { editor: Editor; onClose: (refocus: boolean) => void }) {
  const apply = (value: string) => {
    const url = normalizeEmbedUrl(value);
    if (!url) return "Use the address of the video or post, starting with https://.";
    editor.chain().focus().insertEmbed(url).run();
    onClose(false);
    return null;
  };
  return (
    <UrlPanel
      title="Embed"
      label="Embed URL"
      hint="A YouTube video plays on the article page; other posts show as a link card."
      applyLabel="Insert embed"
      onApply={apply}
      onCancel={() => onClose(true)}
    />
  );
}
