/**
 * /admin/settings: the site's name, description, logo, locale, time zone and social links; the ad settings (the
 * house message of empty slots, the in-article slot's paragraph); and the ad slots.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { PageSection } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listAdSlotsForAdmin } from "@/lib/data/ad-slots";
import { getSettingsForAdmin } from "@/lib/data/settings";
import { SOCIAL_LABELS } from "@/lib/validation/admin";
import { AdSettingsForm, SettingsForm } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

const PLACEMENT = { HEADER: "Header", IN_ARTICLE: "In the article", SIDEBAR: "Sidebar" } as const;
const AD_NOTICE = { deleted: "The ad slot was deleted." } as const;

type Props = { searchParams: Promise<{ ad?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const actor = await requirePermission("settings:manage", "/admin/settings");
  const [settings, ads, { ad: notice }] = await Promise.all([getSettingsForAdmin(actor), listAdSlotsForAdmin(actor), searchParams]);
  const zones = Intl.supportedValuesOf("timeZone");
  const timeZones = zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones];

  return (
    <>
      <h1 className="text-2xl font-bold">Settings</h1>
      <PageSection id="site" title="Site" className="mt-6 max-w-3xl">
        <SettingsForm settings={settings} timeZones={timeZones} networks={Object.entries(SOCIAL_LABELS)} />
      </PageSection>

      <PageSection
        id="ads"
        title="Ad slots"
        className="mt-12 max-w-4xl"
        action={
          <Link href="/admin/settings/ads/new" className={buttonClass()}>
            Add an ad slot
          </Link>
        }
      >
        {notice && Object.hasOwn(AD_NOTICE, notice) && (
          <Notice tone="success">
            {AD_NOTICE[notice as keyof typeof AD_NOTICE]}
          </Notice>
        )}
        <DataTable
          caption="Ad slots"
          rows={ads}
          rowKey={(ad) => ad.id}
          edit={(ad) => ({ href: `/admin/settings/ads/${ad.id}`, label: `Edit ad slot ${ad.name}` })}
          empty={<p className="text-sm">No ad slots yet. Without one, readers see nothing there, or the house message when it is on.</p>}
          columns={[
            { header: "Name", isRowHeader: true, cell: (ad) => ad.name },
            { header: "Placement", cell: (ad) => PLACEMENT[ad.placement] },
            { header: "Kind", cell: (ad) => (ad.kind === "IMAGE" ? "Image" : "HTML snippet") },
            { header: "Order", cell: (ad) => ad.position },
            { header: "Shown", cell: (ad) => (ad.enabled ? "Yes" : "No (disabled)") },
          ]}
        />
      </PageSection>

      <PageSection id="ad-settings" title="Ad settings" className="mt-12 max-w-3xl">
        <AdSettingsForm settings={settings} />
      </PageSection>
    </>
  );
}
