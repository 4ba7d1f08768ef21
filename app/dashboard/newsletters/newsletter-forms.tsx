"use client";
/** The editions page's two forms: start a section's edition, and send a published article as a breaking alert. */
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSectionEditionAction, sendBreakingAlertAction } from "./actions";

export function SectionEditionForm({ sections }: { sections: { id: string; name: string }[] }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(createSectionEditionAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      <SelectField id="edition-section" name="sectionId" label="Section" options={sections.map((s) => [s.id, s.name] as const)} error={errors.sectionId} />
      <FormMessage state={message} />
      <Button type="submit" variant="primary" disabled={pending || sections.length === 0}>
        Prepare the section&apos;s edition
      </Button>
    </form>
  );
}

export function BreakingAlertForm({ articles }: { articles: { id: string; headline: string }[] }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(sendBreakingAlertAction);
  if (articles.length === 0) return <p className="text-sm text-muted">No story published in the last 24 hours is left to send: none was published, or each went out as an alert.</p>;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      <SelectField
        id="breaking-article"
        name="articleId"
        label="Published article"
        hint="A story goes out as an alert once: those already sent are not listed."
        options={articles.map((a) => [a.id, a.headline] as const)}
        error={errors.articleId}
      />
      <FormMessage state={message} />
      <Button type="submit" variant="danger" disabled={pending}>
        Send as breaking alert
      </Button>
    </form>
  );
}
