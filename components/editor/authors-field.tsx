"use client";

/**
 * The byline: an ordered list of staff, with add, remove and move buttons that all work from the keyboard. Where only
 * the desk may change it, the names in order as a read-only field, with the reason as its hint.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps, TextField } from "@/components/ui/field";
import type { StaffOption } from "./types";

type Props = {
  staff: StaffOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  /** Set when this user may not change the byline: why. */
  lockedHint?: string;
};

const MOVES = [
  { what: "up", label: "Up", delta: -1 },
  { what: "down", label: "Down", delta: 1 },
] as const;

export function AuthorsField({ lockedHint, ...props }: Props) {
  const names = new Map(props.staff.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => names.get(id) ?? "A former staff member";
  if (!lockedHint) return <BylineEditor {...props} nameOf={nameOf} />;
  return <TextField id="field-authors" label="Authors" hint={lockedHint} error={props.error} value={props.value.map(nameOf).join(", ")} readOnly />;
}

function BylineEditor({ staff, value, onChange, error, nameOf }: Omit<Props, "lockedHint"> & { nameOf: (id: string) => string }) {
  const [toAdd, setToAdd] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const pendingFocus = useRef<string | null>(null);

  // Moving an item re-orders the list; keep the keyboard focus on the item that moved.
  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const buttonId = (authorId: string, what: "up" | "down" | "remove") => `author-${authorId}-${what}`;

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const id = value[index];
    if (!id || target < 0 || target >= value.length) return;
    const next = [...value];
    next.splice(index, 1);
    next.splice(target, 0, id);
    onChange(next);
    const stillPossible = delta === -1 ? target > 0 : target < next.length - 1;
    pendingFocus.current = buttonId(id, (delta === -1) === stillPossible ? "up" : "down");
    setAnnouncement(`${nameOf(id)} moved to position ${target + 1} of ${next.length}.`);
  };

  const remove = (index: number) => {
    const id = value[index];
    if (!id) return;
    const next = value.filter((v) => v !== id);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    pendingFocus.current = neighbour ? buttonId(neighbour, "remove") : "field-authors";
    setAnnouncement(`${nameOf(id)} removed from the byline.`);
  };

  const add = () => {
    if (!toAdd || value.includes(toAdd)) return;
    onChange([...value, toAdd]);
    setAnnouncement(`${nameOf(toAdd)} added to the byline.`);
    setToAdd("");
  };

  const available = staff.filter((s) => !value.includes(s.id));
  const hint = "The byline lists them in this order.";

  return (
    <Field id="field-authors" label="Authors" hint={hint} error={error}>
      {value.length === 0 ? (
        <p className="text-sm">No authors yet.</p>
      ) : (
        <ol aria-label="Authors" className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
          {value.map((id, index) => {
            const name = nameOf(id);
            return (
              <li key={id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                <span className="min-w-0 flex-1 font-medium">
                  <span className="text-muted">{index + 1}.</span> {name}
                </span>
                {MOVES.map(({ what, label, delta }) => (
                  <Button
                    key={what}
                    id={buttonId(id, what)}
                    aria-label={`Move ${name} ${what}`}
                    disabled={index === (delta === -1 ? 0 : value.length - 1)}
                    onClick={() => move(index, delta)}
                  >
                    {label}
                  </Button>
                ))}
                <Button id={buttonId(id, "remove")} aria-label={`Remove ${name}`} onClick={() => remove(index)}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <select {...fieldControlProps({ id: "field-authors", hint, error })} value={toAdd} onChange={(e) => setToAdd(e.target.value)} className={`${CONTROL_CLASS} w-auto min-w-[14rem] flex-1`}>
          <option value="">Choose a staff member to add…</option>
          {available.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <Button onClick={add} disabled={!toAdd}>
          Add author
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </Field>
  );
}
