"use server";
/**
 * Accepting an invitation: the invitee's name and password; the data layer creates the account, uses the link up and
 * issues a one-time sign-in token, which goes back to this browser only (the form signs in with it at once).
 */
import { ok, publicFormAction } from "@/lib/actions/safe-action";
import { acceptInvitation } from "@/lib/data/invitations";
import { AcceptInvitationSchema } from "@/lib/validation/users";

export const acceptInvitationAction = publicFormAction(
  { schema: AcceptInvitationSchema, fields: ["token", "name", "password", "confirmPassword"] },
  async ({ token, name, password }, { ip }) => {
    const { signInToken } = await acceptInvitation(token, { name, password }, { ip });
    return ok({ signInToken }, "Your account is ready. Signing you in…");
  },
);
