/** /{section}/{slug}: an article of the default edition (app/(public)/article-page.tsx). */
import { ArticlePage, articleMetadata } from "../../article-page";

export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";

type Props = { params: Promise<{ section: string; slug: string }> };

export const generateMetadata = ({ params }: Props) => articleMetadata({ code: null, params });

export default function Page({ params }: Props) {
  return <ArticlePage code={null} params={params} />;
}
