"use client";
/** The per-row controls of the staff list: the role, the account's status, and a password reset link. */
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { issuePasswordResetAction, setUserRoleAction, setUserStatusAction } from "./actions";

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
        <SelectField key={role} id={`role-${userId}`} name="role" label={`Role of ${name}`} hideLabel defaultValue={role} options={ROLES} />
        <Button type="submit" disabled={pending} aria-label={`Change role of ${name}`}>
          Change
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function StatusForm({ userId, name, status }: { userId: string; name: string; status: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(setUserStatusAction);
  const next = status === "DEACTIVATED" ? "ACTIVE" : "DEACTIVATED";
  const verb = next === "ACTIVE" ? "Reactivate" : "Deactivate";
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <Button type="submit" variant={next === "ACTIVE" ? "secondary" : "danger"} disabled={pending} aria-label={`${verb} ${name}`}>
        {verb}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

const DELIVERY_HINT: Record<"logged" | "failed", string> = {
  logged: "Email is not set up on this server: send this link yourself.",
  failed: "The email could not be sent: send this link yourself.",
};

export function ResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(issuePasswordResetAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" disabled={pending} aria-label={`Issue a password reset link for ${name}`}>
        Reset link
      </Button>
      <FormMessage state={state} />
      {state?.ok && (
        <CopyField
          id={`reset-link-${userId}`}
          label={`Password reset link for ${name}`}
          value={state.data.link}
          hint={state.data.delivery === "sent" ? `Also emailed to ${state.data.email}.` : DELIVERY_HINT[state.data.delivery]}
        />
      )}
    </form>
  );
}
