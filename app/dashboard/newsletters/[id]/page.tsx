/** /dashboard/newsletters/[id]: one edition: its numbers, its content to edit, a preview, and what to do with it. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/form-message";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { getEditionForEditor } from "@/lib/data/newsletters/editions";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime, toLocalInputValue } from "@/lib/dates";
import { copies, EDITION_NUMBERS, EDITION_STATUS_LABEL, KIND_LABEL } from "../edition-labels";
import { EditionControls } from "./edition-controls";
import { EditionForm } from "./edition-form";

export const metadata: Metadata = { title: "Edition" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditionPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requirePermission("newsletter:send", `/dashboard/newsletters/${id}`);
  const [edition, settings] = await Promise.all([getEditionForEditor(user, id).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))), getSiteSettings()]);
  if (!edition) notFound();
  const isEditable = edition.status === "DRAFT" || edition.status === "SCHEDULED";
  return (
    <>
      <BackLink href="/dashboard/newsletters">Newsletters</BackLink>
      <h1 className="mt-2 text-2xl font-bold">{edition.subject}</h1>
      <p className="mt-1 text-sm text-muted">
        {edition.kind === "SECTION" ? `Section: ${edition.section?.name ?? "deleted"}` : KIND_LABEL[edition.kind]} · {EDITION_STATUS_LABEL[edition.status]}
        {edition.scheduledFor && ` · ${edition.status === "SCHEDULED" ? "goes out" : "went out"} ${formatDateTime(edition.scheduledFor, settings.locale, settings.timeZone)}`}
      </p>
      {typeof query.sent === "string" && /^\d+$/.test(query.sent) && (
        <Notice tone="success" className="mt-4">
          The edition is on its way to {copies(Number(query.sent))}.
        </Notice>
      )}
      {query.cancelled && (
        <Notice tone="success" className="mt-4">
          The edition is cancelled: it will not be sent.
        </Notice>
      )}
      <dl aria-label="Numbers" className="mt-4 flex flex-wrap gap-6">
        {EDITION_NUMBERS.map(([label, key]) => (
          <div key={key}>
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-xl font-semibold">{edition.numbers[key].toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-8 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <EditionForm edition={edition} articles={edition.articles} candidates={edition.candidates} isEditable={isEditable} />
        <Panel id="send" title="Preview and send">
          <p>
            <Link href={`/dashboard/newsletters/${edition.id}/preview`} className={buttonClass()} target="_blank">
              Preview in the browser
            </Link>
          </p>
          <div className="mt-4">
            <EditionControls id={edition.id} isEditable={isEditable} scheduledLocal={edition.scheduledFor ? toLocalInputValue(edition.scheduledFor, settings.timeZone) : ""} timeZone={settings.timeZone} />
          </div>
        </Panel>
      </div>
    </>
  );
}
