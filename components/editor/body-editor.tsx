"use client";

/**
 * The body: one Tiptap editor, created once and never re-rendered by the form around it. An article's body is bound
 * to the shared document (@tiptap/extension-collaboration) with everyone's named, coloured carets
 * (@tiptap/extension-collaboration-caret), read-only until the document has come from the server; a live entry's
 * body (components/live) is one person's, started from `initialContent`. Changes (anyone's) only notify the parent;
 * the toolbar subscribes to the few bits of editor state it shows.
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { memo, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { BODY } from "@/lib/collab/document";
import { Toolbar } from "./body-toolbar";
import { createExtensions } from "./extensions";
import type { DocNode } from "@/lib/content/document";
import type { MediaOption } from "./types";
import type { PresenceUser } from "./use-presence";

/** Where the text lives: the shared document everyone in it edits, or one person's content. */
type Source = { shared: { doc: Y.Doc; provider: HocuspocusProvider; user: PresenceUser }; editable: boolean } | { initialContent: DocNode };

type Props = Source & {
  media: MediaOption[];
  labelId: string;
  /** Ids of the hint and the error text under the editor (always rendered by the parent). */
  describedBy: string;
  onReady: (editor: Editor) => void;
  onChange: () => void;
};

export const BodyEditor = memo(function BodyEditor(props: Props) {
  const { media, labelId, describedBy, onReady, onChange } = props;
  const editable = "shared" in props ? props.editable : true;
  const onChangeRef = useRef(onChange);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onChangeRef.current = onChange;
    onReadyRef.current = onReady;
  });
  // Both fixed for the editor's life, like the editor itself.
  const [extensions] = useState(() =>
    "shared" in props
      ? [
          ...createExtensions({ history: false }),
          Collaboration.configure({ document: props.shared.doc, field: BODY }),
          CollaborationCaret.configure({ provider: props.shared.provider, user: props.shared.user }),
        ]
      : createExtensions(),
  );
  const [content] = useState(() => ("initialContent" in props ? props.initialContent : undefined));

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
    editable,
    editorProps,
    onCreate: ({ editor: created }) => onReadyRef.current(created),
    onUpdate: () => onChangeRef.current(),
  });

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

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
