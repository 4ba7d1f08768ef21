/**
 * The demo's Spanish edition under /es (docs/decisions/0029-language-editions.md): the edition, Spanish names for
 * the sections and some tags, five translations of English demo stories (linked to them) and two stories that exist
 * only in Spanish, and the Spanish edition's next daily digest (its list is "es:DIGEST"; the scheduler keeps one
 * waiting every day after it). Idempotent like the rest of the seed. All text is our own.
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { readerText } from "@/lib/i18n/reader-text";
import { digestFor, nextDigestSlot } from "@/lib/newsletters/schedule";

const SECTIONS: Record<string, { name: string; slug: string; description: string }> = {
  news: { name: "Noticias", slug: "noticias", description: "Lo que pasa en Monterrey, el norte de México y la frontera." },
  business: { name: "Negocios", slug: "negocios", description: "Empresas, comercio e inversión en la región." },
  energy: { name: "Energía", slug: "energia", description: "Electricidad, gas y renovables en el norte." },
  culture: { name: "Cultura", slug: "cultura", description: "Arte, libros, música y ciudad." },
};

const TAGS: Record<string, string> = { water: "Agua", drought: "Sequía", "city-hall": "Ayuntamiento", nearshoring: "Relocalización", manufacturing: "Manufactura", arts: "Artes", solar: "Energía solar", "power-grid": "Red eléctrica", transit: "Transporte" };

type SpanishStory = {
  slug: string;
  /** The English demo story this one translates, or none for a Spanish-only story. */
  source?: string;
  section: string;
  author: string;
  tags: string[];
  daysAgo: number;
  datelineCity: string;
  headline: string;
  dek: string;
  paragraphs: string[];
};

const STORIES: SpanishStory[] = [
  {
    slug: "cabildo-de-monterrey-aprueba-plan-de-emergencia-por-el-agua",
    source: "monterrey-council-approves-emergency-water-plan-as-reservoirs-drop",
    section: "news", author: "journalist@dateline.test", tags: ["water", "drought", "city-hall"], daysAgo: 0, datelineCity: "Monterrey",
    headline: "El cabildo de Monterrey aprueba un plan de emergencia mientras bajan las presas",
    dek: "Habrá cortes programados de presión por colonia y un fondo para reparar las tuberías más viejas.",
    paragraphs: [
      "El cabildo votó por unanimidad un plan de emergencia hídrica tras semanas de niveles bajos en las presas que abastecen a la zona metropolitana.",
      "El plan reparte los cortes de presión por colonia según un calendario público y destina un fondo nuevo a sustituir las tuberías con más fugas.",
      "Vecinos llenaron la sala para preguntar cuánto durarán los recortes; las autoridades prometieron revisar el calendario cada mes.",
    ],
  },
  {
    slug: "la-desocupacion-industrial-cerca-de-monterrey-toca-minimo-historico",
    source: "industrial-vacancy-near-monterrey-hits-record-low-as-nearshoring-demand-holds",
    section: "business", author: "marcus.bell@dateline.test", tags: ["nearshoring", "manufacturing", "water"], daysAgo: 1, datelineCity: "Monterrey",
    headline: "La desocupación industrial cerca de Monterrey toca un mínimo histórico",
    dek: "La demanda ligada a la relocalización sostiene la construcción de naves, aunque el agua preocupa a los inversionistas.",
    paragraphs: [
      "Los parques industriales del área metropolitana reportan la menor proporción de naves vacías desde que se lleva registro.",
      "Corredores inmobiliarios atribuyen la cifra a fabricantes que trasladan producción desde Asia y buscan espacio cerca de la frontera.",
      "Varios desarrolladores advierten que la nueva inversión dependerá de que la ciudad garantice el suministro de agua a largo plazo.",
    ],
  },
  {
    slug: "museo-de-monterrey-recorre-la-larga-lucha-de-la-ciudad-por-el-agua",
    source: "monterrey-museum-exhibit-traces-the-citys-long-struggle-with-water",
    section: "culture", author: "lucia.fernandez@dateline.test", tags: ["arts", "water", "drought"], daysAgo: 1, datelineCity: "Monterrey",
    headline: "Una exposición en Monterrey recorre la larga lucha de la ciudad por el agua",
    dek: "Mapas, fotografías y testimonios cuentan un siglo de sequías, acueductos y protestas.",
    paragraphs: [
      "La muestra reúne planos de los primeros acueductos, fotografías de filas frente a las pipas y grabaciones de vecinos de distintas épocas.",
      "Los curadores quisieron mostrar que la escasez no es nueva: cada generación ha tenido que negociar de dónde viene el agua.",
      "La exposición estará abierta hasta fin de año y la entrada es libre los domingos.",
    ],
  },
  {
    slug: "parque-solar-cerca-de-chihuahua-empieza-a-entregar-energia-a-la-red",
    source: "solar-farm-near-chihuahua-begins-sending-power-to-the-grid",
    section: "energy", author: "priya.natarajan@dateline.test", tags: ["solar", "power-grid", "manufacturing"], daysAgo: 2, datelineCity: "Chihuahua",
    headline: "Un parque solar cerca de Chihuahua empieza a entregar energía a la red",
    dek: "La planta abastecerá sobre todo a fábricas de la región durante el día.",
    paragraphs: [
      "El parque comenzó a inyectar electricidad a la red nacional después de dos años de obra en terrenos semidesérticos al sur de la ciudad.",
      "La mayor parte de la energía ya está comprometida con plantas manufactureras que buscan reducir sus emisiones.",
      "Ingenieros de la red señalan que se necesitarán más líneas de transmisión para aprovechar proyectos similares.",
    ],
  },
  {
    slug: "saltillo-extiende-su-linea-de-autobus-rapido-al-parque-industrial",
    source: "saltillo-extends-bus-rapid-transit-line-to-industrial-park-on-east-side",
    section: "news", author: "tomas.herrera@dateline.test", tags: ["transit", "city-hall", "manufacturing"], daysAgo: 3, datelineCity: "Saltillo",
    headline: "Saltillo extiende su línea de autobús rápido hasta el parque industrial del oriente",
    dek: "Los trabajadores de los turnos de madrugada serán los primeros en notar el cambio.",
    paragraphs: [
      "La ampliación suma seis estaciones y conecta el centro con las plantas del oriente en menos de cuarenta minutos.",
      "El ayuntamiento ajustó los horarios para que el primer autobús salga antes del cambio de turno de las cinco de la mañana.",
      "Empresas del parque aportaron parte del costo de las estaciones a cambio de paradas frente a sus accesos.",
    ],
  },
  {
    slug: "llega-una-inversion-de-tres-mil-millones-para-una-planta-de-baterias-en-nuevo-leon",
    section: "business", author: "marcus.bell@dateline.test", tags: ["manufacturing", "nearshoring"], daysAgo: 0, datelineCity: "Santa Catarina",
    headline: "Llega una inversión de tres mil millones para una planta de baterías en Nuevo León",
    dek: "La fábrica empleará a unas mil doscientas personas cuando opere a plena capacidad.",
    paragraphs: [
      "Una empresa fabricante de baterías para autos eléctricos anunció la inversión, la mayor del año en el estado.",
      "La planta se construirá en dos etapas y la primera línea de producción arrancaría a finales del próximo año.",
      "Autoridades estatales dijeron que la empresa se comprometió a reciclar el agua de sus procesos.",
    ],
  },
  {
    slug: "festival-de-musica-nortena-llena-la-macroplaza",
    section: "culture", author: "lucia.fernandez@dateline.test", tags: ["arts"], daysAgo: 2, datelineCity: "Monterrey",
    headline: "Un festival de música norteña llena la Macroplaza durante tres noches",
    dek: "Grupos veteranos compartieron escenario con conjuntos de jóvenes de las preparatorias de la ciudad.",
    paragraphs: [
      "Miles de personas llegaron con sillas plegables y hieleras para escuchar acordeones y bajos sextos hasta la medianoche.",
      "Los organizadores reservaron la tarde del domingo para conjuntos escolares, que tocaron por primera vez ante un público tan grande.",
      "El ayuntamiento evalúa repetir el festival cada otoño.",
    ],
  },
];

function publishedAt(now: Date, daysAgo: number): Date {
  return new Date(now.getTime() - daysAgo * 86_400_000 - 3_600_000);
}

export async function seedSpanishEdition(db: Db, ids: { sections: Map<string, string>; users: Map<string, string>; now: Date }): Promise<number> {
  await db.languageEdition.upsert({
    where: { id: "es" },
    update: {},
    create: { id: "es", locale: "es-MX", name: "Español", searchConfig: "spanish", position: 1 },
  });
  for (const [slug, local] of Object.entries(SECTIONS)) {
    const sectionId = ids.sections.get(slug);
    if (sectionId) await db.sectionTranslation.upsert({ where: { sectionId_editionId: { sectionId, editionId: "es" } }, update: {}, create: { sectionId, editionId: "es", ...local } });
  }
  for (const [slug, name] of Object.entries(TAGS)) {
    const tag = await db.tag.findUnique({ where: { slug }, select: { id: true } });
    const localSlug = name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
    if (tag) await db.tagTranslation.upsert({ where: { tagId_editionId: { tagId: tag.id, editionId: "es" } }, update: {}, create: { tagId: tag.id, editionId: "es", name, slug: localSlug } });
  }
  await seedSpanishDigest(db, ids.now);
  let created = 0;
  for (const story of STORIES) {
    if (await db.article.findUnique({ where: { slug: story.slug }, select: { id: true } })) continue;
    const source = story.source ? await db.article.findUnique({ where: { slug: story.source }, select: { id: true, translationGroupId: true } }) : null;
    const authorId = ids.users.get(story.author) as string;
    const body = documentFromParagraphs(story.paragraphs);
    const tags = await db.tag.findMany({ where: { slug: { in: story.tags } }, select: { id: true, slug: true } });
    const when = publishedAt(ids.now, story.daysAgo);
    await db.$transaction(async (tx) => {
      if (source && !source.translationGroupId) await tx.article.update({ where: { id: source.id }, data: { translationGroupId: source.id } });
      await tx.article.create({
        data: {
          slug: story.slug,
          headline: story.headline,
          dek: story.dek,
          body: body as unknown as Prisma.InputJsonValue,
          bodyHtml: renderDocumentHtml(body),
          bodyText: documentToPlainText(body),
          datelineCity: story.datelineCity,
          sectionId: ids.sections.get(story.section) as string,
          editionId: "es",
          searchConfig: "spanish",
          translationGroupId: source ? (source.translationGroupId ?? source.id) : null,
          translationSourceId: source?.id ?? null,
          status: "PUBLISHED",
          publishedAt: when,
          createdAt: when,
          createdById: authorId,
          lastEditedById: authorId,
          authors: { create: [{ userId: authorId, position: 0 }] },
          tags: { create: story.tags.flatMap((slug, position) => tags.filter((t) => t.slug === slug).map((t) => ({ tagId: t.id, position }))) },
        },
      });
    });
    created++;
  }
  return created;
}

/**
 * The Spanish edition's next daily digest, waiting as the scheduler would make it (lib/data/newsletters/queue.ts),
 * at NEWSLETTER_DIGEST_HOUR (default 7) of the site's day: the desk finds it under Newsletters at once.
 */
async function seedSpanishDigest(db: Db, now: Date): Promise<void> {
  const settings = await db.settings.findUnique({ where: { id: 1 }, select: { siteName: true, timeZone: true } });
  const hour = Number(process.env.NEWSLETTER_DIGEST_HOUR ?? 7);
  const slot = nextDigestSlot(now, Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 7, settings?.timeZone ?? "UTC");
  const spanish = { id: "es", listEdition: "es", text: readerText({ id: "es", locale: "es-MX", isDefault: false }) };
  const data = digestFor(spanish, slot, settings?.siteName ?? "Dateline");
  await db.edition.upsert({ where: { dayKey: data.dayKey }, update: {}, create: data });
}
