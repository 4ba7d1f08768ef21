"use server";
/**
 * The signed-in person's own account: profile fields (public on the author page), their password, their sessions,
 * and whether their notifications come by e-mail too.
 */
import { headers } from "next/headers";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/request-ip";
import { changeOwnPassword, setEmailNotifications, updateOwnProfile } from "@/lib/data/users/profile";
import { endAllSessions } from "@/lib/data/users/sessions";
import { NotificationSettingsSchema } from "@/lib/validation/notifications";
import { PasswordChangeSchema, ProfileInputSchema, SignOutEverywhereSchema } from "@/lib/validation/users";

export const updateProfileAction = staffFormAction(
  { schema: ProfileInputSchema, fields: ["name", "bio", "avatarUrl"], returnTo: "/dashboard/profile", revalidate: { layout: "/dashboard" } },
  async (input, { user }) => {
    await updateOwnProfile(user, input);
    return ok(undefined, "Your profile was saved. Your author page shows it now.");
  },
);

/** Every session of the account ends; the form signs the person in again with `data.email` and the new password. */
export const changePasswordAction = staffFormAction(
  { schema: PasswordChangeSchema, fields: ["currentPassword", "password", "confirmPassword"], returnTo: "/dashboard/profile" },
  async ({ currentPassword, password }, { user }) => {
    await changeOwnPassword(user, { currentPassword, newPassword: password });
    return ok({ email: user.email }, "Your password was changed. Signing you in again…");
  },
);

/** Ends every session of the account, this one included (a lost laptop, a shared computer): back to sign-in. */
export const signOutEverywhereAction = staffFormAction(
  { schema: SignOutEverywhereSchema, fields: ["confirm"], returnTo: "/dashboard/profile", redirect: () => "/login?reason=signed-out-everywhere" },
  async (_input, { user }) => {
    await endAllSessions(user, requestIp(await headers()));
    return ok(undefined);
  },
);

/** A checkbox: unticked, the form sends no field at all (its hidden `form` field says it was sent). */
export const updateNotificationSettingsAction = staffFormAction(
  {
    schema: NotificationSettingsSchema,
    fields: ["form"],
    returnTo: "/dashboard/profile",
    shape: (values, form) => ({ ...values, emailNotifications: form.get("emailNotifications") === "on" }),
  },
  async ({ emailNotifications }, { user }) => {
    await setEmailNotifications(user, emailNotifications);
    return ok(undefined, emailNotifications ? "Your notifications will also come by e-mail." : "No more notification e-mails: you will find them in Dateline only.");
  },
);
