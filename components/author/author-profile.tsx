/** The top of an author page: avatar, name (the page's h1), role and bio. Public fields only. */
import { AuthorAvatar } from "@/components/author/author-avatar";
import type { PublicAuthor } from "@/lib/data/users/authors";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export function AuthorProfile({ author, text = ENGLISH_TEXT }: { author: PublicAuthor; text?: ReaderText }) {
  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <AuthorAvatar name={author.name} avatarUrl={author.avatarUrl} />
      <div>
        <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
        <p className="mt-1 text-sm font-semibold uppercase tracking-wide text-accent">
          {text.t("authorRole", { role: author.role })}
        </p>
        {author.bio && <p className="mt-3 max-w-2xl text-muted">{author.bio}</p>}
      </div>
    </div>
  );
}
