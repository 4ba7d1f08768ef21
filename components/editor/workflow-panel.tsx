"use client";

/**
 * The article's status and the transitions this user may make from it. Buttons the user's role cannot use are not
 * shown at all (the data layer refuses them anyway). Pending edits are saved before any transition.
 */
import { memo, useId, useRef, useState } from "react";
import { cancelScheduleAction, publishAction, scheduleAction, sendBackAction, submitForReviewAction, unpublishAction } from "@/lib/actions/workflow";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorFlags } from "./types";
import { buttonClass, dangerButtonClass, errorClass, hintClass, inputClass, labelClass, panelClass, panelHeadingClass, primaryButtonClass } from "./ui";

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
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [at, setAt] = useState(scheduledAtInput);
  const [atError, setAtError] = useState<string | null>(null);
  const [confirmingUnpublish, setConfirmingUnpublish] = useState(false);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const atInput = useRef<HTMLInputElement>(null);

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
    if (!note.trim()) {
      setNoteError("Write a note saying what the author should change.");
      noteInput.current?.focus();
      return;
    }
    setNoteError(null);
    void run("send-back", () => sendBackAction(articleId, note), "Sent back to the author with your note.", () => setNote(""));
  };

  const schedule = () => {
    if (!at) {
      setAtError("Choose a date and a time.");
      atInput.current?.focus();
      return;
    }
    setAtError(null);
    void run("schedule", () => scheduleAction(articleId, at), "Scheduled.");
  };

  const isBusy = busy !== null;
  const canSendBack = flags.canPublish && (status === "IN_REVIEW" || status === "SCHEDULED");
  const canPublishNow = flags.canPublish && ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"].includes(status);
  const canScheduleNow = flags.canSchedule && ["DRAFT", "IN_REVIEW", "SCHEDULED"].includes(status);

  return (
    <section aria-labelledby={`${id}-heading`} className={panelClass}>
      <h2 id={`${id}-heading`} className={panelHeadingClass}>
        Status
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={status} />
        {status === "SCHEDULED" && scheduledAtLabel && (
          <span>
            for {scheduledAtLabel} ({timeZone})
          </span>
        )}
        {status === "PUBLISHED" && publishedAtLabel && <span>since {publishedAtLabel}</span>}
      </p>
      {status === "PUBLISHED" && <p className={hintClass}>Saved changes go live on the public page at once.</p>}

      <div className="mt-3 flex flex-wrap gap-2">
        {status === "DRAFT" && (
          <button type="button" className={flags.canPublish ? buttonClass : primaryButtonClass} disabled={isBusy} onClick={() => void run("submit", () => submitForReviewAction(articleId), "Submitted for review.")}>
            Submit for review
          </button>
        )}
        {canPublishNow && (
          <button type="button" className={primaryButtonClass} disabled={isBusy} onClick={() => void run("publish", () => publishAction(articleId), "Published.")}>
            Publish
          </button>
        )}
        {flags.canSchedule && status === "SCHEDULED" && (
          <button type="button" className={buttonClass} disabled={isBusy} onClick={() => void run("cancel-schedule", () => cancelScheduleAction(articleId), "The schedule was cancelled; the article is back in review.")}>
            Cancel schedule
          </button>
        )}
        {flags.canUnpublish && status === "PUBLISHED" && !confirmingUnpublish && (
          <button type="button" className={dangerButtonClass} disabled={isBusy} onClick={() => setConfirmingUnpublish(true)}>
            Unpublish
          </button>
        )}
      </div>

      {confirmingUnpublish && status === "PUBLISHED" && (
        <div role="group" aria-labelledby={`${id}-unpublish`} className="mt-3 rounded border border-red-300 bg-red-50 p-3">
          <p id={`${id}-unpublish`} className="text-sm font-semibold">
            Unpublish this article? Readers will get a “no longer available” page at its address.
          </p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className={dangerButtonClass}
              disabled={isBusy}
              onClick={() => void run("unpublish", () => unpublishAction(articleId), "Unpublished.", () => setConfirmingUnpublish(false))}
            >
              Yes, unpublish
            </button>
            <button type="button" className={buttonClass} disabled={isBusy} onClick={() => setConfirmingUnpublish(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {canScheduleNow && (
        <div className="mt-4">
          <label htmlFor={`${id}-at`} className={labelClass}>
            Publish at
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input
              ref={atInput}
              id={`${id}-at`}
              type="datetime-local"
              value={at}
              onChange={(e) => {
                setAt(e.target.value);
                setAtError(null);
              }}
              aria-invalid={atError ? true : undefined}
              aria-describedby={`${id}-tz${atError ? ` ${id}-at-error` : ""}`}
              className={`${inputClass} mt-0 w-auto`}
            />
            <span id={`${id}-tz`} className="text-sm text-muted">
              ({timeZone})
            </span>
            <button type="button" className={buttonClass} disabled={isBusy} onClick={schedule}>
              Schedule
            </button>
          </div>
          {atError && (
            <p id={`${id}-at-error`} className={errorClass}>
              {atError}
            </p>
          )}
        </div>
      )}

      {canSendBack && (
        <div className="mt-4">
          <label htmlFor={`${id}-note`} className={labelClass}>
            Note to the author
          </label>
          <textarea
            ref={noteInput}
            id={`${id}-note`}
            rows={3}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setNoteError(null);
            }}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
            className={inputClass}
          />
          {noteError && (
            <p id={`${id}-note-error`} className={errorClass}>
              {noteError}
            </p>
          )}
          <button type="button" className={`${buttonClass} mt-2`} disabled={isBusy} onClick={sendBack}>
            Send back
          </button>
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
    </section>
  );
});
