/** /author/{slug}: an author's public profile and their newest published articles. ISR, refreshed by the author's cache tag. */
import type { Metadata } from "next";
import { AuthorListing, authorMetadata } from "./page/author-listing";

export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
