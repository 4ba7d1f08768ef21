/**
 * The language code Google News accepts for a BCP 47 locale: the ISO 639 language ("en-US" → "en"), except Chinese,
 * which must be "zh-cn" (Simplified) or "zh-tw" (Traditional).
 */
export function newsLanguageCode(locale: string): string {
  let language: string;
  let script: string | undefined;
  let region: string | undefined;
  try {
    const parsed = new Intl.Locale(locale);
    language = parsed.language;
    script = parsed.script;
    region = parsed.region;
  } catch {
    const primary = locale.split(/[-_]/)[0]?.toLowerCase() ?? "";
    language = /^[a-z]{2,3}$/.test(primary) ? primary : "en";
  }
  if (language !== "zh") return language;
  const traditional = script === "Hant" || (!script && (region === "TW" || region === "HK" || region === "MO"));
  return traditional ? "zh-tw" : "zh-cn";
}
