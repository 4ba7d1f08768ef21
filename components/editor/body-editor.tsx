"use client";

/**
 * The body: one Tiptap editor, created once and never re-rendered by the form around it. Typing only notifies the
 * parent (which debounces saving); the toolbar subscribes to the few bits of editor state it shows.
 */
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { DocNode } from "@/lib/content/document";
import { createExtensions } from "./extensions";
import type { MediaOption } from "./types";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "./ui";
import { normalizeEmbedUrl, normalizeLinkUrl } from "./urls";

type Props = {
  initialContent: DocNode;
  media: MediaOption[];
  labelId: string;
  /** Ids of the hint and the error text under the editor (always rendered by the parent). */
  describedBy: string;
  onReady: (editor: Editor) => void;
  onChange: () => void;
};

export const BodyEditor = memo(function BodyEditor({ initialContent, media, labelId, describedBy, onReady, onChange }: Props) {
  const onChangeRef = useRef(onChange);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onChangeRef.current = onChange;
    onReadyRef.current = onReady;
  });
  const [content] = useState(initialContent);
  const [extensions] = useState(createExtensions);

  // Created once: a new options object on every render would make Tiptap re-apply its view props.
  const [editorProps] = useState(() => ({
    attributes: {
      id: "field-body",
      role: "textbox",
      "aria-multiline": "true",
      "aria-labelledby": labelId,
      "aria-describedby": describedBy,
      spellcheck: "true",
      class: "editor-prose min-h-[24rem] rounded-b border border-t-0 border-gray-500 bg-white px-4 py-3 text-base leading-relaxed",
    },
  }));

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    extensions,
    content,
    editorProps,
    onCreate: ({ editor: created }) => onReadyRef.current(created),
    onUpdate: () => onChangeRef.current(),
  });

  return (
    <div>
      <Toolbar editor={editor} media={media} />
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <div className="min-h-[24rem] rounded-b border border-t-0 border-gray-500 bg-white px-4 py-3 text-muted">Loading the editor…</div>
      )}
    </div>
  );
});

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
  { key: "link", label: "Link", pressed: (s) => s.link, panel: "link" },
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

function Toolbar({ editor, media }: { editor: Editor | null; media: MediaOption[] }) {
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

/** Enter applies, Escape cancels: the panels live inside the article form, so they cannot be forms themselves. */
function handlePanelKey(event: KeyboardEvent<HTMLElement>, apply: () => void, cancel: () => void) {
  if (event.key === "Enter" && (event.target as HTMLElement).tagName === "INPUT") {
    event.preventDefault();
    apply();
  } else if (event.key === "Escape") {
    event.preventDefault();
    cancel();
  }
}

const panelClass = "border border-t-0 border-gray-500 bg-blue-50 p-3";

function LinkPanel({ editor, isLink, onClose }: { editor: Editor; isLink: boolean; onClose: (refocus: boolean) => void }) {
  const id = useId();
  const [value, setValue] = useState(() => (editor.getAttributes("link").href as string | undefined) ?? "");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const apply = () => {
    const href = normalizeLinkUrl(value);
    if (!href) {
      setError("Use a web address (https://…), an email link (mailto:…) or a path on this site (/…).");
      input.current?.focus();
      return;
    }
    if (editor.state.selection.empty && !editor.isActive("link")) {
      editor
        .chain()
        .focus()
        .insertContent([
          { type: "text", text: value.trim(), marks: [{ type: "link", attrs: { href } }] },
          { type: "text", text: " " },
        ])
        .run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    onClose(false);
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose(false);
  };

  return (
    <div role="group" aria-labelledby={`${id}-title`} className={panelClass} onKeyDown={(event) => handlePanelKey(event, apply, () => onClose(true))}>
      <p id={`${id}-title`} className="sr-only">
        Link
      </p>
      <label htmlFor={`${id}-url`} className={labelClass}>
        Link URL
      </label>
      <input
        ref={input}
        id={`${id}-url`}
        type="text"
        inputMode="url"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className={hintClass}>
        https://…, mailto:… or a page on this site such as /news/…
      </p>
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} onClick={apply}>
          Apply link
        </button>
        {isLink && (
          <button type="button" className={buttonClass} onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" className={buttonClass} onClick={() => onClose(true)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ImagePanel({ editor, media, onClose }: { editor: Editor; media: MediaOption[]; onClose: (refocus: boolean) => void }) {
  const id = useId();
  const [mediaId, setMediaId] = useState("");
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [errors, setErrors] = useState<{ image?: string; alt?: string }>({});
  const select = useRef<HTMLSelectElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  useEffect(() => select.current?.focus(), []);
  const chosen = media.find((m) => m.id === mediaId);

  const apply = () => {
    if (!chosen) {
      setErrors({ image: "Choose an image from the library." });
      select.current?.focus();
      return;
    }
    if (!alt.trim()) {
      setErrors({ alt: "Describe the image for readers who cannot see it." });
      altInput.current?.focus();
      return;
    }
    editor
      .chain()
      .focus()
      .insertContent({
        type: "image",
        attrs: { mediaId: chosen.id, src: chosen.url, alt: alt.trim(), caption: caption.trim(), width: chosen.width, height: chosen.height },
      })
      .run();
    onClose(false);
  };

  return (
    <div role="group" aria-labelledby={`${id}-title`} className={panelClass} onKeyDown={(event) => handlePanelKey(event, apply, () => onClose(true))}>
      <p id={`${id}-title`} className="text-sm font-bold">
        Insert an image from the library
      </p>
      {media.length === 0 ? (
        <p className="mt-2 text-sm">The media library has no images yet.</p>
      ) : (
        <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_auto]">
          <div>
            <label htmlFor={`${id}-media`} className={labelClass}>
              Library image
            </label>
            <select
              ref={select}
              id={`${id}-media`}
              value={mediaId}
              onChange={(e) => {
                const next = media.find((m) => m.id === e.target.value);
                setMediaId(e.target.value);
                setErrors({});
                if (next) {
                  setAlt(next.alt);
                  setCaption(next.caption);
                }
              }}
              aria-invalid={errors.image ? true : undefined}
              aria-describedby={errors.image ? `${id}-media-error` : undefined}
              className={inputClass}
            >
              <option value="">Choose an image…</option>
              {media.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.alt || m.filename}
                </option>
              ))}
            </select>
            {errors.image && (
              <p id={`${id}-media-error`} className={errorClass}>
                {errors.image}
              </p>
            )}
            <label htmlFor={`${id}-alt`} className={`${labelClass} mt-2`}>
              Alt text
            </label>
            <input
              ref={altInput}
              id={`${id}-alt`}
              type="text"
              value={alt}
              onChange={(e) => {
                setAlt(e.target.value);
                setErrors({});
              }}
              aria-invalid={errors.alt ? true : undefined}
              aria-describedby={`${id}-alt-hint${errors.alt ? ` ${id}-alt-error` : ""}`}
              className={inputClass}
            />
            <p id={`${id}-alt-hint`} className={hintClass}>
              What the image shows, for readers who cannot see it.
            </p>
            {errors.alt && (
              <p id={`${id}-alt-error`} className={errorClass}>
                {errors.alt}
              </p>
            )}
            <label htmlFor={`${id}-caption`} className={`${labelClass} mt-2`}>
              Caption
            </label>
            <input id={`${id}-caption`} type="text" value={caption} onChange={(e) => setCaption(e.target.value)} className={inputClass} />
          </div>
          {chosen && (
            // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized
            <img src={chosen.thumbUrl} alt="" width={chosen.width} height={chosen.height} className="h-28 w-auto max-w-[12rem] rounded border border-gray-300 object-cover" />
          )}
        </div>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {media.length > 0 && (
          <button type="button" className={primaryButtonClass} onClick={apply}>
            Insert image
          </button>
        )}
        <button type="button" className={buttonClass} onClick={() => onClose(true)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function EmbedPanel({ editor, onClose }: { editor: Editor; onClose: (refocus: boolean) => void }) {
  const id = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const apply = () => {
    const url = normalizeEmbedUrl(value);
    if (!url) {
      setError("Use the address of the video or post, starting with https://.");
      input.current?.focus();
      return;
    }
    editor.chain().focus().insertEmbed(url).run();
    onClose(false);
  };

  return (
    <div role="group" aria-labelledby={`${id}-title`} className={panelClass} onKeyDown={(event) => handlePanelKey(event, apply, () => onClose(true))}>
      <p id={`${id}-title`} className="sr-only">
        Embed
      </p>
      <label htmlFor={`${id}-url`} className={labelClass}>
        Embed URL
      </label>
      <input
        ref={input}
        id={`${id}-url`}
        type="text"
        inputMode="url"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className={hintClass}>
        A YouTube video plays on the article page; other posts show as a link card.
      </p>
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} onClick={apply}>
          Insert embed
        </button>
        <button type="button" className={buttonClass} onClick={() => onClose(true)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
