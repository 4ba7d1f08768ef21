"use client";
/** What can be done with an edition: a test to oneself, schedule it, send it now, cancel it. */
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { cancelEditionAction, scheduleEditionAction, sendEditionNowAction, sendTestEditionAction } from "../actions";

type Props = { id: string; isEditable: boolean; scheduledLocal: string; timeZone: string };

function ScheduleForm({ id, scheduledLocal, timeZone }: Omit<Props, "isEditable">) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(scheduleEditionAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <TextField id="edition-when" name="scheduledFor" type="datetime-local" label="Send at" hint={`In the site's time zone (${timeZone}).`} defaultValue={scheduledLocal} error={errors.scheduledFor} />
      <FormMessage state={message} />
      <Button type="submit" disabled={pending}>
        Schedule
      </Button>
    </form>
  );
}

export function EditionControls({ id, isEditable, scheduledLocal, timeZone }: Props) {
  return (
    <div className="space-y-4">
      <ActionButton action={sendTestEditionAction} fields={{ id }}>
        Send a test to me
      </ActionButton>
      {isEditable && (
        <>
          <ScheduleForm id={id} scheduledLocal={scheduledLocal} timeZone={timeZone} />
          <ActionButton action={sendEditionNowAction} fields={{ id }} variant="primary" confirm={{ question: "Send this edition to all its readers now?", confirmLabel: "Yes, send it now" }}>
            Send now
          </ActionButton>
          <ActionButton action={cancelEditionAction} fields={{ id }} variant="danger" confirm={{ question: "Cancel this edition? It will not be sent.", confirmLabel: "Yes, cancel it" }}>
            Cancel the edition
          </ActionButton>
        </>
      )}
    </div>
  );
}
