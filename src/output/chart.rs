//! A timeline as an SVG chart for a report: matching articles per period as bars on the left
//! axis, their share of all articles of the period as a line on the right axis. Plain SVG 1.1,
//! written by hand: it opens in any browser and in word processors, and needs no crate.

use std::fmt::Write as _;

/// One period of a timeline chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPeriod {
    /// The period's label (`2014-01`).
    pub label: String,
    /// Matching articles in the period.
    pub count: usize,
    /// Share of all the period's articles that match, 0 to 1.
    pub share: f64,
}

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 480.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 70.0;
const TOP: f64 = 70.0;
const BOTTOM: f64 = 60.0;
const MAX_LABELS: usize = 12;
const BAR_COLOUR: &str = "#4e79a7";
const LINE_COLOUR: &str = "#e15759";

/// Escapes text for SVG content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A round step for about `ticks` divisions of `0..=max` (1, 2 or 5 times a power of ten).
fn nice_step(max: f64, ticks: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / ticks;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    step.max(f64::MIN_POSITIVE)
}

/// Formats a share with as few decimals as the axis step needs.
fn percent(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    format!("{value:.decimals$}%")
}

/// The chart of a query's timeline (`by` names the period: `month`), titled with the query;
/// undated stories are left out of it.
pub fn query_timeline_svg(
    query: &str,
    by: &str,
    periods: &[crate::query::timeline::Period],
) -> String {
    let chart: Vec<ChartPeriod> = periods
        .iter()
        .filter(|p| p.period != "(undated)")
        .map(|p| ChartPeriod {
            label: p.period.clone(),
            count: p.count,
            share: p.share,
        })
        .collect();
    let title = format!("“{query}”: articles by {by}");
    let matching: usize = periods.iter().map(|p| p.count).sum();
    let subtitle = format!(
        "{matching} matching articles; bars: count, line: share of all articles of the {by}"
    );
    timeline_svg(&title, &subtitle, &chart)
}

/// The SVG document for a timeline of `periods`, headed by `title` and `subtitle`.
pub fn timeline_svg(title: &str, subtitle: &str, periods: &[ChartPeriod]) -> String {
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let bottom = TOP + plot_height;
    let most = periods.iter().map(|p| p.count).max().unwrap_or(0) as f64;
    let count_step = nice_step(most.max(1.0), 5.0).max(1.0);
    let count_top = (most / count_step).ceil().max(1.0) * count_step;
    let most_share = periods.iter().map(|p| p.share * 100.0).fold(0.0, f64::max);
    let share_step = nice_step(most_share.max(0.1), 5.0);
    let share_top = (most_share / share_step).ceil().max(1.0) * share_step;
    let slot = plot_width / periods.len().max(1) as f64;
    let y_count = |v: f64| bottom - v / count_top * plot_height;
    let y_share = |v: f64| bottom - v / share_top * plot_height;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(svg, r#"<title>{}</title>"#, escape(title));
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        svg,
        r#"<text x="{LEFT}" y="28" font-size="18" font-weight="bold">{}</text>"#,
        escape(title)
    );
    let _ = writeln!(
        svg,
        r##"<text x="{LEFT}" y="48" fill="#555">{}</text>"##,
        escape(subtitle)
    );

    // Grid and left axis: article counts.
    let mut tick = 0.0;
    while tick <= count_top + count_step / 2.0 {
        let y = y_count(tick);
        let _ = writeln!(
            svg,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/>"##,
            LEFT + plot_width
        );
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="{BAR_COLOUR}">{tick}</text>"##,
            LEFT - 8.0,
            y + 4.0
        );
        tick += count_step;
    }
    // Right axis: share of all articles.
    let mut tick = 0.0;
    while tick <= share_top + share_step / 2.0 {
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" fill="{LINE_COLOUR}">{}</text>"##,
            LEFT + plot_width + 8.0,
            y_share(tick) + 4.0,
            percent(tick, share_step)
        );
        tick += share_step;
    }
    let _ = writeln!(
        svg,
        r##"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle" fill="{BAR_COLOUR}">matching articles</text>"##,
        TOP + plot_height / 2.0
    );
    let _ = writeln!(
        svg,
        r##"<text transform="translate({:.1} {:.1}) rotate(90)" text-anchor="middle" fill="{LINE_COLOUR}">share of all articles</text>"##,
        WIDTH - 14.0,
        TOP + plot_height / 2.0
    );

    // Bars, labels and the share line.
    let label_every = periods.len().div_ceil(MAX_LABELS).max(1);
    let mut line = Vec::with_capacity(periods.len());
    for (i, period) in periods.iter().enumerate() {
        let x = LEFT + slot * i as f64;
        let y = y_count(period.count as f64);
        let _ = writeln!(
            svg,
            r#"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{BAR_COLOUR}"><title>{}: {} articles, {:.1}% of all</title></rect>"#,
            x + slot * 0.1,
            slot * 0.8,
            bottom - y,
            escape(&period.label),
            period.count,
            period.share * 100.0
        );
        if i % label_every == 0 {
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#333">{}</text>"##,
                x + slot / 2.0,
                bottom + 18.0,
                escape(&period.label)
            );
        }
        line.push(format!(
            "{:.1},{:.1}",
            x + slot / 2.0,
            y_share(period.share * 100.0)
        ));
    }
    if !line.is_empty() {
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2"/>"#,
            line.join(" ")
        );
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" y1="{bottom:.1}" x2="{:.1}" y2="{bottom:.1}" stroke="#333"/>"##,
        LEFT + plot_width
    );
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(label: &str, count: usize, share: f64) -> ChartPeriod {
        ChartPeriod {
            label: label.to_string(),
            count,
            share,
        }
    }

    #[test]
    fn bars_scale_to_the_largest_count_and_text_is_escaped() {
        let svg = timeline_svg(
            "Attention to \"a & b\"",
            "by month",
            &[period("2014-01", 4, 0.5), period("2014-02", 2, 0.25)],
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Attention to &quot;a &amp; b&quot;"));
        assert!(!svg.contains("\"a & b\""));
        assert_eq!(svg.matches("<rect x=").count(), 2);
        assert!(svg.contains("<title>2014-01: 4 articles, 50.0% of all</title>"));
        // The taller bar is twice the shorter one: heights 2 × plot / 4 and 1 × plot / 4 (top 4).
        let plot = HEIGHT - TOP - BOTTOM;
        assert!(svg.contains(&format!("height=\"{:.1}\"", plot)));
        assert!(svg.contains(&format!("height=\"{:.1}\"", plot / 2.0)));
        assert!(svg.contains("<polyline points="));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(10.0, 5.0), 2.0);
        assert_eq!(nice_step(47.0, 5.0), 10.0);
        assert_eq!(nice_step(0.3, 5.0), 0.1);
        assert_eq!(percent(2.5, 0.5), "2.5%");
        assert_eq!(percent(20.0, 5.0), "20%");
        assert!(timeline_svg("t", "s", &[]).contains("</svg>"));
    }
}
