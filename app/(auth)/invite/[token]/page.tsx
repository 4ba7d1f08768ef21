/**
 * /invite/{token}: where an invitation link lands. A usable link shows the email and role and asks for a name and
 * password; anything else (expired, revoked, replaced, used, made up) gets one explanation, without saying which.
 */
import type { Metadata } from "next";
import { connection } from "next/server";
import { LinkNotWorking } from "../../link-not-working";
import { getInvitationForToken, INVALID_INVITATION_MESSAGE } from "@/lib/data/invitations";
import { getSiteSettings } from "@/lib/data/settings";
import { AcceptInvitationForm } from "./accept-form";

// The token is a secret: keep it out of Referer headers sent to other sites.
export const metadata: Metadata = { title: "Join the newsroom", robots: { index: false }, referrer: "no-referrer" };

const ROLE = { ADMIN: "an admin", EDITOR: "an editor", JOURNALIST: "a journalist" } as const;

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  await connection();
  const { token } = await params;
  const [invitation, settings] = await Promise.all([getInvitationForToken(token), getSiteSettings()]);
  if (!invitation) return <LinkNotWorking title="This invitation link does not work" message={INVALID_INVITATION_MESSAGE} href="/login" linkText="Go to sign-in" />;
  return (
    <>
      <h1 className="text-2xl font-bold">Join {settings.siteName}</h1>
      <p className="mt-2 text-sm">
        You are invited as {ROLE[invitation.role]} with the email <strong>{invitation.email}</strong>. Choose your name and a password.
      </p>
      <AcceptInvitationForm token={token} />
    </>
  );
}
