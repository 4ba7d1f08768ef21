/**
 * /admin/invitations: invite someone by email and role, and see every invitation with its state; pending and
 * expired ones can be resent (a new link) or revoked.
 */
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { listInvitations, type InvitationState } from "@/lib/data/invitations";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { InviteForm, ResendForm, RevokeForm } from "./invitation-forms";

export const metadata: Metadata = { title: "Invitations" };

const ROLE = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;
const STATE: Record<InvitationState, string> = { pending: "Pending", accepted: "Accepted", revoked: "Revoked", expired: "Expired" };

export default async function InvitationsPage() {
  const actor = await requirePermission("invitation:manage", "/admin/invitations");
  const [invitations, settings] = await Promise.all([listInvitations(actor), getSiteSettings()]);
  const when = (date: Date) => formatDateTime(date, settings.locale, settings.timeZone);

  return (
    <>
      <h1 className="text-2xl font-bold">Invitations</h1>
      <section aria-labelledby="invite-heading" className="mt-6 rounded border border-gray-300 p-4">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="mt-1 text-sm text-muted">
          They get a link to choose their name and password. It works once and expires after 7 days.
        </p>
        <div className="mt-4">
          <InviteForm />
        </div>
      </section>

      <h2 className="mt-10 text-lg font-semibold">All invitations</h2>
      {invitations.length === 0 ? (
        <p className="mt-2 text-sm">No invitations yet.</p>
      ) : (
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Invitations (scrolls sideways on narrow screens)">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Invitations</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="py-2 pr-4">Invited by</th>
                <th scope="col" className="py-2 pr-4">Sent</th>
                <th scope="col" className="py-2 pr-4">Expires</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} className="border-b border-gray-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-medium">{invitation.email}</th>
                  <td className="py-2 pr-4">{ROLE[invitation.role]}</td>
                  <td className="py-2 pr-4">{invitation.invitedBy}</td>
                  <td className="py-2 pr-4">{when(invitation.createdAt)}</td>
                  <td className="py-2 pr-4">{invitation.state === "pending" || invitation.state === "expired" ? when(invitation.expiresAt) : "—"}</td>
                  <td className="py-2 pr-4">{STATE[invitation.state]}</td>
                  <td className="py-2">
                    {(invitation.state === "pending" || invitation.state === "expired") && (
                      <div className="flex flex-wrap items-start gap-2">
                        <ResendForm invitationId={invitation.id} email={invitation.email} />
                        <RevokeForm invitationId={invitation.id} email={invitation.email} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
