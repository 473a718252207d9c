//! Where notices go besides the bell: each person's language, the kinds
//! they want by e-mail as they happen and those gathered into a daily digest.

use crate::coded_enum;
use crate::notice::NoticeKind;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

coded_enum! {
    /// A way a notice leaves the product. The names are public API.
    NoticeChannel {
        Email = "email",
    }
}

coded_enum! {
    /// Whose group robot (群机器人): its message format and signature.
    RobotPlatform {
        /// 企业微信
        Wecom = "wecom",
        /// 钉钉
        Dingtalk = "dingtalk",
        /// 飞书
        Feishu = "feishu",
    }
}

coded_enum! {
    /// The language of what is sent to a person.
    Language {
        ZhCn = "zh-CN",
        ZhTw = "zh-TW",
        En = "en",
    }
}

/// The kinds as stored: each once, in the order of `NoticeKind::ALL`.
pub fn normalized(kinds: &[NoticeKind]) -> Vec<NoticeKind> {
    NoticeKind::ALL.iter().copied().filter(|k| kinds.contains(k)).collect()
}

/// The first of `digest` also sent as it happens: a kind goes one way.
pub fn both_ways(email: &[NoticeKind], digest: &[NoticeKind]) -> Option<usize> {
    digest.iter().position(|k| email.contains(k))
}

/// How long after its hour a digest is cut: a notice stored by a
/// transaction still open at the hour lands in that day's digest.
pub const DIGEST_GRACE_MINUTES: i64 = 5;

/// The digest a person's clock owes at `now`: the latest `hour` o'clock of
/// the organisation's day at least the grace ago, when it is later than the
/// last cut (`None` while nothing is owed).
pub fn digest_due(tz: Tz, hour: u32, last_cut: DateTime<Utc>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let settled = now - Duration::minutes(DIGEST_GRACE_MINUTES);
    let today = settled.with_timezone(&tz).date_naive();
    let at = |day: NaiveDate| day.and_hms_opt(hour.min(23), 0, 0).and_then(|t| tz.from_local_datetime(&t).earliest()).map(|t| t.with_timezone(&Utc));
    let cut = match at(today) {
        Some(t) if t <= settled => Some(t),
        _ => today.pred_opt().and_then(at),
    }?;
    (cut > last_cut).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Asia::Shanghai;

    fn sh(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Shanghai.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_digest_is_cut_once_a_day_at_the_hour_of_the_organisations_clock_after_the_grace() {
        let last = sh(6, 8, 0);
        assert_eq!(digest_due(Shanghai, 8, last, sh(7, 7, 59)), None, "before the hour");
        assert_eq!(digest_due(Shanghai, 8, last, sh(7, 8, 4)), None, "within the grace");
        assert_eq!(digest_due(Shanghai, 8, last, sh(7, 8, 5)), Some(sh(7, 8, 0)));
        assert_eq!(digest_due(Shanghai, 8, sh(7, 8, 0), sh(7, 23, 0)), None, "once a day");
        assert_eq!(digest_due(Shanghai, 8, last, sh(9, 9, 0)), Some(sh(9, 8, 0)), "missed days fold into one");
        assert_eq!(digest_due(Shanghai, 0, sh(6, 0, 0), sh(7, 0, 3)), None, "midnight within the grace");
        assert_eq!(digest_due(Shanghai, 0, sh(6, 0, 0), sh(7, 0, 6)), Some(sh(7, 0, 0)));
        assert_eq!(digest_due(Shanghai, 20, sh(7, 10, 0), sh(7, 12, 0)), None, "an hour moved later waits for it");
        assert_eq!(digest_due(Shanghai, 8, sh(6, 20, 0), sh(7, 10, 0)), Some(sh(7, 8, 0)), "an hour moved earlier is owed at once");
    }

    #[test]
    fn a_kind_goes_by_one_way() {
        assert_eq!(both_ways(&[NoticeKind::Task], &[NoticeKind::MajorAlert, NoticeKind::Task]), Some(1));
        assert_eq!(both_ways(&[NoticeKind::Task], &[NoticeKind::MajorAlert]), None);
    }

    #[test]
    fn kinds_are_kept_once_in_a_fixed_order() {
        let v = normalized(&[NoticeKind::MajorAlert, NoticeKind::Task, NoticeKind::MajorAlert]);
        assert_eq!(v, vec![NoticeKind::Task, NoticeKind::MajorAlert]);
    }
}
