"use server";
/**
 * Staff actions: change a role, deactivate or reactivate, issue a password reset link, lift a sign-in delay. The
 * data layer checks the permission and the last-admin rule inside the transaction.
 */
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { issuePasswordReset } from "@/lib/data/password-resets";
import { setUserRole, setUserStatus } from "@/lib/data/users/accounts";
import { unlockSignIn } from "@/lib/data/users/sign-in";
import { UserIdSchema, UserRoleChangeSchema, UserStatusChangeSchema } from "@/lib/validation/users";

const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;

const PAGE = { returnTo: "/admin/users", revalidate: "/admin/users" };

export const setUserRoleAction = staffFormAction({ ...PAGE, schema: UserRoleChangeSchema, fields: ["userId", "role"] }, async ({ userId, role }, { user }) => {
  const changed = await setUserRole(user, userId, role);
  return ok(undefined, `The role is now ${ROLE_LABEL[changed.role]}. It applies from their next page.`);
});

export const setUserStatusAction = staffFormAction({ ...PAGE, schema: UserStatusChangeSchema, fields: ["userId", "status"] }, async ({ userId, status }, { user }) => {
  const changed = await setUserStatus(user, userId, status);
  return ok(undefined, changed.status === "ACTIVE" ? "The account is active again." : "The account was deactivated. Its sessions end on their next request.");
});

export type IssuedResetLink = { link: string; email: string; expiresAt: string; delivery: "sent" | "logged" | "failed" };

/** The link is shown to the admin once; issuing it is in the audit log. */
export const issuePasswordResetAction = staffFormAction(
  { returnTo: "/admin/users", revalidate: "/admin/audit", schema: UserIdSchema, fields: ["userId"] },
  async ({ userId }, { user }) => {
    const issued = await issuePasswordReset(user, userId);
    const link: IssuedResetLink = { link: issued.link, email: issued.email, expiresAt: issued.expiresAt.toISOString(), delivery: issued.delivery };
    return ok(link, `A reset link for ${issued.email} is ready. It works once, for 24 hours.`);
  },
);

/** After failed sign-ins (someone else's guesses, say), the person may try again at once. */
export const unlockSignInAction = staffFormAction({ ...PAGE, schema: UserIdSchema, fields: ["userId"] }, async ({ userId }, { user }) => {
  const unlocked = await unlockSignIn(user, userId);
  return ok(undefined, `${unlocked.name} can sign in again now.`);
});
