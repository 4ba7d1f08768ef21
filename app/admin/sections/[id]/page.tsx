/** /admin/sections/{id}: rename, re-slug or describe one section; former addresses keep redirecting to it. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getSectionForAdmin } from "@/lib/data/sections";
import { EditSectionForm } from "../section-forms";

export const metadata: Metadata = { title: "Edit section" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSectionPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePermission("section:manage", `/admin/sections/${id}`);
  const section = await getSectionForAdmin(actor, id);
  if (!section) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/sections" className="underline">
          All sections
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Edit {section.name}</h1>
      <div className="mt-6 max-w-2xl">
        <EditSectionForm section={section} />
      </div>
      {section.formerSlugs.length > 0 && (
        <section aria-labelledby="former-heading" className="mt-8 max-w-2xl">
          <h2 id="former-heading" className="font-semibold">
            Former addresses
          </h2>
          <p className="mt-1 text-sm text-muted">These redirect permanently to the section.</p>
          <ul className="mt-2 list-inside list-disc font-mono text-xs">
            {section.formerSlugs.map((slug) => (
              <li key={slug}>/{slug}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
