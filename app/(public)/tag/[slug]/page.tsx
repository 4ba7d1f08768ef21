/** /tag/{slug}: the newest published articles with this tag (page 1 of the list). ISR, refreshed by the tag's cache tag. */
import type { Metadata } from "next";
import { TagListing, tagMetadata } from "./tag-listing";

export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug, 1);
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).slug} page={1} />;
}
