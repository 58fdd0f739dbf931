//! The time zones members choose from: a static table of the zones Rounds' members
//! work in, each a standard offset and a daylight-saving rule, small enough to ship
//! to the browser (which renders the same times when it hydrates) without a zone
//! database. A zone not in the table falls back to the page language's default.

/// When a zone keeps summer time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dst {
    /// Never.
    None,
    /// European Union: last Sunday of March to last Sunday of October, 01:00 UTC.
    Eu,
    /// United States and Canada: second Sunday of March to first Sunday of
    /// November, 02:00 local time.
    Us,
    /// South-eastern Australia: first Sunday of October to first Sunday of April,
    /// 02:00 local standard time.
    AuSouth,
}

/// One zone of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    /// IANA name, as stored and as browsers report it.
    pub id: &'static str,
    /// Offset from UTC outside summer time, in seconds.
    pub offset: i64,
    /// Its summer-time rule.
    pub dst: Dst,
    /// Abbreviation outside summer time.
    pub abbr: &'static str,
    /// Abbreviation in summer time.
    pub abbr_dst: &'static str,
}

const H: i64 = 3600;

/// Every zone a member can choose, west to east.
pub static ZONES: &[Zone] = &[
    Zone {
        id: "Pacific/Honolulu",
        offset: -10 * H,
        dst: Dst::None,
        abbr: "HST",
        abbr_dst: "HST",
    },
    Zone {
        id: "America/Anchorage",
        offset: -9 * H,
        dst: Dst::Us,
        abbr: "AKST",
        abbr_dst: "AKDT",
    },
    Zone {
        id: "America/Los_Angeles",
        offset: -8 * H,
        dst: Dst::Us,
        abbr: "PST",
        abbr_dst: "PDT",
    },
    Zone {
        id: "America/Denver",
        offset: -7 * H,
        dst: Dst::Us,
        abbr: "MST",
        abbr_dst: "MDT",
    },
    Zone {
        id: "America/Chicago",
        offset: -6 * H,
        dst: Dst::Us,
        abbr: "CST",
        abbr_dst: "CDT",
    },
    Zone {
        id: "America/New_York",
        offset: -5 * H,
        dst: Dst::Us,
        abbr: "EST",
        abbr_dst: "EDT",
    },
    Zone {
        id: "America/Toronto",
        offset: -5 * H,
        dst: Dst::Us,
        abbr: "EST",
        abbr_dst: "EDT",
    },
    Zone {
        id: "America/Sao_Paulo",
        offset: -3 * H,
        dst: Dst::None,
        abbr: "BRT",
        abbr_dst: "BRT",
    },
    Zone {
        id: "UTC",
        offset: 0,
        dst: Dst::None,
        abbr: "UTC",
        abbr_dst: "UTC",
    },
    Zone {
        id: "Europe/London",
        offset: 0,
        dst: Dst::Eu,
        abbr: "GMT",
        abbr_dst: "BST",
    },
    Zone {
        id: "Europe/Paris",
        offset: H,
        dst: Dst::Eu,
        abbr: "CET",
        abbr_dst: "CEST",
    },
    Zone {
        id: "Europe/Berlin",
        offset: H,
        dst: Dst::Eu,
        abbr: "CET",
        abbr_dst: "CEST",
    },
    Zone {
        id: "Europe/Athens",
        offset: 2 * H,
        dst: Dst::Eu,
        abbr: "EET",
        abbr_dst: "EEST",
    },
    Zone {
        id: "Asia/Dubai",
        offset: 4 * H,
        dst: Dst::None,
        abbr: "GST",
        abbr_dst: "GST",
    },
    Zone {
        id: "Asia/Kolkata",
        offset: 5 * H + 1800,
        dst: Dst::None,
        abbr: "IST",
        abbr_dst: "IST",
    },
    Zone {
        id: "Asia/Bangkok",
        offset: 7 * H,
        dst: Dst::None,
        abbr: "ICT",
        abbr_dst: "ICT",
    },
    Zone {
        id: "Asia/Singapore",
        offset: 8 * H,
        dst: Dst::None,
        abbr: "SGT",
        abbr_dst: "SGT",
    },
    Zone {
        id: "Asia/Shanghai",
        offset: 8 * H,
        dst: Dst::None,
        abbr: "CST",
        abbr_dst: "CST",
    },
    Zone {
        id: "Asia/Taipei",
        offset: 8 * H,
        dst: Dst::None,
        abbr: "CST",
        abbr_dst: "CST",
    },
    Zone {
        id: "Asia/Manila",
        offset: 8 * H,
        dst: Dst::None,
        abbr: "PHT",
        abbr_dst: "PHT",
    },
    Zone {
        id: "Asia/Seoul",
        offset: 9 * H,
        dst: Dst::None,
        abbr: "KST",
        abbr_dst: "KST",
    },
    Zone {
        id: "Asia/Tokyo",
        offset: 9 * H,
        dst: Dst::None,
        abbr: "JST",
        abbr_dst: "JST",
    },
    Zone {
        id: "Australia/Brisbane",
        offset: 10 * H,
        dst: Dst::None,
        abbr: "AEST",
        abbr_dst: "AEST",
    },
    Zone {
        id: "Australia/Sydney",
        offset: 10 * H,
        dst: Dst::AuSouth,
        abbr: "AEST",
        abbr_dst: "AEDT",
    },
    Zone {
        id: "Australia/Melbourne",
        offset: 10 * H,
        dst: Dst::AuSouth,
        abbr: "AEST",
        abbr_dst: "AEDT",
    },
];

/// The zone named `id`, if the table has it.
pub fn zone(id: &str) -> Option<&'static Zone> {
    ZONES.iter().find(|z| z.id == id)
}

/// The default zone of a page language: Japan for Japanese, UTC otherwise.
pub fn default_for(japanese: bool) -> &'static Zone {
    let id = if japanese { "Asia/Tokyo" } else { "UTC" };
    zone(id).unwrap_or(&ZONES[8])
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year of unix time `t` (UTC).
fn year_of(t: i64) -> i64 {
    let days = t.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(m <= 2)
}

/// Day number of the `n`-th Sunday (1-based; 0 = the last) of month `m` of year `y`.
fn sunday(y: i64, m: i64, n: i64) -> i64 {
    // 1970-01-01 was a Thursday: weekday 0 = Sunday is (days + 4) mod 7.
    let weekday = |days: i64| (days + 4).rem_euclid(7);
    if n == 0 {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        let last = days_from_civil(ny, nm, 1) - 1;
        last - weekday(last)
    } else {
        let first = days_from_civil(y, m, 1);
        first + (7 - weekday(first)) % 7 + 7 * (n - 1)
    }
}

/// Whether unix time `t` falls in summer time in zone `z`.
fn in_dst(z: &Zone, t: i64) -> bool {
    let y = year_of(t + z.offset);
    let at = |day: i64, utc_secs: i64| day * 86_400 + utc_secs;
    match z.dst {
        Dst::None => false,
        Dst::Eu => t >= at(sunday(y, 3, 0), H) && t < at(sunday(y, 10, 0), H),
        Dst::Us => {
            t >= at(sunday(y, 3, 2), 2 * H - z.offset)
                && t < at(sunday(y, 11, 1), 2 * H - (z.offset + H))
        }
        // Southern summer spans the new year: off from April to October.
        Dst::AuSouth => {
            t < at(sunday(y, 4, 1), 2 * H - z.offset) || t >= at(sunday(y, 10, 1), 2 * H - z.offset)
        }
    }
}

/// The offset from UTC (seconds) and the abbreviation of zone `z` at unix time `t`.
pub fn offset_at(z: &Zone, t: i64) -> (i64, &'static str) {
    if in_dst(z, t) {
        (z.offset + H, z.abbr_dst)
    } else {
        (z.offset, z.abbr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(id: &str, t: i64) -> (i64, &'static str) {
        offset_at(zone(id).expect("zone"), t)
    }

    #[test]
    fn summer_time_starts_and_ends_on_the_right_sundays() {
        // 2026-03-29 01:00 UTC: Europe springs forward.
        assert_eq!(at("Europe/Berlin", 1_774_745_999), (3600, "CET"));
        assert_eq!(at("Europe/Berlin", 1_774_746_000), (7200, "CEST"));
        // 2026-10-25 01:00 UTC: and falls back.
        assert_eq!(at("Europe/London", 1_792_889_999), (3600, "BST"));
        assert_eq!(at("Europe/London", 1_792_890_000), (0, "GMT"));
        // 2026-03-08 07:00 UTC (02:00 EST): New York springs forward.
        assert_eq!(at("America/New_York", 1_772_953_199), (-5 * 3600, "EST"));
        assert_eq!(at("America/New_York", 1_772_953_200), (-4 * 3600, "EDT"));
        // 2026-11-01 06:00 UTC (02:00 EDT): and falls back.
        assert_eq!(at("America/New_York", 1_793_512_799), (-4 * 3600, "EDT"));
        assert_eq!(at("America/New_York", 1_793_512_800), (-5 * 3600, "EST"));
        // Sydney: summer in January, winter in July.
        assert_eq!(at("Australia/Sydney", 1_767_225_600), (11 * 3600, "AEDT"));
        assert_eq!(at("Australia/Sydney", 1_782_864_000), (10 * 3600, "AEST"));
        assert_eq!(at("Asia/Tokyo", 1_782_864_000), (9 * 3600, "JST"));
    }

    #[test]
    fn defaults_follow_the_page_language() {
        assert_eq!(default_for(true).id, "Asia/Tokyo");
        assert_eq!(default_for(false).id, "UTC");
        assert!(zone("Mars/Olympus").is_none());
    }
}
