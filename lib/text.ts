/** Wording readers see that does not depend on the data: names joined for a byline (a role's title is in lib/i18n). */

/** "Ana Ruiz", "Ana Ruiz and Tomás Herrera", "A, B and C": bylines in lists, the editor and search results. */
export function joinNames(names: string[], and = "and"): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
}
