/** The addresses a section or tag had before, which keep redirecting to it; nothing when it never moved. */
import { PageSection } from "@/components/ui/panel";

export function FormerAddresses({ paths, description, className }: { paths: string[]; description?: string; className?: string }) {
  if (paths.length === 0) return null;
  return (
    <PageSection id="former" title="Former addresses" description={description} className={className}>
      <ul className="list-inside list-disc font-mono text-xs">
        {paths.map((path) => (
          <li key={path}>{path}</li>
        ))}
      </ul>
    </PageSection>
  );
}
