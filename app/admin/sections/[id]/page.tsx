/**
 * /admin/sections/{id}: rename, re-slug or describe one section (former addresses keep redirecting to it), and name
 * it in each non-default language edition.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditionNames } from "@/components/admin/edition-names";
import { FormerAddresses } from "@/components/admin/former-addresses";
import { BackLink } from "@/components/ui/back-link";
import { requirePermission } from "@/lib/auth/session";
import { listSectionTranslations } from "@/lib/data/name-translations";
import { getSectionForAdmin } from "@/lib/data/sections";
import { translateSectionAction } from "../actions";
import { SectionForm } from "../section-forms";

export const metadata: Metadata = { title: "Edit section" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSectionPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePermission("section:manage", `/admin/sections/${id}`);
  const [section, editions] = await Promise.all([getSectionForAdmin(actor, id), listSectionTranslations(actor, id)]);
  if (!section) notFound();
  return (
    <>
      <BackLink href="/admin/sections">All sections</BackLink>
      <h1 className="mt-2 text-2xl font-bold">Edit {section.name}</h1>
      <div className="mt-6 max-w-2xl">
        <SectionForm section={section} />
      </div>
      <FormerAddresses paths={section.formerSlugs.map((slug) => `/${slug}`)} description="These redirect permanently to the section." className="mt-8 max-w-2xl" />
      <EditionNames action={translateSectionAction} owner={{ field: "sectionId", id: section.id, name: section.name, slug: section.slug }} editions={editions} pathPrefix="" hasDescription />
    </>
  );
}
