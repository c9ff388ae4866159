//! Agencies known by several names: the credit lines of one agency over the years and in
//! other scripts. A filter on any of them is a filter on all, and counts by agency count them
//! as one, under the name given first.

/// Agencies known by several names: the credit lines of one agency over the years and
/// scripts. A filter on any of them is a filter on all.
const AGENCY_ALIASES: &[&[&str]] = &[
    &["TASS", "ITAR-TASS", "ТАСС", "ИТАР-ТАСС"],
    &["RIA Novosti", "RIA", "РИА Новости"],
    &["Xinhua", "New China News Agency", "Синьхуа"],
    &["AP", "Associated Press"],
    &["AFP", "Agence France-Presse"],
    &["Kyodo", "Kyodo News"],
];

/// `agency` and its other names (case aside), or `agency` alone.
pub fn agency_names(agency: &str) -> Vec<&str> {
    let agency = agency.trim();
    AGENCY_ALIASES
        .iter()
        .find(|names| {
            names
                .iter()
                .any(|n| n.to_lowercase() == agency.to_lowercase())
        })
        .map_or_else(|| vec![agency], |names| names.to_vec())
}

/// The name an agency is counted under: the first of its names, or `agency` as written.
pub fn canonical_agency(agency: &str) -> String {
    agency_names(agency)[0].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_s_names_are_one_agency_in_any_case() {
        assert_eq!(
            agency_names("itar-tass"),
            ["TASS", "ITAR-TASS", "ТАСС", "ИТАР-ТАСС"]
        );
        assert_eq!(canonical_agency("ИТАР-ТАСС"), "TASS");
        assert_eq!(canonical_agency("Associated Press"), "AP");
        assert_eq!(canonical_agency("Yonhap"), "Yonhap");
    }
}
