/**
 * The admin area's frame: the staff header and the admin sub-navigation. The permission check here only keeps
 * others out early (a 403 page); every page, action and route below checks again, and so does the data layer.
 */
import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { StaffHeader } from "@/components/layout/staff-header";
import { requirePermission } from "@/lib/auth/session";
import { readUnreadCount } from "@/lib/data/notifications/inbox";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Dateline" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("admin:access", "/admin");
  const unread = await readUnreadCount(user);
  return (
    <>
      <StaffHeader user={user} unread={unread} />
      <AdminNav />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
