/**
 * The newsletters a reader may choose, as checkboxes named "lists" (the sign-up form and the preferences page), in
 * the page's language, with its edition's lists (decision 0029).
 */
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { editionList } from "@/lib/newsletters/lists";

export type ListChoice = { value: string; label: string; hint: string };

/**
 * The digest, breaking news, and (when given) one list per section, of the edition `text` speaks for: `edition` is
 * its code when it is not the default edition (its lists' keys carry it), else null.
 */
export function listChoices(sections: { id: string; name: string }[], text: ReaderText = ENGLISH_TEXT, edition: string | null = null): ListChoice[] {
  return [
    { value: editionList("DIGEST", null, edition), label: text.t("nlDigest"), hint: text.t("nlDigestHint") },
    { value: editionList("BREAKING", null, edition), label: text.t("nlBreaking"), hint: text.t("nlBreakingHint") },
    ...sections.map((s) => ({ value: editionList("SECTION", s.id, edition), label: s.name, hint: text.t("nlSectionHint", { section: s.name }) })),
  ];
}

/** The code that a page's edition's list keys carry: null for the default edition. */
export const listEditionOf = (text: ReaderText) => (text.prefix ? text.lang : null);

type Props = { idPrefix: string; choices: ListChoice[]; checked: readonly string[]; legend: string };

export function ListChoices({ idPrefix, choices, checked, legend }: Props) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {choices.map((choice) => {
        const id = `${idPrefix}-${choice.value.replace(/[^A-Za-z0-9]/g, "-").toLowerCase()}`;
        return (
          <div key={choice.value} className="flex items-start gap-2">
            <input type="checkbox" id={id} name="lists" value={choice.value} defaultChecked={checked.includes(choice.value)} aria-describedby={`${id}-hint`} className="mt-1 h-4 w-4" />
            <label htmlFor={id}>
              <span className="font-medium">{choice.label}</span>{" "}
              <span id={`${id}-hint`} className="text-sm text-muted">
                {choice.hint}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
