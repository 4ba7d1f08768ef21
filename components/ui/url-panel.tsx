"use client";

/**
 * Small panels that open under a toolbar (the body editor's Link, Embed and Image panels): a named group where Enter
 * in a text box applies and Escape cancels. They are not forms, since they live inside another form. UrlPanel is the
 * one that asks for an address, checked by the caller when it is applied, and optionally the text to show for it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "./button";
import { TextField } from "./field";

type ToolPanelProps = {
  /** Names the group; shown as its heading when `showTitle`, else only to assistive technology. */
  title: string;
  showTitle?: boolean;
  onApply: () => void;
  onCancel: () => void;
  children: ReactNode;
};

export function ToolPanel({ title, showTitle = false, onApply, onCancel, children }: ToolPanelProps) {
  const id = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Enter" && (event.target as HTMLElement).tagName === "INPUT") {
      event.preventDefault();
      onApply();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="border border-t-0 border-gray-500 bg-blue-50 p-3" onKeyDown={onKeyDown}>
      <p id={`${id}-title`} className={showTitle ? "text-sm font-bold" : "sr-only"}>
        {title}
      </p>
      {children}
    </div>
  );
}

type UrlPanelProps = {
  title: string;
  label: string;
  hint: string;
  initialValue?: string;
  applyLabel: string;
  /** A second text box, above the address: the words to show (a link's text). */
  textField?: { label: string; hint: string };
  /** Uses the address (and the text, "" without a text box); returns what is wrong, or null once it is applied. */
  onApply: (value: string, text: string) => string | null;
  onCancel: () => void;
  /** One more action beside Apply (say, removing the link). */
  extra?: { label: string; onClick: () => void };
};

export function UrlPanel({ title, label, hint, initialValue = "", applyLabel, textField, onApply, onCancel, extra }: UrlPanelProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const apply = () => {
    const problem = onApply(value, text);
    if (problem) {
      setError(problem);
      input.current?.focus();
    }
  };

  return (
    <ToolPanel title={title} onApply={apply} onCancel={onCancel}>
      {textField && (
        <TextField id={`${id}-text`} label={textField.label} hint={textField.hint} type="text" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} className="mb-2" />
      )}
      <TextField
        ref={input}
        id={`${id}-url`}
        label={label}
        hint={hint}
        error={error ?? undefined}
        type="text"
        inputMode="url"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <Button variant="primary" onClick={apply}>
          {applyLabel}
        </Button>
        {extra && <Button onClick={extra.onClick}>{extra.label}</Button>}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </ToolPanel>
  );
}
