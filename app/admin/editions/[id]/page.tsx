/** /admin/editions/{id}: change a non-default edition, open or close it to readers, or delete it when it is empty. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { countOf } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { PageSection, Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { getEditionForAdmin } from "@/lib/data/editions-staff";
import { DeleteEditionButton, EditionAccessButton, EditionForm } from "../edition-forms";

export const metadata: Metadata = { title: "Edit edition" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ added?: string }> };

export default async function EditEditionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePermission("edition:manage", `/admin/editions/${id}`);
  const [edition, { added }] = await Promise.all([getEditionForAdmin(actor, id), searchParams]);
  if (!edition) notFound();
  return (
    <>
      <BackLink href="/admin/editions">All editions</BackLink>
      <h1 className="mt-2 text-2xl font-bold">
        {edition.language} edition: <span lang={edition.id}>{edition.name}</span>
      </h1>
      <p className="mt-1 text-sm text-muted">{countOf(edition.articleCount, "article", "articles")}.</p>
      {added === "1" && (
        <Notice tone="success" className="mt-4 max-w-2xl">
          The edition was added, closed to readers. Name its sections and tags (Admin → Sections, Tags), then open it.
        </Notice>
      )}
      {edition.isDefault ? (
        <Notice tone="warning" announce={false} className="mt-6 max-w-2xl">
          This is the default edition. It is not changed here: its addresses have no prefix, so another default would move every address of the site.
        </Notice>
      ) : (
        <>
          <PageSection id="settings" title="Settings" className="mt-6 max-w-2xl">
            <EditionForm edition={edition} />
          </PageSection>
          <Panel
            id="readers"
            title="Readers"
            description={
              edition.isPublic
                ? `Open: readers find it at /${edition.id}. Closed, its pages answer 404 and it leaves the language links, alternates, feeds and sitemaps.`
                : `Closed: its pages answer 404. Staff can still write and translate stories in it.`
            }
            className="mt-10 max-w-2xl"
          >
            <EditionAccessButton edition={edition} />
          </Panel>
          <Panel id="delete" title="Delete this edition" tone="danger" description="Only an edition without articles can be deleted; its section and tag names go with it." className="mt-10 max-w-2xl">
            <DeleteEditionButton edition={edition} />
          </Panel>
        </>
      )}
    </>
  );
}
