/**
 * An author's picture: their avatar when one is set (and its URL is safe), else a circle with their initials.
 * A plain <img> rather than next/image: avatars may live on any host, which next/image would need listed in
 * next.config; width and height are set so the page does not shift while it loads.
 */
import { safeHref } from "@/lib/content/document";

const SIZE = 96;

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word ?? "")[0]?.toLocaleUpperCase() ?? "").join("");
}

export function AuthorAvatar({ name, avatarUrl }: { name: string; avatarUrl: string | null }) {
  const src = avatarUrl ? safeHref(avatarUrl) : null;
  if (src && !src.startsWith("mailto:") && !src.startsWith("#")) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- external avatar hosts; see the header comment
      <img
        src={src}
        alt={`Portrait of ${name}`}
        width={SIZE}
        height={SIZE}
        loading="eager"
        className="size-24 shrink-0 rounded-full bg-gray-200 object-cover dark:bg-gray-700"
      />
    );
  }
  // The name is the page's heading right beside it: the initials are decoration for screen readers.
  return (
    <span
      aria-hidden="true"
      className="flex size-24 shrink-0 items-center justify-center rounded-full bg-gray-700 font-serif text-3xl font-bold text-white dark:bg-gray-200 dark:text-gray-900"
    >
      {initialsOf(name)}
    </span>
  );
}
