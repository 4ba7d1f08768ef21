/** /admin/settings/ads/new: add a house ad slot. */
import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { requirePermission } from "@/lib/auth/session";
import { AdSlotForm } from "../../settings-forms";

export const metadata: Metadata = { title: "New ad slot" };

export default async function NewAdSlotPage() {
  await requirePermission("settings:manage", "/admin/settings/ads/new");
  return (
    <>
      <BackLink href="/admin/settings">Settings</BackLink>
      <h1 className="mt-2 text-2xl font-bold">New ad slot</h1>
      <div className="mt-6 max-w-2xl">
        <AdSlotForm ad={null} />
      </div>
    </>
  );
}
