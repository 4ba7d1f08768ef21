/** /admin/tags: every tag with its number of articles, a search, and a form to add one. */
import type { Metadata } from "next";
import Link from "next/link";
import { BUTTON, TextField } from "@/components/admin/fields";
import { requirePermission } from "@/lib/auth/session";
import { listTagsForAdmin } from "@/lib/data/tags";
import { CreateTagForm } from "./tag-forms";

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
      <form method="get" role="search" aria-label="Find tags" className="mt-6 flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <TextField id="q" name="q" type="search" label="Search tags" defaultValue={q} />
        </div>
        <button type="submit" className={BUTTON}>
          Search
        </button>
      </form>
      <p role="status" className="mt-4 text-sm text-muted">
        {tags.length === 0 ? "No tags match." : `${tags.length} ${tags.length === 1 ? "tag" : "tags"}${tags.length >= 1000 ? " (the first 1,000)" : ""}.`}
      </p>
      {tags.length > 0 && (
        <table className="mt-2 w-full max-w-3xl border-collapse text-left text-sm">
          <caption className="sr-only">Tags</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Address</th>
              <th scope="col" className="py-2 pr-4">Articles</th>
              <th scope="col" className="py-2">Edit</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.id} className="border-b border-gray-200">
                <th scope="row" className="py-2 pr-4 font-medium">{tag.name}</th>
                <td className="py-2 pr-4 font-mono text-xs">/tag/{tag.slug}</td>
                <td className="py-2 pr-4">{tag.articleCount}</td>
                <td className="py-2">
                  <Link href={`/admin/tags/${tag.id}`} className="underline" aria-label={`Edit or merge ${tag.name}`}>
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-tag-heading" className="mt-10 max-w-2xl rounded border border-gray-300 p-4">
        <h2 id="new-tag-heading" className="text-lg font-semibold">
          Add a tag
        </h2>
        <div className="mt-3">
          <CreateTagForm />
        </div>
      </section>
    </>
  );
}
