import type { Metadata } from "next";
import { StaffHeader } from "@/components/layout/staff-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("dashboard:access", "/dashboard");
  return (
    <>
      <StaffHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
