"use client";

/**
 * The article's status and the transitions this user may make from it, and deleting it; a link to read it as readers
 * do ("View on site" once published, else "Open preview"). Buttons the user's role cannot use are not shown at all
 * (the data layer refuses them anyway; lib/article-status.ts says which status each move starts from). Pending edits
 * are saved before any transition. Editors send a published story as a breaking alert from here, after a
 * confirmation (an e-mail to the breaking news list cannot be called back); once sent, the panel says when and by
 * whom instead of offering it again (a story goes out as an alert once).
 */
import { memo, useId, useState } from "react";
import {
  cancelScheduleAction,
  deleteArticleAction,
  publishAction,
  scheduleAction,
  sendBackAction,
  submitForReviewAction,
  unpublishAction,
} from "@/lib/actions/workflow";
import { sendAsBreakingAlertAction } from "@/lib/actions/newsletters";
import { canMoveFrom, storyLink } from "@/lib/article-status";
import { Button, buttonClass } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps, TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { ActionStatus, ConfirmStep } from "./action-status";
import type { EditorFlags } from "./types";
import { useEditorAction } from "./use-editor-action";
import { usePanelText } from "./use-panel-text";

type Props = {
  articleId: string;
  status: string;
  flags: EditorFlags;
  /** When and by whom it went out as a breaking alert: said instead of offering it again. */
  breakingAlert: string | null;
  timeZone: string;
  scheduledAtInput: string;
  scheduledAtLabel: string | null;
  publishedAtLabel: string | null;
  /** The saved address (for "View on site"). */
  slug: string;
  /** The saved section's address in the article's edition ("/es/negocios"). */
  sectionPath: string;
  /** The article has been published at some point (deleting it leaves a "no longer available" page). */
  hasBeenPublished: boolean;
  /** This user's saves go live (else to the article's pending update). */
  editsLive: boolean;
  /** Saves pending edits; returns why it could not, or null. */
  prepare: () => Promise<string | null>;
  /** After a transition (or a failed one): catch up with the new version and refresh the page's data. */
  finish: (changed: boolean) => Promise<void>;
};

export const WorkflowPanel = memo(function WorkflowPanel(props: Props) {
  const { articleId, status, flags, timeZone, scheduledAtInput, scheduledAtLabel, publishedAtLabel, hasBeenPublished, editsLive, breakingAlert } = props;
  const readLink = storyLink({ id: articleId, status, sitePath: `${props.sectionPath}/${props.slug}` });
  const id = useId();
  const { busy, isBusy, failure, notice, run } = useEditorAction(props);
  const note = usePanelText<HTMLTextAreaElement>();
  const at = usePanelText<HTMLInputElement>(scheduledAtInput);
  const [confirming, setConfirming] = useState<"unpublish" | "delete" | "alert" | null>(null);

  const sendBack = () => {
    if (!note.value.trim()) {
      note.fail("Write a note saying what the author should change.");
      return;
    }
    note.setError(null);
    void run("send-back", () => sendBackAction(articleId, note.value), "Sent back to the author with your note.", () => note.setValue(""));
  };

  const schedule = () => {
    if (!at.value) {
      at.fail("Choose a date and a time.");
      return;
    }
    at.setError(null);
    void run("schedule", () => scheduleAction(articleId, at.value), "Scheduled.");
  };

  const canSendBack = flags.canPublish && canMoveFrom("sendBack", status);
  const canPublishNow = flags.canPublish && canMoveFrom("publish", status);
  // An unpublished article comes back with "Publish" only: scheduling one is not offered here.
  const canScheduleNow = flags.canSchedule && canMoveFrom("schedule", status) && status !== "ARCHIVED";

  // The actions that cannot be taken back, each asked about first: the question and the button that does it.
  const confirmations = {
    unpublish: status === "PUBLISHED" && {
      question: "Unpublish this article? Readers will get a “no longer available” page at its address.",
      confirmLabel: "Yes, unpublish",
      onConfirm: () => void run("unpublish", () => unpublishAction(articleId), "Unpublished.", () => setConfirming(null)),
    },
    alert: status === "PUBLISHED" && !breakingAlert && {
      question: "E-mail this story to everyone on the breaking news list now? It cannot be called back.",
      confirmLabel: "Yes, send the alert",
      onConfirm: () => void run("alert", () => sendAsBreakingAlertAction(articleId), "The breaking alert is on its way.", () => setConfirming(null)),
    },
    delete: flags.canDelete && {
      question: `Delete this article for good? Its text, revisions and notes go with it.${hasBeenPublished ? " Readers will get a “no longer available” page at its old address." : ""}`,
      confirmLabel: "Yes, delete",
      onConfirm: () => void run("delete", () => deleteArticleAction(articleId), "Deleted."),
    },
  };
  const confirmation = confirming ? confirmations[confirming] : false;

  return (
    <Panel id={id} title="Status">
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={status} />
        {status === "SCHEDULED" && scheduledAtLabel && (
          <span>
            for {scheduledAtLabel} ({timeZone})
          </span>
        )}
        {status === "PUBLISHED" && publishedAtLabel && <span>since {publishedAtLabel}</span>}
        <a href={readLink.href} target="_blank" rel="noopener" className={buttonClass("secondary", "ml-auto")}>
          {readLink.label}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
      {status === "PUBLISHED" && (
        <p className="mt-1 text-sm text-muted">
          {editsLive ? "Saved changes go live on the public page at once." : "Your saved changes wait as a pending update until an editor publishes it."}
        </p>
      )}

      <div className="mt-3 flex flex-wrap gap-2">
        {canMoveFrom("submit", status) && (
          <Button variant={flags.canPublish ? "secondary" : "primary"} disabled={isBusy} onClick={() => void run("submit", () => submitForReviewAction(articleId), "Submitted for review.")}>
            Submit for review
          </Button>
        )}
        {canPublishNow && (
          <Button variant="primary" disabled={isBusy} onClick={() => void run("publish", () => publishAction(articleId), "Published.")}>
            Publish
          </Button>
        )}
        {flags.canSchedule && status === "SCHEDULED" && (
          <Button disabled={isBusy} onClick={() => void run("cancel-schedule", () => cancelScheduleAction(articleId), "The schedule was cancelled; the article is back in review.")}>
            Cancel schedule
          </Button>
        )}
        {flags.canUnpublish && status === "PUBLISHED" && confirming !== "unpublish" && (
          <Button variant="danger" disabled={isBusy} onClick={() => setConfirming("unpublish")}>
            Unpublish
          </Button>
        )}
        {flags.canSendAlerts && status === "PUBLISHED" && !breakingAlert && confirming !== "alert" && (
          <Button disabled={isBusy} onClick={() => setConfirming("alert")}>
            Send as breaking alert
          </Button>
        )}
        {flags.canDelete && confirming !== "delete" && (
          <Button variant="danger" disabled={isBusy} onClick={() => setConfirming("delete")}>
            Delete article
          </Button>
        )}
      </div>

      {breakingAlert && <p className="mt-3 text-sm">Sent as a breaking alert {breakingAlert}.</p>}

      {confirmation && confirming && (
        <ConfirmStep id={`${id}-${confirming}`} {...confirmation} busy={isBusy} onCancel={() => setConfirming(null)} />
      )}

      {canScheduleNow && (
        <Field id={`${id}-at`} label="Publish at" error={at.error} className="mt-4">
          <div className="flex flex-wrap items-center gap-2">
            <input {...at.control} {...fieldControlProps({ id: `${id}-at`, error: at.error, describedBy: `${id}-tz` })} type="datetime-local" className={`${CONTROL_CLASS} w-auto`} />
            <span id={`${id}-tz`} className="text-sm text-muted">
              ({timeZone})
            </span>
            <Button disabled={isBusy} onClick={schedule}>
              Schedule
            </Button>
          </div>
        </Field>
      )}

      {canSendBack && (
        <div className="mt-4 space-y-2">
          <TextAreaField id={`${id}-note`} label="Note to the author" rows={3} {...note.field} />
          <Button disabled={isBusy} onClick={sendBack}>
            Send back
          </Button>
        </div>
      )}

      <ActionStatus busy={busy !== null} failure={failure} notice={notice} />
    </Panel>
  );
});
