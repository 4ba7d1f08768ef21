import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/data/types";
import { NotificationsLink } from "./notifications-link";
import type { UnreadCount } from "./unread-poller";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;

/** The header of every dashboard and admin page: where you are, your unread notifications, who you are, and sign out. */
export function StaffHeader({ user, unread }: { user: SessionUser; unread: UnreadCount }) {
  return (
    <header className="border-b border-gray-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <nav aria-label="Staff" className="flex items-center gap-5 text-sm font-semibold">
          <Link href="/" className="font-serif text-xl">
            Dateline
          </Link>
          <Link href="/dashboard">Articles</Link>
          <Link href="/dashboard/media">Media</Link>
          {can(user.role, "newsletter:send") && <Link href="/dashboard/newsletters">Newsletters</Link>}
          <Link href="/dashboard/profile">Profile</Link>
          {can(user.role, "admin:access") && <Link href="/admin">Admin</Link>}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <NotificationsLink {...unread} />
          <span>
            {user.name} <span className="text-muted">({ROLE_LABEL[user.role]})</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
