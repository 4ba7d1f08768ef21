/**
 * Above the editor: the article's edition and its translations (each opens in the editor), "Translate into …" for
 * the editions it is not in yet, and for a translation, a notice while its source has changed since the translation
 * was last confirmed. Beside the editor (on wide screens; above it on narrow ones): a translation's source.
 */
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/form-message";
import type { FormAction } from "@/components/ui/use-action-form";
import type { TranslationPanel as Panel } from "@/lib/data/articles/translations";

type Props = {
  articleId: string;
  panel: Panel;
  translate: FormAction<{ id: string }>;
  confirm: FormAction<undefined>;
};

export function TranslationPanel({ articleId, panel, translate, confirm }: Props) {
  return (
    <section aria-labelledby="translations-heading" className="mb-4 rounded border border-gray-300 p-3 text-sm">
      <h2 id="translations-heading" className="font-semibold">
        Edition: {panel.edition.name}
      </h2>
      {panel.translations.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-4">
          {panel.translations.map((t) => (
            <li key={t.id}>
              {t.editionName}:{" "}
              {t.canOpen ? (
                <Link href={`/dashboard/articles/${t.id}`} className="underline">
                  {t.headline || "Untitled"}
                </Link>
              ) : (
                t.headline || "Untitled"
              )}{" "}
              <span className="text-muted">({t.status.toLowerCase().replace("_", " ")})</span>
            </li>
          ))}
        </ul>
      )}
      {panel.canTranslateInto.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-2">
          {panel.canTranslateInto.map((edition) => (
            <ActionButton key={edition.id} action={translate} fields={{ articleId, editionId: edition.id }} variant="secondary">
              Translate into {edition.name}
            </ActionButton>
          ))}
        </div>
      )}
      {panel.source && panel.isOutdated && (
        <div className="mt-3 space-y-2">
          <Notice tone="warning" announce={false}>
            The {panel.source.editionName} source was republished with changes since this translation was last confirmed.
          </Notice>
          <ActionButton action={confirm} fields={{ articleId }} variant="secondary">
            Mark as up to date
          </ActionButton>
        </div>
      )}
    </section>
  );
}

/** A translation's source: headline, summary and body, as the source article has them now. */
export function TranslationSource({ source }: { source: NonNullable<Panel["source"]> }) {
  return (
    <aside aria-label={`Source (${source.editionName})`} className="mb-4 rounded border border-gray-300 bg-gray-50 p-3 text-sm 2xl:sticky 2xl:top-4 2xl:max-h-[90vh] 2xl:overflow-y-auto dark:bg-gray-900">
      <h2 className="font-semibold">Source ({source.editionName})</h2>
      <p className="mt-2 font-serif text-lg font-bold">{source.headline}</p>
      {source.dek && <p className="mt-1 text-muted">{source.dek}</p>}
      <div className="article-body mt-2 font-serif" dangerouslySetInnerHTML={{ __html: source.bodyHtml }} />
      <p className="mt-2">
        <Link href={`/dashboard/articles/${source.id}`} className="underline">
          Open the source
        </Link>
      </p>
    </aside>
  );
}
