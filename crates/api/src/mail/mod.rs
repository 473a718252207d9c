//! E-mail: the notices a person asked for, in their language, through the
//! configured relay (`KEHU_SMTP_*`). Deliveries are leased like the
//! webhooks' so that several instances send each once; a refused or failed
//! send is tried again on the webhooks' schedule, and one the relay refuses
//! for good (a 5xx) is given up and logged. A sender killed between the
//! relay's answer and the record sends that e-mail again: its Message-ID
//! names the notice, so mail systems drop the repeat.

use crate::error::ApiResult;
use crate::i18n::Lang;
use chrono::{Duration, NaiveDateTime, Utc};
use kehu_persistence::notice_channels::{self as store, EmailDue, Sent};
use kehu_persistence::{write_tx, DbConn, Pool};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::SmtpTransport;
use lettre::Transport;

pub mod digest;

const LEASE_SECS: i64 = 120;
const BATCH: i64 = 20;
/// E-mails handed to the relay at once, each over its own pooled
/// connection: one connection waits about 40 ms a message on TCP (lettre
/// writes the closing dot apart from the body, with Nagle's algorithm on).
const SENDERS: usize = 4;
const SEND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How the relay is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP (a relay on the same host or network).
    None,
    /// STARTTLS on a plain connection (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Implicit,
}

#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    /// User name and password, when the relay asks for them.
    pub credentials: Option<(String, String)>,
    /// The sender, e.g. `客诉系统 <kehu@factory.example>`.
    pub from: String,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    /// Where the SPA is served, for the link in each e-mail.
    public_url: Option<String>,
}

impl Mailer {
    pub fn new(s: &SmtpSettings, public_url: Option<String>) -> anyhow::Result<Mailer> {
        let builder = match s.tls {
            SmtpTls::None => SmtpTransport::builder_dangerous(&s.host),
            SmtpTls::StartTls => SmtpTransport::starttls_relay(&s.host)?,
            SmtpTls::Implicit => SmtpTransport::relay(&s.host)?,
        }
        .port(s.port)
        .timeout(Some(SEND_TIMEOUT));
        let builder = match &s.credentials {
            Some((user, password)) => builder.credentials(Credentials::new(user.clone(), password.clone())),
            None => builder,
        };
        Ok(Mailer { transport: builder.build(), from: s.from.parse()?, public_url })
    }

    /// The e-mail of a notice, worded in its reader's language.
    pub fn message(&self, d: &EmailDue) -> Result<Message, String> {
        let lang = Lang::from_accept_language(&d.language);
        let (title, mut text, link) = lang.outbound(d.kind, &d.params, d.complaint_id, self.public_url.as_deref());
        if let Some(link) = link {
            text.push_str(&format!("\n\n{link}"));
        }
        text.push_str(&format!("\n\n--\n{}\n", lang.text("mail.footer").unwrap_or_default()));
        let to = Mailer::mailbox(&d.name, &d.address)?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(title)
            .message_id(Some(format!("<kehu-notice-{}@kehu>", d.notification_id)))
            .header(ContentType::TEXT_PLAIN)
            .body(text)
            .map_err(|e| e.to_string())
    }

    /// Hands `message` to the relay on its `attempts`th try: one that cannot
    /// be written, or that the relay refuses for good, is given up.
    fn deliver(&self, message: &Result<Message, String>, attempts: i32, now: NaiveDateTime) -> Sent {
        let retry_at = || kehu_domain::delivery::retry_after(attempts).map(|after| now + after);
        let message = match message {
            Ok(m) => m,
            Err(error) => return Sent::No { error: error.clone(), retry_at: None },
        };
        match self.transport.send(message) {
            Ok(_) => Sent::Yes,
            Err(e) => Sent::No { error: e.to_string().chars().take(500).collect(), retry_at: if e.is_permanent() { None } else { retry_at() } },
        }
    }

    /// Delivers `outgoing` over up to `SENDERS` connections at once; the
    /// outcomes come back in the same order.
    fn deliver_all(&self, outgoing: &[Outgoing], now: NaiveDateTime) -> Vec<Sent> {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut outcomes: Vec<Option<Sent>> = (0..outgoing.len()).map(|_| None).collect();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..SENDERS.min(outgoing.len()))
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(o) = outgoing.get(i) else { return done };
                            done.push((i, self.deliver(&o.message, o.attempts, now)));
                        }
                    })
                })
                .collect();
            for worker in workers {
                for (i, sent) in worker.join().unwrap_or_default() {
                    outcomes[i] = Some(sent);
                }
            }
        });
        outcomes
            .into_iter()
            .map(|o| o.unwrap_or_else(|| Sent::No { error: "the sending thread failed".into(), retry_at: Some(now + Duration::seconds(60)) }))
            .collect()
    }

    fn mailbox(name: &str, address: &str) -> Result<Mailbox, String> {
        Ok(Mailbox::new(Some(name.to_owned()), address.parse().map_err(|e| format!("the address `{address}` is not one: {e}"))?))
    }
}

/// One pass at `now`: lease what is due, send it, record each outcome, until
/// nothing is due; then cut the digests owed and send those due. Returns the
/// e-mails attempted.
pub fn pass(conn: &mut DbConn, mailer: &Mailer, now: NaiveDateTime) -> ApiResult<usize> {
    let notices = send_notices(conn, mailer, now)?;
    digest::cut_due(conn, now)?;
    Ok(notices + digest::send_due(conn, mailer, now)?)
}

fn send_notices(conn: &mut DbConn, mailer: &Mailer, now: NaiveDateTime) -> ApiResult<usize> {
    drain(
        conn,
        mailer,
        now,
        |c| Ok(store::lease_due(c, now, Duration::seconds(LEASE_SECS), BATCH)?),
        |_, d: &EmailDue| Ok(Outgoing { id: d.id, message: mailer.message(d), attempts: d.attempts }),
        |c, id, outcome| Ok(store::record(c, id, outcome, now)?),
    )
}

/// One leased e-mail, written and ready for the relay.
struct Outgoing {
    id: i64,
    message: Result<Message, String>,
    attempts: i32,
}

/// Leases a batch, writes each e-mail, sends them (several at once) and
/// records the outcomes in one transaction, until nothing is due. Returns
/// how many were attempted.
fn drain<T>(
    conn: &mut DbConn,
    mailer: &Mailer,
    now: NaiveDateTime,
    lease: impl Fn(&mut DbConn) -> ApiResult<Vec<T>>,
    write: impl Fn(&mut DbConn, &T) -> ApiResult<Outgoing>,
    record: impl Fn(&mut DbConn, i64, &Sent) -> ApiResult<()>,
) -> ApiResult<usize> {
    let mut attempted = 0;
    loop {
        let due = write_tx(conn, |c| lease(c))?;
        if due.is_empty() {
            return Ok(attempted);
        }
        let outgoing = due.iter().map(|d| write(conn, d)).collect::<ApiResult<Vec<_>>>()?;
        let outcomes = mailer.deliver_all(&outgoing, now);
        write_tx(conn, |c| outgoing.iter().zip(&outcomes).try_for_each(|(o, sent)| record(c, o.id, sent)))?;
        attempted += outgoing.len();
    }
}

/// The e-mail loop, every `interval`, on a blocking thread per pass.
pub fn spawn(pool: Pool, mailer: Mailer, interval: std::time::Duration) {
    let mailer = std::sync::Arc::new(mailer);
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(interval);
        loop {
            tick.tick().await;
            let (pool, mailer) = (pool.clone(), mailer.clone());
            let result = actix_web::web::block(move || -> ApiResult<usize> {
                let mut conn = pool.get().map_err(|_| crate::error::ApiError::Unavailable)?;
                pass(&mut conn, &mailer, Utc::now().naive_utc())
            })
            .await;
            match result {
                Ok(Ok(n)) if n > 0 => tracing::info!(emails = n, "notice e-mails attempted"),
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "notice e-mail pass failed"),
                Err(e) => tracing::warn!(error = %e, "notice e-mail pass did not run"),
            }
        }
    });
}
