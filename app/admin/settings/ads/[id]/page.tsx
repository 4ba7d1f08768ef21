/**
 * /admin/settings/ads/{id}: one ad slot: what was just saved (and whether its image could be checked), a preview
 * as readers will see it, the form, and deletion.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdPreview } from "@/components/admin/ad-preview";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/form-message";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { getAdSlotForAdmin } from "@/lib/data/ad-slots";
import { AdSlotForm, DeleteAdSlotForm } from "../../settings-forms";

export const metadata: Metadata = { title: "Edit ad slot" };

const SAVED = { created: "The ad slot was created.", saved: "The ad slot was saved." } as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ ad?: string; image?: string }> };

export default async function EditAdSlotPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePermission("settings:manage", `/admin/settings/ads/${id}`);
  const [ad, query] = await Promise.all([getAdSlotForAdmin(actor, id), searchParams]);
  if (!ad) notFound();
  const saved = query.ad && Object.hasOwn(SAVED, query.ad) ? SAVED[query.ad as keyof typeof SAVED] : null;
  return (
    <>
      <BackLink href="/admin/settings">Settings</BackLink>
      <h1 className="mt-2 text-2xl font-bold">Ad slot: {ad.name}</h1>
      {saved && (
        <Notice tone="success" className="mt-4 max-w-2xl">
          {saved} {ad.enabled ? "Readers see it now." : "It is disabled: readers do not see it."}
        </Notice>
      )}
      {saved && query.image === "unchecked" && ad.kind === "IMAGE" && (
        <Notice tone="warning" className="mt-2 max-w-2xl">
          The server could not reach the image&apos;s address to check it (no answer in time, or a private network). The preview below shows whether it loads.
        </Notice>
      )}
      <Panel id="preview" title="Preview" description="As readers see it." className="mt-6 max-w-3xl">
        <AdPreview ad={ad} placement={ad.placement} />
      </Panel>
      <div className="mt-8 max-w-2xl">
        <AdSlotForm ad={ad} />
      </div>
      <div className="mt-10 max-w-2xl border-t border-gray-300 pt-6">
        <DeleteAdSlotForm ad={ad} />
      </div>
    </>
  );
}
