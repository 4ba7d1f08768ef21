/** /admin/settings/ads/{id}: edit or delete one ad slot. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { requirePermission } from "@/lib/auth/session";
import { getAdSlotForAdmin } from "@/lib/data/ad-slots";
import { AdSlotForm, DeleteAdSlotForm } from "../../settings-forms";

export const metadata: Metadata = { title: "Edit ad slot" };

type Props = { params: Promise<{ id: string }> };

export default async function EditAdSlotPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePermission("settings:manage", `/admin/settings/ads/${id}`);
  const ad = await getAdSlotForAdmin(actor, id);
  if (!ad) notFound();
  return (
    <>
      <BackLink href="/admin/settings">Settings</BackLink>
      <h1 className="mt-2 text-2xl font-bold">Ad slot: {ad.name}</h1>
      <div className="mt-6 max-w-2xl">
        <AdSlotForm ad={ad} />
      </div>
      <div className="mt-10 max-w-2xl border-t border-gray-300 pt-6">
        <DeleteAdSlotForm ad={ad} />
      </div>
    </>
  );
}
