"use client";

/**
 * The article editor page: the article's shared document (several people write it at once: carets, presence and
 * merging come from Yjs, docs/decisions/0015-co-editing.md), composed from one hook per concern (the document and its
 * connection, saving, the fields bound to it, presence, revision restore) with the form, the pending update's panel
 * and the side panels (status, corrections, notes, previews, revisions).
 *
 * A new draft left with nothing typed in it is deleted (use-blank-draft.ts).
 *
 * Speed with long articles: the Tiptap instance is created once and lives in a memoized child; typing in the body
 * re-renders nothing here. The other fields are controlled inputs bound to the document; the side panels are memoized
 * (their callbacks are stable) so that typing a headline does not re-render them.
 */
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { countWords } from "@/lib/content/document";
import { ArticleForm } from "./article-form";
import { ChangesRequestedBanner } from "./changes-requested-banner";
import { CorrectionsPanel } from "./corrections-panel";
import { NotesPanel } from "./notes-panel";
import { PresenceNotice } from "./presence-notice";
import { PreviewPanel } from "./preview-panel";
import { RevisionsPanel } from "./revisions-panel";
import type { ArticleEditorProps } from "./types";
import { useArticleFields } from "./use-article-fields";
import { useBlankDraft } from "./use-blank-draft";
import { usePresence } from "./use-presence";
import { UpdatePanel } from "./update-panel";
import { useRevisionRestore } from "./use-revision-restore";
import { useSaving } from "./use-saving";
import { useSharedDocument } from "./use-shared-document";
import { WorkflowPanel } from "./workflow-panel";
import "./editor.css";

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, revisions, notes, changeRequest, previewLinks, locale, timeZone, flags, me } = props;
  const articleId = article.id;
  const [notice, setNotice] = useState("");
  // A journalist's edits of a scheduled or published story go to its pending update, a document of its own.
  const shared = useSharedDocument({ articleId, target: article.editsLive ? "live" : "pending" });
  const saving = useSaving(shared, { editsLive: article.editsLive, hasPendingUpdate: article.pendingUpdate !== null });
  const form = useArticleFields(article, shared);
  const presence = usePresence(shared.provider, me);
  const restoreRevision = useRevisionRestore(articleId, shared, saving);
  const readOnly = shared.readOnly;
  const openedBlank = article.status === "DRAFT" && article.version === 1 && article.fields.headline === "" && countWords(article.body) === 0;
  useBlankDraft(articleId, openedBlank, shared.untouched);
  /** What the status and the pending update's panels share: the article, and storing before a change and catching up after. */
  const statusPanel = { articleId, status: article.status, editsLive: article.editsLive, prepare: saving.prepareChange, finish: saving.finishChange };
  const body = { doc: shared.doc, provider: shared.provider, user: presence.user, editable: !readOnly };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold">Edit article</h1>
        <p className="mt-1 text-sm text-muted">
          {article.lastEditedBy ? `Last edited by ${article.lastEditedBy}. ` : ""}Changes save automatically, and everyone who has the article open sees them as they are typed.
        </p>

        <PresenceNotice others={presence.others} elsewhere={presence.elsewhere} />

        <div role="status">{shared.moved && <Banner tone="warning" text={shared.moved} />}</div>

        {shared.restored && (
          <Banner tone="info" text="Restored unsaved changes from this device">
            <Button onClick={shared.dismissRestored}>Dismiss</Button>
          </Banner>
        )}

        {changeRequest && <ChangesRequestedBanner {...changeRequest} />}

        <UpdatePanel {...statusPanel} update={article.pendingUpdate} canReview={flags.canPublish} announce={setNotice} />

        <ArticleForm {...props} form={form} saving={saving} body={body} readOnly={readOnly} notice={notice} />
      </div>

      <aside aria-label="Publishing and history" className="space-y-4">
        <WorkflowPanel
          {...statusPanel}
          flags={flags}
          timeZone={timeZone}
          scheduledAtInput={article.scheduledAtInput}
          scheduledAtLabel={article.scheduledAtLabel}
          publishedAtLabel={article.publishedAtLabel}
          slug={article.fields.slug}
          sectionPath={props.sections.find((s) => s.id === article.fields.sectionId)?.path ?? ""}
          hasBeenPublished={article.hasBeenPublished}
          breakingAlert={article.breakingAlert}
        />
        {flags.canCorrect && article.status === "PUBLISHED" && <CorrectionsPanel articleId={articleId} />}
        <NotesPanel articleId={articleId} notes={notes} />
        <PreviewPanel articleId={articleId} links={previewLinks} locale={locale} timeZone={timeZone} />
        <RevisionsPanel revisions={revisions} disabled={readOnly} onRestore={restoreRevision} />
      </aside>
    </div>
  );
}

const TONES = { warning: "border-2 border-amber-600 bg-amber-50", info: "border border-blue-300 bg-blue-50" };

/** A notice above the form with its one action. */
function Banner({ tone, text, children }: { tone: keyof typeof TONES; text: string; children?: ReactNode }) {
  return (
    <div className={`mt-4 flex flex-wrap items-center gap-3 rounded p-3 ${TONES[tone]}`}>
      <p className="font-semibold">{text}</p>
      {children}
    </div>
  );
}
