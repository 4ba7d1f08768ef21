/** /admin/tags: every tag with its number of articles, a search, and a form to add one. */
import type { Metadata } from "next";
import { countOf, DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listTagsForAdmin } from "@/lib/data/tags";
import { TagForm } from "./tag-forms";

export const metadata: Metadata = { title: "Tags" };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function TagsPage({ searchParams }: Props) {
  const actor = await requirePermission("tag:manage", "/admin/tags");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const tags = await listTagsForAdmin(actor, { q });
  return (
    <>
      <h1 className="text-2xl font-bold">Tags</h1>
      <FilterBar label="Find tags" submitLabel="Search" className="max-w-xl">
        <TextField id="q" name="q" type="search" label="Search tags" defaultValue={q} className="grow" />
      </FilterBar>
      <DataTable
        caption="Tags"
        className="max-w-3xl"
        rows={tags}
        rowKey={(tag) => tag.id}
        edit={(tag) => ({ href: `/admin/tags/${tag.id}`, label: `Edit or merge ${tag.name}` })}
        status={tags.length === 0 ? "No tags match." : `${countOf(tags.length, "tag", "tags")}${tags.length >= 1000 ? " (the first 1,000)" : ""}.`}
        columns={[
          { header: "Name", isRowHeader: true, cell: (tag) => tag.name },
          { header: "Address", className: "font-mono text-xs", cell: (tag) => `/tag/${tag.slug}` },
          { header: "Articles", cell: (tag) => tag.articleCount },
        ]}
      />
      <Panel id="new-tag" title="Add a tag" className="mt-10 max-w-2xl">
        <TagForm tag={null} />
      </Panel>
    </>
  );
}
