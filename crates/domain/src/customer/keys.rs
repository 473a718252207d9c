//! The keys customers are compared and found by: folded names and tax ids.

/// Names and tax ids as compared for duplicates: full-width folded to
/// half-width, case and spaces ignored, punctuation and the company-form
/// suffixes (有限公司 and its variants, Co., Ltd.) dropped.
pub fn name_key(name: &str) -> String {
    const FORMS: &[&str] = &[
        "股份有限公司",
        "有限责任公司",
        "有限責任公司",
        "有限公司",
        "集团公司",
        "集團公司",
        "总公司",
        "總公司",
        "公司",
        "companylimited",
        "colimited",
        "coltd",
        "limited",
        "ltd",
        "inc",
        "corporation",
        "corp",
        "company",
        "co",
    ];
    let mut s: String = fold(name).filter(|c| c.is_alphanumeric()).collect();
    loop {
        match FORMS.iter().find(|f| s.len() > f.len() && s.ends_with(*f)) {
            Some(f) => s.truncate(s.len() - f.len()),
            None => return s,
        }
    }
}

/// A tax id (统一社会信用代码) as compared: half-width, upper case, no separators.
pub fn tax_key(tax_id: &str) -> String {
    fold(tax_id).filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// Full-width forms to half-width, lower case.
fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
}

/// The text a customer is found by (name, code, contacts, phones), folded
/// like [`name_key`] but keeping every character, so that a substring search
/// is one `LIKE` over one column.
pub fn search_text<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        let folded: String = fold(p).filter(|c| !c.is_whitespace()).collect();
        if !folded.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&folded);
        }
    }
    out
}

/// A search query folded the same way.
pub fn search_query(q: &str) -> String {
    fold(q).filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_variants_fold_to_one_key() {
        let k = name_key("苏州精密机械有限公司");
        assert_eq!(k, "苏州精密机械");
        assert_eq!(name_key(" 苏州 精密机械 有限责任公司 "), k);
        assert_eq!(name_key("苏州精密机械股份有限公司"), k);
        assert_eq!(name_key("苏州精密机械（有限公司）"), k);
        assert_eq!(name_key("ＡＢＣ Precision Co., Ltd."), "abcprecision");
        assert_eq!(name_key("abc precision company limited"), "abcprecision");
        assert_ne!(name_key("苏州精密机械"), name_key("苏州精密仪器"));
    }

    #[test]
    fn a_name_that_is_only_a_company_form_is_kept() {
        assert_eq!(name_key("公司"), "公司");
        assert_eq!(name_key("Co."), "co");
    }

    #[test]
    fn tax_ids_fold() {
        assert_eq!(tax_key("９１３２ 0500-mA1X"), "913205 00MA1X".replace(' ', ""));
    }

    #[test]
    fn search_text_folds_width_case_and_spaces() {
        assert_eq!(search_text(["ＡＢＣ 机械", "C-01", "", "139 1234"]), "abc机械 c-01 1391234");
        assert_eq!(search_query(" 1391 234 "), "1391234");
    }
}
