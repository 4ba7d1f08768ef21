/** The sign-up at the end of an article: the digest (checked), the article's section, breaking news. */
import { listChoices } from "@/components/newsletters/list-choices";
import { SignUpForm } from "@/components/newsletters/sign-up-form";
import { listSections } from "@/lib/data/sections";

export async function ArticleNewsletterSignUp({ sectionSlug }: { sectionSlug: string }) {
  const section = (await listSections()).find((s) => s.slug === sectionSlug);
  return (
    <div className="mx-auto mt-12 max-w-3xl">
      <SignUpForm source="article" heading={section ? `${section.name} and more, by e-mail` : "More stories by e-mail"} choices={listChoices(section ? [section] : [])} checked={["DIGEST"]} />
    </div>
  );
}
