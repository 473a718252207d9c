//! Where notices go besides the bell: each person's language and the kinds
//! they want by e-mail as they happen.

use crate::coded_enum;
use crate::notice::NoticeKind;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_kept_once_in_a_fixed_order() {
        let v = normalized(&[NoticeKind::MajorAlert, NoticeKind::Task, NoticeKind::MajorAlert]);
        assert_eq!(v, vec![NoticeKind::Task, NoticeKind::MajorAlert]);
    }
}
