"use client";
/** The per-row controls of the staff list: the role, the account's status, a password reset link, a sign-in unlock. */
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { issuePasswordResetAction, setUserRoleAction, setUserStatusAction, unlockSignInAction } from "./actions";

const ROLES = [
  ["ADMIN", "Admin"],
  ["EDITOR", "Editor"],
  ["JOURNALIST", "Journalist"],
] as const;

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(setUserRoleAction, { resetOnFailure: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-end gap-2">
        <SelectField key={role} id={`role-${userId}`} name="role" label={`Role of ${name}`} hideLabel defaultValue={role} options={ROLES} className="w-36" />
        <Button type="submit" disabled={pending} aria-label={`Change role of ${name}`}>
          Change
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

const DELIVERY_HINT: Record<"logged" | "failed", string> = {
  logged: "Email is not set up on this server: send this link yourself.",
  failed: "The email could not be sent: send this link yourself.",
};

/**
 * Deactivate (after a confirmation step) or reactivate the account, (for an active one) issue a password reset link to copy, and (while failed
 * sign-ins delay it) let the person try again at once.
 */
export function AccountActions({ userId, name, status, isDelayed }: { userId: string; name: string; status: string; isDelayed: boolean }) {
  const next = status === "DEACTIVATED" ? "ACTIVE" : "DEACTIVATED";
  const verb = next === "ACTIVE" ? "Reactivate" : "Deactivate";
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionButton
        action={setUserStatusAction}
        fields={{ userId, status: next }}
        variant={next === "ACTIVE" ? "secondary" : "danger"}
        aria-label={`${verb} ${name}`}
        confirm={next === "DEACTIVATED" ? { question: `Deactivate ${name}? They are signed out everywhere and cannot sign in until an admin reactivates the account.`, confirmLabel: `Yes, deactivate ${name}` } : undefined}
      >
        {verb}
      </ActionButton>
      {status === "ACTIVE" && (
        <ActionButton
          action={issuePasswordResetAction}
          fields={{ userId }}
          aria-label={`Issue a password reset link for ${name}`}
          result={(data) => (
            <CopyField
              id={`reset-link-${userId}`}
              label={`Password reset link for ${name}`}
              value={data.link}
              hint={data.delivery === "sent" ? `Also emailed to ${data.email}.` : DELIVERY_HINT[data.delivery]}
            />
          )}
        >
          Reset link
        </ActionButton>
      )}
      <UnlockSignIn userId={userId} name={name} isDelayed={isDelayed} />
    </div>
  );
}

/** Mounted for every row, so its "can sign in again" message outlives the button once the delay is gone. */
function UnlockSignIn({ userId, name, isDelayed }: { userId: string; name: string; isDelayed: boolean }) {
  const { state, pending, onSubmit, formRef } = useActionForm(unlockSignInAction);
  if (!isDelayed && !state) return null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      {isDelayed && (
        <Button type="submit" disabled={pending} aria-label={`Unlock sign-in for ${name}`}>
          Unlock sign-in
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
