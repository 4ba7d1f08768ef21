/**
 * A reader document's <head> from its metadata, for pages rendered outside Next's metadata API (decision 0034: the
 * article and front pages). It writes the same tags Next writes for the same `Metadata` fields (title, description,
 * canonical, hreflang and feed alternates, Open Graph, the social card, icons), with relative URLs made absolute
 * against the site's URL. `DocumentMetadata` is the part of Next's `Metadata` it understands: a page that needs
 * another field adds it here, so nothing is dropped silently.
 */
import type { FeedAlternateTypes } from "@/lib/feeds/links";

type Image = { url: string; width?: number; height?: number; alt: string };

export type DocumentMetadata = {
  /** The page's own title, to which the site's name is appended (the reader layout's template); none: the site's name. */
  title?: string;
  /** None: the site's description, as a page under the reader layout inherits it. */
  description?: string;
  alternates?: {
    canonical: string;
    /** hreflang → URL (x-default included). */
    languages?: Record<string, string>;
    /** media type → feeds. */
    types?: FeedAlternateTypes;
  };
  /** Title and description default to the page's, site name and locale to the edition's (the layout's). */
  openGraph?: {
    type?: "article";
    url?: string;
    title?: string;
    description?: string;
    siteName?: string;
    locale?: string;
    images?: Image[];
    publishedTime?: string;
    modifiedTime?: string;
    section?: string;
    authors?: string[];
    tags?: string[];
  };
  /** The social card: the layout's "summary" when the page names none; title, description and images default to Open Graph's. */
  twitter?: { card: "summary" | "summary_large_image"; title?: string; description?: string; images?: Image[] };
  /** A page that is not there: kept out of search results. */
  noindex?: boolean;
};

type Site = { siteName: string; siteUrl: string; description: string; /** Open Graph's form: "es_MX". */ locale: string };

/** The metadata as Next resolves it under the reader layout: its title template and the fields pages inherit. */
function resolve(metadata: DocumentMetadata, site: Site) {
  const title = metadata.title ? `${metadata.title} · ${site.siteName}` : site.siteName;
  const description = metadata.description ?? site.description;
  const given = metadata.openGraph ?? {};
  const og = { ...given, title: given.title ?? title, description: given.description ?? description, siteName: given.siteName ?? site.siteName, locale: given.locale ?? site.locale, images: given.images ?? [] };
  const card = metadata.twitter ?? { card: "summary" as const };
  const twitter = { card: card.card, title: card.title ?? og.title, description: card.description ?? og.description, images: card.images ?? og.images };
  return { title, description, og, twitter };
}

function Meta({ property, name, content }: { property?: string; name?: string; content: string | number | undefined }) {
  if (content === undefined || content === "") return null;
  return property ? <meta property={property} content={String(content)} /> : <meta name={name} content={String(content)} />;
}

/**
 * The tags, in Next's order. `site` is what the reader layout's metadata gives every page (the title template, the
 * description and Open Graph names a page without its own inherits) and resolves relative URLs; `stylesheets` are
 * the build's CSS files.
 */
export function HeadTags({ metadata, site, stylesheets }: { metadata: DocumentMetadata; site: Site; stylesheets: string[] }) {
  const absolute = (url: string) => absoluteUrl(url, site.siteUrl);
  const { alternates } = metadata;
  const { title, description, og, twitter } = resolve(metadata, site);
  return (
    <>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {stylesheets.map((href) => (
        <link key={href} rel="stylesheet" href={href} />
      ))}
      <title>{title}</title>
      <Meta name="description" content={description} />
      {metadata.noindex && <meta name="robots" content="noindex" />}
      {alternates && <link rel="canonical" href={absolute(alternates.canonical)} />}
      {Object.entries(alternates?.languages ?? {}).map(([lang, url]) => (
        <link key={lang} rel="alternate" hrefLang={lang} href={absolute(url)} />
      ))}
      {Object.entries(alternates?.types ?? {}).flatMap(([type, links]) =>
        links.map((link) => <link key={`${type} ${link.url}`} rel="alternate" type={type} href={absolute(link.url)} title={link.title} />),
      )}
      <OpenGraphTags og={og} absolute={absolute} />
      <TwitterTags twitter={twitter} absolute={absolute} />
      <link rel="icon" href="/favicon.ico" sizes="48x48" type="image/x-icon" />
      <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
    </>
  );
}

type Absolute = (url: string) => string;

type Resolved = ReturnType<typeof resolve>;

/** `url` against the site's URL; the site's root without a trailing slash, as Next writes it ("https://news.example"). */
function absoluteUrl(url: string, siteUrl: string): string {
  const resolved = new URL(url, siteUrl);
  return resolved.pathname === "/" && !resolved.search && !resolved.hash ? resolved.origin : resolved.toString();
}

function OpenGraphTags({ og, absolute }: { og: Resolved["og"]; absolute: Absolute }) {
  return (
    <>
      <Meta property="og:title" content={og.title} />
      <Meta property="og:description" content={og.description} />
      <Meta property="og:url" content={og.url && absolute(og.url)} />
      <Meta property="og:site_name" content={og.siteName} />
      <Meta property="og:locale" content={og.locale} />
      {og.images.map((image) => (
        <ImageTags key={image.url} prefix="og:image" image={image} absolute={absolute} />
      ))}
      <Meta property="og:type" content={og.type} />
      <Meta property="article:published_time" content={og.publishedTime} />
      <Meta property="article:modified_time" content={og.modifiedTime} />
      {(og.authors ?? []).map((author) => (
        <Meta key={author} property="article:author" content={author} />
      ))}
      <Meta property="article:section" content={og.section} />
      {(og.tags ?? []).map((tag) => (
        <Meta key={tag} property="article:tag" content={tag} />
      ))}
    </>
  );
}

function TwitterTags({ twitter, absolute }: { twitter: Resolved["twitter"]; absolute: Absolute }) {
  return (
    <>
      <Meta name="twitter:card" content={twitter.card} />
      <Meta name="twitter:title" content={twitter.title} />
      <Meta name="twitter:description" content={twitter.description} />
      {twitter.images.map((image) => (
        <ImageTags key={image.url} prefix="twitter:image" image={{ url: image.url, alt: image.alt }} absolute={absolute} name />
      ))}
    </>
  );
}

function ImageTags({ prefix, image, absolute, name = false }: { prefix: string; image: Image; absolute: Absolute; name?: boolean }) {
  const key = name ? "name" : "property";
  return (
    <>
      <Meta {...{ [key]: prefix }} content={absolute(image.url)} />
      <Meta {...{ [key]: `${prefix}:width` }} content={image.width} />
      <Meta {...{ [key]: `${prefix}:height` }} content={image.height} />
      <Meta {...{ [key]: `${prefix}:alt` }} content={image.alt} />
    </>
  );
}
