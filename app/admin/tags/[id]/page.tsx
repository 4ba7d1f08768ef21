/** /admin/tags/{id}: rename a tag or merge it into another. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getTagForAdmin, listTagChoices } from "@/lib/data/tags";
import { MergeTagForm, RenameTagForm } from "../tag-forms";

export const metadata: Metadata = { title: "Edit tag" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ merged?: string }> };

export default async function EditTagPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePermission("tag:manage", `/admin/tags/${id}`);
  const [tag, choices, { merged }] = await Promise.all([getTagForAdmin(actor, id), listTagChoices(actor), searchParams]);
  if (!tag) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/tags" className="underline">
          All tags
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Tag: {tag.name}</h1>
      <p className="mt-1 text-sm text-muted">
        On {tag.articleCount} {tag.articleCount === 1 ? "article" : "articles"}.
      </p>
      {merged === "1" && (
        <p role="status" className="mt-4 max-w-2xl rounded border border-green-700 bg-green-50 p-2 text-sm text-green-900">
          The tags were merged into this one.
        </p>
      )}
      <section aria-labelledby="rename-heading" className="mt-6 max-w-2xl">
        <h2 id="rename-heading" className="text-lg font-semibold">
          Rename
        </h2>
        <div className="mt-3">
          <RenameTagForm tag={tag} />
        </div>
      </section>
      {tag.formerSlugs.length > 0 && (
        <section aria-labelledby="former-heading" className="mt-8 max-w-2xl">
          <h2 id="former-heading" className="font-semibold">
            Former addresses
          </h2>
          <ul className="mt-2 list-inside list-disc font-mono text-xs">
            {tag.formerSlugs.map((slug) => (
              <li key={slug}>/tag/{slug}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="merge-heading" className="mt-10 max-w-2xl rounded border border-red-300 p-4">
        <h2 id="merge-heading" className="text-lg font-semibold">
          Merge into another tag
        </h2>
        <div className="mt-3">
          <MergeTagForm tag={tag} choices={choices} />
        </div>
      </section>
    </>
  );
}
