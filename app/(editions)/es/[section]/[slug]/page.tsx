/** /es/{section}/{slug}: an article of the Spanish edition (app/(public)/article-page.tsx). */
import { ArticlePage, articleMetadata } from "@/app/(public)/article-page";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";

type Props = { params: Promise<{ section: string; slug: string }> };

export const generateMetadata = ({ params }: Props) => articleMetadata({ code: "es", params });

export default function Page({ params }: Props) {
  return <ArticlePage code="es" params={params} />;
}
