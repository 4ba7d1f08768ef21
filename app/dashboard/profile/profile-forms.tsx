"use client";
/**
 * The profile, notification e-mail and password forms. A password change ends every session of the account, this one
 * included, so on success the form signs in again with the new password (falling back to the sign-in page).
 */
import { signIn } from "next-auth/react";
import { useEffect, useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SaveFooter } from "@/components/ui/save-footer";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction, updateNotificationSettingsAction, updateProfileAction } from "./actions";

const AFTER_CHANGE = "/dashboard/profile?password=changed";
const SIGN_IN_AGAIN = "/login?reason=password-changed";

const AVATAR_HINT = "A square photo, starting with https:// (or a path on this site). Leave empty for initials.";

type Profile = { name: string; bio: string; avatarUrl: string | null };

export function ProfileForm({ profile }: { profile: Profile }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(updateProfileAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="name" name="name" label="Name" hint="As readers see it in bylines and on your author page." autoComplete="name" defaultValue={profile.name} required error={errors.name} />
      <TextAreaField id="bio" name="bio" label="Bio" hint="A few sentences about your beat. At most 1,000 characters." rows={4} defaultValue={profile.bio} error={errors.bio} />
      <TextField id="avatarUrl" name="avatarUrl" type="url" label="Avatar URL" hint={AVATAR_HINT} defaultValue={profile.avatarUrl ?? ""} error={errors.avatarUrl} />
      <SaveFooter message={message} pending={pending}>
        Save profile
      </SaveFooter>
    </form>
  );
}

/** `canMail`: the server has SMTP; without it the setting is kept for when it does. */
export function NotificationSettingsForm({ emailNotifications, canMail }: { emailNotifications: boolean; canMail: boolean }) {
  const { pending, onSubmit, formRef, message } = useActionForm(updateNotificationSettingsAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="form" value="notifications" />
      <CheckboxField id="emailNotifications" name="emailNotifications" label="E-mail me my notifications" defaultChecked={emailNotifications} aria-describedby="emailNotifications-hint" />
      <p id="emailNotifications-hint" className="text-sm text-muted">
        {canMail
          ? "A copy of each notification (a story submitted, sent back, published, corrected, a note) goes to your e-mail address."
          : "This server does not send e-mail yet (SMTP is not set up): for now, notifications appear in Dateline only."}
      </p>
      <SaveFooter message={message} pending={pending}>
        Save notification settings
      </SaveFooter>
    </form>
  );
}

export function PasswordForm() {
  const { state, pending, onSubmit, formRef, errors, message } = useActionForm(changePasswordAction);
  const newPassword = useRef("");

  useEffect(() => {
    if (!state?.ok) return;
    const password = newPassword.current;
    newPassword.current = "";
    // A full navigation (not the router): the session cookie has just changed.
    const go = (path: string) => window.location.assign(path);
    signIn("credentials", { redirect: false, email: state.data.email, password })
      .then((result) => go(result?.ok && !result.error ? AFTER_CHANGE : SIGN_IN_AGAIN))
      .catch(() => go(SIGN_IN_AGAIN));
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    newPassword.current = String(new FormData(event.currentTarget).get("password") ?? "");
    onSubmit(event);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      <TextField id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required error={errors.currentPassword} />
      <NewPasswordFields errors={errors} />
      <FormMessage state={message} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Changing…" disabled={Boolean(state?.ok)}>
        Change password
      </Button>
    </form>
  );
}
