// Vitest runs server code outside Next; the real `server-only` package throws outside a React Server environment.
export {};
