"use server";
/** Invitation actions: invite, resend (a new link; the old one dies) and revoke. The data layer checks the permission. */
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { createInvitation, resendInvitation, revokeInvitation, type IssuedInvitation } from "@/lib/data/invitations";
import { formValues } from "@/lib/validation/admin";
import { InvitationIdSchema, InvitationInputSchema } from "@/lib/validation/users";

export type IssuedLink = { email: string; link: string; delivery: IssuedInvitation["delivery"] };

function issued(invitation: IssuedInvitation, verb: string): ActionResult<IssuedLink> {
  const delivered =
    invitation.delivery === "sent"
      ? `${verb} to ${invitation.email} by email.`
      : `Invitation for ${invitation.email} is ready; copy the link below and send it to them.`;
  return { ok: true, data: { email: invitation.email, link: invitation.link, delivery: invitation.delivery }, message: `${delivered} It works once and expires in 7 days.` };
}

export async function createInvitationAction(_previous: ActionResult<IssuedLink> | null, formData: FormData): Promise<ActionResult<IssuedLink>> {
  const actor = await requireUser("/admin/invitations");
  const parsed = InvitationInputSchema.safeParse(formValues(formData, ["email", "role"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const invitation = await createInvitation(actor, parsed.data);
    revalidatePath("/admin/invitations");
    return issued(invitation, "Invitation sent");
  } catch (error) {
    return failure(error);
  }
}

export async function resendInvitationAction(_previous: ActionResult<IssuedLink> | null, formData: FormData): Promise<ActionResult<IssuedLink>> {
  const actor = await requireUser("/admin/invitations");
  const parsed = InvitationIdSchema.safeParse(formValues(formData, ["invitationId"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const invitation = await resendInvitation(actor, parsed.data.invitationId);
    revalidatePath("/admin/invitations");
    return issued(invitation, "A new link was sent");
  } catch (error) {
    return failure(error);
  }
}

export async function revokeInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/invitations");
  const parsed = InvitationIdSchema.safeParse(formValues(formData, ["invitationId"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    await revokeInvitation(actor, parsed.data.invitationId);
    revalidatePath("/admin/invitations");
    return { ok: true, data: undefined, message: "The invitation was revoked: its link no longer works." };
  } catch (error) {
    return failure(error);
  }
}
