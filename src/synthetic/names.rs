//! Words that synthetic maps are named from: services, modules and files read like a
//! real product's, at the lengths real names have.

/// What a service or module is about.
pub const CONCEPTS: &[&str] = &[
    "invoice",
    "account",
    "user",
    "session",
    "token",
    "sandbox",
    "runner",
    "snapshot",
    "volume",
    "image",
    "region",
    "quota",
    "webhook",
    "event",
    "job",
    "build",
    "deployment",
    "secret",
    "key",
    "policy",
    "role",
    "team",
    "project",
    "workspace",
    "organization",
    "payment",
    "refund",
    "order",
    "cart",
    "product",
    "price",
    "discount",
    "coupon",
    "shipment",
    "parcel",
    "address",
    "notification",
    "email",
    "template",
    "report",
    "metric",
    "trace",
    "alert",
    "audit",
    "backup",
    "archive",
    "upload",
    "thumbnail",
    "transcoder",
    "index",
    "query",
    "cursor",
    "cache",
    "lock",
    "queue",
    "topic",
    "subscription",
    "schedule",
    "retry",
    "health",
    "config",
    "flag",
    "experiment",
    "tenant",
    "limit",
    "usage",
    "plan",
    "license",
    "contract",
    "document",
    "comment",
    "review",
    "label",
    "catalog",
    "ledger",
    "search",
    "profile",
    "inventory",
    "pricing",
];

/// What kind of deployable a container is.
pub const CONTAINER_KINDS: &[&str] = &[
    "api",
    "service",
    "worker",
    "gateway",
    "web",
    "scheduler",
    "proxy",
    "store",
    "sdk",
    "cli",
];

/// What kind of part a module is.
pub const MODULE_KINDS: &[&str] = &[
    "controller",
    "service",
    "repository",
    "handlers",
    "models",
    "client",
    "middleware",
    "validators",
    "events",
    "jobs",
    "cache",
    "mappers",
    "guards",
    "routes",
    "adapters",
    "policies",
    "schemas",
    "resolvers",
    "serializers",
    "migrations",
];

/// What a file holds, besides its module's concept.
pub const FILE_KINDS: &[&str] = &[
    "controller",
    "service",
    "repository",
    "handler",
    "model",
    "client",
    "middleware",
    "validator",
    "events",
    "job",
    "cache",
    "mapper",
    "guard",
    "routes",
    "adapter",
    "policy",
    "schema",
    "resolver",
    "errors",
    "types",
    "constants",
    "helpers",
    "dto",
    "module",
    "spec",
    "test",
    "factory",
    "builder",
];

/// Folders that hold many files of one kind.
pub const FOLDERS: &[&str] = &[
    "dto",
    "migrations",
    "fixtures",
    "generated",
    "locales",
    "templates",
    "icons",
    "entities",
    "__tests__",
    "proto",
];

/// Source languages, by file extension.
pub const EXTENSIONS: &[&str] = &["go", "ts", "py", "rs", "java"];

/// What an edge between two parts does.
pub const VERBS: &[&str] = &[
    "calls",
    "reads",
    "writes",
    "publishes to",
    "subscribes to",
    "queries",
    "caches in",
    "authenticates with",
    "schedules",
    "streams to",
    "uploads to",
    "notifies",
];

/// People and outside systems around the product.
pub const ACTORS: &[&str] = &[
    "Developer",
    "Operator",
    "Support Engineer",
    "AI Agent",
    "Data Analyst",
];
pub const EXTERNALS: &[&str] = &[
    "Identity Provider",
    "Object Storage",
    "Payment Processor",
    "Email Delivery",
    "Container Registry",
    "Monitoring",
    "DNS Provider",
    "Message Broker",
    "CDN",
    "Search Cluster",
    "Secrets Vault",
];

/// "invoice" → "Invoice"; "feature-flags" → "Feature Flags".
pub fn title_case(words: &str) -> String {
    words
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
