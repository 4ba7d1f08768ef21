/** /admin/settings/ads/new: add a house ad slot. */
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { AdSlotForm } from "../../settings-forms";

export const metadata: Metadata = { title: "New ad slot" };

export default async function NewAdSlotPage() {
  await requirePermission("settings:manage", "/admin/settings/ads/new");
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/settings" className="underline">
          Settings
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">New ad slot</h1>
      <div className="mt-6 max-w-2xl">
        <AdSlotForm ad={null} />
      </div>
    </>
  );
}
