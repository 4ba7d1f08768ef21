/** Wording readers see that does not depend on the data: names joined for a byline, a staff role's title. */
import type { Role } from "@/lib/data/types";

/** "Ana Ruiz", "Ana Ruiz and Tomás Herrera", "A, B and C": bylines in lists, the editor and search results. */
export function joinNames(names: string[], and = "and"): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
}

/** How a role reads on the author page. */
export const AUTHOR_ROLE_LABEL: Record<Role, string> = {
  JOURNALIST: "Staff writer",
  EDITOR: "Editor",
  ADMIN: "Newsroom staff",
};
