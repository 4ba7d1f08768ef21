"use client";
/**
 * An edition's subject, introduction and articles. The articles are a list the editor reorders (Up/Down), prunes
 * (Remove) and adds to from the day's other stories; they are posted in order, and only when changed, so that an
 * untouched digest keeps refilling itself from the last 24 hours until it goes out.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateEditionAction } from "../actions";

type Item = { id: string; headline: string; section: string };

type Props = { edition: { id: string; subject: string; intro: string; kind: string }; articles: Item[]; candidates: Item[]; isEditable: boolean };

export function EditionForm({ edition, articles, candidates, isEditable }: Props) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(updateEditionAction);
  const [items, setItems] = useState(articles);
  const [isChanged, setIsChanged] = useState(false);
  const [intro, setIntro] = useState(edition.intro);
  const change = (next: Item[]) => {
    setItems(next);
    setIsChanged(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    change(next);
  };
  const unused = candidates.filter((c) => !items.some((i) => i.id === c.id)).concat(articles.filter((a) => !items.some((i) => i.id === a.id)));
  const canChangeItems = isEditable && edition.kind !== "BREAKING";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="id" value={edition.id} />
      <input type="hidden" name="itemsChanged" value={isChanged ? "1" : "0"} />
      {items.map((item) => (
        <input key={item.id} type="hidden" name="items" value={item.id} />
      ))}
      <TextField id="edition-subject" name="subject" label="Subject" defaultValue={edition.subject} maxLength={200} readOnly={!isEditable} error={errors.subject} />
      <TextAreaField
        id="edition-intro"
        name="intro"
        label="Introduction"
        hint="Plain text, above the articles. Leave a blank line between paragraphs."
        rows={4}
        value={intro}
        onChange={(event) => setIntro(event.target.value)}
        counter={{ count: intro.length, max: 5000 }}
        readOnly={!isEditable}
        error={errors.intro}
      />
      <section aria-labelledby="edition-articles-heading">
        <h2 id="edition-articles-heading" className="text-lg font-semibold">
          Articles, in order
        </h2>
        {items.length === 0 && <p className="mt-2 text-sm text-muted">No articles: nothing would be sent.</p>}
        <ol className="mt-2 space-y-2">
          {items.map((item, index) => (
            <li key={item.id} className="flex flex-wrap items-center gap-2 rounded border border-gray-300 p-2">
              <span className="flex-1">
                {item.headline} <span className="text-sm text-muted">({item.section})</span>
              </span>
              {canChangeItems && (
                <>
                  <Button onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move “${item.headline}” up`}>
                    Up
                  </Button>
                  <Button onClick={() => move(index, 1)} disabled={index === items.length - 1} aria-label={`Move “${item.headline}” down`}>
                    Down
                  </Button>
                  <Button onClick={() => change(items.filter((i) => i.id !== item.id))} aria-label={`Remove “${item.headline}”`}>
                    Remove
                  </Button>
                </>
              )}
            </li>
          ))}
        </ol>
        {canChangeItems && unused.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">Other stories of the last 24 hours</h3>
            <ul className="mt-2 space-y-2">
              {unused.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-2">
                  <span className="flex-1">{item.headline}</span>
                  <Button onClick={() => change([...items, item])} aria-label={`Add “${item.headline}”`}>
                    Add
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <FormMessage state={message} />
      {isEditable && (
        <Button type="submit" variant="primary" disabled={pending}>
          Save the edition
        </Button>
      )}
    </form>
  );
}
