"use server";
/** Invitation actions: invite, resend (a new link; the old one dies) and revoke. The data layer checks the permission. */
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createInvitation, resendInvitation, revokeInvitation, type IssuedInvitation } from "@/lib/data/invitations";
import { InvitationIdSchema, InvitationInputSchema } from "@/lib/validation/users";

export type IssuedLink = { email: string; link: string; delivery: IssuedInvitation["delivery"] };

function issued(invitation: IssuedInvitation, verb: string) {
  const delivered =
    invitation.delivery === "sent"
      ? `${verb} to ${invitation.email} by email.`
      : `Invitation for ${invitation.email} is ready; copy the link below and send it to them.`;
  const link: IssuedLink = { email: invitation.email, link: invitation.link, delivery: invitation.delivery };
  return ok(link, `${delivered} It works once and expires in 7 days.`);
}

const PAGE = { returnTo: "/admin/invitations", revalidate: "/admin/invitations" };

export const createInvitationAction = staffFormAction({ ...PAGE, schema: InvitationInputSchema, fields: ["email", "role"] }, async (input, { user }) =>
  issued(await createInvitation(user, input), "Invitation sent"),
);

export const resendInvitationAction = staffFormAction({ ...PAGE, schema: InvitationIdSchema, fields: ["invitationId"] }, async ({ invitationId }, { user }) =>
  issued(await resendInvitation(user, invitationId), "A new link was sent"),
);

export const revokeInvitationAction = staffFormAction({ ...PAGE, schema: InvitationIdSchema, fields: ["invitationId"] }, async ({ invitationId }, { user }) => {
  await revokeInvitation(user, invitationId);
  return ok(undefined, "The invitation was revoked: its link no longer works.");
});
