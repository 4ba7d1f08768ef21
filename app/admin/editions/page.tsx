/**
 * /admin/editions: the site's language editions (docs/decisions/0029, 0033), with what each is, how many articles
 * it has and whether readers see it; a form to add one in a language the code ships. The default edition is shown
 * and never changed here.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listAddableLanguages, listEditionsForAdmin } from "@/lib/data/editions-staff";
import { SEARCH_CONFIG_LABELS, type SearchConfig } from "@/lib/validation/editions";
import { EditionForm } from "./edition-forms";

export const metadata: Metadata = { title: "Language editions" };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function EditionsPage({ searchParams }: Props) {
  const actor = await requirePermission("edition:manage", "/admin/editions");
  const [editions, languages, { deleted }] = await Promise.all([listEditionsForAdmin(actor), listAddableLanguages(actor), searchParams]);
  const defaultEdition = editions.find((e) => e.isDefault);
  return (
    <>
      <h1 className="text-2xl font-bold">Language editions</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        Each edition is the reader&apos;s site in one language, under its own prefix (/es). The default edition
        {defaultEdition && ` (${defaultEdition.language})`} has no prefix; it is not changed here, because another default would move every address of the site.
      </p>
      {deleted === "1" && (
        <Notice tone="success" className="mt-4 max-w-3xl">
          The edition was deleted.
        </Notice>
      )}
      <DataTable
        rows={editions}
        rowKey={(edition) => edition.id}
        caption="Language editions"
        className="mt-6"
        columns={[
          { header: "Language", isRowHeader: true, cell: (e) => `${e.language} (${e.id})` },
          { header: "Name", cell: (e) => <span lang={e.id}>{e.name}</span> },
          { header: "Locale", className: "font-mono text-xs", cell: (e) => e.locale },
          { header: "Search", cell: (e) => SEARCH_CONFIG_LABELS[e.searchConfig as SearchConfig] ?? e.searchConfig },
          { header: "Default", cell: (e) => (e.isDefault ? "Default" : "No") },
          { header: "Position", cell: (e) => (e.isDefault ? "First" : e.position) },
          { header: "Articles", cell: (e) => e.articleCount },
          { header: "Readers", cell: (e) => (e.isDefault ? "Open at /" : e.isPublic ? `Open at /${e.id}` : "Closed") },
          {
            header: "Manage",
            cell: (e) =>
              e.isDefault ? (
                <span className="text-muted">Not changed here</span>
              ) : (
                <Link href={`/admin/editions/${e.id}`} className="underline" aria-label={`Manage ${e.language}`}>
                  Manage
                </Link>
              ),
          },
        ]}
      />

      <Panel id="new-edition" title="Add an edition" className="mt-10 max-w-2xl">
        {languages.length > 0 ? (
          <>
            <p className="mb-3 text-sm text-muted">A new edition is closed to readers until you open it: name its sections and tags, prepare its first stories, then open it.</p>
            <EditionForm edition={null} languages={languages} />
          </>
        ) : (
          <p className="text-sm">
            Every language Dateline has reader text for has an edition. Another language needs its message catalog (lib/i18n/messages) and its route folder (lib/i18n/routes.ts).
          </p>
        )}
      </Panel>
    </>
  );
}
