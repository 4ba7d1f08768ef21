"use client";

/**
 * The article editor page: composes one hook per concern (saving, fields, conflicts, presence, revision restore)
 * with the form, the pending update's panel and the side panels (status, corrections, notes, previews, revisions).
 *
 * A new draft left with nothing typed in it is deleted (use-blank-draft.ts).
 *
 * Speed with long articles: the Tiptap instance is created once and lives in a memoized child; typing in the body
 * re-renders nothing here (it only tells the save controller that something changed), and the document is
 * serialized only when a save or the local copy is due. The other fields are ordinary controlled inputs; the side
 * panels are memoized (their callbacks are stable) so that typing a headline does not re-render them.
 */
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { countWords } from "@/lib/content/document";
import { joinNames } from "@/lib/text";
import { ArticleForm } from "./article-form";
import { ChangesRequestedBanner } from "./changes-requested-banner";
import { ConflictPanel } from "./conflict-panel";
import { CorrectionsPanel } from "./corrections-panel";
import { NotesPanel } from "./notes-panel";
import { PreviewPanel } from "./preview-panel";
import { RevisionsPanel } from "./revisions-panel";
import type { ArticleEditorProps } from "./types";
import { useArticleFields } from "./use-article-fields";
import { useBlankDraft } from "./use-blank-draft";
import { useConflicts } from "./use-conflicts";
import { usePresence } from "./use-presence";
import { UpdatePanel } from "./update-panel";
import { useRevisionRestore } from "./use-revision-restore";
import { useSaving } from "./use-saving";
import { WorkflowPanel } from "./workflow-panel";
import "./editor.css";

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, revisions, notes, changeRequest, previewLinks, locale, timeZone, flags } = props;
  const articleId = article.id;
  const [notice, setNotice] = useState("");
  const saving = useSaving(article);
  const form = useArticleFields(article, saving);
  const context = { articleId, saving, fields: form, setNotice };
  const conflicts = useConflicts(context);
  const presence = usePresence(context);
  const restoreRevision = useRevisionRestore(context);
  const readOnly = presence.displaced !== null;
  const openedBlank = article.status === "DRAFT" && article.version === 1 && article.fields.headline === "" && countWords(article.body) === 0;
  useBlankDraft(articleId, openedBlank, () => !saving.controller().isDirty && saving.controller().baseVersion === article.version);
  /** What the status and the pending update's panels share: the article, and saving before a change and catching up after. */
  const statusPanel = { articleId, status: article.status, editsLive: article.editsLive, prepare: saving.prepareChange, finish: saving.finishChange };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold">Edit article</h1>
        <p className="mt-1 text-sm text-muted">
          {article.lastEditedBy ? `Last edited by ${article.lastEditedBy}. ` : ""}Changes save automatically.
        </p>

        <div role="status">
          {presence.displaced ? (
            <Banner tone="warning" text={`${presence.displaced.by} took over editing. ${presence.displaced.saved ? "Your changes were saved." : "Your latest changes are kept on this device."}`}>
              <Button onClick={() => void presence.takeOver()} disabled={presence.busy}>
                Take over again
              </Button>
            </Banner>
          ) : presence.others.length > 0 ? (
            <Banner tone="info" text={`${joinNames(presence.others.map((o) => o.name))} ${presence.others.length === 1 ? "is" : "are"} editing this article`}>
              <Button onClick={() => void presence.takeOver()} disabled={presence.busy}>
                Take over
              </Button>
            </Banner>
          ) : null}
        </div>

        {form.restored && (
          <Banner tone="info" text="Restored unsaved changes from this device">
            <Button onClick={form.dismissRestored}>Dismiss</Button>
          </Banner>
        )}

        {conflicts.conflict && (
          <div className="mt-4">
            <ConflictPanel
              {...conflicts.conflict}
              busy={conflicts.busy}
              onKeepTheirs={conflicts.keepTheirs}
              onKeepMine={() => void conflicts.keepMine()}
              onMerge={conflicts.mergeByHand}
            />
          </div>
        )}

        {changeRequest && <ChangesRequestedBanner {...changeRequest} />}

        <UpdatePanel {...statusPanel} update={article.pendingUpdate} canReview={flags.canPublish} reload={form.reloadCurrent} announce={setNotice} />

        <ArticleForm {...props} form={form} saving={saving} readOnly={readOnly} notice={notice} mergeText={conflicts.mergeText} onDoneMerging={conflicts.doneMerging} />
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
          sectionSlug={props.sections.find((s) => s.id === article.fields.sectionId)?.slug ?? ""}
          hasBeenPublished={article.hasBeenPublished}
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
function Banner({ tone, text, children }: { tone: keyof typeof TONES; text: string; children: ReactNode }) {
  return (
    <div className={`mt-4 flex flex-wrap items-center gap-3 rounded p-3 ${TONES[tone]}`}>
      <p className="font-semibold">{text}</p>
      {children}
    </div>
  );
}
