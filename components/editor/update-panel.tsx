"use client";

/**
 * A scheduled or published article's pending update (lib/data/articles/pending.ts). Its authors read that their
 * changes are not live yet, submit them for review or discard them; the desk sees what the update changes against the
 * live version and publishes it or sends it back with a note. Unsaved edits are saved before any of these; the text a
 * published or discarded update leaves arrives in the editor through the shared document.
 */
import { memo, useId, useState } from "react";
import { discardUpdateAction, publishUpdateAction, sendBackUpdateAction, submitUpdateAction } from "@/lib/actions/workflow";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { ActionStatus, ConfirmStep } from "./action-status";
import type { PendingUpdateView } from "./types";
import { useEditorAction } from "./use-editor-action";
import { usePanelText } from "./use-panel-text";
import { DiffLegend, VersionDiff } from "./word-diff";

type Props = {
  articleId: string;
  /** The article's own status (scheduled or published, when this panel has something to say). */
  status: string;
  /** This user's saves go live: the desk. Otherwise they go to the pending update. */
  editsLive: boolean;
  update: PendingUpdateView | null;
  canReview: boolean;
  prepare: () => Promise<string | null>;
  finish: (changed: boolean) => Promise<void>;
  /** Says what happened on the page itself (this panel goes away once the update is published). */
  announce: (notice: string) => void;
};

function describe(update: PendingUpdateView, editsLive: boolean): string {
  if (editsLive) {
    const stage = update.status === "IN_REVIEW" ? `Submitted for review ${update.submittedAtLabel ?? ""}.` : update.status === "CHANGES_REQUESTED" ? "Sent back: changes requested." : "Not submitted for review yet.";
    return `${update.editedBy} last changed it ${update.updatedAtLabel}. ${stage} Readers see the live version until the update is published.`;
  }
  if (update.status === "IN_REVIEW") return `Submitted for review ${update.submittedAtLabel ?? ""}: an editor will publish it or send it back. You can keep editing it meanwhile.`;
  return update.status === "CHANGES_REQUESTED"
    ? "An editor sent your update back: readers still see the live version. Make the changes asked for, then submit it for review again."
    : "Your changes are saved, but readers still see the live version. When they are ready, submit them for review.";
}

export const UpdatePanel = memo(function UpdatePanel(props: Props) {
  const { articleId, status, editsLive, update, canReview, announce } = props;
  const id = useId();
  const { busy, isBusy, failure, notice, run } = useEditorAction(props);
  const note = usePanelText<HTMLTextAreaElement>();
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  if (editsLive && !update) return null;

  const discard = () => void run("discard", () => discardUpdateAction(articleId), "The pending update was discarded.", () => setConfirmingDiscard(false));

  const sendBack = () => {
    if (!note.value.trim()) return note.fail("Write a note saying what the author should change.");
    note.setError(null);
    void run("send-back", () => sendBackUpdateAction(articleId, note.value), "The update was sent back to the author with your note.", () => note.setValue(""));
  };

  return (
    <Panel id={id} title={update ? "Pending update — not yet live" : `This article is ${status === "PUBLISHED" ? "live" : "scheduled"}`} tone="highlight" className="mt-4">
      {!update ? (
        <p className="text-sm">Your changes are kept as a pending update: readers see the current version until an editor reviews and publishes yours.</p>
      ) : (
        <>
          <p className="text-sm">{describe(update, editsLive)}</p>
          <details open={editsLive} className="mt-3">
            <summary className="cursor-pointer text-sm font-semibold">Compare with the live version</summary>
            <div className="mt-2">
              <DiffLegend removedLabel="only in the live version" addedLabel="only in the update" />
              <VersionDiff from={update.live} to={update.pending} between="in the update" />
              {update.otherChanges.length > 0 && <p className="mt-2 text-sm">Also changed: {update.otherChanges.join(", ")}.</p>}
            </div>
          </details>
          {!editsLive && (
            <div className="mt-3 flex flex-wrap gap-2">
              {update.status !== "IN_REVIEW" && (
                <Button variant="primary" disabled={isBusy} onClick={() => void run("submit", () => submitUpdateAction(articleId), "Submitted for review: an editor will look at it.")}>
                  Submit update for review
                </Button>
              )}
              {!confirmingDiscard && (
                <Button disabled={isBusy} onClick={() => setConfirmingDiscard(true)}>
                  Discard pending update
                </Button>
              )}
            </div>
          )}
          {!editsLive && confirmingDiscard && (
            <ConfirmStep
              id={`${id}-discard`}
              question="Discard your pending update? Readers keep the live version; your text stays in the revision history."
              confirmLabel="Yes, discard"
              busy={isBusy}
              onConfirm={discard}
              onCancel={() => setConfirmingDiscard(false)}
            />
          )}
          {editsLive && canReview && update.status === "IN_REVIEW" && (
            <div className="mt-3 space-y-2">
              <Button variant="primary" disabled={isBusy} onClick={() => void run("publish", () => publishUpdateAction(articleId), "", () => announce("The update is live."))}>
                Publish update
              </Button>
              <TextAreaField id={`${id}-note`} label="Note to the author" rows={3} {...note.field} />
              <Button disabled={isBusy} onClick={sendBack}>
                Send back update
              </Button>
            </div>
          )}
        </>
      )}
      <ActionStatus busy={busy !== null} failure={failure} notice={notice} />
    </Panel>
  );
});
