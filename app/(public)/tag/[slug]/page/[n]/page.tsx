/** /tag/{slug}/page/{n}: older pages of a tag's list; /page/1 redirects to the tag's own URL. ISR like page 1. */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { TagListing, parsePageSegment, tagMetadata } from "../../tag-listing";

export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const page = parsePageSegment(n);
  return page ? tagMetadata(slug, page) : {};
}

export default async function TagListPage({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageSegment(n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(`/tag/${encodeURIComponent(slug)}`);
  return <TagListing slug={slug} page={page} />;
}
