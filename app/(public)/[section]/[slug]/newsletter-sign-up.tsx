/**
 * The sign-up at the end of an article: the digest (checked), the article's section, breaking news. A prefixed
 * edition's article offers that edition's digest and alerts, in its language (its sections have no lists yet).
 */
import { listChoices, listEditionOf } from "@/components/newsletters/list-choices";
import { SignUpForm } from "@/components/newsletters/sign-up-form";
import { listSections } from "@/lib/data/sections";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { editionList } from "@/lib/newsletters/lists";

export async function ArticleNewsletterSignUp({ sectionSlug, text = ENGLISH_TEXT }: { sectionSlug: string; text?: ReaderText }) {
  const edition = listEditionOf(text);
  const section = edition ? undefined : (await listSections()).find((s) => s.slug === sectionSlug);
  const heading = section ? text.t("nlArticleHeading", { section: section.name }) : text.t("nlArticleHeadingPlain");
  return (
    <div className="mx-auto mt-12 max-w-3xl">
      <SignUpForm source="article" heading={heading} choices={listChoices(section ? [section] : [], text, edition)} checked={[editionList("DIGEST", null, edition)]} text={text} />
    </div>
  );
}
