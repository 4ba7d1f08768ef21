/**
 * The dashboard: every article the user may see, with filters (status, section, author, mine), search, sort and
 * pages; the desk also sees the review queue. The query string is the state, so every view is a link.
 */
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listArticlesForDashboard } from "@/lib/data/articles/dashboard";
import { listSections } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";
import { listStaffForByline } from "@/lib/data/users/accounts";
import { formatDateTime } from "@/lib/dates";
import { joinNames } from "@/lib/text";
import { DashboardQuerySchema } from "@/lib/validation/dashboard";
import { NewArticleButton } from "./new-article-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_OPTIONS = [
  ["", "Any status"],
  ["DRAFT", "Draft"],
  ["IN_REVIEW", "In review"],
  ["SCHEDULED", "Scheduled"],
  ["PUBLISHED", "Published"],
  ["ARCHIVED", "Archived"],
] as const;

type Row = Awaited<ReturnType<typeof listArticlesForDashboard>>["items"][number];

function ArticleTable({ caption, rows, locale, timeZone }: { caption: string; rows: Row[]; locale: string; timeZone: string }) {
  return (
    <table className="mt-4 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
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
        {rows.map((article) => (
          <tr key={article.id} className="border-b border-gray-200">
            <td className="py-2 pr-4 font-medium">
              <Link href={`/dashboard/articles/${article.id}`} className="hover:underline">
                {article.headline || "Untitled"}
              </Link>
            </td>
            <td className="py-2 pr-4">
              <StatusBadge status={article.status} />
              {article.status === "SCHEDULED" && article.scheduledAt && <span className="ml-1 text-xs text-muted">{formatDateTime(article.scheduledAt, locale, timeZone)}</span>}
            </td>
            <td className="py-2 pr-4">{article.section.name}</td>
            <td className="py-2 pr-4">{joinNames(article.authors.map((a) => a.user.name))}</td>
            <td className="py-2">
              {formatDateTime(article.updatedAt, locale, timeZone)}
              {article.lastEditedBy && <span className="text-muted"> by {article.lastEditedBy.name}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard");
  const query = DashboardQuerySchema.parse(await searchParams);
  const isDesk = can(user.role, "article:read:any");
  const filters = {
    status: query.status,
    sectionId: query.section,
    authorId: query.author,
    mine: query.mine === "1" || !isDesk,
    q: query.q,
    sort: query.sort,
    page: query.page,
  };
  const [list, queue, sections, staff, settings] = await Promise.all([
    listArticlesForDashboard(user, filters),
    isDesk ? listArticlesForDashboard(user, { status: "IN_REVIEW", sort: "updated", perPage: 50 }) : null,
    listSections(),
    isDesk ? listStaffForByline(user) : [],
    getSiteSettings(),
  ]);
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: String(page) })) if (v) params.set(k, String(v));
    return `/dashboard?${params.toString()}`;
  };
  const dates = { locale: settings.locale, timeZone: settings.timeZone };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{isDesk ? "Articles" : "Your articles"}</h1>
        <NewArticleButton />
      </div>

      {queue && (
        <section aria-labelledby="queue-heading" className="mt-6 rounded border border-amber-300 bg-amber-50 p-4">
          <h2 id="queue-heading" className="font-semibold">
            Review queue ({queue.total})
          </h2>
          {queue.items.length === 0 ? <p className="mt-2 text-sm">Nothing is waiting for review.</p> : <ArticleTable caption="Articles waiting for review" rows={queue.items} {...dates} />}
        </section>
      )}

      <form method="get" role="search" aria-label="Filter articles" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="q" className="block font-medium">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="status" className="block font-medium">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1">
            {STATUS_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="section" className="block font-medium">Section</label>
          <select id="section" name="section" defaultValue={query.section ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1">
            <option value="">Any section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </div>
        {isDesk && (
          <>
            <div>
              <label htmlFor="author" className="block font-medium">Author</label>
              <select id="author" name="author" defaultValue={query.author ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1">
                <option value="">Anyone</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </div>
            <div className="flex items-center gap-1 pb-1">
              <input id="mine" name="mine" type="checkbox" value="1" defaultChecked={query.mine === "1"} />
              <label htmlFor="mine">Mine only</label>
            </div>
          </>
        )}
        <div>
          <label htmlFor="sort" className="block font-medium">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort ?? "updated"} className="mt-1 rounded border border-gray-400 px-2 py-1">
            <option value="updated">Last change</option>
            <option value="created">Newest first</option>
            <option value="published">Publish time</option>
            <option value="headline">Headline</option>
          </select>
        </div>
        <button type="submit" className="rounded border border-gray-500 px-3 py-1 font-semibold">Apply</button>
      </form>

      <p className="mt-4 text-sm text-muted" role="status">
        {list.total === 0 ? "No articles match." : `${list.total} ${list.total === 1 ? "article" : "articles"}, page ${list.page} of ${list.totalPages}`}
      </p>
      {list.items.length > 0 && <ArticleTable caption={isDesk ? "Articles" : "Your articles"} rows={list.items} {...dates} />}
      {list.totalPages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {list.page > 1 && <Link href={pageLink(list.page - 1)} className="underline">Previous page</Link>}
          {list.page < list.totalPages && <Link href={pageLink(list.page + 1)} className="underline">Next page</Link>}
        </nav>
      )}
    </>
  );
}
