//! Configuration from the environment (a `.env`-style file may set the same
//! variables). Secrets are never logged.

use crate::mail::{SmtpSettings, SmtpTls};
use ipnet::IpNet;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone)]
pub struct Settings {
    pub database_url: String,
    pub bind: SocketAddr,
    /// HS256 signing secret for access tokens.
    pub jwt_secret: Vec<u8>,
    pub static_dir: PathBuf,
    /// `Secure` on the refresh cookie; off only for plain-HTTP development.
    pub cookie_secure: bool,
    pub pool_size: u32,
    /// Background workers (deadline scan, webhook delivery); tests switch them off.
    pub workers: bool,
    pub worker_interval_secs: u64,
    /// How often the outbox is sent to the webhooks.
    pub delivery_interval_ms: u64,
    /// The bearer token `/metrics` asks for; unset, only this machine
    /// (a loopback peer) may read it.
    pub metrics_token: Option<String>,
    /// Proxies whose `X-Forwarded-For` names the client (addresses or
    /// ranges); from any other peer the header is ignored.
    pub trusted_proxies: Vec<IpNet>,
    /// Ranges webhooks may reach although they are private, loopback or
    /// otherwise internal (an ERP on the factory's network).
    pub webhook_networks: Vec<IpNet>,
    /// Failed logins from one address (15 minutes) after which its further
    /// attempts are taken one at a time, a second apart.
    pub login_slowdown_after: u32,
    /// The mail relay (`KEHU_SMTP_HOST` and the rest); unset, no e-mail is sent.
    pub smtp: Option<SmtpSettings>,
    /// Where people open the product (`KEHU_PUBLIC_URL`), for links in e-mails.
    pub public_url: Option<String>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("database", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("static_dir", &self.static_dir)
            .field("pool_size", &self.pool_size)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("webhook_networks", &self.webhook_networks)
            .field("smtp", &self.smtp)
            .finish_non_exhaustive()
    }
}

/// The URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***@{}", &url[..s], &url[at + 1..]),
        _ => url.to_owned(),
    }
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kehu.db";

impl Settings {
    pub fn from_env() -> anyhow::Result<Settings> {
        Settings::from_vars(|k| std::env::var(k).ok())
    }

    /// Reads every `KEHU_*` setting strictly: a value that does not parse
    /// stops the service with a message naming the variable, rather than
    /// running on a default nobody chose. Unset (or empty) means the default.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Settings> {
        let env = Vars(&get);
        let jwt_secret = match env.text("KEHU_JWT_SECRET") {
            Some(s) if s.len() >= 32 => s.into_bytes(),
            Some(_) => anyhow::bail!("KEHU_JWT_SECRET must be at least 32 characters"),
            None => {
                // Development default: a fresh secret per start. Sessions survive
                // restarts anyway through the refresh cookie.
                tracing::warn!("KEHU_JWT_SECRET not set; using a random secret for this run");
                let mut b = vec![0u8; 48];
                rand::Rng::fill(&mut rand::thread_rng(), &mut b[..]);
                b
            }
        };
        let database_url = env.text("KEHU_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if kehu_persistence::db::backend_of(&database_url).is_err() {
            anyhow::bail!("KEHU_DATABASE_URL must start with postgres://, postgresql:// or sqlite://");
        }
        let pool_size = env.parsed("KEHU_DB_POOL_SIZE", "a whole number of connections from 1 to 1000")?.unwrap_or_else(default_pool_size);
        if !(1..=1000).contains(&pool_size) {
            anyhow::bail!("KEHU_DB_POOL_SIZE must be a whole number of connections from 1 to 1000, not {pool_size}");
        }
        Ok(Settings {
            database_url,
            bind: env.parsed("KEHU_BIND", "an address and port such as 127.0.0.1:8080")?.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080))),
            jwt_secret,
            static_dir: env.text("KEHU_STATIC_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("frontend/dist")),
            cookie_secure: env.flag("KEHU_COOKIE_SECURE")?.unwrap_or(true),
            pool_size,
            workers: env.flag("KEHU_WORKERS")?.unwrap_or(true),
            worker_interval_secs: env.positive("KEHU_WORKER_INTERVAL_SECS", "seconds")?.unwrap_or(60),
            delivery_interval_ms: env.positive("KEHU_DELIVERY_INTERVAL_MS", "milliseconds")?.unwrap_or(1000),
            metrics_token: match env.text("KEHU_METRICS_TOKEN") {
                Some(t) if t.len() < 16 => anyhow::bail!("KEHU_METRICS_TOKEN must be at least 16 characters"),
                other => other,
            },
            trusted_proxies: env.networks("KEHU_TRUSTED_PROXIES")?,
            webhook_networks: env.networks("KEHU_WEBHOOK_NETWORKS")?,
            login_slowdown_after: env.positive("KEHU_LOGIN_SLOWDOWN_AFTER", "failed logins")?.map_or(30, |n| n.min(u64::from(u32::MAX)) as u32),
            smtp: smtp(&env)?,
            public_url: env.text("KEHU_PUBLIC_URL").map(|u| u.trim().trim_end_matches('/').to_owned()),
        })
    }
}

/// The relay: `KEHU_SMTP_HOST` turns e-mail on, and then the sender must be named.
fn smtp<F: Fn(&str) -> Option<String>>(env: &Vars<'_, F>) -> anyhow::Result<Option<SmtpSettings>> {
    let Some(host) = env.text("KEHU_SMTP_HOST") else { return Ok(None) };
    let tls = match env.text("KEHU_SMTP_TLS").map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("starttls") => SmtpTls::StartTls,
        Some("tls") => SmtpTls::Implicit,
        Some("none") => SmtpTls::None,
        Some(v) => anyhow::bail!("KEHU_SMTP_TLS must be starttls, tls or none, not `{v}`"),
    };
    let default_port = match tls {
        SmtpTls::Implicit => 465,
        SmtpTls::StartTls => 587,
        SmtpTls::None => 25,
    };
    let port = env.parsed::<u16>("KEHU_SMTP_PORT", "a port from 1 to 65535")?.unwrap_or(default_port);
    let Some(from) = env.text("KEHU_SMTP_FROM") else { anyhow::bail!("KEHU_SMTP_FROM must name the sender, e.g. 客诉系统 <kehu@factory.example>") };
    if from.trim().parse::<lettre::message::Mailbox>().is_err() {
        anyhow::bail!("KEHU_SMTP_FROM must be an address such as 客诉系统 <kehu@factory.example>, not `{from}`");
    }
    let credentials = match (env.text("KEHU_SMTP_USERNAME"), env.text("KEHU_SMTP_PASSWORD")) {
        (Some(user), Some(password)) => Some((user, password)),
        (None, None) => None,
        _ => anyhow::bail!("KEHU_SMTP_USERNAME and KEHU_SMTP_PASSWORD are set together"),
    };
    Ok(Some(SmtpSettings { host: host.trim().to_owned(), port, tls, credentials, from: from.trim().to_owned() }))
}

struct Vars<'a, F: Fn(&str) -> Option<String>>(&'a F);

impl<F: Fn(&str) -> Option<String>> Vars<'_, F> {
    fn text(&self, name: &str) -> Option<String> {
        (self.0)(name).filter(|v| !v.trim().is_empty())
    }

    fn parsed<T: std::str::FromStr>(&self, name: &str, expected: &str) -> anyhow::Result<Option<T>> {
        match self.text(name) {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| anyhow::anyhow!("{name} must be {expected}, not `{v}`")),
        }
    }

    fn flag(&self, name: &str) -> anyhow::Result<Option<bool>> {
        match self.text(name).map(|v| v.trim().to_ascii_lowercase()) {
            None => Ok(None),
            Some(v) if v == "true" || v == "1" => Ok(Some(true)),
            Some(v) if v == "false" || v == "0" => Ok(Some(false)),
            Some(v) => anyhow::bail!("{name} must be true or false (or 1 or 0), not `{v}`"),
        }
    }

    /// Addresses or ranges (`10.0.0.0/8, 192.168.1.7`), separated by commas.
    fn networks(&self, name: &str) -> anyhow::Result<Vec<IpNet>> {
        let Some(v) = self.text(name) else { return Ok(Vec::new()) };
        v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<IpNet>().or_else(|_| s.parse::<std::net::IpAddr>().map(IpNet::from)))
            .collect::<Result<_, _>>()
            .map_err(|_| anyhow::anyhow!("{name} must be addresses or ranges such as 10.0.0.0/8, separated by commas, not `{v}`"))
    }

    fn positive(&self, name: &str, unit: &str) -> anyhow::Result<Option<u64>> {
        match self.parsed::<u64>(name, &format!("a whole number of {unit} above 0"))? {
            Some(0) => anyhow::bail!("{name} must be a whole number of {unit} above 0, not 0"),
            other => Ok(other),
        }
    }
}

/// Two connections per core (at least four): measured on two cores, 4 served
/// 30 % more reads than 16, whose extra backends only switched contexts.
fn default_pool_size() -> u32 {
    std::thread::available_parallelism().map_or(4, |n| (2 * n.get() as u32).max(4))
}

#[cfg(test)]
mod tests {
    use super::Settings;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<Settings> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_vars(|k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn defaults_when_unset() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert!(s.cookie_secure && s.workers);
        assert_eq!((s.worker_interval_secs, s.delivery_interval_ms), (60, 1000));
    }

    #[test]
    fn malformed_values_name_their_variable() {
        for (name, value) in [
            ("KEHU_BIND", "localhost"),
            ("KEHU_DB_POOL_SIZE", "ten"),
            ("KEHU_DB_POOL_SIZE", "0"),
            ("KEHU_WORKERS", "yes"),
            ("KEHU_COOKIE_SECURE", "off"),
            ("KEHU_WORKER_INTERVAL_SECS", "-5"),
            ("KEHU_DELIVERY_INTERVAL_MS", "0"),
            ("KEHU_DATABASE_URL", "mysql://x"),
            ("KEHU_JWT_SECRET", "short"),
            ("KEHU_TRUSTED_PROXIES", "10.0.0.0/33"),
            ("KEHU_WEBHOOK_NETWORKS", "intranet"),
            ("KEHU_LOGIN_SLOWDOWN_AFTER", "0"),
        ] {
            let e = settings(&[(name, value)]).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(e.contains(name), "{name}={value}: {e}");
        }
    }

    #[test]
    fn accepted_spellings() {
        let s = settings(&[("KEHU_WORKERS", "0"), ("KEHU_COOKIE_SECURE", "FALSE"), ("KEHU_DB_POOL_SIZE", " 8 ")]).unwrap();
        assert!(!s.workers && !s.cookie_secure);
        assert_eq!(s.pool_size, 8);
        let s = settings(&[("KEHU_TRUSTED_PROXIES", "10.0.0.1, 192.168.0.0/16"), ("KEHU_WEBHOOK_NETWORKS", "::1")]).unwrap();
        assert_eq!(s.trusted_proxies.len(), 2);
        assert!(s.trusted_proxies[0].contains(&"10.0.0.1".parse::<std::net::IpAddr>().unwrap()));
        assert_eq!(s.webhook_networks.len(), 1);
    }
}
