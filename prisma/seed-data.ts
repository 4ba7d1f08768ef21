// Demo content for Dateline. All people, organizations' spokespeople and
// quotes below are fictional; figures are illustrative only.

export type SeedSection = { name: string; slug: string; description: string };

export type SeedStaff = {
  email: string;
  name: string;
  slug: string;
  role: "ADMIN" | "EDITOR" | "JOURNALIST";
  bio: string;
};

export type SeedBlock =
  | { type: "p"; text: string }
  | { type: "h2"; text: string }
  | { type: "quote"; text: string }
  | { type: "ul"; items: string[] };

export type SeedArticle = {
  slug: string;
  headline: string;
  dek: string;
  datelineCity: string;
  section: string;
  authors: string[];
  tags: string[];
  status: "PUBLISHED" | "DRAFT" | "IN_REVIEW";
  daysAgo: number;
  hour: number;
  body: SeedBlock[];
  seoDescription?: string;
};

export const sections: SeedSection[] = [
  {
    name: "News",
    slug: "news",
    description: "City halls, elections, water, transit and the public decisions that shape daily life across the border region.",
  },
  {
    name: "Business",
    slug: "business",
    description: "Manufacturing, trade, the peso and the small businesses that keep neighborhoods running on both sides of the border.",
  },
  {
    name: "Energy",
    slug: "energy",
    description: "Solar, wind, natural gas and the power grid, with a close eye on what they cost and what they demand of land and water.",
  },
  {
    name: "Culture",
    slug: "culture",
    description: "Museums, music, books, food and the people keeping the region's traditions alive and changing them.",
  },
];

export const staff: SeedStaff[] = [
  {
    email: "admin@dateline.test",
    name: "Rosa Delgado",
    slug: "rosa-delgado",
    role: "ADMIN",
    bio: "Rosa Delgado is Dateline's managing editor and oversees the newsroom's standards and operations. She previously ran a regional desk covering Nuevo León and Coahuila for 12 years.",
  },
  {
    email: "editor@dateline.test",
    name: "Javier Montemayor",
    slug: "javier-montemayor",
    role: "EDITOR",
    bio: "Javier Montemayor edits Dateline's News section from Monterrey. He has covered local government and elections in northern Mexico and South Texas since 2009.",
  },
  {
    email: "journalist@dateline.test",
    name: "Ana Ruiz",
    slug: "ana-ruiz",
    role: "JOURNALIST",
    bio: "Ana Ruiz is a Monterrey-based reporter covering water, city hall and cross-border communities. She grew up in Nuevo Laredo and reports in English and Spanish.",
  },
  {
    email: "tomas.herrera@dateline.test",
    name: "Tomás Herrera",
    slug: "tomas-herrera",
    role: "JOURNALIST",
    bio: "Tomás Herrera reports from Saltillo on manufacturing, labor and the Laguna region. Before joining Dateline he worked as a quality engineer at an auto parts plant.",
  },
  {
    email: "priya.natarajan@dateline.test",
    name: "Priya Natarajan",
    slug: "priya-natarajan",
    role: "JOURNALIST",
    bio: "Priya Natarajan covers energy and the power grid from Houston. She holds a master's degree in environmental engineering and has reported on Texas energy markets since 2016.",
  },
  {
    email: "marcus.bell@dateline.test",
    name: "Marcus Bell",
    slug: "marcus-bell",
    role: "EDITOR",
    bio: "Marcus Bell is Dateline's business editor, based in San Antonio. He writes about trade, currencies and the cross-border economy.",
  },
  {
    email: "lucia.fernandez@dateline.test",
    name: "Lucía Fernández",
    slug: "lucia-fernandez",
    role: "JOURNALIST",
    bio: "Lucía Fernández covers arts, books and food for Dateline. She is based in Mexico City and travels often to the northern states.",
  },
];

const ANA = "journalist@dateline.test";
const JAVIER = "editor@dateline.test";
const TOMAS = "tomas.herrera@dateline.test";
const PRIYA = "priya.natarajan@dateline.test";
const MARCUS = "marcus.bell@dateline.test";
const LUCIA = "lucia.fernandez@dateline.test";

// Shared tag vocabulary (16 tags), reused across articles:
// Water, Drought, Transit, City Hall, Elections, Manufacturing, Nearshoring,
// Trade, Peso, Small Business, Solar, Wind, Power Grid, Natural Gas, Arts, Food

export const articles: SeedArticle[] = [
  // ---------------------------------------------------------------- News
  {
    slug: "monterrey-council-approves-emergency-water-plan-as-reservoirs-drop",
    headline: "Monterrey council approves emergency water plan as reservoirs drop",
    dek: "The measure sets rotating pressure cuts by district, fines for leaks left unrepaired and a fund to replace aging pipes in older neighborhoods.",
    datelineCity: "Monterrey",
    section: "news",
    authors: [ANA],
    tags: ["Water", "Drought", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 0,
    hour: 9,
    seoDescription: "Monterrey adopts rotating water pressure cuts, leak fines and a pipe replacement fund as reservoir levels fall to 31 percent.",
    body: [
      {
        type: "p",
        text: "The Monterrey city council voted 11-3 on Tuesday night to adopt an emergency water plan that will reduce pressure in the municipal network on a rotating schedule, after the three reservoirs that serve the metropolitan area fell to a combined 31 percent of capacity.",
      },
      {
        type: "p",
        text: "The plan, drafted with the state water utility, divides the city into six service zones. Each zone will see reduced pressure for eight hours on two nights a week, a schedule officials said is meant to spread the burden evenly rather than concentrate cuts in the same neighborhoods.",
      },
      { type: "h2", text: "What changes for households" },
      {
        type: "p",
        text: "Residents are asked to keep rooftop tanks filled during daytime hours and to report leaks through a new hotline. Property owners who leave a reported leak unrepaired for more than 15 days could face fines of up to 8,000 pesos, though council members said first offenses would draw a warning.",
      },
      {
        type: "p",
        text: "Council member Irene Cavazos, who chairs the public services committee, said the rotating schedule was preferable to emergency cuts later in the summer.",
      },
      {
        type: "quote",
        text: "“We would rather ask everyone for a little now than ask a few neighborhoods for everything in August.”",
      },
      {
        type: "p",
        text: "The plan also creates a 240 million peso fund to replace leaking distribution lines in older districts, where utility engineers estimate that as much as a third of treated water is lost before it reaches a tap. Work is scheduled to begin next month in two neighborhoods north of the city center.",
      },
      {
        type: "p",
        text: "The three council members who voted against the measure said it relies too heavily on households while large industrial users keep their existing allocations. Council member Óscar Treviño said he would introduce a separate proposal requiring factories to publish monthly water consumption figures. The pressure schedule takes effect Monday and will be reviewed every 30 days.",
      },
    ],
  },
  {
    slug: "industrial-vacancy-near-monterrey-hits-record-low-as-nearshoring-demand-holds",
    headline: "Industrial vacancy near Monterrey hits record low as nearshoring demand holds",
    dek: "Developers are racing to build warehouses and factory shells, but access to water and power is becoming the deciding factor for tenants.",
    datelineCity: "Monterrey",
    section: "business",
    authors: [MARCUS],
    tags: ["Nearshoring", "Manufacturing", "Water"],
    status: "PUBLISHED",
    daysAgo: 1,
    hour: 12,
    body: [
      {
        type: "p",
        text: "The share of vacant industrial space in the Monterrey metropolitan area fell to about 2 percent at the end of the last quarter, the lowest level on record, according to a report released this week by a regional real estate brokerage.",
      },
      {
        type: "p",
        text: "The report counted more than 1.4 million square meters of industrial space under construction, much of it in speculative buildings put up without a signed tenant. Most of the demand has come from manufacturers moving production closer to the U.S. market, a trend known as nearshoring.",
      },
      {
        type: "p",
        text: "Brokers say the first question tenants ask has changed. Instead of rent or highway access, companies now want guarantees on water and electricity supply before they sign a lease.",
      },
      {
        type: "p",
        text: "Claudia Benavides, a broker who represents several foreign manufacturers, said some clients have walked away from buildings where the developer could not show a long-term water permit. Others are budgeting for on-site plants that treat and recycle water for industrial use.",
      },
      {
        type: "quote",
        text: "“Two years ago nobody asked about water on the first call. Now it is the first thing, before the price per meter.”",
      },
      {
        type: "p",
        text: "Average asking rents rose about 9 percent from a year earlier, the report said. Developers expect demand to stay strong through next year, though some warned that uncertainty over U.S. trade policy could lead companies to postpone decisions on new plants.",
      },
    ],
  },
  {
    slug: "monterrey-museum-exhibit-traces-the-citys-long-struggle-with-water",
    headline: "Monterrey museum exhibit traces the city’s long struggle with water",
    dek: "Maps, photographs and sections of old pipe tell the story of droughts, floods and the engineering that made a desert city possible.",
    datelineCity: "Monterrey",
    section: "culture",
    authors: [LUCIA],
    tags: ["Arts", "Water", "Drought"],
    status: "PUBLISHED",
    daysAgo: 1,
    hour: 18,
    body: [
      {
        type: "p",
        text: "A new exhibit at a history museum in downtown Monterrey traces the city’s relationship with water over four centuries, from the springs that drew early settlers to the reservoirs and aqueducts that supply more than 5 million people today.",
      },
      {
        type: "p",
        text: "The exhibit, which opened Saturday, includes hand-drawn maps of colonial-era canals, photographs of floods that reshaped entire neighborhoods and sections of clay and iron pipe recovered during street construction. Visitors can also listen to recorded interviews with residents who remember the droughts of past decades.",
      },
      {
        type: "p",
        text: "Curator Mariana Leal said her team began planning the exhibit two years ago, before the most recent shortages made water a daily concern for many families.",
      },
      {
        type: "quote",
        text: "“People think of water problems as news. We wanted to show they are also history, and that the city has faced them before.”",
      },
      {
        type: "p",
        text: "One room focuses on hurricanes that turned the usually dry bed of the Santa Catarina River into a torrent. Another explores how neighbors organized to share water during shortages, using rotating schedules and community tanks long before the city adopted them as policy.",
      },
      {
        type: "p",
        text: "The exhibit runs through the end of the year. Admission is free on Sundays, and the museum is offering guided tours for school groups on weekday mornings.",
      },
    ],
  },
  {
    slug: "solar-farm-near-chihuahua-begins-sending-power-to-the-grid",
    headline: "Solar farm near Chihuahua begins sending power to the grid",
    dek: "The 120-megawatt plant will supply electricity to factories in the state under long-term contracts, its developer said.",
    datelineCity: "Chihuahua",
    section: "energy",
    authors: [PRIYA],
    tags: ["Solar", "Power Grid", "Manufacturing"],
    status: "PUBLISHED",
    daysAgo: 2,
    hour: 14,
    seoDescription: "A 120-megawatt solar plant outside Chihuahua city is now delivering power to the grid after months waiting for a connection.",
    body: [
      {
        type: "p",
        text: "A solar plant in the desert outside Chihuahua city began delivering electricity to the national grid this week, its developer said, after nearly two years of construction and several months of delays waiting for a grid connection.",
      },
      {
        type: "p",
        text: "The 120-megawatt plant has about 220,000 panels mounted on trackers that follow the sun across the sky. The developer said it will sell most of its output to manufacturers in the state under long-term contracts, with the rest going to the wholesale market.",
      },
      {
        type: "p",
        text: "Project manager Lorena Chávez said the site was chosen for its strong sunshine and its proximity to an existing transmission line. Even so, she said, securing permission to connect took longer than building the plant itself.",
      },
      {
        type: "quote",
        text: "“Building the plant was the easy part. Getting the electrons onto the wires took patience.”",
      },
      {
        type: "p",
        text: "Chihuahua has some of the best solar conditions in Mexico, and several other projects are in planning stages in the state. Energy analysts say limited transmission capacity is the main obstacle to adding more.",
      },
      {
        type: "p",
        text: "The plant employed about 600 workers at the peak of construction and will keep roughly 30 for operations and maintenance. The developer said it uses robots that clean the panels without water, an important consideration in one of the country’s driest regions.",
      },
    ],
  },
  {
    slug: "saltillo-extends-bus-rapid-transit-line-to-industrial-park-on-east-side",
    headline: "Saltillo extends bus rapid transit line to industrial park on east side",
    dek: "The 9-kilometer extension is meant to shorten commutes for factory workers who now rely on company shuttles or two transfers.",
    datelineCity: "Saltillo",
    section: "news",
    authors: [TOMAS],
    tags: ["Transit", "City Hall", "Manufacturing"],
    status: "PUBLISHED",
    daysAgo: 3,
    hour: 11,
    body: [
      {
        type: "p",
        text: "Saltillo will extend its bus rapid transit corridor nine kilometers to an industrial park on the city’s east side, officials announced Thursday, in a project aimed at the tens of thousands of workers who commute to auto plants and suppliers in the area.",
      },
      {
        type: "p",
        text: "The extension will add seven stations and dedicated lanes along most of the route. Construction is expected to take about 14 months and cost roughly 780 million pesos, split among the city, the state government and a federal infrastructure program.",
      },
      {
        type: "p",
        text: "Many workers now rely on shuttles operated by their employers or make two transfers on regular city buses, a trip that can take more than an hour each way. City transit director Héctor Villarreal said the new service should cut that to about 35 minutes from the downtown terminal.",
      },
      {
        type: "quote",
        text: "“Shift changes are the moment the whole system is tested. We designed the schedule around them, not around a typical office day.”",
      },
      {
        type: "p",
        text: "Villarreal said buses would run every four minutes during the three daily shift changes and every 10 minutes at other times. Fares will remain at the current level for at least the first year of operation.",
      },
      {
        type: "p",
        text: "Several manufacturers in the park have agreed to stagger start times by 15 minutes to ease crowding at stations, according to a local industry association. Some residents along the route have raised concerns about the loss of on-street parking, and the city said it would hold two public meetings before construction begins.",
      },
    ],
  },
  {
    slug: "texas-grid-operator-warns-of-tight-supply-during-early-heat-wave",
    headline: "Texas grid operator warns of tight supply during early heat wave",
    dek: "Officials asked residents and businesses to conserve electricity in the early evening, when solar output falls and demand stays high.",
    datelineCity: "Houston",
    section: "energy",
    authors: [PRIYA],
    tags: ["Power Grid", "Solar", "Natural Gas"],
    status: "PUBLISHED",
    daysAgo: 4,
    hour: 17,
    body: [
      {
        type: "p",
        text: "The operator of the Texas power grid asked residents and businesses on Tuesday to voluntarily reduce electricity use during the late afternoon and early evening, as an early-season heat wave pushed demand toward record levels for the month.",
      },
      {
        type: "p",
        text: "Temperatures in Houston and much of the state were forecast to climb past 38 degrees Celsius (100 degrees Fahrenheit) for several days. Grid officials said supply was adequate at midday, when solar generation is strongest, but margins could narrow as the sun sets and air conditioning demand remains high.",
      },
      { type: "h2", text: "The evening squeeze" },
      {
        type: "p",
        text: "That window, roughly between 7 and 9 p.m., has become the most closely watched part of the day for grid managers. Solar output falls quickly in the evening, and natural gas plants and battery storage must ramp up to fill the gap.",
      },
      {
        type: "p",
        text: "Several natural gas plants were offline for scheduled maintenance, which is common in spring, when demand is usually lower. Energy analyst Kevin Tran said the growing fleet of batteries on the grid has helped during similar events, but the early heat caught some operators off guard.",
      },
      {
        type: "quote",
        text: "“Spring is when plants get their checkups. A heat wave in spring is like a dinner rush on the day the kitchen is being deep-cleaned.”",
      },
      {
        type: "p",
        text: "Officials said rolling outages were not expected. They recommended that residents pre-cool their homes earlier in the day and wait until later at night to run dishwashers and laundry machines.",
      },
    ],
  },
  {
    slug: "laredo-customs-brokers-report-longer-waits-as-northbound-truck-traffic-climbs",
    headline: "Laredo customs brokers report longer waits as northbound truck traffic climbs",
    dek: "Crossings at the city’s busiest commercial bridge rose 8 percent from a year earlier, and brokers say inspection staffing has not kept pace.",
    datelineCity: "Laredo",
    section: "business",
    authors: [ANA],
    tags: ["Trade", "Nearshoring"],
    status: "PUBLISHED",
    daysAgo: 5,
    hour: 15,
    body: [
      {
        type: "p",
        text: "Customs brokers in Laredo say wait times for northbound trucks have grown longer this spring as commercial traffic through the city’s bridges continues to climb, with some drivers spending four hours or more in line during peak periods.",
      },
      {
        type: "p",
        text: "Northbound truck crossings at the city’s busiest commercial bridge rose about 8 percent in the first quarter compared with the same period last year, according to figures compiled by a local brokers’ association. Laredo is the largest land port for trade between the United States and Mexico.",
      },
      {
        type: "p",
        text: "Association president Ricardo Salinas said the increase reflects the growth of factories in northern Mexico that ship parts and finished goods to U.S. customers. He said inspection booths often operate below full staffing, particularly in the afternoon.",
      },
      {
        type: "quote",
        text: "“The trucks keep coming whether the booths are open or not. Every hour a truck sits in line is an hour a factory on one side or the other is waiting.”",
      },
      {
        type: "p",
        text: "Federal officials said in a statement that they had added staff at the bridge over the past year and were testing technology to speed up inspections of trucks enrolled in trusted-shipper programs.",
      },
      {
        type: "p",
        text: "Brokers said longer waits raise costs for carriers, who pay drivers for time spent in line, and can lead to missed delivery windows at U.S. warehouses. Several companies have shifted shipments to overnight hours to avoid the worst delays.",
      },
    ],
  },
  {
    slug: "san-antonio-voters-to-decide-on-400-million-bond-for-drainage-and-streets",
    headline: "San Antonio voters to decide on $400 million bond for drainage and streets",
    dek: "The May ballot measure would pay for flood control channels, sidewalk repairs and a large stormwater project on the West Side.",
    datelineCity: "San Antonio",
    section: "news",
    authors: [JAVIER],
    tags: ["Elections", "Water", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 6,
    hour: 14,
    body: [
      {
        type: "p",
        text: "San Antonio voters will decide in May whether to approve a $400 million bond package that city leaders say is needed to reduce flooding and repair streets in neighborhoods that have waited years for improvements.",
      },
      {
        type: "p",
        text: "The City Council placed the measure on the ballot in a unanimous vote Thursday. Drainage and flood control make up the largest share of the package, followed by streets and sidewalks.",
      },
      { type: "h2", text: "Where the money would go" },
      {
        type: "ul",
        items: [
          "$165 million for drainage channels and stormwater detention",
          "$140 million for street reconstruction and sidewalk gaps",
          "$55 million for parks, trails and public pools",
          "$40 million for fire station and library repairs",
        ],
      },
      {
        type: "p",
        text: "The largest single project would widen a drainage channel on the West Side, where heavy rain has repeatedly flooded homes and closed intersections. City engineers estimate the work would remove about 600 properties from the local flood-prone area.",
      },
      {
        type: "p",
        text: "Officials said the bond would not require a property tax rate increase because older debt is being paid off. A local taxpayer group has said it will urge a no vote, arguing that the city should pay for routine street maintenance from its general budget rather than by borrowing.",
      },
      {
        type: "p",
        text: "Early voting begins in late April. The city plans town hall meetings in each council district to explain the proposals before the election.",
      },
    ],
  },
  {
    slug: "mexico-city-book-fair-spotlights-small-presses-from-the-north",
    headline: "Mexico City book fair spotlights small presses from the north",
    dek: "Independent publishers from Monterrey, Saltillo and Chihuahua brought poetry, crónica and children’s books to a dedicated pavilion.",
    datelineCity: "Mexico City",
    section: "culture",
    authors: [LUCIA],
    tags: ["Arts", "Small Business"],
    status: "PUBLISHED",
    daysAgo: 7,
    hour: 13,
    body: [
      {
        type: "p",
        text: "Independent publishers from northern Mexico had their own pavilion for the first time at a book fair in Mexico City this weekend, an arrangement organizers said was meant to draw attention to regional literature that rarely reaches national bookstores.",
      },
      {
        type: "p",
        text: "About two dozen small presses from Monterrey, Saltillo, Chihuahua and Hermosillo filled the space with poetry collections, crónica, translated fiction and illustrated children’s books. Many publish only a handful of titles a year, in print runs of a few hundred copies.",
      },
      {
        type: "p",
        text: "Editor Tania Escamilla, who runs a two-person press in Monterrey, said distribution is the biggest challenge for publishers outside the capital.",
      },
      {
        type: "quote",
        text: "“We can make a beautiful book in Monterrey. Getting it onto a shelf in Mérida or Oaxaca is another story.”",
      },
      { type: "h2", text: "Stories from the border" },
      {
        type: "p",
        text: "Many of the titles on display dealt with life along the border, migration and the industrial cities of the north. Several publishers said readers in the capital were curious about writers they had never heard of, and some sold out of their most popular titles by Sunday afternoon.",
      },
      {
        type: "p",
        text: "Organizers said they plan to keep the regional pavilion next year and may add presses from the Gulf coast and the northwest.",
      },
    ],
  },
  {
    slug: "strong-peso-squeezes-exporters-and-families-that-rely-on-remittances",
    headline: "Strong peso squeezes exporters and families that rely on remittances",
    dek: "A firmer currency lowers the cost of imports, but it means fewer pesos for every dollar earned abroad or sent home.",
    datelineCity: "Mexico City",
    section: "business",
    authors: [MARCUS],
    tags: ["Peso", "Trade", "Small Business"],
    status: "PUBLISHED",
    daysAgo: 8,
    hour: 9,
    body: [
      {
        type: "p",
        text: "The Mexican peso has gained about 6 percent against the U.S. dollar over the past three months, a rally that has cheered importers and travelers but is squeezing exporters and the millions of families who depend on money sent home from the United States.",
      },
      {
        type: "p",
        text: "Analysts attribute the currency’s strength to relatively high interest rates in Mexico, which attract foreign investors, and to steady inflows tied to manufacturing investment. A stronger peso makes imported goods cheaper and can help keep inflation in check.",
      },
      { type: "h2", text: "Fewer pesos per dollar" },
      {
        type: "p",
        text: "For households that receive remittances, the math works the other way. A worker who sends $300 a month now delivers noticeably fewer pesos than at the start of the year, while prices for food and rent at home have not fallen.",
      },
      {
        type: "p",
        text: "Exporters face a similar squeeze. Manufacturers that earn dollars but pay wages, rent and local suppliers in pesos see their margins shrink as the currency appreciates. Economist Daniela Orozco said smaller exporters without hedging strategies are the most exposed.",
      },
      {
        type: "quote",
        text: "“Large companies protect themselves months in advance. A small furniture maker selling to Texas usually finds out what the exchange rate did when the payment arrives.”",
      },
      {
        type: "p",
        text: "Most analysts surveyed by local banks expect the peso to remain strong in the near term, though they noted that currency markets can reverse quickly on changes in U.S. interest rates or trade policy.",
      },
    ],
  },
  {
    slug: "laredo-asks-residents-to-conserve-water-as-rio-grande-flows-reach-seasonal-low",
    headline: "Laredo asks residents to conserve water as Rio Grande flows reach seasonal low",
    dek: "The city moved to stage two restrictions, limiting lawn watering to one day a week and banning car washing at home.",
    datelineCity: "Laredo",
    section: "news",
    authors: [ANA],
    tags: ["Water", "Drought", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 9,
    hour: 8,
    body: [
      {
        type: "p",
        text: "The City of Laredo moved to stage two water restrictions on Monday after flows in the Rio Grande, the city’s only source of drinking water, fell to their lowest level for this time of year in more than a decade.",
      },
      {
        type: "p",
        text: "Under the new rules, residents may water lawns only one day a week, before 10 a.m. or after 8 p.m., on a schedule based on the last digit of their address. Washing cars at home is banned, and restaurants are asked to serve water only on request.",
      },
      {
        type: "p",
        text: "Utilities director Sandra Ybarra said the city’s treatment plants are operating normally and there is no risk to drinking water supplies in the short term. The concern, she said, is what happens if dry conditions persist into the summer, when demand typically rises by a third.",
      },
      {
        type: "quote",
        text: "“The river is our only straw. When it gets low, the best thing we can do is drink a little slower.”",
      },
      {
        type: "p",
        text: "The restrictions follow months of below-average rainfall across the watershed upstream, on both sides of the border. Reservoirs that help regulate the river’s flow are also well below normal, according to data cited by the city.",
      },
      {
        type: "p",
        text: "Violations can bring fines starting at $100, though Ybarra said enforcement would focus first on education, with warnings for first offenses. Residents can report water waste through the city’s 311 line.",
      },
    ],
  },
  {
    slug: "wind-developers-in-tamaulipas-wait-on-transmission-line-to-expand-projects",
    headline: "Wind developers in Tamaulipas wait on transmission line to expand projects",
    dek: "Companies say at least 1,000 megawatts of new capacity could be built along the Gulf coast if the grid could carry it.",
    datelineCity: "Reynosa",
    section: "energy",
    authors: [PRIYA, MARCUS],
    tags: ["Wind", "Power Grid", "Manufacturing"],
    status: "PUBLISHED",
    daysAgo: 10,
    hour: 12,
    body: [
      {
        type: "p",
        text: "Wind energy companies in Tamaulipas say they are ready to add hundreds of turbines along the Gulf coast but are waiting on a new high-voltage transmission line that would carry the power to factories and cities in the north of the country.",
      },
      {
        type: "p",
        text: "The state already hosts several wind farms, and developers estimate that at least 1,000 megawatts of additional capacity could be built in the coming years. But existing lines in the region are near their limit, and wind farms are sometimes ordered to reduce output on windy days because the grid cannot absorb it.",
      },
      {
        type: "p",
        text: "Federal energy officials have included a new line in their long-term grid plan, but construction has not started and no completion date has been set. Industry representatives say they are willing to share part of the cost if the project can be accelerated.",
      },
      {
        type: "p",
        text: "Mario Saldívar, who heads a regional renewable energy association, said manufacturers in Reynosa and Monterrey have asked for more clean power to meet targets set by their U.S. customers. Without new transmission, he said, those companies may turn to natural gas plants instead.",
      },
      {
        type: "quote",
        text: "“The wind is here. The land is leased. What we need is a road for the electricity.”",
      },
      {
        type: "p",
        text: "Some landowners who lease property to wind farms said the payments have become an important source of income as drought has hurt cattle ranching and farming in the area.",
      },
    ],
  },
  {
    slug: "san-antonio-conjunto-festival-expands-to-three-days-and-adds-a-youth-stage",
    headline: "San Antonio conjunto festival expands to three days and adds a youth stage",
    dek: "Organizers say the accordion-driven music is drawing a new generation of players, many of them teenagers.",
    datelineCity: "San Antonio",
    section: "culture",
    authors: [LUCIA],
    tags: ["Arts", "Small Business"],
    status: "PUBLISHED",
    daysAgo: 11,
    hour: 20,
    body: [
      {
        type: "p",
        text: "San Antonio’s annual conjunto festival will run three days this year instead of two, organizers announced, and will add a stage dedicated to young musicians learning the accordion and bajo sexto.",
      },
      {
        type: "p",
        text: "Conjunto, a style of dance music that grew out of working-class communities in South Texas and northern Mexico, has long been associated with older generations. But festival director Ramón Guerra said music programs in local schools and community centers have produced a wave of teenage players.",
      },
      {
        type: "quote",
        text: "“Ten years ago we worried about who would carry this music forward. Now we have more young accordion players than we have stage time.”",
      },
      {
        type: "p",
        text: "The youth stage will feature about 20 groups, most with members under 18. The main stage will include veteran bands from both sides of the border, and a Sunday afternoon program will honor musicians who died in the past year.",
      },
      {
        type: "p",
        text: "Organizers said the extra day will also give more room to local food vendors and artisans, who have asked for more time to recover the cost of booth fees. About 60 vendors are expected.",
      },
      {
        type: "p",
        text: "Tickets for the festival, held in a park near downtown, are $15 per day, with free admission for children under 12 and for seniors on Sunday.",
      },
    ],
  },
  {
    slug: "chihuahua-farmers-and-city-officials-reach-deal-on-sharing-aquifer-water",
    headline: "Chihuahua farmers and city officials reach deal on sharing aquifer water",
    dek: "Growers agreed to cut pumping by 15 percent over three years in exchange for help paying for drip irrigation.",
    datelineCity: "Chihuahua",
    section: "news",
    authors: [TOMAS, ANA],
    tags: ["Water", "Drought", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 12,
    hour: 13,
    seoDescription: "Chihuahua growers will cut groundwater pumping 15 percent in exchange for drip irrigation subsidies under a new aquifer deal.",
    body: [
      {
        type: "p",
        text: "Farmers in the valleys south of Chihuahua city and municipal officials signed an agreement Wednesday to reduce pumping from a shared aquifer, ending nearly a year of negotiations over a groundwater supply that both sides say is being drawn down faster than it recharges.",
      },
      {
        type: "p",
        text: "Under the deal, agricultural users will cut their combined extraction by 15 percent over three years. In return, the state and city will cover up to 60 percent of the cost of converting flood-irrigated fields to drip systems, which can sharply reduce water use for crops such as pecans and chile.",
      },
      {
        type: "p",
        text: "The city, for its part, committed to reducing losses in its distribution network and to expanding the use of treated wastewater for parks and industrial cooling.",
      },
      {
        type: "p",
        text: "Gerardo Loya, who represents a growers’ association of about 400 members and took part in the talks, said many farmers were wary of committing to cuts before financing for new equipment is in place.",
      },
      {
        type: "quote",
        text: "“Nobody got everything they wanted, which is usually how you know an agreement is real.”",
      },
      {
        type: "p",
        text: "Hydrologists at a state university have estimated that water levels in some wells in the aquifer are dropping by more than a meter a year. Under the agreement, a monitoring committee of farmers, city officials and independent researchers will publish well measurements every six months.",
      },
    ],
  },
  {
    slug: "saltillo-auto-parts-supplier-to-add-900-jobs-with-new-stamping-plant",
    headline: "Saltillo auto parts supplier to add 900 jobs with new stamping plant",
    dek: "The company said the plant will supply body panels to vehicle assembly plants in Coahuila and Texas starting next year.",
    datelineCity: "Saltillo",
    section: "business",
    authors: [TOMAS],
    tags: ["Manufacturing", "Nearshoring", "Water"],
    status: "PUBLISHED",
    daysAgo: 14,
    hour: 11,
    body: [
      {
        type: "p",
        text: "An auto parts supplier announced plans Tuesday to build a metal stamping plant on the outskirts of Saltillo, an investment the company said would create about 900 jobs over three years.",
      },
      {
        type: "p",
        text: "The plant will produce body panels and structural parts for vehicle assembly plants in Coahuila and Texas. The company, which already operates two facilities in the region, said production is scheduled to start in the second half of next year.",
      },
      {
        type: "p",
        text: "Plant director Alejandro Ramos said the decision to expand in Saltillo was driven by customers asking for shorter supply chains and by the availability of trained workers. He said the company would partner with a local technical college to train press operators and maintenance technicians.",
      },
      {
        type: "p",
        text: "The state economic development office said the project was one of several manufacturing investments announced in the region this year. Officials said they are working with the city to make sure the industrial park has enough water and electricity capacity for new tenants.",
      },
      {
        type: "p",
        text: "Ramos said the plant would recycle most of the water used in its processes and install solar panels on part of its roof, though he did not say how much of its electricity they would supply.",
      },
      {
        type: "p",
        text: "Starting wages for production workers will be above the regional average for the sector, the company said, without giving a figure.",
      },
    ],
  },
  {
    slug: "san-antonio-utility-expands-rebates-for-rooftop-solar-and-home-batteries",
    headline: "San Antonio utility expands rebates for rooftop solar and home batteries",
    dek: "The program will offer up to $2,500 for solar panels and up to $3,000 for batteries that can share power with the grid at peak hours.",
    datelineCity: "San Antonio",
    section: "energy",
    authors: [ANA],
    tags: ["Solar", "Power Grid"],
    status: "PUBLISHED",
    daysAgo: 15,
    hour: 9,
    body: [
      {
        type: "p",
        text: "San Antonio’s city-owned electric utility will expand its rebates for rooftop solar panels and add a new incentive for home batteries, its board voted Monday, in an effort to reduce strain on the grid during hot summer evenings.",
      },
      {
        type: "p",
        text: "Homeowners who install solar panels can receive up to $2,500, up from $2,000. A new rebate of up to $3,000 will be available for battery systems, as long as owners agree to let the utility draw on stored power during periods of peak demand a limited number of times each year.",
      },
      {
        type: "p",
        text: "Utility officials said the battery program is modeled on efforts in other states, where thousands of small batteries are coordinated to act like a single power plant. Program manager Denise Villanueva said the goal is to enroll 5,000 homes over three years.",
      },
      {
        type: "quote",
        text: "“Every battery in a garage is a little bit of capacity we don’t have to build somewhere else.”",
      },
      {
        type: "p",
        text: "Consumer advocates welcomed the rebates but said the program should do more to reach renters and low-income households, who are less likely to own homes suitable for solar. The utility said it is studying a community solar option that would let customers subscribe to a shared array.",
      },
      {
        type: "p",
        text: "Applications open next month. Rebates will be paid on a first-come, first-served basis until the program’s annual budget is spent, the utility said.",
      },
    ],
  },
  {
    slug: "chihuahua-cooks-keep-the-tradition-of-carne-seca-alive-in-family-kitchens",
    headline: "Chihuahua cooks keep the tradition of carne seca alive in family kitchens",
    dek: "Sun-dried beef, once a necessity in ranch country, has become a point of pride for home cooks and small producers.",
    datelineCity: "Chihuahua",
    section: "culture",
    authors: [LUCIA],
    tags: ["Food", "Small Business"],
    status: "PUBLISHED",
    daysAgo: 16,
    hour: 12,
    body: [
      {
        type: "p",
        text: "In a small kitchen on the west side of Chihuahua city, Leticia Baeza slices beef into thin sheets, salts it and hangs it to dry in a screened room behind her house. In two or three days, depending on the wind and sun, it will be carne seca, the dried beef that has been a staple of ranch country in northern Mexico for generations.",
      },
      {
        type: "p",
        text: "Baeza, 58, learned the method from her grandmother and now sells about 40 kilograms a week to neighbors, restaurants and customers who order through a messaging app. She said demand has grown as more people look for food that tastes like home.",
      },
      {
        type: "quote",
        text: "“My grandmother dried meat because there was no refrigerator. I do it because people miss that flavor.”",
      },
      {
        type: "p",
        text: "Carne seca is typically shredded and cooked with eggs, tomato and chile for breakfast, or simmered into a stew with potatoes. Cooks say Chihuahua’s dry climate is ideal for curing meat, though rising beef prices have made it more expensive to produce.",
      },
      {
        type: "p",
        text: "A group of small producers has asked state health officials for guidance on labeling and safety standards so they can sell in supermarkets. Baeza said she is interested but wants to keep the process the way her grandmother taught her.",
      },
      {
        type: "p",
        text: "“The sun does the work,” she said. “I just have to be patient.”",
      },
    ],
  },
  {
    slug: "mexico-city-adds-12-kilometers-of-protected-bike-lanes-along-major-avenue",
    headline: "Mexico City adds 12 kilometers of protected bike lanes along major avenue",
    dek: "The new lanes link two subway stations and a bike-share hub, part of a plan to double the city’s protected network by 2030.",
    datelineCity: "Mexico City",
    section: "news",
    authors: [JAVIER],
    tags: ["Transit", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 17,
    hour: 10,
    body: [
      {
        type: "p",
        text: "Mexico City opened 12 kilometers of protected bike lanes on Sunday along one of the capital’s busiest north-south avenues, separating cyclists from car and bus traffic with concrete curbs and planters.",
      },
      {
        type: "p",
        text: "The lanes connect two subway stations with a bike-share hub and pass several universities and hospitals. City mobility officials said the route was chosen after counts showed hundreds of cyclists already riding in mixed traffic during the morning rush.",
      },
      {
        type: "p",
        text: "Mobility official Verónica Salas said the project is part of a plan to double the length of the city’s protected network by 2030. She said the city will publish monthly counts of riders on the new lanes so residents can judge whether the investment is working.",
      },
      {
        type: "quote",
        text: "“A bike lane is only a success if people use it. We want the numbers to be public from the first month.”",
      },
      {
        type: "p",
        text: "Some shop owners along the avenue said the loss of curbside parking hurt business during construction. The city said it added loading zones on side streets and will review their placement after three months.",
      },
      {
        type: "p",
        text: "Cycling advocates welcomed the lanes but said intersections remain the most dangerous part of any route. They urged the city to add dedicated signal phases at the largest crossings, which officials said would be installed by the end of the year along with new transit signage at the subway entrances.",
      },
    ],
  },
  {
    slug: "san-antonio-taquerias-and-bakeries-weigh-price-increases-as-costs-climb",
    headline: "San Antonio taquerías and bakeries weigh price increases as costs climb",
    dek: "Owners say higher prices for ingredients, rent and insurance are forcing hard choices about menus and staffing.",
    datelineCity: "San Antonio",
    section: "business",
    authors: [ANA],
    tags: ["Small Business", "Food"],
    status: "PUBLISHED",
    daysAgo: 19,
    hour: 16,
    body: [
      {
        type: "p",
        text: "At a family-owned panadería on San Antonio’s South Side, the price of a concha went up by 25 cents this month. It was the first increase in two years, and owner Beatriz Contreras said she put it off as long as she could.",
      },
      {
        type: "p",
        text: "“Flour, eggs, butter, the electric bill, insurance — everything went up at once,” Contreras said. “We held on because our customers are our neighbors. But at some point you have to keep the lights on.”",
      },
      {
        type: "p",
        text: "Small restaurant and bakery owners across the city describe similar pressures. A survey of about 150 local food businesses by a neighborhood business alliance found that two-thirds had raised prices in the past year, and nearly half had cut hours or staff.",
      },
      { type: "h2", text: "Shorter menus" },
      {
        type: "p",
        text: "Some owners are trying to avoid raising prices by trimming menus. Javier Ortega, who runs two taquerías near downtown, said he dropped four dishes that required expensive cuts of meat and now focuses on the items that sell most.",
      },
      {
        type: "p",
        text: "Others are looking for help. The city’s small business office said it has seen more applications for its microloan program this year and plans to hold workshops on managing food and energy costs.",
      },
      {
        type: "p",
        text: "Contreras said her regular customers have been understanding so far. “They tell me everything is more expensive everywhere,” she said. “They just don’t want the conchas to get smaller.”",
      },
    ],
  },
  {
    slug: "natural-gas-pipeline-expansion-aims-to-keep-up-with-nuevo-leon-factory-demand",
    headline: "Natural gas pipeline expansion aims to keep up with Nuevo León factory demand",
    dek: "The project would add compression and a new branch line to serve industrial parks north of Monterrey.",
    datelineCity: "Monterrey",
    section: "energy",
    authors: [PRIYA],
    tags: ["Natural Gas", "Manufacturing", "Nearshoring"],
    status: "PUBLISHED",
    daysAgo: 20,
    hour: 15,
    body: [
      {
        type: "p",
        text: "A pipeline operator plans to expand natural gas delivery capacity into the Monterrey area by about a quarter, adding compression stations and a new branch line to serve industrial parks north of the city, the company said Wednesday.",
      },
      {
        type: "p",
        text: "Most of the gas would come from Texas, which supplies the bulk of the natural gas consumed in northern Mexico through pipelines that cross the border. Factories use it for heat and processing, and power plants in the region burn it to generate electricity for the grid.",
      },
      {
        type: "p",
        text: "Company executive Rodrigo Elizondo said demand from new manufacturing plants has outpaced what existing lines can deliver on the coldest winter days, when homes and businesses also use more gas.",
      },
      {
        type: "quote",
        text: "“A factory can wait a month for a machine. It cannot wait a day for gas.”",
      },
      {
        type: "p",
        text: "The expansion still needs approval from federal energy regulators and environmental permits. The company said construction could begin next year if approvals are granted on schedule.",
      },
      {
        type: "p",
        text: "Environmental groups said the project would lock in dependence on fossil fuels for decades and urged the state to prioritize solar and wind. Industry groups countered that gas will remain necessary as a backup for renewable power, whose output varies with the weather.",
      },
    ],
  },
  {
    slug: "torreon-election-officials-finish-recount-in-tight-council-district-race",
    headline: "Torreón election officials finish recount in tight council district race",
    dek: "The recount confirmed a 41-vote margin for the incumbent, who will serve a second three-year term.",
    datelineCity: "Torreón",
    section: "news",
    authors: [TOMAS],
    tags: ["Elections", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 22,
    hour: 19,
    body: [
      {
        type: "p",
        text: "Election officials in Torreón finished a recount Friday in a closely contested city council district, confirming that incumbent council member Marisol Aguirre won a second term by 41 votes out of more than 18,000 cast.",
      },
      {
        type: "p",
        text: "The recount was requested by challenger Rubén Esparza, who argued that ballots at three polling stations had been counted incorrectly on election night. Officials reviewed ballots from all 32 polling stations in the district over two days, with representatives of both campaigns present.",
      },
      {
        type: "p",
        text: "The final tally changed by only six votes from the original count, according to the local electoral council. Council president Elena Murguía said the small difference showed the counting process worked as designed.",
      },
      {
        type: "quote",
        text: "“A recount is not a sign that something went wrong. It is one of the ways voters can be sure the result is right.”",
      },
      {
        type: "p",
        text: "Esparza said in a statement that he accepted the result and thanked poll workers for their patience. He did not say whether he planned to run again.",
      },
      {
        type: "p",
        text: "Turnout in the district was 47 percent, slightly above the citywide average. Aguirre, who focused on street lighting and public transit during her first term, is scheduled to be sworn in with the rest of the council next month.",
      },
    ],
  },
  {
    slug: "laredo-library-launches-bilingual-oral-history-project-on-life-along-the-river",
    headline: "Laredo library launches bilingual oral history project on life along the river",
    dek: "Volunteers will record interviews with longtime residents about floods, droughts, bridges and families that span both banks.",
    datelineCity: "Laredo",
    section: "culture",
    authors: [ANA],
    tags: ["Arts", "Water"],
    status: "PUBLISHED",
    daysAgo: 24,
    hour: 14,
    body: [
      {
        type: "p",
        text: "The Laredo public library has begun recording interviews with longtime residents for a bilingual oral history project focused on life along the Rio Grande, from floods and droughts to the bridges that connect families on both sides.",
      },
      {
        type: "p",
        text: "Librarian Cristina Zapata said the project grew out of conversations with patrons who brought old photographs to the library and asked whether anyone was collecting their stories. Interviews will be conducted in English, Spanish or both, depending on the speaker.",
      },
      {
        type: "quote",
        text: "“Many of our older residents grew up crossing the river the way other people cross the street. That experience is disappearing, and we want to keep it.”",
      },
      {
        type: "p",
        text: "Volunteers have been trained to use recording equipment and to ask open-ended questions about work, school, food and family. The first interviews include a retired bridge toll collector, a woman who ran a bakery near the river for 40 years and a former farmworker who remembers when irrigation water ran short.",
      },
      {
        type: "p",
        text: "Recordings and transcripts will be available at the library and online. The library plans to hold listening sessions where residents can hear excerpts and add their own memories.",
      },
      {
        type: "p",
        text: "Residents who want to be interviewed or to volunteer can sign up at any branch.",
      },
    ],
  },
  {
    slug: "texas-mexico-trade-hits-new-high-as-manufacturers-reshape-supply-chains",
    headline: "Texas-Mexico trade hits new high as manufacturers reshape supply chains",
    dek: "Trade moving through Texas ports of entry reached a record last year, led by auto parts, electronics and machinery.",
    datelineCity: "Laredo",
    section: "business",
    authors: [MARCUS, TOMAS, ANA],
    tags: ["Trade", "Nearshoring", "Manufacturing", "Peso"],
    status: "PUBLISHED",
    daysAgo: 25,
    hour: 10,
    body: [
      {
        type: "p",
        text: "Trade between Texas and Mexico reached a record high last year, according to an analysis of federal data by a regional trade research center, as manufacturers continued to move production closer to U.S. customers.",
      },
      {
        type: "p",
        text: "The value of goods moving through Texas land ports rose about 5 percent from the previous year. Auto parts, computers and electrical machinery accounted for the largest share, much of it crossing at Laredo, El Paso and ports in the Rio Grande Valley.",
      },
      { type: "h2", text: "Factories on both sides" },
      {
        type: "p",
        text: "Economists say the growth reflects supply chains in which parts can cross the border several times before a finished product is sold. A wiring harness made in Coahuila may be installed in a vehicle assembled in Texas, which is then exported to buyers in Mexico.",
      },
      {
        type: "p",
        text: "In Saltillo and Monterrey, industrial parks are adding buildings to meet demand from suppliers. In Laredo, warehouse developers report similar activity on the U.S. side, where companies store goods before distributing them across the country. Trade economist Patricia Llanes said the trend has made both economies more dependent on smooth crossings.",
      },
      {
        type: "quote",
        text: "“The border is not a wall in these supply chains. It is a hallway that goods walk through many times a day.”",
      },
      {
        type: "p",
        text: "Llanes said delays at the bridges, changes in tariffs, swings in the peso or a slowdown in U.S. consumer demand could quickly ripple through factories in both countries.",
      },
    ],
  },
  {
    slug: "lithium-project-in-sonora-faces-questions-over-water-use-in-a-dry-region",
    headline: "Lithium project in Sonora faces questions over water use in a dry region",
    dek: "Residents and researchers want to know how much groundwater a proposed processing plant would need before permits are issued.",
    datelineCity: "Hermosillo",
    section: "energy",
    authors: [PRIYA],
    tags: ["Water", "Drought", "Manufacturing"],
    status: "PUBLISHED",
    daysAgo: 28,
    hour: 11,
    body: [
      {
        type: "p",
        text: "A proposed lithium processing plant in Sonora drew pointed questions about water use at a public hearing in Hermosillo this week, as residents and researchers pressed officials for details on how much groundwater the project would require in one of Mexico’s driest states.",
      },
      {
        type: "p",
        text: "The project, part of a broader national push to develop lithium for electric vehicle batteries, is in early planning stages. Officials said a final design, including its water source, would be subject to an environmental review.",
      },
      {
        type: "p",
        text: "Hydrologist Sofía Meléndez, who studies aquifers in the region, said many of them are already overdrawn by farms and cities. She urged officials to publish water estimates before any permits are issued.",
      },
      {
        type: "quote",
        text: "“Lithium is called a resource of the future. Water is the resource of the present, and we do not have much to spare.”",
      },
      {
        type: "p",
        text: "Project representatives said newer extraction methods can reduce water use and that the plant would recycle much of the water it consumes. They said the project could create hundreds of jobs and attract battery and auto manufacturers to the state.",
      },
      {
        type: "p",
        text: "Several ranchers at the hearing said they support new investment but worry about their wells running dry. The state said it would schedule additional hearings in communities closer to the proposed site.",
      },
    ],
  },
  {
    slug: "monterreys-new-metro-line-to-begin-test-runs-next-month-transit-agency-says",
    headline: "Monterrey’s new metro line to begin test runs next month, transit agency says",
    dek: "Trains will run without passengers for at least eight weeks before the line opens to the public, officials said.",
    datelineCity: "Monterrey",
    section: "news",
    authors: [ANA],
    tags: ["Transit", "City Hall"],
    status: "PUBLISHED",
    daysAgo: 30,
    hour: 7,
    body: [
      {
        type: "p",
        text: "Monterrey’s regional transit agency said Thursday that trains will begin test runs next month on the metro line under construction toward the city’s northern suburbs, the first step toward opening a route that has faced repeated delays.",
      },
      {
        type: "p",
        text: "The tests will run without passengers for at least eight weeks while engineers check signals, power systems and platform doors. The agency said it expects to begin limited passenger service after an independent safety review, but it did not give a date.",
      },
      {
        type: "p",
        text: "Agency director Fernando Garza said the new line would carry an estimated 200,000 riders a day once fully open, easing pressure on crowded bus routes and on the existing metro lines.",
      },
      {
        type: "p",
        text: "Construction has disrupted traffic along the route for more than three years. Business owners near several future stations said sales fell as lanes were closed and sidewalks torn up, and some have asked the state for tax relief.",
      },
      { type: "h2", text: "Weekend closures" },
      {
        type: "p",
        text: "To connect the new tracks to the existing network, the agency will close two stations on the current line on three weekends in the coming weeks. Shuttle buses will run between the closed stations, and the agency said it would post the dates online and at stations at least 10 days in advance.",
      },
    ],
  },
  {
    slug: "houston-food-hall-gives-mexican-street-food-vendors-a-permanent-home",
    headline: "Houston food hall gives Mexican street food vendors a permanent home",
    dek: "Twelve vendors who once worked from trucks and carts now share a kitchen, seating and a common set of permits.",
    datelineCity: "Houston",
    section: "culture",
    authors: [LUCIA],
    tags: ["Food", "Small Business"],
    status: "PUBLISHED",
    daysAgo: 33,
    hour: 19,
    body: [
      {
        type: "p",
        text: "A food hall that opened this month in east Houston gives a dozen vendors who started out with trucks and carts a permanent place to cook, with shared kitchen equipment, seating for 200 and a single set of health permits.",
      },
      {
        type: "p",
        text: "The vendors serve tacos de trompo, tamales, Sinaloa-style seafood, elotes and aguas frescas, among other dishes. Many of them have worked in the neighborhood for years and arrived with loyal customers.",
      },
      {
        type: "p",
        text: "Developer Elena Paredes said the project was designed to lower the cost of opening a restaurant, which can exceed $250,000 for a stand-alone location. Vendors pay a monthly fee that covers rent, utilities and cleaning.",
      },
      {
        type: "quote",
        text: "“A food truck is a great way to start, but it is hard to grow when you spend half the day looking for parking.”",
      },
      {
        type: "p",
        text: "Vendor Luis Aranda, who sold tortas from a truck for eight years, said the steady location means he can keep ingredients fresher and hire two more employees. He said he misses some things about the truck, including the freedom to move.",
      },
      {
        type: "p",
        text: "The food hall has a small stage for live music on weekends and plans to host cooking classes for children starting in the fall.",
      },
    ],
  },
  {
    slug: "torreon-family-dairies-band-together-to-buy-feed-as-drought-drives-up-prices",
    headline: "Torreón family dairies band together to buy feed as drought drives up prices",
    dek: "A new cooperative of 60 small producers in the Laguna region hopes bulk purchases will help members get through a dry year.",
    datelineCity: "Torreón",
    section: "business",
    authors: [TOMAS],
    tags: ["Small Business", "Drought", "Water"],
    status: "PUBLISHED",
    daysAgo: 35,
    hour: 7,
    body: [
      {
        type: "p",
        text: "Sixty small dairy producers in the Laguna region around Torreón have formed a cooperative to buy feed in bulk, hoping to survive a drought that has pushed the price of alfalfa and other forage to levels many say they cannot afford.",
      },
      {
        type: "p",
        text: "The region is one of Mexico’s most important milk-producing areas, but it depends heavily on groundwater and on irrigation from reservoirs that are well below normal this year. Farmers who grow their own forage have cut planted area, and those who buy it are paying far more than a year ago.",
      },
      {
        type: "p",
        text: "Cooperative president Juana Reyes, who milks about 80 cows with her two sons, said small producers were at a disadvantage compared with large dairies that negotiate contracts months in advance.",
      },
      {
        type: "quote",
        text: "“One farm alone has no voice with the suppliers. Sixty farms together can ask for a price and a delivery date.”",
      },
      {
        type: "p",
        text: "The cooperative placed its first joint order this month and is seeking a loan from a state development bank to build shared storage. Reyes said members are also discussing buying equipment together to reduce water use on the fields where they grow their own forage.",
      },
      {
        type: "p",
        text: "Agricultural officials said the number of small dairies in the region has fallen steadily over the past decade as costs rose. Some producers have sold their herds this year rather than buy feed at current prices.",
      },
    ],
  },
  {
    slug: "coahuila-factories-turn-to-rooftop-solar-to-cut-power-bills",
    headline: "Coahuila factories turn to rooftop solar to cut power bills",
    dek: "Manufacturers are covering warehouse roofs with panels as electricity costs rise and customers ask for cleaner supply chains.",
    datelineCity: "Saltillo",
    section: "energy",
    authors: [TOMAS],
    tags: ["Solar", "Manufacturing", "Power Grid"],
    status: "PUBLISHED",
    daysAgo: 40,
    hour: 13,
    body: [
      {
        type: "p",
        text: "On the roof of an auto parts plant outside Saltillo, workers finished installing about 4,000 solar panels last month, enough to supply roughly a fifth of the factory’s daytime electricity, according to the company.",
      },
      {
        type: "p",
        text: "Similar projects are spreading across industrial parks in Coahuila. Installers say demand from manufacturers has grown sharply over the past two years, driven by higher electricity rates and by U.S. and European customers who want their suppliers to cut emissions.",
      },
      {
        type: "p",
        text: "Solar installer Ricardo Flores said most factory projects are sized to stay below the threshold that would require a more complex permit, which limits how much power they can generate. Larger systems, he said, often face long waits for approval.",
      },
      { type: "h2", text: "Limits of the roof" },
      {
        type: "p",
        text: "Rooftop panels cannot power an entire plant, especially one that runs around the clock. Companies are exploring contracts with larger solar and wind farms, but those arrangements depend on transmission capacity that is scarce in parts of northern Mexico. Plant manager Liliana Ortiz said her company expects to recover its investment in about five years.",
      },
      {
        type: "quote",
        text: "“We did it for the savings first. The customers asking about emissions made it an easier decision.”",
      },
      {
        type: "p",
        text: "Industry groups have asked the state to create a program to help smaller suppliers, which often lack the capital for large installations, finance rooftop systems.",
      },
    ],
  },
  {
    slug: "torreon-theater-company-stages-play-about-the-laguna-regions-cotton-workers",
    headline: "Torreón theater company stages play about the Laguna region’s cotton workers",
    dek: "The production draws on letters, photographs and interviews with descendants of families who worked the fields a century ago.",
    datelineCity: "Torreón",
    section: "culture",
    authors: [LUCIA],
    tags: ["Arts", "Water"],
    status: "PUBLISHED",
    daysAgo: 44,
    hour: 21,
    body: [
      {
        type: "p",
        text: "A Torreón theater company opened a new play this weekend about the cotton workers who built the economy of the Laguna region in the early 20th century, drawing on letters, photographs and interviews with their descendants.",
      },
      {
        type: "p",
        text: "The play follows three generations of a family that arrives during the cotton boom, when river water and irrigation canals turned the desert into one of Mexico’s most productive farming areas. Later scenes deal with droughts, disputes over water and the departure of young people for factories and for the United States.",
      },
      {
        type: "p",
        text: "Director Sergio Maldonado said the company spent more than a year collecting family stories in towns around Torreón, Gómez Palacio and Lerdo.",
      },
      {
        type: "quote",
        text: "“Everyone here has a grandparent who picked cotton or knew someone who did. We wanted to give those people a stage.”",
      },
      {
        type: "p",
        text: "The cast of 14 includes professional actors and residents with no previous stage experience. Performances run Thursday through Sunday for the next four weeks at a restored theater downtown.",
      },
      {
        type: "p",
        text: "The company plans to tour the production to smaller towns in the region later this year, performing in plazas and school auditoriums.",
      },
    ],
  },

  // ------------------------------------------------ Drafts and in review
  {
    slug: "monterrey-food-truck-owners-seek-clearer-rules-as-city-weighs-new-permit-system",
    headline: "Monterrey food truck owners seek clearer rules as city weighs new permit system",
    dek: "Vendors say permits vary by neighborhood and fines are applied inconsistently; a citywide proposal goes to the council next month.",
    datelineCity: "Monterrey",
    section: "business",
    authors: [ANA],
    tags: ["Small Business", "City Hall", "Food"],
    status: "IN_REVIEW",
    daysAgo: 0,
    hour: 16,
    body: [
      {
        type: "p",
        text: "Food truck owners in Monterrey are asking city officials for clearer rules on where and when they can operate, as the municipal government prepares a new permit system expected to go before the council next month.",
      },
      {
        type: "p",
        text: "Under current rules, mobile vendors obtain permits that vary by neighborhood and are often renewed informally. Owners say the system leaves them exposed to sudden inspections and to fines that are applied inconsistently.",
      },
      {
        type: "p",
        text: "Karla Montoya, who runs a truck selling burgers and loaded fries near a university campus, said she has paid three different fines this year for parking in the same spot.",
      },
      {
        type: "quote",
        text: "“We want to pay for a permit and follow the rules. We just need to know what the rules are.”",
      },
      { type: "h2", text: "What the proposal includes" },
      {
        type: "ul",
        items: [
          "A single citywide permit renewed each year",
          "Designated zones near parks, campuses and industrial areas",
          "Scheduled health inspections twice a year instead of only after complaints",
          "Limits on operating hours on residential streets after 11 p.m.",
        ],
      },
      {
        type: "p",
        text: "Restaurant owners in some neighborhoods have asked the city to keep trucks at a distance from established businesses. City officials said they would hold a public comment period before the proposal is finalized.",
      },
    ],
  },
  {
    slug: "apodaca-parents-push-for-traffic-signal-after-crashes-near-elementary-school",
    headline: "Apodaca parents push for traffic signal after crashes near elementary school",
    dek: "Families say drivers speed along a frontage road that hundreds of children cross each morning.",
    datelineCity: "Apodaca",
    section: "news",
    authors: [ANA],
    tags: ["Transit", "City Hall"],
    status: "DRAFT",
    daysAgo: 1,
    hour: 18,
    body: [
      {
        type: "p",
        text: "Parents at an elementary school in Apodaca are asking municipal officials to install a traffic signal and crosswalk on a busy frontage road after two crashes near the school entrance in the past month.",
      },
      {
        type: "p",
        text: "No children were injured in either crash, but parents said drivers frequently speed along the road, which connects a highway to several industrial parks. About 600 students attend the school, and many walk or arrive by public bus.",
      },
      {
        type: "p",
        text: "Parent Gabriela Soto said families have collected more than 900 signatures on a petition asking for a signal, a lower speed limit and a traffic officer during drop-off and pickup times.",
      },
      {
        type: "quote",
        text: "“We are not asking for anything complicated. We want our kids to be able to cross the street.”",
      },
      {
        type: "p",
        text: "A spokesperson for the municipal government said the city’s traffic department would study the intersection in the coming weeks. The spokesperson did not say when a decision would be made or how much a signal would cost.",
      },
      {
        type: "p",
        text: "Parents plan to present the petition at the next city council meeting. Several said they would also ask the state transit agency to move a bus stop that now sits on the opposite side of the road from the school gate.",
      },
    ],
  },
  {
    slug: "battery-storage-project-proposed-near-laredo-draws-questions-from-ranchers",
    headline: "Battery storage project proposed near Laredo draws questions from ranchers",
    dek: "The facility would store solar power during the day and release it to the Texas grid during evening peaks.",
    datelineCity: "Laredo",
    section: "energy",
    authors: [PRIYA],
    tags: ["Power Grid", "Solar"],
    status: "DRAFT",
    daysAgo: 2,
    hour: 15,
    body: [
      {
        type: "p",
        text: "A developer has proposed building a large battery storage facility on ranch land east of Laredo, a project that would store electricity during the day and release it to the Texas grid in the evening, when demand peaks and solar output drops.",
      },
      {
        type: "p",
        text: "The facility would occupy about 30 acres and connect to a nearby substation. The company said it could supply tens of thousands of homes for up to four hours at a time.",
      },
      {
        type: "p",
        text: "At a community meeting this week, several ranchers asked about fire safety, noise and what would happen to the equipment at the end of its life. County fire officials said they had requested the company’s emergency response plan and would review it before any permits are issued.",
      },
      {
        type: "p",
        text: "Ernesto Galván, whose ranch borders the proposed site, said he is not opposed to the project but wants answers before construction begins.",
      },
      {
        type: "quote",
        text: "“I am not against progress. I just want to know who shows up if something catches fire out here, 20 miles from the nearest station.”",
      },
      {
        type: "p",
        text: "A company representative said the batteries would be housed in containers with built-in fire suppression systems and monitored around the clock. The company expects to apply for county permits later this year.",
      },
    ],
  },
  {
    slug: "saltillo-sarape-weavers-court-younger-buyers-with-new-colors-and-designs",
    headline: "Saltillo sarape weavers court younger buyers with new colors and designs",
    dek: "Workshops in the historic center are adding muted palettes and smaller pieces as tourist sales lag and online orders grow.",
    datelineCity: "Saltillo",
    section: "culture",
    authors: [LUCIA],
    tags: ["Arts", "Small Business"],
    status: "DRAFT",
    daysAgo: 4,
    hour: 11,
    body: [
      {
        type: "p",
        text: "In a workshop in Saltillo’s historic center, the clatter of wooden looms has changed little in a century. What has changed, weavers say, is who buys their sarapes and what they want them to look like.",
      },
      {
        type: "p",
        text: "The striped woolen blanket, long associated with the city, has traditionally been sold in bright rainbow patterns. Several workshops now offer muted palettes, smaller sizes and designs meant to be used as wall hangings, table runners or throws on a modern sofa.",
      },
      {
        type: "p",
        text: "Weaver Arturo Dávila, whose family has run a workshop for three generations, said sales to tourists fell sharply a few years ago and have only partly recovered. Online orders from younger customers in Monterrey and Mexico City have helped fill the gap.",
      },
      {
        type: "quote",
        text: "“My father would not recognize some of these colors. But the loom, the wool and the hands are the same.”",
      },
      {
        type: "p",
        text: "Workshop owners say their biggest challenge is finding apprentices. Learning to weave a large sarape can take years, and young people often prefer factory jobs with steady wages and benefits.",
      },
      {
        type: "p",
        text: "The city’s culture office is planning a series of weaving workshops for teenagers this summer.",
      },
    ],
  },
];

export const corrections: { articleSlug: string; text: string; daysAfterPublish: number }[] = [
  {
    articleSlug: "chihuahua-farmers-and-city-officials-reach-deal-on-sharing-aquifer-water",
    text: "An earlier version of this article gave the wrong term for the agreement. It runs for five years, not three.",
    daysAfterPublish: 1,
  },
  {
    articleSlug: "solar-farm-near-chihuahua-begins-sending-power-to-the-grid",
    text: "An earlier version of this article misstated the capacity of the plant. It is 120 megawatts, not 210.",
    daysAfterPublish: 1,
  },
  {
    articleSlug: "torreon-election-officials-finish-recount-in-tight-council-district-race",
    text: "An earlier version of this article misstated the winning margin in the council race. The incumbent won by 41 votes, not 14.",
    daysAfterPublish: 1,
  },
];

/** Demo images (our own drawings, in public/demo), used as featured images. */
export const featuredImages: {
  articleSlug: string;
  file: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}[] = [
  {
    articleSlug: "monterrey-council-approves-emergency-water-plan-as-reservoirs-drop",
    file: "demo/reservoir-dusk.png",
    width: 1200,
    height: 675,
    alt: "A low reservoir at dusk below dark mountains, with the sun setting over the ridge",
    caption: "Reservoirs that serve the metropolitan area have fallen to about a third of capacity.",
    credit: "Illustration: Dateline",
  },
  {
    articleSlug: "chihuahua-farmers-and-city-officials-reach-deal-on-sharing-aquifer-water",
    file: "demo/aquifer-valley.png",
    width: 1200,
    height: 675,
    alt: "Green irrigated fields and a canal on the floor of a dry valley below tan hills",
    caption: "The shared aquifer supplies both the city and the farms around it.",
    credit: "Illustration: Dateline",
  },
  {
    articleSlug: "solar-farm-near-chihuahua-begins-sending-power-to-the-grid",
    file: "demo/solar-field.png",
    width: 1200,
    height: 675,
    alt: "Rows of solar panels on flat desert ground under a clear sky",
    caption: "Rows of panels at the new plant outside Chihuahua.",
    credit: "Illustration: Dateline",
  },
];
