/**
 * The dashboard: every article the user may see, with filters (status, section, author, mine), search, sort and
 * pages; the desk also sees the review queue: new stories, and apart from them, updates to stories already out. The
 * query string is the state, so every view is a link. With more than one language edition, each article says its own.
 */
import Link from "next/link";
import { countOf, DataTable, type Column } from "@/components/ui/data-table";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Notice } from "@/components/ui/form-message";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { ARTICLE_STATUS_LABELS, ARTICLE_STATUSES, storyLink } from "@/lib/article-status";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listArticlesForDashboard, listUpdatesForReview } from "@/lib/data/articles/dashboard";
import { listEditionChoices } from "@/lib/data/editions-staff";
import { listSections } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";
import { listStaffForByline } from "@/lib/data/users/accounts";
import { formatDateTime } from "@/lib/dates";
import { joinNames } from "@/lib/text";
import { DashboardQuerySchema } from "@/lib/validation/dashboard";
import { NewArticleButton } from "./new-article-button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_OPTIONS = [["", "Any status"], ...ARTICLE_STATUSES.map((status) => [status, ARTICLE_STATUS_LABELS[status]] as const)] as const;

type Row = Awaited<ReturnType<typeof listArticlesForDashboard>>["items"][number];
type UpdateRow = Awaited<ReturnType<typeof listUpdatesForReview>>[number];

const SORT_OPTIONS = [
  ["updated", "Last change"],
  ["created", "Newest first"],
  ["published", "Publish time"],
  ["headline", "Headline"],
] as const;

/** An article's headline as the link to its editor. */
function EditorLink({ id, headline }: { id: string; headline: string }) {
  return (
    <Link href={`/dashboard/articles/${id}`} className="hover:underline">
      {headline || "Untitled"}
    </Link>
  );
}

/** "View on site" once published, else "Open preview"; its name says which story, for lists read by a screen reader. */
function ReadLink({ article }: { article: Row }) {
  const link = storyLink(article);
  return (
    <Link href={link.href} aria-label={`${link.label}: ${article.headline || "Untitled"}`} className="mt-1 block text-xs font-normal underline">
      {link.label}
    </Link>
  );
}

const UPDATE_STAGE = { DRAFT: "Update pending", CHANGES_REQUESTED: "Update: changes requested", IN_REVIEW: "Update in review" } as const;

function articleColumns(locale: string, timeZone: string, showEdition: boolean): Column<Row>[] {
  return [
    {
      header: "Headline",
      className: "font-medium",
      cell: (article) => (
        <>
          <EditorLink id={article.id} headline={article.headline} />
          <ReadLink article={article} />
        </>
      ),
    },
    {
      header: "Status",
      cell: (article) => (
        <>
          <StatusBadge status={article.status} />
          {article.status === "SCHEDULED" && article.scheduledAt && <span className="ml-1 text-xs text-muted">{formatDateTime(article.scheduledAt, locale, timeZone)}</span>}
          {article.pendingUpdate && <span className="ml-1 text-xs font-semibold">{UPDATE_STAGE[article.pendingUpdate.status]}</span>}
        </>
      ),
    },
    ...(showEdition ? [{ header: "Edition", cell: (article: Row) => <span lang={article.edition.id}>{article.edition.name}</span> }] : []),
    { header: "Section", cell: (article) => article.section.name },
    { header: "Authors", cell: (article) => joinNames(article.authors.map((a) => a.user.name)) },
    {
      header: "Last change",
      cell: (article) => (
        <>
          {formatDateTime(article.updatedAt, locale, timeZone)}
          {article.lastEditedBy && <span className="text-muted"> by {article.lastEditedBy.name}</span>}
        </>
      ),
    },
  ];
}

/** The queue's updates: the story as readers know it, what the update renames it to, and when it was submitted. */
function updateColumns(locale: string, timeZone: string): Column<UpdateRow>[] {
  return [
    {
      header: "Story",
      className: "font-medium",
      cell: (update) => (
        <>
          <EditorLink id={update.articleId} headline={update.article.headline} />
          {update.headline !== update.article.headline && <span className="block text-xs font-normal text-muted">New headline: {update.headline}</span>}
        </>
      ),
    },
    { header: "Status", cell: (update) => <StatusBadge status={update.article.status} /> },
    { header: "Section", cell: (update) => update.article.section.name },
    { header: "Authors", cell: (update) => joinNames(update.article.authors.map((a) => a.user.name)) },
    {
      header: "Submitted",
      cell: (update) => (
        <>
          {update.submittedAt && formatDateTime(update.submittedAt, locale, timeZone)}
          <span className="text-muted"> by {update.lastEditedBy.name}</span>
        </>
      ),
    },
  ];
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
  const canReview = can(user.role, "article:publish");
  const [list, queue, updates, sections, staff, settings, editions] = await Promise.all([
    listArticlesForDashboard(user, filters),
    isDesk ? listArticlesForDashboard(user, { status: "IN_REVIEW", sort: "updated", perPage: 50 }) : null,
    canReview ? listUpdatesForReview(user) : [],
    listSections(),
    isDesk ? listStaffForByline(user) : [],
    getSiteSettings(),
    listEditionChoices(user),
  ]);
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, deleted: undefined, page: String(page) })) if (v) params.set(k, String(v));
    return `/dashboard?${params.toString()}`;
  };
  const columns = articleColumns(settings.locale, settings.timeZone, editions.length > 1);
  const title = isDesk ? "Articles" : "Your articles";

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{title}</h1>
        <NewArticleButton editions={editions} />
      </div>

      {query.deleted && (
        <Notice tone="success" className="mt-4">
          The article was deleted.
        </Notice>
      )}

      {queue && (
        <Panel id="queue" title={`Review queue (${queue.total + updates.length})`} tone="highlight" className="mt-6">
          <h3 className="text-sm font-bold">New stories</h3>
          <DataTable
            caption="New stories waiting for review"
            rows={queue.items}
            rowKey={(article) => article.id}
            columns={columns}
            empty={<p className="text-sm">No new story is waiting for review.</p>}
          />
          <h3 className="mt-6 text-sm font-bold">Updates to published stories</h3>
          <DataTable
            caption="Updates to published stories waiting for review"
            rows={updates}
            rowKey={(update) => update.articleId}
            columns={updateColumns(settings.locale, settings.timeZone)}
            empty={<p className="text-sm">No update is waiting for review.</p>}
          />
        </Panel>
      )}

      <FilterBar label="Filter articles">
        <TextField id="q" name="q" type="search" label="Search" defaultValue={query.q ?? ""} />
        <SelectField id="status" name="status" label="Status" defaultValue={query.status ?? ""} options={STATUS_OPTIONS} />
        <SelectField id="section" name="section" label="Section" defaultValue={query.section ?? ""} options={[["", "Any section"], ...sections.map((s) => [s.id, s.name] as const)]} />
        {isDesk && (
          <>
            <SelectField id="author" name="author" label="Author" defaultValue={query.author ?? ""} options={[["", "Anyone"], ...staff.map((s) => [s.id, s.name] as const)]} />
            <CheckboxField id="mine" name="mine" value="1" label="Mine only" defaultChecked={query.mine === "1"} className="pb-3" />
          </>
        )}
        <SelectField id="sort" name="sort" label="Sort by" defaultValue={query.sort ?? "updated"} options={SORT_OPTIONS} />
      </FilterBar>

      <DataTable
        caption={title}
        rows={list.items}
        rowKey={(article) => article.id}
        columns={columns}
        status={list.total === 0 ? "No articles match." : `${countOf(list.total, "article", "articles")}, page ${list.page} of ${list.totalPages}`}
        pagination={{ page: list.page, totalPages: list.totalPages, hrefFor: pageLink, label: "Pages" }}
      />
    </>
  );
}
