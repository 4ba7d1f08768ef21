"use client";

/** Corrections, updates and clarifications on a published article: shown on its public page with their dates. */
import { useRouter } from "next/navigation";
import { memo, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { addCorrectionAction } from "@/lib/actions/workflow";
import { usePanelText } from "./use-panel-text";

const KINDS = [
  { value: "CORRECTION", label: "Correction" },
  { value: "UPDATE", label: "Update" },
  { value: "CLARIFICATION", label: "Clarification" },
] as const;

export const CorrectionsPanel = memo(function CorrectionsPanel({ articleId }: { articleId: string }) {
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<string>("CORRECTION");
  const [notice, setNotice] = useState("");
  const text = usePanelText<HTMLTextAreaElement>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice("");
    if (text.value.trim().length < 10) {
      text.fail("Describe the correction in a sentence.");
      return;
    }
    if (await text.send(() => addCorrectionAction({ articleId, kind, text: text.value }), "text")) {
      setNotice(`${KINDS.find((k) => k.value === kind)?.label ?? "Correction"} added: readers see it on the article page.`);
      router.refresh();
    }
  };

  return (
    <Panel id={id} title="Corrections">
      <p className="mt-1 text-sm text-muted">Added at once to the public article, with today’s date.</p>
      <form onSubmit={submit} className="mt-2 space-y-2">
        <SelectField id={`${id}-kind`} label="Kind" value={kind} onChange={(e) => setKind(e.target.value)} options={KINDS.map((k) => [k.value, k.label] as const)} />
        <TextAreaField id={`${id}-text`} label="Correction text" rows={3} {...text.field} />
        <Button type="submit" disabled={text.busy}>
          Add correction
        </Button>
        <p aria-live="polite" className="text-sm font-semibold text-green-900">
          {notice}
        </p>
      </form>
    </Panel>
  );
});
