"use client";

/**
 * The article's status and the transitions this user may make from it. Buttons the user's role cannot use are not
 * shown at all (the data layer refuses them anyway). Pending edits are saved before any transition.
 */
import { memo, useId, useState } from "react";
import { cancelScheduleAction, publishAction, scheduleAction, sendBackAction, submitForReviewAction, unpublishAction } from "@/lib/actions/workflow";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps, TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorFlags } from "./types";
import { usePanelText } from "./use-panel-text";

type Props = {
  articleId: string;
  status: string;
  flags: EditorFlags;
  timeZone: string;
  scheduledAtInput: string;
  scheduledAtLabel: string | null;
  publishedAtLabel: string | null;
  /** Saves pending edits; returns why it could not, or null. */
  prepare: () => Promise<string | null>;
  /** After a transition (or a failed one): catch up with the new version and refresh the page's data. */
  finish: (changed: boolean) => Promise<void>;
};

type Failure = { message: string; missing: string[] };

export const WorkflowPanel = memo(function WorkflowPanel(props: Props) {
  const { articleId, status, flags, timeZone, scheduledAtInput, scheduledAtLabel, publishedAtLabel, prepare, finish } = props;
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState("");
  const note = usePanelText<HTMLTextAreaElement>();
  const at = usePanelText<HTMLInputElement>(scheduledAtInput);
  const [confirmingUnpublish, setConfirmingUnpublish] = useState(false);

  const run = async (name: string, action: () => Promise<ActionResult<string>>, success: string, after?: () => void) => {
    setBusy(name);
    setFailure(null);
    setNotice("");
    try {
      const problem = await prepare();
      if (problem) {
        setFailure({ message: problem, missing: [] });
        await finish(false);
        return;
      }
      let result: ActionResult<string>;
      try {
        result = await action();
      } catch {
        result = { ok: false, status: 0, message: "Could not reach the server. Check the connection and try again." };
      }
      await finish(result.ok);
      if (result.ok) {
        setNotice(success);
        after?.();
      } else {
        setFailure({ message: result.message, missing: result.missing ?? [] });
      }
    } finally {
      setBusy(null);
    }
  };

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

  const isBusy = busy !== null;
  const canSendBack = flags.canPublish && (status === "IN_REVIEW" || status === "SCHEDULED");
  const canPublishNow = flags.canPublish && ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"].includes(status);
  const canScheduleNow = flags.canSchedule && ["DRAFT", "IN_REVIEW", "SCHEDULED"].includes(status);

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
      </p>
      {status === "PUBLISHED" && <p className="mt-1 text-sm text-muted">Saved changes go live on the public page at once.</p>}

      <div className="mt-3 flex flex-wrap gap-2">
        {status === "DRAFT" && (
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
        {flags.canUnpublish && status === "PUBLISHED" && !confirmingUnpublish && (
          <Button variant="danger" disabled={isBusy} onClick={() => setConfirmingUnpublish(true)}>
            Unpublish
          </Button>
        )}
      </div>

      {confirmingUnpublish && status === "PUBLISHED" && (
        <div role="group" aria-labelledby={`${id}-unpublish`} className="mt-3 rounded border border-red-300 bg-red-50 p-3">
          <p id={`${id}-unpublish`} className="text-sm font-semibold">
            Unpublish this article? Readers will get a “no longer available” page at its address.
          </p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={isBusy} onClick={() => void run("unpublish", () => unpublishAction(articleId), "Unpublished.", () => setConfirmingUnpublish(false))}>
              Yes, unpublish
            </Button>
            <Button disabled={isBusy} onClick={() => setConfirmingUnpublish(false)}>
              Cancel
            </Button>
          </div>
        </div>
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

      {failure && (
        <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm">
          <p className="font-semibold text-red-900">{failure.message}</p>
          {failure.missing.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {failure.missing.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p aria-live="polite" className="mt-2 text-sm font-semibold text-green-900">
        {busy ? "Working…" : notice}
      </p>
    </Panel>
  );
});
