/** /admin/sections/{id}: rename, re-slug or describe one section; former addresses keep redirecting to it. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormerAddresses } from "@/components/admin/former-addresses";
import { BackLink } from "@/components/ui/back-link";
import { requirePermission } from "@/lib/auth/session";
import { getSectionForAdmin } from "@/lib/data/sections";
import { SectionForm } from "../section-forms";

export const metadata: Metadata = { title: "Edit section" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSectionPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePermission("section:manage", `/admin/sections/${id}`);
  const section = await getSectionForAdmin(actor, id);
  if (!section) notFound();
  return (
    <>
      <BackLink href="/admin/sections">All sections</BackLink>
      <h1 className="mt-2 text-2xl font-bold">Edit {section.name}</h1>
      <div className="mt-6 max-w-2xl">
        <SectionForm section={section} />
      </div>
      <FormerAddresses paths={section.formerSlugs.map((slug) => `/${slug}`)} description="These redirect permanently to the section." className="mt-8 max-w-2xl" />
    </>
  );
}
