/**
 * The 404 and 410 pages of a reader document's route (decision 0034), as the edition's not-found page and its /gone
 * page show them: the edition's shell around "Page not found" (404) or "This story was taken down" (410), noindex.
 * An unknown edition gets the default edition's.
 */
import { MissingPage } from "@/components/layout/missing-page";
import { ReaderDocument } from "@/components/layout/reader-document";
import { loadEdition, type EditionContext } from "@/lib/i18n/edition";
import { readerDocumentResponse } from "@/lib/reader/response";

const PAGES = {
  404: { title: "notFoundTitle", reason: "notFoundReason" },
  410: { title: "goneTitle", reason: "goneReason" },
} as const;

/** `status` 404: nothing was ever published there; 410: an article was, and was taken down (lib/data/articles/gone.ts). */
export async function missingPageResponse(found: EditionContext | null, status: 404 | 410 = 404): Promise<Response> {
  const context = found ?? (await loadEdition(null));
  if (!context) return new Response("Not found", { status });
  const title = context.text.t(PAGES[status].title);
  return readerDocumentResponse(
    <ReaderDocument context={context} metadata={{ title, noindex: true }}>
      <MissingPage title={title} reason={context.text.t(PAGES[status].reason)} text={context.text} />
    </ReaderDocument>,
    status,
  );
}
