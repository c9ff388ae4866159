//! Counting shared by every scorer: ratios, F1, and the gold files of a folder in a fixed order.

/// The files of `dir` whose extension is `extension`, sorted, so scores do not depend on the
/// order the file system lists them in.
pub fn files_with_extension(
    dir: &std::path::Path,
    extension: &str,
) -> wiredex::Result<Vec<std::path::PathBuf>> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|reason| wiredex::Error::Io {
            path: dir.to_path_buf(),
            reason,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The harmonic mean of precision and recall.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// `a / b`, or 1 when there is nothing to count.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}
