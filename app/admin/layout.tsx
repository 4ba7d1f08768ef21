import type { Metadata } from "next";
import { StaffHeader } from "@/components/layout/staff-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("admin:access", "/admin");
  return (
    <>
      <StaffHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
