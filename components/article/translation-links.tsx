/** Above an article: its published translations, each linked and named in its own language ("English", "Español"). */
import type { ReaderText } from "@/lib/i18n/reader-text";

/** `names`: each edition's name in its own language, by code. */
type Props = { current: string; alternates: Record<string, string> | undefined; names: Record<string, string>; text: ReaderText };

export function TranslationLinks({ current, alternates, names, text }: Props) {
  const others = Object.entries(alternates ?? {}).filter(([lang]) => lang !== current && lang !== "x-default");
  if (others.length === 0) return null;
  return (
    <nav aria-label={text.t("translations")} className="mx-auto mb-4 max-w-3xl text-sm">
      <ul className="flex flex-wrap gap-3">
        {others.map(([lang, href]) => (
          <li key={lang}>
            <a href={href} hrefLang={lang} lang={lang} className="font-semibold underline">
              {text.t("readIn", { language: names[lang] ?? lang })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
