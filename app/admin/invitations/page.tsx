/**
 * /admin/invitations: invite someone by email and role, and see every invitation with its state; pending and
 * expired ones can be resent (a new link) or revoked.
 */
import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listInvitations, type InvitationState } from "@/lib/data/invitations";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { InvitationActions, InviteForm } from "./invitation-forms";

export const metadata: Metadata = { title: "Invitations" };

const ROLE = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;
const STATE: Record<InvitationState, string> = { pending: "Pending", accepted: "Accepted", revoked: "Revoked", expired: "Expired" };

export default async function InvitationsPage() {
  const actor = await requirePermission("invitation:manage", "/admin/invitations");
  const [invitations, settings] = await Promise.all([listInvitations(actor), getSiteSettings()]);
  const when = (date: Date) => formatDateTime(date, settings.locale, settings.timeZone);
  const isOpen = (state: InvitationState) => state === "pending" || state === "expired";

  return (
    <>
      <h1 className="text-2xl font-bold">Invitations</h1>
      <Panel id="invite" title="Invite someone" description="They get a link to choose their name and password. It works once and expires after 7 days." className="mt-6">
        <InviteForm />
      </Panel>

      <h2 className="mt-10 text-lg font-semibold">All invitations</h2>
      <DataTable
        caption="Invitations"
        rows={invitations}
        rowKey={(invitation) => invitation.id}
        empty={<p className="mt-2 text-sm">No invitations yet.</p>}
        columns={[
          { header: "Email", isRowHeader: true, cell: (invitation) => invitation.email },
          { header: "Role", cell: (invitation) => ROLE[invitation.role] },
          { header: "Invited by", cell: (invitation) => invitation.invitedBy },
          { header: "Sent", cell: (invitation) => when(invitation.createdAt) },
          { header: "Expires", cell: (invitation) => (isOpen(invitation.state) ? when(invitation.expiresAt) : "—") },
          { header: "Status", cell: (invitation) => STATE[invitation.state] },
          {
            header: "Actions",
            cell: (invitation) => isOpen(invitation.state) && <InvitationActions invitationId={invitation.id} email={invitation.email} />,
          },
        ]}
      />
    </>
  );
}
