"use client";
/** The per-row controls of the staff list: the role, the account's status, and a password reset link. */
import { useActionForm } from "@/components/admin/use-action-form";
import { CopyField } from "@/components/admin/copy-field";
import { BUTTON, DANGER_BUTTON, FormMessage } from "@/components/admin/fields";
import { issuePasswordResetAction, setUserRoleAction, setUserStatusAction } from "./actions";

const ROLES = [
  ["ADMIN", "Admin"],
  ["EDITOR", "Editor"],
  ["JOURNALIST", "Journalist"],
] as const;

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(setUserRoleAction, { resetOnFailure: true });
  const selectId = `role-${userId}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {name}
        </label>
        <select key={role} id={selectId} name="role" defaultValue={role} className="rounded border border-gray-500 bg-white px-2 py-1 text-sm">
          {ROLES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} className={BUTTON} aria-label={`Change role of ${name}`}>
          Change
        </button>
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
      <button type="submit" disabled={pending} className={next === "ACTIVE" ? BUTTON : DANGER_BUTTON} aria-label={`${verb} ${name}`}>
        {verb}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function ResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(issuePasswordResetAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className={BUTTON} aria-label={`Issue a password reset link for ${name}`}>
        Reset link
      </button>
      <FormMessage state={state} />
      {state?.ok && (
        <CopyField
          id={`reset-link-${userId}`}
          label={`Password reset link for ${name}`}
          value={state.data.link}
          hint={
            state.data.delivery === "sent"
              ? `Also emailed to ${state.data.email}.`
              : state.data.delivery === "logged"
                ? "Email is not set up on this server: send this link yourself."
                : "The email could not be sent: send this link yourself."
          }
        />
      )}
    </form>
  );
}
