import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireUser } from "@/lib/auth/session";
import { listArticlesForDashboard } from "@/lib/data/articles";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime, joinNames } from "@/lib/format";

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const [articles, settings] = await Promise.all([listArticlesForDashboard(user, { mine: true }), getSiteSettings()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Your articles</h1>
      <p className="mt-1 text-sm text-muted">Articles you wrote or co-wrote, most recently changed first.</p>
      {articles.length === 0 ? (
        <p className="mt-6">You have no articles yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Your articles</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="py-2 pr-4">Headline</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Section</th>
              <th scope="col" className="py-2 pr-4">Authors</th>
              <th scope="col" className="py-2">Last change</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id} className="border-b border-gray-200">
                <td className="py-2 pr-4 font-medium">
                  {article.status === "PUBLISHED" ? (
                    <Link href={`/${article.section.slug}/${article.slug}`} className="hover:underline">
                      {article.headline}
                    </Link>
                  ) : (
                    article.headline
                  )}
                </td>
                <td className="py-2 pr-4">
                  <StatusBadge status={article.status} />
                </td>
                <td className="py-2 pr-4">{article.section.name}</td>
                <td className="py-2 pr-4">{joinNames(article.authors.map((a) => a.user.name))}</td>
                <td className="py-2">
                  {formatDateTime(article.updatedAt, settings.locale, settings.timeZone)}
                  {article.lastEditedBy && <span className="text-muted"> by {article.lastEditedBy.name}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
