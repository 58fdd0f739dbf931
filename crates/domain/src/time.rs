//! Times as pages show them, without a date library: `YYYY-MM-DD HH:MM` and a zone.
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
    let unix = unix + offset;
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
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
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} {zone}",
        secs / 3600,
        (secs % 3600) / 60
    )
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
}
