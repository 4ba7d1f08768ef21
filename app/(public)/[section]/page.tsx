import type { Metadata } from "next";
import { SectionListing } from "@/components/article/section-listing";
import { getSectionBySlug } from "@/lib/data/sections";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSectionBySlug((await params).section);
  return section ? { title: section.name, description: section.description || undefined, alternates: { canonical: `/${section.slug}` } } : {};
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing sectionSlug={(await params).section} page={1} />;
}
