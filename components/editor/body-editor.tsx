"use client";

/**
 * The body: one Tiptap editor, created once and never re-rendered by the form around it. Typing only notifies the
 * parent (which debounces saving); the toolbar subscribes to the few bits of editor state it shows.
 */
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { memo, useEffect, useRef, useState } from "react";
import type { DocNode } from "@/lib/content/document";
import { Toolbar } from "./body-toolbar";
import { createExtensions } from "./extensions";
import type { MediaOption } from "./types";

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
