import type { Metadata } from "next";
import { StaffHeader } from "@/components/layout/staff-header";
import { requirePermission } from "@/lib/auth/session";
import { readUnreadCount } from "@/lib/data/notifications/inbox";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("dashboard:access", "/dashboard");
  const unread = await readUnreadCount(user);
  return (
    <>
      <StaffHeader user={user} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
