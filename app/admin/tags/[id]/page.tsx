/** /admin/tags/{id}: rename a tag, name it in each non-default language edition, or merge it into another. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditionNames } from "@/components/admin/edition-names";
import { FormerAddresses } from "@/components/admin/former-addresses";
import { BackLink } from "@/components/ui/back-link";
import { countOf } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { PageSection, Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listTagTranslations } from "@/lib/data/name-translations";
import { getTagForAdmin, listTagChoices } from "@/lib/data/tags";
import { translateTagAction } from "../actions";
import { MergeTagForm, TagForm } from "../tag-forms";

export const metadata: Metadata = { title: "Edit tag" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ merged?: string }> };

export default async function EditTagPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePermission("tag:manage", `/admin/tags/${id}`);
  const [tag, choices, editions, { merged }] = await Promise.all([getTagForAdmin(actor, id), listTagChoices(actor), listTagTranslations(actor, id), searchParams]);
  if (!tag) notFound();
  return (
    <>
      <BackLink href="/admin/tags">All tags</BackLink>
      <h1 className="mt-2 text-2xl font-bold">Tag: {tag.name}</h1>
      <p className="mt-1 text-sm text-muted">On {countOf(tag.articleCount, "article", "articles")}.</p>
      {merged === "1" && (
        <Notice tone="success" className="mt-4 max-w-2xl">
          The tags were merged into this one.
        </Notice>
      )}
      <PageSection id="rename" title="Rename" className="mt-6 max-w-2xl">
        <TagForm tag={tag} />
      </PageSection>
      <FormerAddresses paths={tag.formerSlugs.map((slug) => `/tag/${slug}`)} className="mt-8 max-w-2xl" />
      <EditionNames action={translateTagAction} owner={{ field: "tagId", id: tag.id, name: tag.name, slug: tag.slug }} editions={editions} pathPrefix="/tag" />
      <Panel id="merge" title="Merge into another tag" tone="danger" className="mt-10 max-w-2xl">
        <MergeTagForm tag={tag} choices={choices} />
      </Panel>
    </>
  );
}
