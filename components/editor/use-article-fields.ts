"use client";

/**
 * The article's fields, bound to the shared document (lib/collab/document.ts): each short text a Y.Text changed by its
 * difference, so two people typing in one headline both land; each choice (section, tags, authors, image, slug) a
 * value in the document's map, the last choice winning. The form shows the server's values until the document is
 * ready, then what the document holds as anyone changes it; the caret of a field being typed in stays put when someone
 * else's change lands in it. The slug follows the headline until someone edits it (that it was edited is shared too),
 * unless the article has been published or its address is the desk's. The body editor's handle and word count too.
 */
import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { TEXT_FIELDS, type TextField } from "@/lib/collab/content";
import { choicesOf, LOCAL, readFields, setChoice, setText, textChange } from "@/lib/collab/document";
import { countWords } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import { FIELDS } from "./field-errors";
import type { EditableFields, EditorArticle } from "./types";
import type { SharedDocument } from "./use-shared-document";

/** A slug counts as edited when it is not the headline's (a new article's "draft-…" placeholder is not an edit). */
const isSlugEdited = (fields: EditableFields) => fields.slug !== slugify(fields.headline) && !fields.slug.startsWith("draft-");

const isTextField = (key: string): key is TextField => (TEXT_FIELDS as readonly string[]).includes(key);

const sameFields = (a: EditableFields, b: EditableFields) => (Object.keys(a) as (keyof EditableFields)[]).every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));

/** Where a selection in `before` lands once the text reads `after`. */
function shifted(position: number, before: string, after: string): number {
  const change = textChange(before, after);
  if (!change || position <= change.index) return position;
  if (position >= change.index + change.remove) return position + change.insert.length - change.remove;
  return change.index + change.insert.length;
}

export function useArticleFields(article: EditorArticle, shared: SharedDocument) {
  const { doc, facts, fieldErrors, clearFieldErrors } = shared;
  const [fields, setFields] = useState<EditableFields>(article.fields);
  const [slugEdited, setSlugEdited] = useState(() => isSlugEdited(article.fields));
  const [words, setWords] = useState(() => countWords(article.body));
  const fieldsRef = useRef(fields);
  const editorRef = useRef<Editor | null>(null);
  const caret = useRef<{ id: string; start: number; end: number } | null>(null);
  const wordsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The document is ready: show what it holds, and follow it.
  useEffect(() => {
    if (!facts.ready) return;
    const follow = () => {
      const next = readFields(doc);
      const shown = fieldsRef.current;
      const active = document.activeElement;
      const key = TEXT_FIELDS.find((field) => FIELDS[field]?.id === active?.id);
      if (key && shown[key] !== next[key] && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.selectionStart !== null) {
        const end = active.selectionEnd ?? active.selectionStart;
        caret.current = { id: active.id, start: shifted(active.selectionStart, shown[key], next[key]), end: shifted(end, shown[key], next[key]) };
      }
      if (!sameFields(shown, next)) {
        fieldsRef.current = next;
        setFields(next);
      }
      setSlugEdited(choicesOf(doc).get("slugEdited") === true);
    };
    follow();
    doc.on("update", follow);
    return () => doc.off("update", follow);
  }, [doc, facts.ready]);

  useLayoutEffect(() => {
    const keep = caret.current;
    caret.current = null;
    const element = keep && document.getElementById(keep.id);
    if (keep && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) element.setSelectionRange(keep.start, keep.end);
  }, [fields]);

  const update = useCallback(
    (patch: Partial<EditableFields>) => {
      doc.transact(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (isTextField(key)) setText(doc, key, String(value));
          else setChoice(doc, key as keyof Omit<EditableFields, TextField>, value);
        }
        // The slug follows the headline until it is edited or published, and never where it is the desk's to change.
        if (patch.headline !== undefined && !article.hasBeenPublished && article.editsLive && choicesOf(doc).get("slugEdited") !== true) {
          const generated = slugify(patch.headline);
          if (generated) setChoice(doc, "slug", generated);
        }
      }, LOCAL);
      clearFieldErrors([...Object.keys(patch), ...(patch.headline !== undefined ? ["slug"] : [])]);
    },
    [article.editsLive, article.hasBeenPublished, clearFieldErrors, doc],
  );

  const editSlug = (value: string) => {
    setChoice(doc, "slugEdited", true);
    update({ slug: value });
  };

  const slugFromHeadline = () => {
    setChoice(doc, "slugEdited", false);
    const generated = slugify(fieldsRef.current.headline);
    if (generated) update({ slug: generated });
  };

  const countBody = useCallback(() => {
    const editor = editorRef.current;
    if (!editor || editor.isDestroyed) return;
    const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, " ", " ");
    setWords(text.split(/\s+/).filter(Boolean).length);
  }, []);

  /** On every change of the body, anyone's: cheap. The word count follows once typing pauses. */
  const bodyChanged = useCallback(() => {
    clearTimeout(wordsTimer.current);
    wordsTimer.current = setTimeout(countBody, 800);
  }, [countBody]);

  useEffect(() => () => clearTimeout(wordsTimer.current), []);

  const editorReady = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      countBody();
    },
    [countBody],
  );

  const focusBody = useCallback(() => {
    editorRef.current?.commands.focus();
  }, []);

  return { fields, fieldErrors, slugEdited, words, update, editSlug, slugFromHeadline, bodyChanged, editorReady, focusBody };
}

export type ArticleFieldsState = ReturnType<typeof useArticleFields>;
