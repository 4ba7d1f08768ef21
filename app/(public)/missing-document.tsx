/**
 * The 404 page of a reader document's route (decision 0034), as the edition's not-found page shows it: the
 * edition's shell around "Page not found", noindex, status 404. An unknown edition gets the default edition's.
 */
import { MissingPage } from "@/components/layout/missing-page";
import { ReaderDocument } from "@/components/layout/reader-document";
import { loadEdition, type EditionContext } from "@/lib/i18n/edition";
import { readerDocumentResponse } from "@/lib/reader/response";

export async function missingPageResponse(found: EditionContext | null): Promise<Response> {
  const context = found ?? (await loadEdition(null));
  if (!context) return new Response("Not found", { status: 404 });
  const title = context.text.t("notFoundTitle");
  return readerDocumentResponse(
    <ReaderDocument context={context} metadata={{ title, noindex: true }}>
      <MissingPage title={title} reason={context.text.t("notFoundReason")} text={context.text} />
    </ReaderDocument>,
    404,
  );
}
