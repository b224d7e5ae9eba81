package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * The member generator's phrase bank: for each professional area, tracks of related topics and the
 * ways people actually write them.
 *
 * <p>Each topic is written as {@code "concept: phrasing | phrasing | ..."}. The concept names a row
 * of {@code taxonomy/concepts.csv} (the test checks this), so a benchmark knows what a phrase was
 * meant to say. The phrasings are this generator's own, deliberately not the taxonomy's variants:
 * the matcher must cope with wording it has never seen. Earlier phrasings are drawn more often. A
 * phrasing starting with {@code >} is only used as a goal ("moving into data science"), one
 * starting with {@code <} only as a skill. Tracks group topics that the same person tends to list
 * together, which is what gives the generated members cluster structure.
 */
final class TopicBank {

  /** One way of writing a topic, and whether it reads as a goal, a skill, or both. */
  record Phrasing(String text, boolean forGoals, boolean forSkills) {}

  /** A topic: the taxonomy concept it stands for and its phrasings, most common first. */
  record Topic(String concept, List<Phrasing> phrasings) {}

  /** Topics one person tends to list together (backend engineering, FP&amp;A...). */
  record Track(String name, int weight, List<Topic> topics) {}

  /**
   * A professional area. {@code department} is the value written to the members file, or null for
   * the cross-cutting areas (leadership, communication) that belong to no department. {@code
   * headcount} is the relative size of the department.
   */
  record Area(
      String name, String department, int headcount, List<String> neighbours, List<Track> tracks) {}

  static final List<Area> DEPARTMENTS =
      List.of(
          area(
              "engineering",
              "Engineering",
              24,
              List.of("data", "product", "design", "operations"),
              track(
                  "backend",
                  6,
                  "python: Python | python | Python 3 | writing idiomatic Python | >learn Python"
                      + " properly | <Python (Django, FastAPI)",
                  "java: Java | Java / Spring Boot | modern Java | JVM tuning | >get back into"
                      + " Java",
                  "golang: Go | Golang | Go for backend services | >learn Go",
                  "backend development: backend development | back-end engineering | server-side"
                      + " development | building backend services",
                  "api design: API design | designing REST APIs | REST API design | GraphQL | API"
                      + " versioning",
                  "databases: database design | Postgres | PostgreSQL performance | SQL databases |"
                      + " NoSQL (MongoDB) | schema design",
                  "microservices: microservices | breaking up a monolith | micro-services"
                      + " architecture | service boundaries",
                  "distributed systems: distributed systems | scaling distributed systems |"
                      + " event-driven architecture | consistency and consensus"),
              track(
                  "frontend and mobile",
                  4,
                  "frontend development: frontend development | front-end | React | React +"
                      + " TypeScript | modern CSS | >getting into frontend | web development",
                  "javascript: JavaScript | TypeScript | JS | modern JavaScript (ES6+) | Node.js",
                  "mobile development: mobile development | React Native | Flutter | mobile app"
                      + " architecture",
                  "ios development: iOS | Swift | SwiftUI | iOS development",
                  "android development: Android | Kotlin | Jetpack Compose | Android development"),
              track(
                  "infrastructure",
                  5,
                  "kubernetes: Kubernetes | k8s | >learn Kubernetes basics | running services on"
                      + " Kubernetes | Helm charts | container orchestration",
                  "containers: Docker | containers | containerisation | containerization |"
                      + " Dockerfiles",
                  "continuous integration: CI/CD | continuous delivery | build pipelines | GitHub"
                      + " Actions | deployment pipelines",
                  "devops: DevOps | DevOps practices | dev ops culture",
                  "infrastructure as code: infrastructure as code | Terraform | IaC | Terraform"
                      + " modules",
                  "cloud architecture: cloud architecture | cloud-native architecture | designing"
                      + " for the cloud | multi-region architecture",
                  "aws: AWS | Amazon Web Services | >AWS certification | >AWS Solutions Architect"
                      + " exam",
                  "gcp: GCP | Google Cloud",
                  "azure: Azure | Microsoft Azure",
                  "site reliability engineering: SRE | site reliability engineering | reliability"
                      + " engineering | SLOs and error budgets",
                  "observability: observability | monitoring and alerting | logging, metrics and"
                      + " tracing | OpenTelemetry",
                  "incident management: incident management | incident response | being on call |"
                      + " running postmortems | blameless post-mortems"),
              track(
                  "quality and craft",
                  3,
                  "code review: code review | code reviews | reviewing pull requests | >giving"
                      + " better code reviews | PR reviews",
                  "software testing: testing | test strategy | TDD | test-driven development | QA",
                  "test automation: test automation | automated testing | unit testing |"
                      + " integration tests | end-to-end tests",
                  "clean code: clean code | writing maintainable code | code quality | SOLID"
                      + " principles",
                  "refactoring: refactoring | legacy code | working with legacy code | paying down"
                      + " tech debt | technical debt",
                  "object oriented design: design patterns | OOP | object-oriented design",
                  "algorithms: algorithms | data structures | algorithms & data structures",
                  "technical interviews: >preparing for coding interviews | technical interviews |"
                      + " >interview prep (leetcode) | >system design interviews"),
              track(
                  "architecture and leadership",
                  3,
                  "system design: system design | systems design | designing large systems |"
                      + " architecture for scale",
                  "software architecture: software architecture | architecture decisions (ADRs) |"
                      + " solution architecture | >becoming an architect",
                  "technical leadership: tech lead | being a tech lead | technical leadership |"
                      + " >moving to staff engineer | staff engineering | >the staff+ path",
                  "engineering management: engineering management | managing engineers | >moving"
                      + " into engineering management | running an engineering team"),
              track(
                  "security",
                  2,
                  "cybersecurity: security | cyber security | cybersecurity | infosec |"
                      + " information security",
                  "application security: application security | AppSec | secure coding | OWASP"
                      + " top 10",
                  "threat modelling: threat modelling | threat modeling",
                  "penetration testing: penetration testing | pen testing | ethical hacking")),
          area(
              "data",
              "Data",
              10,
              List.of("engineering", "product", "marketing", "finance"),
              track(
                  "analytics",
                  6,
                  "sql: SQL | advanced SQL | >get better at SQL | window functions in SQL | writing"
                      + " efficient SQL | sql",
                  "data analysis: data analysis | analytics | Python for data analysis | pandas |"
                      + " analysing data | analyzing data",
                  "data visualisation: data visualisation | data visualization | dataviz | Tableau"
                      + " | charts that tell a story",
                  "business intelligence: BI | business intelligence | Looker | Power BI |"
                      + " dashboards",
                  "excel: Excel | advanced Excel | spreadsheets | pivot tables",
                  "product analytics: product analytics | funnel analysis | Amplitude / Mixpanel |"
                      + " user behaviour analytics",
                  "data storytelling: data storytelling | storytelling with data | presenting data"
                      + " to stakeholders"),
              track(
                  "statistics and experimentation",
                  4,
                  "statistics: statistics | stats | statistical analysis | Bayesian statistics |"
                      + " causal inference",
                  "experimentation: A/B testing | AB testing | experimentation | experiment design"
                      + " | online experiments",
                  "forecasting: forecasting | time series | time-series forecasting",
                  "r programming: R programming | R | tidyverse | R for statistics"),
              track(
                  "machine learning",
                  5,
                  "machine learning: machine learning | ML | >moving into machine learning |"
                      + " applied ML | scikit-learn | machine-learning",
                  "deep learning: deep learning | neural networks | PyTorch | TensorFlow",
                  "natural language processing: NLP | natural language processing | text"
                      + " classification",
                  "computer vision: computer vision | image recognition",
                  "mlops: MLOps | deploying ML models | model deployment | ML engineering",
                  "recommender systems: recommender systems | recommendation engines |"
                      + " personalisation",
                  "data science: data science | >moving into data science | >becoming a data"
                      + " scientist | applied data science"),
              track(
                  "generative ai",
                  3,
                  "generative ai: generative AI | GenAI | gen AI | >using GenAI at work",
                  "large language models: LLMs | large language models | building with LLMs |"
                      + " fine-tuning LLMs | retrieval-augmented generation",
                  "prompt engineering: prompt engineering | prompting",
                  "artificial intelligence: AI | artificial intelligence | >AI for beginners",
                  "responsible ai: responsible AI | AI ethics | AI governance"),
              track(
                  "data engineering",
                  4,
                  "data engineering: data engineering | >moving into data engineering | data"
                      + " platform work",
                  "data pipelines: ETL | data pipelines | building data pipelines | Airflow | ELT",
                  "apache spark: Spark | Apache Spark | PySpark | Spark performance tuning",
                  "data warehousing: data warehousing | Snowflake | BigQuery | dbt | data"
                      + " warehouse design",
                  "stream processing: Kafka | stream processing | real-time data | streaming"
                      + " pipelines",
                  "data modelling: data modelling | data modeling | dimensional modelling | star"
                      + " schemas",
                  "data governance: data governance | data quality | data management | data"
                      + " catalogue")),
          area(
              "design",
              "Design",
              7,
              List.of("product", "engineering", "marketing"),
              track(
                  "research",
                  4,
                  "ux research: user research | UX research | running user interviews | >how to"
                      + " run user interviews | research synthesis",
                  "usability testing: usability testing | user testing | usability studies",
                  "journey mapping: journey mapping | customer journey maps | mapping user"
                      + " journeys",
                  "service design: service design | service blueprinting",
                  "design thinking: design thinking | human-centred design | human-centered design"
                      + " | design sprints"),
              track(
                  "interaction and ux",
                  5,
                  "user experience design: UX | UX design | user experience | >moving into UX |"
                      + " user experience design",
                  "interaction design: interaction design | IxD | micro-interactions",
                  "information architecture: information architecture | IA | navigation and IA |"
                      + " card sorting",
                  "content design: content design | UX writing | microcopy",
                  "accessibility: accessibility | a11y | WCAG | inclusive design | accessible"
                      + " design",
                  "prototyping: prototyping | wireframing | wireframes | rapid prototyping |"
                      + " high-fidelity prototypes"),
              track(
                  "visual and ui",
                  4,
                  "ui design: UI design | Figma | user interface design | >Figma for beginners |"
                      + " Figma components | >getting better at Figma",
                  "design systems: design systems | building a design system | component"
                      + " libraries | design tokens",
                  "visual design: visual design | graphic design | typography | motion design |"
                      + " illustration | colour and typography",
                  "brand design: brand design | brand identity | visual identity | logo design"),
              track(
                  "craft and leadership",
                  2,
                  "design critique: design critique | >how to run a design critique | giving"
                      + " design feedback | design crits | design reviews",
                  "product design: product design | digital product design | end-to-end product"
                      + " design",
                  "design leadership: design leadership | managing designers | >leading a design"
                      + " team | design management")),
          area(
              "product",
              "Product",
              8,
              List.of("engineering", "design", "data", "marketing"),
              track(
                  "strategy",
                  4,
                  "product strategy: product strategy | product vision | >setting product strategy"
                      + " | platform strategy",
                  "pricing strategy: pricing | pricing strategy | monetisation | monetization |"
                      + " packaging & pricing",
                  "product led growth: product-led growth | PLG | self-serve growth",
                  "roadmapping: roadmapping | product roadmaps | >building a roadmap people believe"
                      + " in | roadmap planning",
                  "prioritisation: prioritisation | prioritization | backlog prioritisation | RICE"
                      + " scoring"),
              track(
                  "discovery",
                  4,
                  "product discovery: product discovery | continuous discovery | opportunity"
                      + " solution trees",
                  "customer interviews: customer interviews | talking to customers | >how to"
                      + " interview customers",
                  "jobs to be done: jobs to be done | JTBD | jobs-to-be-done",
                  "product metrics: product metrics | KPIs | north star metrics | success metrics"),
              track(
                  "delivery",
                  5,
                  "product management: product management | PM fundamentals | >moving into product"
                      + " management | >becoming a product manager | product mgmt",
                  "requirements gathering: writing PRDs | user stories | product requirements |"
                      + " requirements gathering | writing specs",
                  "product launches: product launches | launching products | release planning |"
                      + " go-live planning",
                  "product ownership: product ownership | product owner | backlog refinement",
                  "technical product management: technical product management | technical PM |"
                      + " platform product management",
                  "agile: agile | Agile ways of working | agile delivery",
                  "scrum: Scrum | sprint planning | running retrospectives | scrum master",
                  "kanban: Kanban | kanban boards")),
          area(
              "marketing",
              "Marketing",
              9,
              List.of("sales", "design", "data", "product"),
              track(
                  "digital",
                  5,
                  "seo: SEO | search engine optimisation | search engine optimization | technical"
                      + " SEO",
                  "paid media: paid media | PPC | Google Ads | paid social | performance marketing"
                      + " | SEM",
                  "social media marketing: social media | social media marketing | social media"
                      + " strategy | LinkedIn and Instagram campaigns",
                  "email marketing: email marketing | lifecycle marketing | marketing automation |"
                      + " HubSpot | CRM marketing",
                  "growth marketing: growth marketing | growth hacking | user acquisition",
                  "digital marketing: digital marketing | online marketing",
                  "marketing analytics: marketing analytics | attribution | marketing attribution |"
                      + " marketing mix modelling | marketing measurement"),
              track(
                  "brand and content",
                  4,
                  "content marketing: content marketing | content strategy | copywriting | writing"
                      + " copy | blogging",
                  "brand marketing: brand marketing | branding | brand strategy | brand building",
                  "public relations: PR | public relations | media relations | press releases",
                  "community management: community building | community management",
                  "event marketing: events | event marketing | field marketing"),
              track(
                  "product marketing",
                  4,
                  "product marketing: product marketing | PMM | >moving into product marketing",
                  "positioning and messaging: positioning | messaging | positioning & messaging |"
                      + " value propositions",
                  "go to market strategy: go-to-market | GTM strategy | launch strategy | go to"
                      + " market planning",
                  "market research: market research | competitor analysis | competitive analysis |"
                      + " customer segmentation | market sizing",
                  "demand generation: demand generation | demand gen | lead generation | lead gen",
                  "developer relations: developer relations | DevRel | developer marketing",
                  "marketing: marketing | marketing fundamentals | marketing strategy")),
          area(
              "sales",
              "Sales",
              13,
              List.of("marketing", "finance", "data", "product"),
              track(
                  "new business",
                  6,
                  "prospecting: prospecting | cold outreach | outbound prospecting | cold calling |"
                      + " >getting better at cold calls",
                  "negotiation: negotiation | negotiating | >get better at negotiation |"
                      + " negotiation skills | deal negotiation",
                  "closing deals: closing | closing deals | >closing bigger deals",
                  "sales qualification: MEDDIC | MEDDPICC | deal qualification | BANT | qualifying"
                      + " leads",
                  "solution selling: solution selling | consultative selling | value selling |"
                      + " discovery calls | Challenger Sale",
                  "objection handling: objection handling | handling objections",
                  "enterprise sales: enterprise sales | selling to enterprises | enterprise selling"
                      + " | complex sales cycles"),
              track(
                  "accounts",
                  4,
                  "account management: account management | key account management | managing key"
                      + " accounts | growing accounts",
                  "customer success: customer success | client success | CS",
                  "customer retention: renewals | churn reduction | reducing churn | customer"
                      + " retention",
                  "partnerships: partnerships | channel sales | partner management | alliances",
                  "business development: business development | biz dev | BD"),
              track(
                  "sales operations and leadership",
                  3,
                  "sales pipeline management: pipeline management | sales pipeline | forecasting"
                      + " sales | pipeline reviews | sales forecasting",
                  "crm: Salesforce | CRM | CRM hygiene",
                  "sales engineering: presales | pre-sales | sales engineering | solutions"
                      + " engineering",
                  "product demos: product demos | giving demos | demo skills",
                  "sales leadership: sales leadership | managing a sales team | sales coaching |"
                      + " sales management",
                  "sales enablement: sales enablement | sales training | sales playbooks",
                  "sales: sales | selling | sales fundamentals | >moving into sales")),
          area(
              "finance",
              "Finance",
              8,
              List.of("data", "operations", "legal", "sales"),
              track(
                  "fp and a",
                  5,
                  "fp and a: FP&A | financial planning & analysis | financial planning and analysis"
                      + " | rolling forecasts | financial forecasting",
                  "budgeting: budgeting | budget planning | budget management | annual budgeting",
                  "financial modelling: financial modelling | financial modeling | building"
                      + " financial models | three-statement models | Excel modelling",
                  "business partnering: business partnering | finance business partnering |"
                      + " commercial finance",
                  "financial analysis: financial analysis | variance analysis | reading financial"
                      + " statements",
                  "unit economics: unit economics | SaaS metrics | CAC / LTV",
                  "p and l management: P&L | P&L management | owning a P&L | profit & loss"),
              track(
                  "accounting",
                  4,
                  "accounting: accounting | bookkeeping | financial accounting | accountancy",
                  "management accounting: management accounting | cost accounting",
                  "financial reporting: financial reporting | IFRS | US GAAP | month-end close |"
                      + " month end close | statutory reporting",
                  "audit: audit | internal audit | auditing | audit readiness",
                  "tax: tax | VAT | corporate tax | transfer pricing | tax planning"),
              track(
                  "corporate finance",
                  3,
                  "treasury: treasury | cash management | FX risk | liquidity management",
                  "mergers and acquisitions: M&A | mergers & acquisitions | mergers and"
                      + " acquisitions | due diligence | corporate development",
                  "valuation: valuation | company valuation | DCF | discounted cash flow",
                  "fundraising: fundraising | raising capital | investor pitches",
                  "investor relations: investor relations | IR | earnings calls",
                  "finance: finance | corporate finance | >finance for non-finance managers")),
          area(
              "people",
              "People",
              7,
              List.of("legal", "operations", "data"),
              track(
                  "talent",
                  4,
                  "recruiting: recruiting | recruitment | hiring | sourcing candidates | full-cycle"
                      + " recruiting",
                  "interviewing: interviewing | structured interviews | interview skills |"
                      + " >running better interviews | competency-based interviews",
                  "talent acquisition: talent acquisition | TA | employer branding | employer"
                      + " brand",
                  "onboarding: onboarding | new hire onboarding | employee onboarding",
                  "talent management: talent management | succession planning | talent reviews"),
              track(
                  "performance and reward",
                  4,
                  "performance management: performance management | managing performance",
                  "performance reviews: performance reviews | appraisals | performance appraisals |"
                      + " calibration | writing performance reviews",
                  "compensation: compensation | comp | pay equity | salary benchmarking | salary"
                      + " bands",
                  "total rewards: total rewards | compensation & benefits | benefits | payroll |"
                      + " reward",
                  "people analytics: people analytics | HR analytics | workforce analytics"),
              track(
                  "development and culture",
                  4,
                  "learning and development: learning and development | L&D | learning &"
                      + " development | training programmes | training programs | instructional"
                      + " design",
                  "career development: career development | career progression | career growth |"
                      + " career pathing | >career change",
                  "employee engagement: employee engagement | engagement surveys | employee"
                      + " experience",
                  "diversity equity and inclusion: DEI | D&I | diversity & inclusion | diversity,"
                      + " equity and inclusion | inclusion | belonging",
                  "company culture: culture | company culture | culture building | team culture",
                  "wellbeing: wellbeing | well-being | employee wellbeing | mental health at work |"
                      + " work-life balance"),
              track(
                  "hr operations and partnering",
                  3,
                  "human resources: HR | human resources | HR fundamentals | >moving into HR",
                  "hr business partnering: HRBP | HR business partnering | people partnering |"
                      + " >becoming an HRBP",
                  "employee relations: employee relations | workplace investigations | grievances"
                      + " | disciplinary procedures",
                  "organisational design: org design | organisational design | organizational"
                      + " design | workforce planning | headcount planning",
                  "people operations: people ops | people operations | HR operations | Workday |"
                      + " HRIS")),
          area(
              "legal",
              "Legal",
              4,
              List.of("finance", "people", "operations"),
              track(
                  "commercial",
                  4,
                  "contract law: contracts | contract law | commercial contracts | commercial law",
                  "contract drafting: contract drafting | drafting contracts | legal drafting",
                  "contract negotiation: contract negotiation | negotiating contracts | redlining",
                  "legal operations: legal ops | legal operations | contract management | legal"
                      + " tech",
                  "litigation: litigation | dispute resolution | disputes | arbitration",
                  "corporate law: corporate law | company law | corporate transactions",
                  "corporate governance: corporate governance | board governance | company"
                      + " secretarial"),
              track(
                  "privacy and compliance",
                  4,
                  "data privacy: data privacy | privacy | data protection | privacy law",
                  "gdpr: GDPR | UK GDPR | DPIAs | GDPR compliance",
                  "compliance: compliance | regulatory compliance | regulatory affairs |"
                      + " regulation",
                  "anti money laundering: AML | anti-money laundering | KYC | financial crime",
                  "employment law: employment law | labour law | labor law"),
              track(
                  "intellectual property",
                  2,
                  "intellectual property: IP | intellectual property | trademarks | IP protection",
                  "patents: patents | patent law | patent applications",
                  "open source licensing: open source licensing | software licensing | open-source"
                      + " licences | open-source licenses",
                  "law: law | legal | >law for non-lawyers")),
          area(
              "operations",
              "Operations",
              10,
              List.of("finance", "engineering", "product", "sales"),
              track(
                  "supply chain",
                  4,
                  "supply chain management: supply chain | supply chain management | SCM | supply"
                      + " chain planning",
                  "logistics: logistics | warehousing | fulfilment | fulfillment | freight",
                  "procurement: procurement | purchasing | strategic sourcing",
                  "vendor management: vendor management | supplier management | managing vendors |"
                      + " third-party management",
                  "inventory management: inventory management | inventory planning | stock"
                      + " management",
                  "demand planning: demand planning | S&OP | demand forecasting"),
              track(
                  "process",
                  4,
                  "process improvement: process improvement | continuous improvement | process"
                      + " optimisation | process optimization",
                  "lean: Lean | lean | Kaizen | value stream mapping | lean thinking",
                  "six sigma: Six Sigma | Lean Six Sigma | DMAIC | >Six Sigma green belt",
                  "process mapping: process mapping | BPMN | process documentation",
                  "business process automation: automation | RPA | workflow automation | no-code"
                      + " automation",
                  "quality management: quality management | quality assurance | ISO 9001 |"
                      + " quality control"),
              track(
                  "delivery",
                  5,
                  "project management: project management | PMP | PRINCE2 | managing projects |"
                      + " >PMP certification | project planning",
                  "program management: programme management | program management | managing"
                      + " programmes | PMO",
                  "risk management: risk management | operational risk | business continuity |"
                      + " risk assessment",
                  "customer support operations: customer support | customer service | support"
                      + " operations | contact centre operations",
                  "revenue operations: RevOps | revenue operations | sales ops | sales operations",
                  "facilities management: facilities management | workplace management | office"
                      + " management",
                  "operations management: operations | operations management | business"
                      + " operations | operational excellence")));

  /** Soft-skill areas any department may draw from; they have no department of their own. */
  static final List<Area> CROSS_CUTTING =
      List.of(
          area(
              "leadership",
              null,
              0,
              List.of(),
              track(
                  "managing people",
                  5,
                  "people management: people management | managing people | line management |"
                      + " managing a team | team management | delegation | running 1:1s |"
                      + " one-on-ones",
                  "new manager transition: >becoming a manager | the move into management |"
                      + " >moving into management | <supporting new managers | >first time managing"
                      + " people | IC to manager transition",
                  "managing managers: managing managers | >leading managers | manager of managers",
                  "giving feedback: giving feedback | feedback | constructive feedback | >giving"
                      + " difficult feedback | >how to give feedback",
                  "difficult conversations: difficult conversations | hard conversations | crucial"
                      + " conversations | managing underperformance",
                  "team building: team building | building high-performing teams | scaling a team"
                      + " | psychological safety",
                  "remote leadership: leading remote teams | managing distributed teams | remote"
                      + " leadership | hybrid teams",
                  "coaching: coaching | coaching skills | coaching my team | >learning to coach",
                  "mentoring: mentoring | mentorship | >being a better mentor"),
              track(
                  "strategy and influence",
                  4,
                  "leadership: leadership | leadership skills | senior leadership | >developing as"
                      + " a leader | leadership development",
                  "strategy: strategy | strategic thinking | business strategy | strategic"
                      + " planning",
                  "decision making: decision making | decision-making | making decisions under"
                      + " uncertainty",
                  "goal setting: OKRs | goal setting | setting OKRs | objectives & key results",
                  "influencing without authority: influencing without authority | influence |"
                      + " influencing stakeholders | leading without authority",
                  "change management: change management | leading change | organisational change"
                      + " | organizational change",
                  "cross functional leadership: cross-functional collaboration | working across"
                      + " teams | cross-functional leadership",
                  "executive presence: executive presence | gravitas | leadership presence"),
              track(
                  "personal effectiveness",
                  3,
                  "time management: time management | prioritising my time | productivity |"
                      + " personal productivity",
                  "resilience: resilience | managing stress | avoiding burnout | stress management",
                  "confidence building: confidence | imposter syndrome | impostor syndrome |"
                      + " self-confidence | >building confidence",
                  "emotional intelligence: emotional intelligence | EQ | self-awareness",
                  "conflict resolution: conflict resolution | managing conflict | conflict"
                      + " management | resolving conflict")),
          area(
              "communication",
              null,
              0,
              List.of(),
              track(
                  "speaking",
                  5,
                  "public speaking: public speaking | public speaking / presenting | speaking at"
                      + " conferences | conference talks | giving talks | >get better at public"
                      + " speaking | >speaking in public with confidence",
                  "presentation skills: presentation skills | presenting | presentations | giving"
                      + " presentations | slide decks",
                  "storytelling: storytelling | story telling | business storytelling | narrative",
                  "executive communication: executive communication | presenting to executives |"
                      + " exec comms | board presentations | communicating with the C-suite"),
              track(
                  "writing",
                  3,
                  "writing: writing | business writing | written communication | clear writing |"
                      + " writing skills",
                  "technical writing: technical writing | documentation | writing design docs |"
                      + " tech writing | writing docs",
                  "asynchronous communication: async communication | asynchronous communication |"
                      + " remote communication",
                  "persuasion: persuasion | persuasive writing | persuasive communication"),
              track(
                  "relationships",
                  4,
                  "stakeholder management: stakeholder management | managing stakeholders |"
                      + " stakeholder engagement | working with stakeholders",
                  "managing up: managing up | managing my manager | managing upwards | managing"
                      + " upward",
                  "networking: networking | professional networking | building a network |"
                      + " >building my network",
                  "active listening: active listening | listening skills",
                  "facilitation: facilitation | workshop facilitation | running workshops | running"
                      + " effective meetings | facilitating meetings",
                  "cross cultural communication: cross-cultural communication | intercultural"
                      + " communication | working across cultures | working in global teams",
                  "personal branding: personal branding | personal brand | thought leadership |"
                      + " visibility | LinkedIn presence",
                  "assertiveness: assertiveness | speaking up | being more assertive | saying no",
                  "business english: business English | English | English for work | professional"
                      + " English | >improve my business English",
                  "communication: communication | communication skills | communicating clearly |"
                      + " interpersonal skills")));

  private TopicBank() {}

  /** Returns the department or cross-cutting area with this name. */
  static Area area(String name) {
    for (Area a : DEPARTMENTS) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    for (Area a : CROSS_CUTTING) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("not an area of the topic bank: " + name);
  }

  /** Every topic in the bank, in bank order. */
  static List<Topic> allTopics() {
    List<Topic> all = new ArrayList<>();
    for (List<Area> group : List.of(DEPARTMENTS, CROSS_CUTTING)) {
      for (Area a : group) {
        for (Track t : a.tracks()) {
          all.addAll(t.topics());
        }
      }
    }
    return all;
  }

  private static Area area(
      String name, String department, int headcount, List<String> neighbours, Track... tracks) {
    return new Area(name, department, headcount, neighbours, List.of(tracks));
  }

  private static Track track(String name, int weight, String... topics) {
    List<Topic> parsed = new ArrayList<>();
    for (String t : topics) {
      parsed.add(topic(t));
    }
    return new Track(name, weight, List.copyOf(parsed));
  }

  private static Topic topic(String spec) {
    int colon = spec.indexOf(": ");
    if (colon <= 0) {
      throw new IllegalArgumentException("topic needs 'concept: phrasing | ...': " + spec);
    }
    List<Phrasing> phrasings = new ArrayList<>();
    for (String raw : spec.substring(colon + 2).split("\\|")) {
      String p = raw.strip();
      if (p.startsWith(">")) {
        phrasings.add(new Phrasing(p.substring(1), true, false));
      } else if (p.startsWith("<")) {
        phrasings.add(new Phrasing(p.substring(1), false, true));
      } else {
        phrasings.add(new Phrasing(p, true, true));
      }
    }
    return new Topic(spec.substring(0, colon), List.copyOf(phrasings));
  }
}
