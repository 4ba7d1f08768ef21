"use client";
/** The invitation form and the per-invitation Resend and Revoke controls; a new link is shown once, to copy. */
import { useActionForm } from "@/components/admin/use-action-form";
import { CopyField } from "@/components/admin/copy-field";
import { BUTTON, DANGER_BUTTON, FormMessage, PRIMARY_BUTTON, SelectField, TextField } from "@/components/admin/fields";
import { createInvitationAction, resendInvitationAction, revokeInvitationAction, type IssuedLink } from "./actions";

function LinkHint({ data }: { data: IssuedLink }) {
  return (
    <CopyField
      id={`invitation-link-${data.email}`}
      label="Invitation link"
      value={data.link}
      hint={
        data.delivery === "sent"
          ? "Also emailed. This is the only time the link is shown."
          : data.delivery === "logged"
            ? "Email is not set up on this server (the link was written to the server log). Send it yourself; this is the only time it is shown here."
            : "The email could not be sent. Send the link yourself; this is the only time it is shown here."
      }
    />
  );
}

export function InviteForm() {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(createInvitationAction, { resetOnSuccess: true });
  return (
    <div className="space-y-3">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <TextField id="invite-email" name="email" type="email" label="Email" autoComplete="off" required error={errors.email} />
        <SelectField
          id="invite-role"
          name="role"
          label="Role"
          defaultValue="JOURNALIST"
          error={errors.role}
          options={[["JOURNALIST", "Journalist"], ["EDITOR", "Editor"], ["ADMIN", "Admin"]]}
        />
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? "Sending…" : "Send invitation"}
        </button>
      </form>
      <FormMessage state={state} />
      {state?.ok && <LinkHint data={state.data} />}
    </div>
  );
}

export function ResendForm({ invitationId, email }: { invitationId: string; email: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(resendInvitationAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} className={BUTTON} aria-label={`Resend the invitation to ${email}`}>
        Resend
      </button>
      <FormMessage state={state} />
      {state?.ok && <LinkHint data={state.data} />}
    </form>
  );
}

export function RevokeForm({ invitationId, email }: { invitationId: string; email: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(revokeInvitationAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} className={DANGER_BUTTON} aria-label={`Revoke the invitation to ${email}`}>
        Revoke
      </button>
      <FormMessage state={state} />
    </form>
  );
}
