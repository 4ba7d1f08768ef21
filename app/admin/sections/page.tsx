/** /admin/sections: the sections in navigation order, with move up/down, edit links and a form to add one. */
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listSectionsForAdmin } from "@/lib/data/sections";
import { CreateSectionForm, MoveSectionButtons } from "./section-forms";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  const actor = await requirePermission("section:manage", "/admin/sections");
  const sections = await listSectionsForAdmin(actor);
  return (
    <>
      <h1 className="text-2xl font-bold">Sections</h1>
      <p className="mt-2 text-sm text-muted">The order here is the order of the site&apos;s navigation.</p>
      <table className="mt-6 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Sections, in navigation order</caption>
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-2 pr-4">Order</th>
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Address</th>
            <th scope="col" className="py-2 pr-4">Articles</th>
            <th scope="col" className="py-2 pr-4">Move</th>
            <th scope="col" className="py-2">Edit</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section, index) => (
            <tr key={section.id} className="border-b border-gray-200">
              <td className="py-2 pr-4">{index + 1}</td>
              <th scope="row" className="py-2 pr-4 font-medium">{section.name}</th>
              <td className="py-2 pr-4 font-mono text-xs">/{section.slug}</td>
              <td className="py-2 pr-4">{section.articleCount}</td>
              <td className="py-2 pr-4">
                <MoveSectionButtons section={section} isFirst={index === 0} isLast={index === sections.length - 1} />
              </td>
              <td className="py-2">
                <Link href={`/admin/sections/${section.id}`} className="underline" aria-label={`Edit ${section.name}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="new-section-heading" className="mt-10 max-w-2xl rounded border border-gray-300 p-4">
        <h2 id="new-section-heading" className="text-lg font-semibold">
          Add a section
        </h2>
        <div className="mt-3">
          <CreateSectionForm />
        </div>
      </section>
    </>
  );
}
