"use client";
/** The subscribers page's forms: erase one subscriber, and import a bounce or complaint list. */
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { eraseSubscriberAction, importSuppressionsAction } from "./actions";

export function EraseSubscriberButton({ id, email }: { id: string; email: string }) {
  return (
    <ActionButton action={eraseSubscriberAction} fields={{ id }} variant="danger" aria-label={`Erase ${email}`} confirm={{ question: `Erase ${email} and all their records? This cannot be undone.`, confirmLabel: "Yes, erase" }}>
      Erase
    </ActionButton>
  );
}

export function SuppressionImportForm() {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(importSuppressionsAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <TextAreaField id="suppress-addresses" name="addresses" label="Addresses" hint="Paste a bounce or complaint report: every e-mail address in it is suppressed; other text is ignored." rows={6} error={errors.addresses} />
      <SelectField id="suppress-kind" name="kind" label="They are" options={[["bounce", "Bounces"], ["complaint", "Complaints"]]} error={errors.kind} />
      <FormMessage state={message} />
      <Button type="submit" variant="primary" disabled={pending}>
        Suppress these addresses
      </Button>
    </form>
  );
}
