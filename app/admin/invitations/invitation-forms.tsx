"use client";
/** The invitation form and the per-invitation Resend and Revoke controls; a new link is shown once, to copy. */
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createInvitationAction, resendInvitationAction, revokeInvitationAction, type IssuedLink } from "./actions";

const DELIVERY_HINT: Record<IssuedLink["delivery"], string> = {
  sent: "Also emailed. This is the only time the link is shown.",
  logged: "Email is not set up on this server (the link was written to the server log). Send it yourself; this is the only time it is shown here.",
  failed: "The email could not be sent. Send the link yourself; this is the only time it is shown here.",
};

function LinkHint({ data }: { data: IssuedLink }) {
  return <CopyField id={`invitation-link-${data.email}`} label="Invitation link" value={data.link} hint={DELIVERY_HINT[data.delivery]} />;
}

export function InviteForm() {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(createInvitationAction, { resetOnSuccess: true });
  return (
    <div className="space-y-3">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <TextField id="invite-email" name="email" type="email" label="Email" autoComplete="off" required error={errors.email} />
        <SelectField id="invite-role" name="role" label="Role" defaultValue="JOURNALIST" error={errors.role} options={[["JOURNALIST", "Journalist"], ["EDITOR", "Editor"], ["ADMIN", "Admin"]]} />
        <Button type="submit" variant="primary" pending={pending} pendingLabel="Sending…">
          Send invitation
        </Button>
      </form>
      <FormMessage state={state} />
      {state?.ok && <LinkHint data={state.data} />}
    </div>
  );
}

/** Resend (a new link, shown to copy) and Revoke, for a pending or expired invitation. */
export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionButton action={resendInvitationAction} fields={{ invitationId }} aria-label={`Resend the invitation to ${email}`} result={(data) => <LinkHint data={data} />}>
        Resend
      </ActionButton>
      <ActionButton action={revokeInvitationAction} fields={{ invitationId }} variant="danger" aria-label={`Revoke the invitation to ${email}`}>
        Revoke
      </ActionButton>
    </div>
  );
}
