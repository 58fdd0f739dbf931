//! Times as pages show them, without a date library: `YYYY-MM-DD HH:MM` and a zone,
//! or how long ago ("3 hours ago", 「3時間前」) with the exact time beside it.
//! A member's own zone when they chose one (or their browser reported one), else
//! Japan Standard Time on Japanese pages and UTC on English ones ([`crate::zones`]).

/// Formats unix seconds as `YYYY-MM-DD HH:MM UTC`.
pub fn format_time(unix: i64) -> String {
    format_zoned(unix, 0, "UTC")
}

/// Formats unix seconds for a page without a zone of its own: Japan Standard Time
/// when `japanese`, else UTC.
pub fn format_time_for(unix: i64, japanese: bool) -> String {
    format_in(unix, crate::zones::default_for(japanese))
}

/// Formats unix seconds in zone `z` (with its summer time).
pub fn format_in(unix: i64, z: &crate::zones::Zone) -> String {
    let (offset, abbr) = crate::zones::offset_at(z, unix);
    format_zoned(unix, offset, abbr)
}

/// `YYYY-MM-DD HH:MM ZONE` at `offset` seconds east of UTC.
fn format_zoned(unix: i64, offset: i64, zone: &str) -> String {
    let (y, m, d, secs) = civil(unix + offset);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} {zone}",
        secs / 3600,
        (secs % 3600) / 60
    )
}

/// Unix seconds as an ISO 8601 UTC instant (`2026-11-25T15:20:00Z`), for the
/// `datetime` attribute of `<time>`.
pub fn iso_utc(unix: i64) -> String {
    let (y, m, d, secs) = civil(unix);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// How long ago `at` was, seen at `now` (both unix seconds), in words of `ja` or
/// English: under a minute, minutes, hours, then days; from thirty days on, the
/// date in zone `z`. A time ahead of `now` (clocks differ) reads as "just now".
pub fn ago(now: i64, at: i64, ja: bool, z: &crate::zones::Zone) -> String {
    let secs = now.saturating_sub(at).max(0);
    let (n, unit) = match secs {
        s if s < 60 => return (if ja { "たった今" } else { "just now" }).to_string(),
        s if s < 3_600 => (s / 60, 0),
        s if s < 86_400 => (s / 3_600, 1),
        s if s < 30 * 86_400 => (s / 86_400, 2),
        _ => {
            let (offset, _) = crate::zones::offset_at(z, at);
            let (y, m, d, _) = civil(at + offset);
            return format!("{y:04}-{m:02}-{d:02}");
        }
    };
    if ja {
        let unit = ["分前", "時間前", "日前"][unit];
        return format!("{n}{unit}");
    }
    let unit = ["minute", "hour", "day"][unit];
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{plural} ago")
}

/// Year, month, day and seconds into the day of unix seconds (Howard Hinnant's
/// civil-from-days algorithm).
fn civil(unix: i64) -> (i64, i64, i64, i64) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (y, m, d, secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_pages_use_japan_time_across_midnight_and_a_year_end() {
        assert_eq!(
            format_time_for(1_795_620_000, false),
            "2026-11-25 15:20 UTC"
        );
        assert_eq!(format_time_for(1_795_620_000, true), "2026-11-26 00:20 JST");
        assert_eq!(format_time_for(1_798_729_200, true), "2027-01-01 00:00 JST");
    }

    #[test]
    fn how_long_ago_reads_in_either_language_and_turns_into_a_date() {
        let utc = crate::zones::default_for(false);
        let jst = crate::zones::default_for(true);
        let now = 1_795_620_000;
        assert_eq!(ago(now, now - 5, false, utc), "just now");
        assert_eq!(ago(now, now + 90, true, jst), "たった今");
        assert_eq!(ago(now, now - 60, false, utc), "1 minute ago");
        assert_eq!(ago(now, now - 3 * 3_600 - 5, false, utc), "3 hours ago");
        assert_eq!(ago(now, now - 3 * 3_600 - 5, true, jst), "3時間前");
        assert_eq!(ago(now, now - 86_400, false, utc), "1 day ago");
        assert_eq!(ago(now, now - 29 * 86_400, true, jst), "29日前");
        // From thirty days on, the day in the page's zone.
        assert_eq!(ago(now, now - 40 * 86_400, false, utc), "2026-10-16");
        // A minute past midnight of New Year in Japan is still the old year in UTC.
        let later = 1_798_729_200 + 40 * 86_400;
        assert_eq!(ago(later, 1_798_729_200 + 60, true, jst), "2027-01-01");
        assert_eq!(ago(later, 1_798_729_200 + 60, false, utc), "2026-12-31");
        assert_eq!(iso_utc(1_795_620_000), "2026-11-25T15:20:00Z");
    }
}
