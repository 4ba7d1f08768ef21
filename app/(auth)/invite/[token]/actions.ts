"use server";
/** Accepting an invitation: the invitee's name and password; the data layer creates the account and uses the link up. */
import { ok, publicFormAction } from "@/lib/actions/safe-action";
import { acceptInvitation } from "@/lib/data/invitations";
import { AcceptInvitationSchema } from "@/lib/validation/users";

export const acceptInvitationAction = publicFormAction(
  { schema: AcceptInvitationSchema, fields: ["token", "name", "password", "confirmPassword"], redirect: () => "/login?reason=invited" },
  async ({ token, name, password }, { ip }) => {
    await acceptInvitation(token, { name, password }, { ip });
    return ok(undefined);
  },
);
