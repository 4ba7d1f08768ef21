"use client";

/**
 * The article's fields: the form's values and errors, the slug made from the headline until someone edits it (or the
 * article is published, or its address is the desk's), the body editor's handle and word count, and the copy of
 * unsaved changes on this device, brought back when the editor opens. The fields are what saving collects: they connect themselves to it.
 */
import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { getCurrentArticleAction } from "@/lib/actions/editor";
import { countWords, type DocNode } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import { payloadOf } from "./content-key";
import { normalizeErrors, withoutKeys, type FieldErrors } from "./field-errors";
import { takeNewerLocalDraft } from "./local-draft";
import type { CurrentArticle, EditableFields, EditorArticle, SavePayload } from "./types";
import type { Saving } from "./use-saving";

/** A slug counts as edited when it is not the headline's (a new article's "draft-…" placeholder is not an edit). */
const isSlugEdited = (fields: EditableFields) => fields.slug !== slugify(fields.headline) && !fields.slug.startsWith("draft-");

export function useArticleFields(article: EditorArticle, { controller, connect, markClean }: Saving) {
  const articleId = article.id;
  const [initial] = useState(() => ({ version: article.version, body: article.body, updatedAt: article.updatedAt }));
  const [fields, setFields] = useState<EditableFields>(article.fields);
  const [slugEdited, setSlugEdited] = useState(() => isSlugEdited(article.fields));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [words, setWords] = useState(() => countWords(article.body));
  const [restored, setRestored] = useState(false);

  // Saving reads these when a save or a local copy is due, never on each keystroke.
  const fieldsRef = useRef(article.fields);
  const slugEditedRef = useRef(slugEdited);
  const hasBeenPublishedRef = useRef(article.hasBeenPublished);
  const editsLiveRef = useRef(article.editsLive);
  const editorRef = useRef<Editor | null>(null);
  const lastBodyRef = useRef<DocNode>(article.body);
  const readOnlyRef = useRef(false);
  const wordsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    hasBeenPublishedRef.current = article.hasBeenPublished;
    editsLiveRef.current = article.editsLive;
  }, [article.hasBeenPublished, article.editsLive]);

  /** The fields and the body as they are now (serializes the document). */
  const collect = useCallback((): SavePayload => {
    const editor = editorRef.current;
    if (editor && !editor.isDestroyed) lastBodyRef.current = editor.getJSON() as DocNode;
    return { ...fieldsRef.current, body: lastBodyRef.current };
  }, []);

  const setSlugEditedBoth = (value: boolean) => {
    slugEditedRef.current = value;
    setSlugEdited(value);
  };

  /** Shows `payload` in the editor and the form without counting it as an edit (throws if the body is not a document). */
  const show = useCallback((payload: SavePayload) => {
    const { body, ...next } = payload;
    const editor = editorRef.current;
    if (editor && !editor.isDestroyed) editor.commands.setContent(body, { emitUpdate: false });
    fieldsRef.current = next;
    setFields(next);
    lastBodyRef.current = body;
    setWords(countWords(body));
  }, []);

  /** Shows the server's current version in the form and the editor; nothing is unsaved afterwards. */
  const loadCurrent = useCallback(
    (current: CurrentArticle) => {
      show(payloadOf(current));
      setFieldErrors({});
      markClean(current);
    },
    [markClean, show],
  );

  /** Loads the article as the server has it now; false when it could not be read (nothing changed then). */
  const reloadCurrent = useCallback(async (): Promise<boolean> => {
    const current = await getCurrentArticleAction(articleId).catch(() => null);
    if (current?.ok) loadCurrent(current.data);
    return current?.ok ?? false;
  }, [articleId, loadCurrent]);

  useEffect(() => {
    connect({
      collect,
      localExtras: () => ({ slugEdited: slugEditedRef.current }),
      onSaved: (saved, sent) => {
        setFieldErrors((prev) => (Object.keys(prev).length === 0 ? prev : {}));
        // The server made the slug unique: show its slug, unless the writer has typed another since.
        if (saved.slug !== sent.slug && fieldsRef.current.slug === sent.slug) {
          fieldsRef.current = { ...fieldsRef.current, slug: saved.slug };
          setFields(fieldsRef.current);
        }
      },
      onFieldErrors: (errors) => setFieldErrors(normalizeErrors(errors)),
    });
  }, [collect, connect]);

  const update = useCallback(
    (patch: Partial<EditableFields>) => {
      let next = { ...fieldsRef.current, ...patch };
      // The slug follows the headline until it is edited or published, and never where it is the desk's to change.
      if (patch.headline !== undefined && !hasBeenPublishedRef.current && editsLiveRef.current && !slugEditedRef.current) {
        const generated = slugify(patch.headline);
        if (generated) next = { ...next, slug: generated };
      }
      fieldsRef.current = next;
      setFields(next);
      const keys = Object.keys(patch);
      if (patch.headline !== undefined) keys.push("slug");
      setFieldErrors((prev) => withoutKeys(prev, keys));
      controller().changed();
    },
    [controller],
  );

  const editSlug = (value: string) => {
    setSlugEditedBoth(true);
    update({ slug: value });
  };

  const slugFromHeadline = () => {
    setSlugEditedBoth(false);
    const generated = slugify(fieldsRef.current.headline);
    if (generated) update({ slug: generated });
  };

  /** On every keystroke in the body: cheap. The word count follows once typing pauses. */
  const bodyChanged = useCallback(() => {
    controller().changed();
    clearTimeout(wordsTimer.current);
    wordsTimer.current = setTimeout(() => {
      const editor = editorRef.current;
      if (!editor || editor.isDestroyed) return;
      const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, " ", " ");
      setWords(text.split(/\s+/).filter(Boolean).length);
    }, 800);
  }, [controller]);

  useEffect(() => () => clearTimeout(wordsTimer.current), []);

  // The editor exists: bring back unsaved changes kept on this device, if they are newer than the server's.
  const editorReady = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      if (readOnlyRef.current) editor.setEditable(false, false);
      const server = { payload: { ...fieldsRef.current, body: editor.getJSON() as DocNode }, version: initial.version, updatedAt: initial.updatedAt };
      const local = takeNewerLocalDraft(articleId, server);
      if (!local) return;
      // The URL and byline of a released article are the desk's: a copy made before it was released does not bring
      // back changes to them that the server would refuse.
      const locked = editsLiveRef.current ? {} : { slug: fieldsRef.current.slug, sectionId: fieldsRef.current.sectionId, authorIds: fieldsRef.current.authorIds };
      try {
        show({ ...fieldsRef.current, ...local.fields, ...locked });
      } catch {
        return; // not a document this editor understands: leave the server's version in place
      }
      if (typeof local.slugEdited === "boolean") setSlugEditedBoth(local.slugEdited);
      const saver = controller();
      saver.baseVersion = local.baseVersion;
      saver.changed();
      setRestored(true);
    },
    [articleId, controller, initial.updatedAt, initial.version, show],
  );

  /** Someone else took over (or gave it back): the body follows the form's fieldset. */
  const setReadOnly = useCallback((readOnly: boolean) => {
    readOnlyRef.current = readOnly;
    const editor = editorRef.current;
    if (editor && !editor.isDestroyed) editor.setEditable(!readOnly, false);
  }, []);

  const focusBody = useCallback(() => {
    editorRef.current?.commands.focus();
  }, []);

  return {
    initialBody: initial.body,
    fields,
    fieldErrors,
    slugEdited,
    words,
    restored,
    dismissRestored: () => setRestored(false),
    update,
    editSlug,
    slugFromHeadline,
    bodyChanged,
    editorReady,
    collect,
    loadCurrent,
    reloadCurrent,
    setReadOnly,
    focusBody,
  };
}

export type ArticleFieldsState = ReturnType<typeof useArticleFields>;
