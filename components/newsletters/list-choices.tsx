/** The newsletters a reader may choose, as checkboxes named "lists" (the sign-up form and the preferences page). */
import { BREAKING_LIST, DIGEST_LIST, LIST_LABELS, sectionList } from "@/lib/newsletters/lists";

export type ListChoice = { value: string; label: string; hint: string };

/** The digest, breaking news, and (when given) one list per section. */
export function listChoices(sections: { id: string; name: string }[]): ListChoice[] {
  return [
    { value: DIGEST_LIST, label: LIST_LABELS.DIGEST, hint: "The last 24 hours' stories, every morning." },
    { value: BREAKING_LIST, label: LIST_LABELS.BREAKING, hint: "Only when big news breaks." },
    ...sections.map((s) => ({ value: sectionList(s.id), label: s.name, hint: `The day's ${s.name} stories.` })),
  ];
}

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
