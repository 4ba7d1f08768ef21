/**
 * /dashboard/newsletters (editors and admins): the editions, newest first, with their numbers; the next daily digest
 * is always among them (it waits at the configured hour); forms to prepare a section's edition and to send a
 * breaking alert.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listEditions as listLanguageEditions } from "@/lib/data/editions";
import { listBreakingCandidates, listEditions } from "@/lib/data/newsletters/editions";
import { ensureUpcomingDigest } from "@/lib/data/newsletters/queue";
import { listSections } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { EDITION_NUMBERS, EDITION_STATUS_LABEL, KIND_LABEL } from "./edition-labels";
import { BreakingAlertForm, SectionEditionForm } from "./newsletter-forms";

export const metadata: Metadata = { title: "Newsletters" };

export default async function NewslettersPage() {
  const user = await requirePermission("newsletter:send", "/dashboard/newsletters");
  await ensureUpcomingDigest();
  const [editions, sections, articles, settings, languages] = await Promise.all([listEditions(user), listSections(), listBreakingCandidates(user), getSiteSettings(), listLanguageEditions()]);
  // Another language edition's newsletters say whose they are (decision 0029): the dashboard itself stays in English.
  const inLanguage = (code: string) => {
    const edition = languages.find((l) => l.id === code);
    return edition && !edition.isDefault ? ` · ${edition.name}` : "";
  };
  const when = (date: Date | null) => (date ? formatDateTime(date, settings.locale, settings.timeZone) : "Not scheduled");
  return (
    <>
      <h1 className="text-2xl font-bold">Newsletters</h1>
      <p className="mt-2 text-sm text-muted">Editions go to the readers who confirmed their subscription. Nothing tracks opens or clicks.</p>
      <DataTable
        caption="Editions, newest first"
        className="mt-6"
        rows={editions}
        rowKey={(e) => e.id}
        empty="No editions yet."
        columns={[
          { header: "Edition", isRowHeader: true, cell: (e) => <Link href={`/dashboard/newsletters/${e.id}`} className="underline">{e.subject}</Link> },
          { header: "Kind", cell: (e) => `${e.kind === "SECTION" ? `Section: ${e.section?.name ?? "deleted"}` : KIND_LABEL[e.kind]}${inLanguage(e.language)}` },
          { header: "Status", cell: (e) => EDITION_STATUS_LABEL[e.status] },
          { header: "Goes out", cell: (e) => when(e.scheduledFor) },
          ...EDITION_NUMBERS.map(([header, key]) => ({ header, cell: (e: (typeof editions)[number]) => e.numbers[key] })),
        ]}
      />
      <div className="mt-10 grid gap-6 md:grid-cols-2">
        <Panel id="section-edition" title="A section's edition" description="The section's stories of the last 24 hours; you can reorder, remove and introduce them before it goes out.">
          <SectionEditionForm sections={sections} />
        </Panel>
        <Panel id="breaking" title="Breaking alert" description="A short e-mail about one published story, sent at once to the breaking news list.">
          <BreakingAlertForm articles={articles} />
        </Panel>
      </div>
    </>
  );
}
