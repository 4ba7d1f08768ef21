/** /author/{slug}/page/{n}: older pages of an author's articles; /page/1 redirects to the author's own URL. ISR. */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { AuthorListing, authorMetadata, parsePageSegment } from "../author-listing";

export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const page = parsePageSegment(n);
  return page ? authorMetadata(slug, page) : {};
}

export default async function AuthorListPage({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageSegment(n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(`/author/${encodeURIComponent(slug)}`);
  return <AuthorListing slug={slug} page={page} />;
}
