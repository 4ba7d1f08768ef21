"use client";

/**
 * Small panels that open under a toolbar (the body editor's Link, Embed and Image panels): a named group where Enter
 * in a text box applies and Escape cancels. They are not forms, since they live inside another form. UrlPanel is the
 * one that asks for a single address, checked by the caller when it is applied.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "@/components/editor/ui";

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
  /** Uses the address; returns what is wrong with it, or null once it is applied. */
  onApply: (value: string) => string | null;
  onCancel: () => void;
  /** One more action beside Apply (say, removing the link). */
  extra?: { label: string; onClick: () => void };
};

export function UrlPanel({ title, label, hint, initialValue = "", applyLabel, onApply, onCancel, extra }: UrlPanelProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const apply = () => {
    const problem = onApply(value);
    if (problem) {
      setError(problem);
      input.current?.focus();
    }
  };

  return (
    <ToolPanel title={title} onApply={apply} onCancel={onCancel}>
      <label htmlFor={`${id}-url`} className={labelClass}>
        {label}
      </label>
      <input
        ref={input}
        id={`${id}-url`}
        type="text"
        inputMode="url"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className={hintClass}>
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} onClick={apply}>
          {applyLabel}
        </button>
        {extra && (
          <button type="button" className={buttonClass} onClick={extra.onClick}>
            {extra.label}
          </button>
        )}
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </ToolPanel>
  );
}
