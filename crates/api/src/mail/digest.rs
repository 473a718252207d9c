//! The daily digest by e-mail: once a day, at the hour a person chose on the
//! organisation's clock, the notices of the kinds they gather, in one
//! e-mail in their language. Cut and sent by the e-mail pass.

use super::Mailer;
use crate::error::ApiResult;
use crate::i18n::Lang;
use chrono::{Duration, NaiveDateTime};
use chrono_tz::Tz;
use kehu_domain::channel;
use kehu_persistence::notice_digests::{self as store, DigestDue, DigestItem};
use kehu_persistence::{write_tx, DbConn};
use lettre::message::header::ContentType;
use lettre::message::Message;

/// The notices written out in one digest; the rest are counted, with a link
/// to the notification centre.
const SHOWN: i64 = 100;
const LEASE_SECS: i64 = 120;
const BATCH: i64 = 10;

fn clock(timezone: &str) -> Tz {
    timezone.parse().unwrap_or(chrono_tz::Asia::Shanghai)
}

/// Cuts every digest owed at `now`, each in its own transaction. Returns
/// the digests stored (a cut over none of the person's kinds stores none).
pub fn cut_due(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let mut stored = 0;
    for reader in store::readers(conn)? {
        let hour = u32::try_from(reader.digest_hour).unwrap_or(8);
        let Some(cut) = channel::digest_due(clock(&reader.timezone), hour, reader.last_cut.and_utc(), now.and_utc()) else { continue };
        if write_tx(conn, |c| -> ApiResult<_> { Ok(store::cut(c, &reader, cut.naive_utc(), now)?) })?.is_some() {
            stored += 1;
        }
    }
    Ok(stored)
}

impl Mailer {
    /// A digest's e-mail: its first notices, each with its link, and how
    /// many more wait in the notification centre.
    pub fn digest_message(&self, d: &DigestDue, items: &[DigestItem]) -> Result<Message, String> {
        let lang = Lang::from_accept_language(&d.language);
        let tz = clock(&d.timezone);
        let local = |t: NaiveDateTime, format: &str| t.and_utc().with_timezone(&tz).format(format).to_string();
        let subject = lang.fill("mail.digestSubject", &[("count", d.item_count.to_string()), ("date", local(d.covers_until, "%Y-%m-%d"))]);
        let mut text = lang.fill(
            "mail.digestIntro",
            &[("name", d.name.clone()), ("from", local(d.covers_from, "%Y-%m-%d %H:%M")), ("until", local(d.covers_until, "%Y-%m-%d %H:%M"))],
        );
        for (kind, params, complaint_id, at) in items {
            let (title, body, link) = lang.outbound(*kind, params, *complaint_id, self.public_url.as_deref());
            text.push_str(&format!("\n\n[{}] {title}\n{body}", local(*at, "%m-%d %H:%M")));
            if let Some(link) = link {
                text.push_str(&format!("\n{link}"));
            }
        }
        let rest = i64::from(d.item_count) - items.len() as i64;
        if rest > 0 {
            let centre = self.public_url.as_deref().map(|base| format!("{base}/notifications")).unwrap_or_default();
            text.push_str(&format!("\n\n{}", lang.fill("mail.digestMore", &[("count", rest.to_string()), ("link", centre)])));
        }
        text.push_str(&format!("\n\n--\n{}\n", lang.text("mail.footer").unwrap_or_default()));
        Message::builder()
            .from(self.from.clone())
            .to(Mailer::mailbox(&d.name, &d.address)?)
            .subject(subject)
            .message_id(Some(format!("<kehu-digest-{}@kehu>", d.id)))
            .header(ContentType::TEXT_PLAIN)
            .body(text)
            .map_err(|e| e.to_string())
    }
}

/// Sends the digests due at `now`, as the notice e-mails are sent. Returns
/// the digests attempted.
pub fn send_due(conn: &mut DbConn, mailer: &Mailer, now: NaiveDateTime) -> ApiResult<usize> {
    super::drain(
        conn,
        mailer,
        now,
        |c| Ok(store::lease_due(c, now, Duration::seconds(LEASE_SECS), BATCH)?),
        |c, d: &DigestDue| Ok(super::Outgoing { id: d.id, message: mailer.digest_message(d, &store::items(c, d, SHOWN)?), attempts: d.attempts }),
        |c, id, outcome| Ok(store::record(c, id, outcome, now)?),
    )
}
