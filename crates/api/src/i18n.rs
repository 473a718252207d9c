//! Words the server itself must put together (notifications for clients that
//! have no catalog, later e-mails), taken from the SPA's own catalogs so that
//! one file holds each language.

use kehu_domain::notice::NoticeKind;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A language the product speaks; Simplified Chinese unless asked otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    ZhTw,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    /// The best language of an `Accept-Language` header: the first by weight
    /// that we speak (zh-TW, zh-HK, zh-MO and zh-Hant are Traditional).
    pub fn from_accept_language(header: &str) -> Lang {
        let mut tags: Vec<(f32, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q = it.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0 && !tag.is_empty()).then_some((q, i, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        tags.iter().find_map(|(_, _, tag)| Lang::of_tag(tag)).unwrap_or_default()
    }

    fn of_tag(tag: &str) -> Option<Lang> {
        let t = tag.to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") {
            let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"].iter().any(|p| t.starts_with(p));
            return Some(if traditional { Lang::ZhTw } else { Lang::ZhCn });
        }
        (t == "en" || t.starts_with("en-")).then_some(Lang::En)
    }

    fn catalog(self) -> &'static Value {
        static CATALOGS: OnceLock<[Value; 3]> = OnceLock::new();
        let all = CATALOGS.get_or_init(|| {
            let parse = |text: &str| serde_json::from_str(text).unwrap_or(Value::Null);
            [
                parse(include_str!("../../../frontend/src/i18n/zh-CN.json")),
                parse(include_str!("../../../frontend/src/i18n/zh-TW.json")),
                parse(include_str!("../../../frontend/src/i18n/en.json")),
            ]
        });
        &all[self as usize]
    }

    /// The catalog's text at a dotted `key`, falling back to Simplified Chinese.
    pub fn text(self, key: &str) -> Option<&'static str> {
        let find = |lang: Lang| key.split('.').try_fold(lang.catalog(), |v, k| v.get(k)).and_then(Value::as_str);
        find(self).or_else(|| find(Lang::ZhCn))
    }

    /// The catalog's text at `key` with its `{{name}}`s filled in.
    pub fn fill(self, key: &str, values: &[(&str, String)]) -> String {
        interpolate(self.text(key).unwrap_or(key), &values.iter().cloned().collect())
    }

    /// A notice's title and body. Parameters named in `notices.codes` hold
    /// codes and are replaced by their words (e.g. `state` → `state.<code>`).
    pub fn notice(self, kind: NoticeKind, params: &BTreeMap<String, String>) -> (String, String) {
        let words: BTreeMap<&str, String> = params
            .iter()
            .map(|(name, value)| {
                let prefix = self.text(&format!("notices.codes.{name}"));
                let word = prefix.and_then(|p| self.text(&format!("{p}.{value}")));
                (name.as_str(), word.map_or_else(|| value.clone(), str::to_owned))
            })
            .collect();
        let fill = |part: &str| interpolate(self.text(&format!("notices.{kind}.{part}")).unwrap_or(kind.as_str()), &words);
        (fill("title"), fill("body"))
    }

    /// A notice sent beyond the bell (e-mail, group robots): its title and
    /// body from the stored parameters, and the address of the page it opens
    /// in the SPA when the product's public address is known.
    pub fn outbound(self, kind: NoticeKind, params_json: &str, complaint_id: Option<i64>, public_url: Option<&str>) -> (String, String, Option<String>) {
        let params: BTreeMap<String, String> = serde_json::from_str(params_json).unwrap_or_default();
        let (title, body) = self.notice(kind, &params);
        let link = public_url.zip(notice_path(kind, &params, complaint_id)).map(|(base, path)| format!("{base}{path}"));
        (title, body, link)
    }
}

/// Where a notice leads in the SPA, as its notification centre links it
/// (features/notifications/lib/render.ts `noticeLink`): its letter, else its
/// case (or the section the notice is about), else its return application,
/// allowance certificate, penalty run or customer.
pub fn notice_path(kind: NoticeKind, params: &BTreeMap<String, String>, complaint_id: Option<i64>) -> Option<String> {
    use NoticeKind as K;
    let id = |name: &str| params.get(name).filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
    let letter_kind = matches!(kind, K::Reminder | K::LateInquiry | K::LateInquiryAnswered | K::CaseReminder | K::ContainmentReminder);
    if let Some(letter) = id("letter_id").filter(|_| letter_kind) {
        return Some(format!("/letters/{letter}"));
    }
    if let Some(follow_up) = id("follow_up_id").filter(|_| kind == K::EffectivenessFailed) {
        return Some(format!("/complaints/{follow_up}"));
    }
    let period = |name: &str| params.get(name).filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
    match kind {
        K::WeeklyReport => return period("week").map(|w| format!("/reports/weekly?week={w}")),
        K::MonthlyReport => return period("month").map(|m| format!("/reports?month={m}")),
        _ => {}
    }
    if let Some(case) = complaint_id {
        let section = match kind {
            K::EightDReview | K::EightDDecided => "/8d",
            K::EffectivenessDue | K::EffectivenessFailed | K::DeferralRequest => "#section-tracking",
            K::PetitionRaised | K::PetitionDecided => "#section-petitions",
            K::SupplierRequest | K::SupplierAnswered => "#section-suppliers",
            K::CloseConfirmationDue | K::FirstReplyLate | K::CloseConfirmationLate | K::CloseNotConfirmed => "#section-contacts",
            _ => "",
        };
        return Some(format!("/complaints/{case}{section}"));
    }
    [("return_id", "/returns/"), ("allowance_id", "/allowances/"), ("run_id", "/penalties/"), ("customer_id", "/customers/")]
        .into_iter()
        .find_map(|(name, base)| id(name).map(|v| format!("{base}{v}")))
}

/// Replaces `{{name}}` with its value, once: values are not read again, so
/// text a user wrote is never taken for a placeholder.
fn interpolate(template: &str, values: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        out.push_str(values.get(name).map_or("", String::as_str));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehu_domain::notice::Notice;

    fn owned(n: &Notice) -> BTreeMap<String, String> {
        n.params.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
    }

    #[test]
    fn a_notice_leads_where_the_notification_centre_links_it() {
        let path = |n: &Notice| notice_path(n.kind, &owned(n), n.complaint_id);
        let samples = Notice::samples();
        let of = |kind: NoticeKind| samples.iter().find(|n| n.kind == kind).map(path).unwrap_or_default();
        assert_eq!(of(NoticeKind::Reminder).as_deref(), Some("/letters/5"));
        assert_eq!(of(NoticeKind::Task).as_deref(), Some("/complaints/1"));
        assert_eq!(of(NoticeKind::EightDReview).as_deref(), Some("/complaints/1/8d"));
        assert_eq!(of(NoticeKind::EffectivenessFailed).as_deref(), Some("/complaints/2"));
        assert_eq!(of(NoticeKind::FirstReplyLate).as_deref(), Some("/complaints/1#section-contacts"));
        assert_eq!(of(NoticeKind::ReturnTask).as_deref(), Some("/returns/4"));
        assert_eq!(of(NoticeKind::AllowanceTask).as_deref(), Some("/allowances/2"));
        assert_eq!(of(NoticeKind::PenaltyReview).as_deref(), Some("/penalties/9"));
        assert_eq!(of(NoticeKind::CustomerReview).as_deref(), Some("/customers/2"));
        assert_eq!(of(NoticeKind::WeeklyReport).as_deref(), Some("/reports/weekly?week=2026-11-30"));
        assert_eq!(of(NoticeKind::MonthlyReport).as_deref(), Some("/reports?month=2026-11"));
        assert_eq!(of(NoticeKind::CustomerHandover), None, "a handover names no page of its own");
        assert!(samples.iter().filter(|n| n.kind != NoticeKind::CustomerHandover).all(|n| path(n).is_some()));
    }

    #[test]
    fn accept_language_picks_the_best_language_we_speak() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_accept_language("zh-TW"), Lang::ZhTw);
        assert_eq!(Lang::from_accept_language("zh-Hant-HK;q=0.8, fr;q=0.9"), Lang::ZhTw);
        assert_eq!(Lang::from_accept_language("fr, en;q=0.5, zh;q=0.7"), Lang::ZhCn);
        assert_eq!(Lang::from_accept_language("en;q=0, de"), Lang::ZhCn);
        assert_eq!(Lang::from_accept_language(""), Lang::ZhCn);
        assert_eq!(Lang::from_accept_language(";;,q=x"), Lang::ZhCn);
    }

    #[test]
    fn every_notice_is_worded_in_every_language() {
        for lang in Lang::ALL {
            for n in Notice::samples() {
                for part in ["title", "body"] {
                    assert!(lang.text(&format!("notices.{}.{part}", n.kind)).is_some(), "{lang:?} notices.{}.{part}", n.kind);
                }
                let (title, body) = lang.notice(n.kind, &owned(&n));
                for text in [&title, &body] {
                    assert!(!text.contains("{{"), "{lang:?} {}: {text}", n.kind);
                }
                for part in ["title", "body"] {
                    let template = lang.text(&format!("notices.{}.{part}", n.kind)).unwrap_or("");
                    for name in template.split("{{").skip(1).filter_map(|s| s.split("}}").next()) {
                        assert!(n.params.contains_key(name.trim()), "{lang:?} notices.{}.{part} names {name}, which the notice lacks", n.kind);
                    }
                }
                for (name, value) in &n.params {
                    if let Some(prefix) = lang.text(&format!("notices.codes.{name}")) {
                        assert!(lang.text(&format!("{prefix}.{value}")).is_some(), "{lang:?} {}: no words for {prefix}.{value}", n.kind);
                    }
                }
            }
        }
    }

    #[test]
    fn codes_are_worded_and_user_text_is_left_alone() {
        let n = Notice::reminder(1, "KS-2026-0001 {{state}}", kehu_domain::State::QaInvestigation, (1, "CB2612-0001"));
        let (title, body) = Lang::ZhCn.notice(n.kind, &owned(&n));
        assert!(title.contains("KS-2026-0001 {{state}}"), "{title}");
        assert!(body.contains("质量调查中"), "{body}");
        let (_, en) = Lang::En.notice(n.kind, &owned(&n));
        assert!(!en.contains("质量"), "{en}");
    }
}
