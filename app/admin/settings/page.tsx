/** /admin/settings: the site's name, description, logo, locale, time zone and social links, and the house ad slots. */
import type { Metadata } from "next";
import Link from "next/link";
import { BUTTON } from "@/components/admin/fields";
import { requirePermission } from "@/lib/auth/session";
import { listAdSlotsForAdmin } from "@/lib/data/ad-slots";
import { getSettingsForAdmin } from "@/lib/data/settings";
import { SOCIAL_LABELS } from "@/lib/validation/admin";
import { SettingsForm } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

const PLACEMENT = { HEADER: "Header", IN_ARTICLE: "In the article", SIDEBAR: "Sidebar" } as const;
const AD_NOTICE = { created: "The ad slot was created.", saved: "The ad slot was saved.", deleted: "The ad slot was deleted." } as const;

type Props = { searchParams: Promise<{ ad?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const actor = await requirePermission("settings:manage", "/admin/settings");
  const [settings, ads, { ad: notice }] = await Promise.all([getSettingsForAdmin(actor), listAdSlotsForAdmin(actor), searchParams]);
  const zones = Intl.supportedValuesOf("timeZone");
  const timeZones = zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones];

  return (
    <>
      <h1 className="text-2xl font-bold">Settings</h1>
      <section aria-labelledby="site-heading" className="mt-6 max-w-3xl">
        <h2 id="site-heading" className="text-lg font-semibold">
          Site
        </h2>
        <div className="mt-3">
          <SettingsForm settings={settings} timeZones={timeZones} networks={Object.entries(SOCIAL_LABELS)} />
        </div>
      </section>

      <section aria-labelledby="ads-heading" className="mt-12 max-w-4xl">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="ads-heading" className="text-lg font-semibold">
            Ad slots
          </h2>
          <Link href="/admin/settings/ads/new" className={BUTTON}>
            Add an ad slot
          </Link>
        </div>
        {notice && Object.hasOwn(AD_NOTICE, notice) && (
          <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-2 text-sm text-green-900">
            {AD_NOTICE[notice as keyof typeof AD_NOTICE]}
          </p>
        )}
        {ads.length === 0 ? (
          <p className="mt-3 text-sm">No ad slots yet. Without one, readers see an empty slot labelled “Advertising”.</p>
        ) : (
          <table className="mt-3 w-full border-collapse text-left text-sm">
            <caption className="sr-only">Ad slots</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Placement</th>
                <th scope="col" className="py-2 pr-4">Kind</th>
                <th scope="col" className="py-2 pr-4">Order</th>
                <th scope="col" className="py-2 pr-4">Shown</th>
                <th scope="col" className="py-2">Edit</th>
              </tr>
            </thead>
            <tbody>
              {ads.map((ad) => (
                <tr key={ad.id} className="border-b border-gray-200">
                  <th scope="row" className="py-2 pr-4 font-medium">{ad.name}</th>
                  <td className="py-2 pr-4">{PLACEMENT[ad.placement]}</td>
                  <td className="py-2 pr-4">{ad.kind === "IMAGE" ? "Image" : "HTML snippet"}</td>
                  <td className="py-2 pr-4">{ad.position}</td>
                  <td className="py-2 pr-4">{ad.enabled ? "Yes" : "No (disabled)"}</td>
                  <td className="py-2">
                    <Link href={`/admin/settings/ads/${ad.id}`} className="underline" aria-label={`Edit ad slot ${ad.name}`}>
                      Edit
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
