"use client";

/**
 * The article editor: the form, the body editor, saving (components/editor/save-controller.ts), conflicts,
 * presence, and the side panels (status, corrections, notes, previews, revisions).
 *
 * Speed with long articles: the Tiptap instance is created once and lives in a memoized child; typing in the body
 * re-renders nothing here (it only tells the save controller that something changed), and the document is
 * serialized only when a save or the local copy is due. The other fields are ordinary controlled inputs; the side
 * panels are memoized so that typing a headline does not re-render them.
 */
import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { heartbeatAction, leaveAction, takeOverAction } from "@/lib/actions/presence";
import { restoreRevisionAction } from "@/lib/actions/revisions";
import { getCurrentArticleAction } from "@/lib/actions/editor";
import { countWords, documentToPlainText, type DocNode } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import { joinNames } from "@/lib/text";
import { ArticleFieldsSchema, MIN_BODY_WORDS } from "@/lib/validation/articles";
import { AuthorsField } from "./authors-field";
import { BodyEditor } from "./body-editor";
import { ConflictPanel } from "./conflict-panel";
import { CorrectionsPanel } from "./corrections-panel";
import { FeaturedImageField } from "./featured-image-field";
import type { MediaOption } from "./types";
import { clearLocalDraft, contentKey, readLocalDraft } from "./local-draft";
import { NotesPanel } from "./notes-panel";
import { PreviewPanel } from "./preview-panel";
import { RevisionsPanel } from "./revisions-panel";
import { SaveController, type SaveMode, type SaveStatus } from "./save-controller";
import { SeoFields } from "./seo-fields";
import { TagsField } from "./tags-field";
import type { ArticleEditorProps, CurrentArticle, EditableFields, SavePayload, StaffOption } from "./types";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "./ui";
import { WorkflowPanel } from "./workflow-panel";
import "./editor.css";

const FieldsSchema = ArticleFieldsSchema.omit({ body: true });

/** Where each field the server may complain about lives, for the error summary's links. */
const FIELDS: Record<string, { id: string; label: string }> = {
  headline: { id: "field-headline", label: "Headline" },
  dek: { id: "field-dek", label: "Dek" },
  body: { id: "field-body", label: "Body" },
  datelineCity: { id: "field-dateline", label: "Dateline" },
  sectionId: { id: "field-section", label: "Section" },
  tags: { id: "field-tags", label: "Tags" },
  authorIds: { id: "field-authors", label: "Authors" },
  featuredImageId: { id: "field-featured-image", label: "Featured image" },
  slug: { id: "field-slug", label: "Slug" },
  seoTitle: { id: "field-seo-title", label: "SEO title" },
  seoDescription: { id: "field-seo-description", label: "SEO description" },
};

function normalizeErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.split(".")[0] ?? path;
    out[key in FIELDS ? key : "form"] ??= message;
  }
  return out;
}

function validateFields(payload: SavePayload): Record<string, string> | null {
  const parsed = FieldsSchema.safeParse(payload);
  if (parsed.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

function payloadOf(current: CurrentArticle): SavePayload {
  return {
    headline: current.headline,
    dek: current.dek,
    body: current.body,
    datelineCity: current.datelineCity,
    sectionId: current.sectionId,
    tags: current.tags,
    authorIds: current.authorIds,
    featuredImageId: current.featuredImageId,
    slug: current.slug,
    seoTitle: current.seoTitle,
    seoDescription: current.seoDescription,
  };
}

function withoutKeys(errors: Record<string, string>, keys: string[]): Record<string, string> {
  if (!keys.some((k) => k in errors) && !("form" in errors)) return errors;
  const next = { ...errors };
  for (const k of [...keys, "form"]) delete next[k];
  return next;
}

type ConflictState = { mine: SavePayload; theirs: CurrentArticle | null; error: string | null };

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, sections, staff, tagNames, revisions, notes, previewLinks, locale, timeZone, siteUrl, flags } = props;
  // Images uploaded from inside the editor join the library list at once (featured image and body pickers).
  const [media, setMedia] = useState<MediaOption[]>(props.media);
  const articleId = article.id;
  const router = useRouter();

  const [fields, setFields] = useState<EditableFields>(article.fields);
  const [initial] = useState(() => ({ version: article.version, body: article.body, updatedAt: article.updatedAt }));
  const [slugEdited, setSlugEdited] = useState(() => article.fields.slug !== slugify(article.fields.headline) && !article.fields.slug.startsWith("draft-"));
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [conflictBusy, setConflictBusy] = useState(false);
  const [mergeText, setMergeText] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [notice, setNotice] = useState("");
  const [others, setOthers] = useState<StaffOption[]>([]);
  const [displaced, setDisplaced] = useState<{ by: string; saved: boolean } | null>(null);
  const [presenceBusy, setPresenceBusy] = useState(false);
  const [words, setWords] = useState(() => countWords(article.body));

  const fieldsRef = useRef(article.fields);
  const slugEditedRef = useRef(slugEdited);
  const hasBeenPublishedRef = useRef(article.hasBeenPublished);
  const editorRef = useRef<Editor | null>(null);
  const lastBodyRef = useRef<DocNode>(article.body);
  /** The content of the version saves are based on: a conflict with no change of content is resolved silently. */
  const baseContentRef = useRef(contentKey({ ...article.fields, body: article.body }));
  const controllerRef = useRef<SaveController | null>(null);
  const conflictHandlerRef = useRef<(mine: SavePayload, mode: SaveMode) => void>(() => undefined);
  const displacedRef = useRef(false);
  const wordsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshRef = useRef(() => router.refresh());

  useEffect(() => {
    hasBeenPublishedRef.current = article.hasBeenPublished;
  }, [article.hasBeenPublished]);

  /** The save controller, made on first use (never during render). */
  const getController = useCallback((): SaveController => {
    controllerRef.current ??= new SaveController({
      articleId,
      baseVersion: initial.version,
      collect: () => {
        const editor = editorRef.current;
        if (editor && !editor.isDestroyed) lastBodyRef.current = editor.getJSON() as DocNode;
        return { ...fieldsRef.current, body: lastBodyRef.current };
      },
      validate: (payload) => {
        const errors = validateFields(payload);
        return errors ? normalizeErrors(errors) : null;
      },
      localExtras: () => ({ slugEdited: slugEditedRef.current }),
      onStatus: setStatus,
      onSaved: (saved, sent, mode) => {
        baseContentRef.current = contentKey(sent);
        // A manual save always adds a revision: show it in the history.
        if (mode === "manual") refreshRef.current();
        setFieldErrors((prev) => (Object.keys(prev).length === 0 ? prev : {}));
        if (saved.slug !== sent.slug && fieldsRef.current.slug === sent.slug) {
          fieldsRef.current = { ...fieldsRef.current, slug: saved.slug };
          setFields(fieldsRef.current);
        }
      },
      onConflict: (mine, mode) => conflictHandlerRef.current(mine, mode),
      onFieldErrors: (errors) => setFieldErrors(normalizeErrors(errors)),
    });
    return controllerRef.current;
  }, [articleId, initial.version]);

  /** Shows the server's current version in the form and the editor; nothing is unsaved afterwards. */
  const loadCurrent = useCallback(
    (current: CurrentArticle) => {
      const payload = payloadOf(current);
      const { body, ...next } = payload;
      fieldsRef.current = next;
      setFields(next);
      const editor = editorRef.current;
      if (editor && !editor.isDestroyed) editor.commands.setContent(body, { emitUpdate: false });
      lastBodyRef.current = body;
      baseContentRef.current = contentKey(payload);
      setWords(countWords(body));
      setFieldErrors({});
      getController().markClean(current.version);
    },
    [getController],
  );

  // A refused save: fetch theirs and show the conflict, unless only the version moved (a status change, say).
  useEffect(() => {
    conflictHandlerRef.current = (mine, mode) => {
      setConflict({ mine, theirs: null, error: null });
      void (async () => {
        const result = await getCurrentArticleAction(articleId).catch(() => null);
        if (!result || !result.ok) {
          setConflict({ mine, theirs: null, error: `Their version could not be loaded (${result?.message ?? "no connection"}). Your text is kept on this device; reload the page to compare.` });
          return;
        }
        const theirs = result.data;
        const theirsKey = contentKey(payloadOf(theirs));
        // Only the version moved (a status change), or theirs is exactly mine (a save sent as a page closed landed
        // late): nothing would be lost, so save on top of theirs without asking.
        if (theirsKey === baseContentRef.current || theirsKey === contentKey(mine)) {
          setConflict(null);
          const controller = getController();
          controller.resume(theirs.version);
          void controller.save(mode, { force: true });
          return;
        }
        setConflict({ mine, theirs, error: null });
        router.refresh(); // the refused save is now in the revision list
      })();
    };
  }, [articleId, getController, router]);

  const changed = useCallback(() => {
    getController().changed();
    clearTimeout(wordsTimer.current);
    wordsTimer.current = setTimeout(() => {
      const editor = editorRef.current;
      if (!editor || editor.isDestroyed) return;
      const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, " ", " ");
      setWords(text.split(/\s+/).filter(Boolean).length);
    }, 800);
  }, [getController]);

  const updateFields = useCallback(
    (patch: Partial<EditableFields>) => {
      let next = { ...fieldsRef.current, ...patch };
      if (patch.headline !== undefined && !hasBeenPublishedRef.current && !slugEditedRef.current) {
        const generated = slugify(patch.headline);
        if (generated) next = { ...next, slug: generated };
      }
      fieldsRef.current = next;
      setFields(next);
      const keys = Object.keys(patch);
      if (patch.headline !== undefined) keys.push("slug");
      setFieldErrors((prev) => withoutKeys(prev, keys));
      getController().changed();
    },
    [getController],
  );

  const editSlug = (value: string) => {
    slugEditedRef.current = true;
    setSlugEdited(true);
    updateFields({ slug: value });
  };

  const slugFromHeadline = () => {
    slugEditedRef.current = false;
    setSlugEdited(false);
    const generated = slugify(fieldsRef.current.headline);
    if (generated) updateFields({ slug: generated });
  };

  // The editor exists: bring back unsaved changes kept on this device, if they are newer than the server's.
  const handleEditorReady = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      if (displacedRef.current) editor.setEditable(false, false);
      const local = readLocalDraft(articleId);
      if (!local) return;
      const serverKey = contentKey({ ...fieldsRef.current, body: editor.getJSON() as DocNode });
      const isNewer = local.baseVersion >= initial.version || Date.parse(local.savedAt) > Date.parse(initial.updatedAt);
      if (!isNewer || contentKey(local.fields) === serverKey) {
        clearLocalDraft(articleId);
        return;
      }
      const { body, ...rest } = local.fields;
      const next: EditableFields = { ...fieldsRef.current, ...rest };
      try {
        editor.commands.setContent(body, { emitUpdate: false });
      } catch {
        return; // not a document this editor understands: leave the server's version in place
      }
      fieldsRef.current = next;
      setFields(next);
      lastBodyRef.current = body;
      setWords(countWords(body));
      if (typeof local.slugEdited === "boolean") {
        slugEditedRef.current = local.slugEdited;
        setSlugEdited(local.slugEdited);
      }
      const controller = getController();
      controller.baseVersion = local.baseVersion;
      controller.changed();
      setRestored(true);
    },
    [articleId, getController, initial.updatedAt, initial.version],
  );

  // Saving when the page is hidden or closed (keepalive), and when the editor is left for another page.
  useEffect(() => {
    const controller = getController();
    controller.attach();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") controller.pageHidden();
    };
    const onPageHide = () => controller.pageHidden();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      controller.pageHidden();
      controller.detach();
      clearTimeout(wordsTimer.current);
    };
  }, [getController]);

  // Presence: a heartbeat every 10 seconds; someone taking over makes this editor read-only.
  const onDisplacedRef = useRef<(by: string) => void>(() => undefined);
  useEffect(() => {
    onDisplacedRef.current = (by: string) => {
      if (displacedRef.current) return;
      displacedRef.current = true;
      void (async () => {
        const controller = getController();
        const saved = controller.isDirty ? await controller.flush() : controller.isActive;
        controller.stop();
        const editor = editorRef.current;
        if (editor && !editor.isDestroyed) editor.setEditable(false, false);
        setDisplaced({ by, saved });
      })();
    };
  }, [getController]);

  useEffect(() => {
    let alive = true;
    const beat = async () => {
      const result = await heartbeatAction(articleId).catch(() => null);
      if (!alive || !result?.ok) return;
      const next = result.data.others;
      setOthers((prev) => (prev.length === next.length && prev.every((p, i) => p.id === next[i]?.id) ? prev : next));
      if (result.data.displacedBy) onDisplacedRef.current(result.data.displacedBy);
    };
    void beat();
    const timer = setInterval(() => void beat(), 10_000);
    const onPageHide = () => void leaveAction(articleId).catch(() => undefined);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener("pagehide", onPageHide);
      void leaveAction(articleId).catch(() => undefined);
    };
  }, [articleId]);

  const takeOver = async () => {
    setPresenceBusy(true);
    try {
      const result = await takeOverAction(articleId).catch(() => null);
      if (!result?.ok) {
        setNotice(result?.message ?? "Could not take over: no connection.");
        return;
      }
      setOthers([]);
      if (displaced) {
        const controller = getController();
        if (displaced.saved) {
          const current = await getCurrentArticleAction(articleId).catch(() => null);
          if (current?.ok) loadCurrent(current.data);
          else controller.resume(controller.baseVersion);
        } else {
          // Our last changes did not reach the server: save them now (a conflict will show if theirs differ).
          controller.resume(controller.baseVersion);
          void controller.save("manual", { force: true });
        }
        displacedRef.current = false;
        const editor = editorRef.current;
        if (editor && !editor.isDestroyed) editor.setEditable(true, false);
        setDisplaced(null);
        setNotice("You are editing again.");
      }
    } finally {
      setPresenceBusy(false);
    }
  };

  // Conflict resolution.
  const keepTheirs = () => {
    if (!conflict?.theirs) return;
    loadCurrent(conflict.theirs);
    setConflict(null);
    setMergeText(null);
    setNotice("Their version is loaded. Yours is kept in the revision history.");
    editorRef.current?.commands.focus();
  };

  const keepMine = async () => {
    if (!conflict?.theirs) return;
    setConflictBusy(true);
    const controller = getController();
    controller.resume(conflict.theirs.version);
    setConflict(null);
    const result = await controller.save("manual", { force: true });
    setConflictBusy(false);
    if (result === "saved") {
      setNotice("Your version was saved over theirs. Theirs is kept in the revision history.");
      router.refresh();
    }
  };

  const mergeByHand = () => {
    if (!conflict?.theirs) return;
    const editor = editorRef.current;
    const mineBody = editor && !editor.isDestroyed ? (editor.getJSON() as DocNode) : conflict.mine.body;
    const mine = fieldsRef.current;
    setMergeText([mine.headline, mine.dek, documentToPlainText(mineBody)].filter((part) => part.trim()).join("\n\n"));
    loadCurrent(conflict.theirs);
    setConflict(null);
    setNotice("Their version is loaded. Copy what you need from your version, shown beside the body.");
  };

  // Status changes and restores: save first, hold autosaves meanwhile, then catch up with the new version.
  const prepareChange = useCallback(async (): Promise<string | null> => {
    const controller = getController();
    controller.hold();
    if (!controller.isActive) return "Resolve the conflict above (or take over editing) first.";
    const saved = await controller.flush();
    return saved ? null : "Your latest changes could not be saved, so nothing was changed. Check the save status at the bottom of the form.";
  }, [getController]);

  const finishChange = useCallback(
    async (didChange: boolean) => {
      const controller = getController();
      if (didChange) {
        const current = await getCurrentArticleAction(articleId).catch(() => null);
        if (current?.ok && contentKey(payloadOf(current.data)) === baseContentRef.current) controller.baseVersion = current.data.version;
      }
      controller.release();
      router.refresh();
    },
    [articleId, getController, router],
  );

  const restoreRevision = useCallback(
    async (revisionId: string): Promise<string | null> => {
      const controller = getController();
      controller.hold();
      try {
        if (!controller.isActive) return "Resolve the conflict above (or take over editing) first.";
        // Keep what is on screen now in the history before it is replaced.
        const saved = await controller.save("manual", { force: true });
        if (saved !== "saved") return "Your current text could not be saved first, so nothing was restored.";
        const result = await restoreRevisionAction(articleId, revisionId, controller.baseVersion).catch(() => null);
        if (!result) return "Could not reach the server. Try again.";
        if (!result.ok) return result.message;
        const current = await getCurrentArticleAction(articleId).catch(() => null);
        if (current?.ok) loadCurrent(current.data);
        else controller.baseVersion = result.data;
        router.refresh();
        return null;
      } finally {
        controller.release();
      }
    },
    [articleId, getController, loadCurrent, router],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void getController().save("manual", { force: true });
  };

  const readOnly = displaced !== null;
  const section = sections.find((s) => s.id === fields.sectionId);
  const publicPath = `/${section?.slug ?? "section"}/${fields.slug}`;
  const errorEntries = Object.entries(fieldErrors);
  const describe = (key: string, hint?: string) => [hint, fieldErrors[key] ? `${FIELDS[key]?.id ?? key}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (key: string) =>
    fieldErrors[key] ? (
      <p id={`${FIELDS[key]?.id ?? key}-error`} className={errorClass}>
        {fieldErrors[key]}
      </p>
    ) : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold">Edit article</h1>
        <p className="mt-1 text-sm text-muted">
          {article.lastEditedBy ? `Last edited by ${article.lastEditedBy}. ` : ""}Changes save automatically.
        </p>

        <div role="status">
          {displaced ? (
            <div className="mt-4 flex flex-wrap items-center gap-3 rounded border-2 border-amber-600 bg-amber-50 p-3">
              <p className="font-semibold">
                {displaced.by} took over editing. {displaced.saved ? "Your changes were saved." : "Your latest changes are kept on this device."}
              </p>
              <button type="button" className={buttonClass} onClick={() => void takeOver()} disabled={presenceBusy}>
                Take over again
              </button>
            </div>
          ) : others.length > 0 ? (
            <div className="mt-4 flex flex-wrap items-center gap-3 rounded border border-blue-300 bg-blue-50 p-3">
              <p className="font-semibold">
                {joinNames(others.map((o) => o.name))} {others.length === 1 ? "is" : "are"} editing this article
              </p>
              <button type="button" className={buttonClass} onClick={() => void takeOver()} disabled={presenceBusy}>
                Take over
              </button>
            </div>
          ) : null}
        </div>

        {restored && (
          <div className="mt-4 flex flex-wrap items-center gap-3 rounded border border-blue-300 bg-blue-50 p-3">
            <p className="font-semibold">Restored unsaved changes from this device</p>
            <button type="button" className={buttonClass} onClick={() => setRestored(false)}>
              Dismiss
            </button>
          </div>
        )}

        {conflict && (
          <div className="mt-4">
            <ConflictPanel
              theirs={conflict.theirs}
              mine={conflict.mine}
              error={conflict.error}
              busy={conflictBusy}
              onKeepTheirs={keepTheirs}
              onKeepMine={() => void keepMine()}
              onMerge={mergeByHand}
            />
          </div>
        )}

        {errorEntries.length > 0 && (
          <div role="alert" aria-labelledby="error-summary-heading" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3">
            <h2 id="error-summary-heading" className="font-bold text-red-900">
              The article was not saved. Correct {errorEntries.length === 1 ? "this field" : "these fields"}:
            </h2>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {errorEntries.map(([key, message]) => (
                <li key={key}>
                  {FIELDS[key] ? (
                    <a href={`#${FIELDS[key].id}`} className="text-red-900 underline">
                      {FIELDS[key].label}: {message}
                    </a>
                  ) : (
                    message
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}

        <form onSubmit={onSubmit} noValidate className="mt-6" aria-label="Article">
          <fieldset disabled={readOnly} className="min-w-0 space-y-6">
            <div>
              <label htmlFor="field-headline" className={labelClass}>
                Headline
              </label>
              <input
                id="field-headline"
                type="text"
                value={fields.headline}
                onChange={(e) => updateFields({ headline: e.target.value })}
                aria-invalid={fieldErrors.headline ? true : undefined}
                aria-describedby={describe("headline")}
                className={`${inputClass} font-serif text-2xl font-bold`}
              />
              {fieldError("headline")}
            </div>

            <div>
              <label htmlFor="field-dek" className={labelClass}>
                Dek
              </label>
              <textarea
                id="field-dek"
                rows={2}
                value={fields.dek}
                onChange={(e) => updateFields({ dek: e.target.value })}
                aria-invalid={fieldErrors.dek ? true : undefined}
                aria-describedby={describe("dek", "dek-hint")}
                className={inputClass}
              />
              <p id="dek-hint" className={hintClass}>
                One or two sentences under the headline.
              </p>
              {fieldError("dek")}
            </div>

            <div>
              <label htmlFor="field-dateline" className={labelClass}>
                Dateline
              </label>
              <input
                id="field-dateline"
                type="text"
                value={fields.datelineCity}
                onChange={(e) => updateFields({ datelineCity: e.target.value })}
                aria-invalid={fieldErrors.datelineCity ? true : undefined}
                aria-describedby={describe("datelineCity", "dateline-hint")}
                className={`${inputClass} max-w-sm`}
              />
              <p id="dateline-hint" className={hintClass}>
                The city the story is reported from, such as Monterrey.
              </p>
              {fieldError("datelineCity")}
            </div>

            <div>
              {/* The body is a contenteditable, not a form control: the label names it through aria-labelledby. */}
              <label id="body-label" className={labelClass} onClick={() => editorRef.current?.commands.focus()}>
                Body
              </label>
              <div className={mergeText !== null ? "mt-1 grid gap-4 xl:grid-cols-2" : "mt-1"}>
                <div className="min-w-0">
                  <BodyEditor initialContent={initial.body} media={media} labelId="body-label" describedBy="body-hint body-error" onReady={handleEditorReady} onChange={changed} />
                </div>
                {mergeText !== null && (
                  <div className="min-w-0">
                    <label htmlFor="merge-mine" className={labelClass}>
                      Your version
                    </label>
                    <textarea id="merge-mine" readOnly value={mergeText} rows={18} aria-describedby="merge-hint" className={`${inputClass} font-serif text-sm`} />
                    <p id="merge-hint" className={hintClass}>
                      Read-only: copy what you need into the body.
                    </p>
                    <button type="button" className={`${buttonClass} mt-2`} onClick={() => setMergeText(null)}>
                      Done merging
                    </button>
                  </div>
                )}
              </div>
              <p id="body-hint" className={hintClass}>
                {words.toLocaleString(locale)} {words === 1 ? "word" : "words"}
                {words < MIN_BODY_WORDS ? ` (at least ${MIN_BODY_WORDS} to publish)` : ""}. Ctrl+B bold, Ctrl+I italic.
              </p>
              <p id="body-error" className={errorClass + (fieldErrors.body ? "" : " sr-only")}>
                {fieldErrors.body ?? ""}
              </p>
            </div>

            <div className="grid gap-6 md:grid-cols-2">
              <div>
                <label htmlFor="field-section" className={labelClass}>
                  Section
                </label>
                <select
                  id="field-section"
                  value={fields.sectionId}
                  onChange={(e) => updateFields({ sectionId: e.target.value })}
                  aria-invalid={fieldErrors.sectionId ? true : undefined}
                  aria-describedby={describe("sectionId")}
                  className={inputClass}
                >
                  {sections.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                {fieldError("sectionId")}
              </div>
              <FeaturedImageField
                media={media}
                value={fields.featuredImageId}
                onChange={(id) => updateFields({ featuredImageId: id })}
                onUploaded={(option) => {
                  setMedia((list) => [option, ...list.filter((m) => m.id !== option.id)]);
                  updateFields({ featuredImageId: option.id });
                }}
                error={fieldErrors.featuredImageId}
              />
            </div>

            <TagsField value={fields.tags} onChange={(tags) => updateFields({ tags })} tagNames={tagNames} canCreateTags={flags.canCreateTags} error={fieldErrors.tags} />

            <AuthorsField staff={staff} value={fields.authorIds} onChange={(authorIds) => updateFields({ authorIds })} error={fieldErrors.authorIds} />

            <div>
              <label htmlFor="field-slug" className={labelClass}>
                Slug
              </label>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <span className="text-sm text-muted" aria-hidden="true">
                  /{section?.slug ?? ""}/
                </span>
                <input
                  id="field-slug"
                  type="text"
                  value={fields.slug}
                  onChange={(e) => editSlug(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={fieldErrors.slug ? true : undefined}
                  aria-describedby={describe("slug", "slug-hint")}
                  className={`${inputClass} mt-0 w-auto flex-1 font-mono text-sm`}
                />
                {!article.hasBeenPublished && slugEdited && (
                  <button type="button" className={buttonClass} onClick={slugFromHeadline}>
                    Use the headline
                  </button>
                )}
              </div>
              <p id="slug-hint" className={hintClass}>
                {article.hasBeenPublished
                  ? "Changing the slug keeps the old URL working (it redirects)"
                  : slugEdited
                    ? "Lower-case letters, digits and dashes."
                    : "Made from the headline until you change it."}
              </p>
              {fieldError("slug")}
            </div>

            <SeoFields
              seoTitle={fields.seoTitle}
              seoDescription={fields.seoDescription}
              headline={fields.headline}
              dek={fields.dek}
              url={`${siteUrl}${publicPath}`}
              onChange={updateFields}
              errors={{ seoTitle: fieldErrors.seoTitle, seoDescription: fieldErrors.seoDescription }}
            />
          </fieldset>

          <div className="sticky bottom-0 z-10 mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-gray-300 bg-paper py-3">
            <p role="status" aria-live="polite" className={`text-sm ${status.kind === "offline" || status.kind === "error" || status.kind === "invalid" || status.kind === "conflict" ? "font-semibold text-red-800" : "text-muted"}`}>
              {statusText(status, locale, timeZone)}
            </p>
            <div className="flex items-center gap-3">
              <p aria-live="polite" className="text-sm">
                {notice}
              </p>
              <button type="submit" className={primaryButtonClass} disabled={readOnly}>
                Save
              </button>
            </div>
          </div>
        </form>
      </div>

      <aside aria-label="Publishing and history" className="space-y-4">
        <WorkflowPanel
          articleId={articleId}
          status={article.status}
          flags={flags}
          timeZone={timeZone}
          scheduledAtInput={article.scheduledAtInput}
          scheduledAtLabel={article.scheduledAtLabel}
          publishedAtLabel={article.publishedAtLabel}
          prepare={prepareChange}
          finish={finishChange}
        />
        {flags.canCorrect && article.status === "PUBLISHED" && <CorrectionsPanel articleId={articleId} />}
        <NotesPanel articleId={articleId} notes={notes} />
        <PreviewPanel articleId={articleId} links={previewLinks} locale={locale} timeZone={timeZone} />
        <RevisionsPanel revisions={revisions} disabled={readOnly} onRestore={restoreRevision} />
      </aside>
    </div>
  );
}

function statusText(status: SaveStatus, locale: string, timeZone: string): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "pending":
      return "Changes pending";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved at ${new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(status.at)}`;
    case "offline":
      return "Offline — your changes are kept on this device";
    case "invalid":
    case "error":
      return status.message;
    case "conflict":
      return "Not saved: someone else saved this article";
    case "readonly":
      return "Read-only: someone else is editing";
  }
}
