/** /admin/sections: the sections in navigation order, with move up/down, edit links and a form to add one. */
import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listSectionsForAdmin } from "@/lib/data/sections";
import { MoveSectionButtons, SectionForm } from "./section-forms";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  const actor = await requirePermission("section:manage", "/admin/sections");
  const sections = await listSectionsForAdmin(actor);
  return (
    <>
      <h1 className="text-2xl font-bold">Sections</h1>
      <p className="mt-2 text-sm text-muted">The order here is the order of the site&apos;s navigation.</p>
      <DataTable
        caption="Sections, in navigation order"
        label="Sections"
        className="mt-6"
        rows={sections}
        rowKey={(section) => section.id}
        edit={(section) => ({ href: `/admin/sections/${section.id}`, label: `Edit ${section.name}` })}
        columns={[
          { header: "Order", cell: (_, index) => index + 1 },
          { header: "Name", isRowHeader: true, cell: (section) => section.name },
          { header: "Address", className: "font-mono text-xs", cell: (section) => `/${section.slug}` },
          { header: "Articles", cell: (section) => section.articleCount },
          { header: "Move", cell: (section, index) => <MoveSectionButtons section={section} isFirst={index === 0} isLast={index === sections.length - 1} /> },
        ]}
      />

      <Panel id="new-section" title="Add a section" className="mt-10 max-w-2xl">
        <SectionForm section={null} />
      </Panel>
    </>
  );
}
