/** How editions read in the dashboard: their kind and status in words, and how many readers they go to. */
export const KIND_LABEL = { DIGEST: "Daily digest", SECTION: "Section", BREAKING: "Breaking alert" } as const;
export const EDITION_STATUS_LABEL = { DRAFT: "Draft", SCHEDULED: "Scheduled", SENDING: "Sending", SENT: "Sent", CANCELLED: "Cancelled" } as const;
export { copies } from "@/lib/newsletters/lists";

/** An edition's numbers, in the order the list and the edition's page show them. */
export const EDITION_NUMBERS = [
  ["Queued", "queued"],
  ["Sent", "sent"],
  ["Failed", "failed"],
  ["Suppressed", "suppressed"],
  ["Unsubscribes", "unsubscribes"],
] as const;
