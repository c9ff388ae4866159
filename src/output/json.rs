//! JSON Lines output for programs: one object per line. This shape is a public interface; keep
//! it stable and keep this description true.
//!
//! `--format json` writes the same objects as one array; `--format jsonl` (or `--json`) one per
//! line.
//!
//! `wiredex search --json` writes one object per hit:
//! `{"score": f32, "article": ARTICLE, "snippet": {"text": str, "highlights": [[start, end], ...]}}`
//! where ARTICLE is the object `wiredex parse --json` prints (see `article::Article`): `id`,
//! `path`, `record`, `headline`, `deck`, `dateline`, `region`, `date` (`YYYY-MM-DD` or null),
//! `date_source` (`dateline`|`metadata`|`path`|`inferred`|null), `year_inferred`, `agency`,
//! `lang` (ISO 639-1: `ru`, `en`, ...; the feed's declaration, else detected; null without
//! letters), `url`, `byline`,
//! `people` (`[{"name", "titles", "mentions", "quotes"}]`), `quotes`
//! (`[{"text", "speaker", "speaker_kind", "cue", "paragraph", "attribution"}]`; `speaker_kind` is
//! `"person"`, `"organisation"` (`the Foreign Ministry said`) or null when there is no speaker;
//! `attribution` is the sentence that attributes the quote, its words elided, and absent when
//! none does), `body`. Highlight ranges are byte offsets.
//!
//! `wiredex quotes --json` writes one object per quote:
//! `{"score", "matched": "quote"|"article", "quote": {"article_id", "number", "text", "speaker",
//! "speaker_kind", "cue", "attribution", "date", "agency", "place", "headline", "path"}, "highlights": [[start, end], ...]}`.
//!
//! `wiredex stats --json` writes one object: `articles`, `quotes`, `people`, `speakers`,
//! `agencies` (`[[name, count], ...]`), `first_date`, `last_date`, `undated`, `size_bytes`.
//!
//! `wiredex index --json` writes one object: `files`, `articles`, `quotes`, `skipped`
//! (`[{"path", "reason"}]`), `warnings` (`[{"path", "message"}]`: files indexed with a guessed
//! encoding or replaced bytes).

use std::io::{self, Write};

use serde::Serialize;

/// Writes one value as a line of JSON.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes the items as one JSON array.
pub fn write_array<T: Serialize>(out: &mut impl Write, items: &[T]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, items)?;
    out.write_all(b"\n")
}

/// Writes each item as a line of JSON.
pub fn write_lines<T: Serialize>(out: &mut impl Write, items: &[T]) -> io::Result<()> {
    for item in items {
        write_line(out, item)?;
    }
    Ok(())
}
