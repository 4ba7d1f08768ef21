import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { SectionListing } from "@/components/article/section-listing";
import { getSectionBySlug } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string; page: string }> };

function pageNumber(raw: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) notFound();
  return Number(raw);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section: slug, page } = await params;
  const [section, settings] = await Promise.all([getSectionBySlug(slug), getSiteSettings()]);
  if (!section) return {};
  return {
    title: `${section.name}, page ${page}`,
    alternates: {
      canonical: `/${section.slug}/page/${page}`,
      types: combineFeedAlternates(feedAlternates("", settings.siteName), feedAlternates(`/${section.slug}`, `${section.name} · ${settings.siteName}`)),
    },
  };
}

export default async function SectionPagedPage({ params }: Props) {
  const { section, page } = await params;
  const n = pageNumber(page);
  if (n === 1) permanentRedirect(`/${section}`);
  return <SectionListing sectionSlug={section} page={n} />;
}
