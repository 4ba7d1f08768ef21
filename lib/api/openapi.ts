/**
 * The Content API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Its schemas are JSON Schema 2020-12 and
 * describe exactly what lib/api/represent.ts and lib/api/problem.ts produce: the tests validate real responses
 * against them, and the document itself against the OpenAPI 3.1 schema. ninjs bodies are described by IPTC's own
 * schema, referred to by its URL.
 */
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, API_SCOPES } from "@/lib/validation/api";

const str = { type: "string" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const uri = { type: "string", format: "uri" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", additionalProperties: false, properties, required });
const page = (item: string) => object({ items: { type: "array", items: ref(item) }, next: { type: ["string", "null"] }, links: object({ next: { type: ["string", "null"], format: "uri" } }) });
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });

const summaryProperties = {
  id: str,
  url: uri,
  apiUrl: uri,
  language: str,
  slug: str,
  headline: str,
  dek: str,
  dateline: str,
  section: object({ name: str, slug: str }),
  authors: { type: "array", items: object({ id: str, name: str, slug: str, url: uri }) },
  tags: { type: "array", items: object({ name: str, slug: str }) },
  publishedAt: dateTime,
  updatedAt: dateTime,
  isLive: { type: "boolean" },
  featuredImage: nullable(ref("Image")),
  translations: { type: "array", items: object({ language: str, headline: str, url: uri, apiUrl: uri }) },
};

const schemas = {
  Image: object({
    url: uri,
    width: { type: "integer" },
    height: { type: "integer" },
    alt: str,
    caption: str,
    credit: str,
    renditions: { type: "array", items: object({ url: uri, width: { type: "integer" }, height: { type: "integer" }, contentType: str }) },
  }),
  ArticleSummary: object(summaryProperties),
  Article: object({
    ...summaryProperties,
    bodyHtml: str,
    bodyText: str,
    corrections: { type: "array", items: object({ kind: { enum: ["correction", "update", "clarification"] }, text: str, publishedAt: dateTime }) },
  }),
  ArticlePage: page("ArticleSummary"),
  Section: object({ name: str, slug: str, description: str, url: uri }),
  SectionList: object({ items: { type: "array", items: ref("Section") } }),
  Tag: object({ name: str, slug: str, url: uri }),
  TagPage: page("Tag"),
  Author: object({ id: str, name: str, slug: str, bio: str, avatarUrl: { type: ["string", "null"], format: "uri" }, url: uri }),
  AuthorPage: page("Author"),
  SearchResults: object({
    query: str,
    language: str,
    total: { type: "integer" },
    page: { type: "integer" },
    totalPages: { type: "integer" },
    items: {
      type: "array",
      items: object({ id: str, url: uri, apiUrl: uri, language: str, headline: str, snippet: str, publishedAt: dateTime, section: object({ name: str, slug: str }), authors: { type: "array", items: object({ name: str, slug: str }) } }),
    },
  }),
  Problem: object(
    {
      type: { type: "string", format: "uri-reference" },
      title: str,
      status: { type: "integer" },
      detail: str,
      instance: str,
      errors: { type: "array", items: object({ parameter: str, detail: str }) },
    },
    ["type", "title", "status", "detail"],
  ),
  NinjsItem: { $ref: "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json" },
  NinjsPage: object({ items: { type: "array", items: ref("NinjsItem") }, next: { type: ["string", "null"] }, links: object({ next: { type: ["string", "null"], format: "uri" } }) }),
};

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const errors = {
  "400": problemResponse("A parameter is not valid: `errors` names each one."),
  "401": problemResponse("No key, or a key that is not valid or was revoked."),
  "403": problemResponse("The key lacks the scope this endpoint needs."),
  "429": problemResponse("Over the rate limit: see Retry-After and RateLimit."),
  "304": { description: "Not modified (If-None-Match matched the ETag)." },
};
const param = (name: string, description: string, schema: Record<string, unknown> = str, where = "query") => ({ name, in: where, description, required: where === "path", schema });
const format = param("format", "json (default) or ninjs (IPTC ninjs 3.1; also chosen by `Accept: application/ninjs+json`).", { enum: ["json", "ninjs"] });
const language = (what: string) => param("language", `${what} An edition's language code (en, es); an unknown one is a 400 that lists the site's editions.`, { type: "string", pattern: "^[a-z]{2,3}$" });
const paging = [param("cursor", "The `next` value of the previous page."), param("limit", `Items per page (default ${API_DEFAULT_LIMIT}).`, { type: "integer", minimum: 1, maximum: API_MAX_LIMIT })];
const ok = (schema: string, ninjs?: string) => ({
  description: "OK",
  content: { "application/json": { schema: ref(schema) }, ...(ninjs ? { "application/ninjs+json": { schema: ref(ninjs) } } : {}) },
});
const get = (summary: string, scope: string, parameters: unknown[], response: unknown) => ({ get: { summary, description: `Needs a key with the \`${scope}\` scope (or anonymous access, when the site allows it).`, parameters, responses: { "200": response, ...errors } } });

export function openApiDocument(siteUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Dateline Content API",
      version: "1.0.0",
      description:
        "Published articles, sections, tags, authors and search, read-only, in every language edition: each article carries its edition's `language`, URLs and names, and links to its translations; `language` keeps one edition. Send a key as `Authorization: Bearer <key>`. Errors are RFC 9457 problem+json.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: `${siteUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: `Scopes: ${API_SCOPES.join(", ")}.` } },
      schemas,
    },
    paths: {
      "/articles": get(
        "Published articles, newest first",
        "articles",
        [
          language("Only that language edition's articles (default: every edition's)."),
          param("section", "A section's slug (the default edition's, or the edition's own)."),
          param("tag", "A tag's slug (the default edition's, or the edition's own)."),
          param("author", "An author's slug."),
          param("updated_since", "Only articles published or updated since this time (RFC 3339).", dateTime),
          ...paging,
          format,
        ],
        ok("ArticlePage", "NinjsPage"),
      ),
      "/articles/{id}": get("One published article", "articles", [param("id", "The article's id.", str, "path"), format], ok("Article", "NinjsItem")),
      "/articles/{section}/{slug}": get(
        "One published article by its public URL",
        "articles",
        [param("section", "The section's slug.", str, "path"), param("slug", "The article's slug.", str, "path"), format],
        ok("Article", "NinjsItem"),
      ),
      "/sections": get("The sections", "taxonomy", [language("Names, slugs and URLs in that edition (default: the default edition).")], ok("SectionList")),
      "/tags": get("Tags with published articles, by slug", "taxonomy", [language("Only tags of that edition's articles, in its names and URLs (default: every edition's, in the default names)."), ...paging], ok("TagPage")),
      "/authors": get("Authors with published articles, by slug", "taxonomy", [language("Only authors of that edition's articles, with its URLs (default: every edition's)."), ...paging], ok("AuthorPage")),
      "/search": get(
        "Published articles matching the words, best first",
        "search",
        [{ ...param("q", "The words to search for."), required: true }, language("Search that edition, with its language's stemming (default: the default edition)."), param("page", "1 to 50.", { type: "integer", minimum: 1, maximum: 50 })],
        ok("SearchResults"),
      ),
    },
  };
}
