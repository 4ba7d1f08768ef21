import type { Metadata } from "next";
import { SectionListing } from "@/components/article/section-listing";
import { getSectionBySlug } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [section, settings] = await Promise.all([getSectionBySlug((await params).section), getSiteSettings()]);
  if (!section) return {};
  return {
    title: section.name,
    description: section.description || undefined,
    alternates: {
      canonical: `/${section.slug}`,
      types: combineFeedAlternates(feedAlternates("", settings.siteName), feedAlternates(`/${section.slug}`, `${section.name} · ${settings.siteName}`)),
    },
  };
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing sectionSlug={(await params).section} page={1} />;
}
