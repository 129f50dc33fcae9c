//! Calendar arithmetic: civil days, months, ISO weeks, seasons and Hijri
//! to Gregorian conversion.
//!
//! A civil date here is a Western date as historians write it: Julian
//! before 15 October 1582 (the day after Julian 4 October), Gregorian
//! from then on. Arabic sources give «8 يونيو 632» for the Prophet's
//! death, a Julian day, and a Hijri date converted for the same page must
//! land in the same calendar: «12 ربيع الأول 11 هـ» is 7 June 632 by the
//! tabular calendar, a day from the sighted month's 8 June, where the
//! proleptic Gregorian calendar made it 10 June. Weekdays and day counts
//! of early dates are then those of the days the sources name.

mod umm_al_qura;

/// The first day of the Gregorian calendar, 1582-10-15, in days since
/// 1970-01-01.
const GREGORIAN_START: i64 = -141_427;

/// Days since 1970-01-01 of civil date `y-m-d` (Julian before
/// 1582-10-15; the ten days dropped in October 1582 are read as
/// Gregorian ones).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    if (y, m, d) < (1582, 10, 5) {
        days_from_julian(y, m, d)
    } else {
        days_from_gregorian(y, m, d)
    }
}

/// The civil date of a day count from 1970-01-01 (Julian before
/// 1582-10-15).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    if z < GREGORIAN_START {
        julian_from_days(z)
    } else {
        gregorian_from_days(z)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm).
fn days_from_gregorian(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count from 1970-01-01.
fn gregorian_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Days since 1970-01-01 of a Julian date: every fourth year a leap
/// year, years counted from March in four-year cycles of 1,461 days.
fn days_from_julian(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    // Julian 0000-03-01 is 719,470 days before 1970-01-01.
    y.div_euclid(4) * 1461 + y.rem_euclid(4) * 365 + doy - 719_470
}

/// The Julian date of a day count from 1970-01-01.
fn julian_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_470;
    let cycle = z.div_euclid(1461);
    let doc = z.rem_euclid(1461);
    let yoc = (doc / 365).min(3);
    let doy = doc - yoc * 365;
    let y = cycle * 4 + yoc;
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The days of month `m` of year `y` in its calendar (31 for October
/// 1582, whose ten dropped days are not taken from it).
pub fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let days = if (y, m) < (1582, 10) {
        days_from_julian
    } else {
        days_from_gregorian
    };
    (days(ny, nm, 1) - days(y, m, 1)) as u32
}

/// `y-m-d` moved by `n` days.
pub fn add_days(y: i32, m: u32, d: u32, n: i64) -> (i32, u32, u32) {
    civil_from_days(days_from_civil(y, m, d) + n)
}

/// `y-m` moved by `n` months.
pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + n;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// ISO 8601 week: (week-based year, week number).
pub fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let days = days_from_civil(y, m, d);
    let weekday = (days + 3).rem_euclid(7) + 1; // Monday = 1
    let thursday = days - weekday + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(ty, 1, 1);
    (ty, ((thursday - jan1) / 7 + 1) as u32)
}

/// ISO weekday, Monday = 1.
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    ((days_from_civil(y, m, d) + 3).rem_euclid(7) + 1) as u32
}

/// The TIMEX season code of a month.
pub fn season_of(m: u32) -> &'static str {
    match m {
        3..=5 => "SP",
        6..=8 => "SU",
        9..=11 => "FA",
        _ => "WI",
    }
}

/// The tabular Islamic calendar (civil epoch, 30-year cycle with leap years
/// 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29): day count of `y-m-d` AH.
fn tabular_days(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64;
    let m = m as i64;
    // Julian day number of the date, then days from 1970-01-01.
    let jd = d as i64
        + (295 * (m - 1) + 9) / 10
        + (y - 1) * 354
        + (3 + 11 * y).div_euclid(30)
        + 1_948_440
        - 1;
    jd - 2_440_588
}

/// The first day of Hijri month `m` of year `y` in the Umm al-Qura
/// calendar, in days since 1970-01-01, when its table holds the month
/// (1343 to 1500 AH).
fn umm_al_qura_start(y: i32, m: u32) -> Option<i64> {
    let months = (y - umm_al_qura::FIRST_YEAR).checked_mul(12)? + m as i32 - 1;
    let at = usize::try_from(months).ok()?;
    // The last entry ends the table: no month starts there.
    let start = umm_al_qura::MONTH_STARTS[..umm_al_qura::MONTH_STARTS.len() - 1].get(at)?;
    Some(umm_al_qura::FIRST_DAY + i64::from(*start))
}

/// The civil date of Hijri `y-m-d` (Julian before 1582-10-15, as the
/// sources write it): from the Umm al-Qura calendar from 1343 to 1500 AH
/// (1924 to 2077), Saudi Arabia's, which news follows; before and after,
/// from the tabular calendar, a day or two from the months as sighted.
pub fn hijri_to_gregorian(y: i32, m: u32, d: u32) -> (i32, u32, u32) {
    match umm_al_qura_start(y, m) {
        Some(start) => civil_from_days(start + d as i64 - 1),
        None => civil_from_days(tabular_days(y, m, d)),
    }
}

/// The Hijri date of civil `y-m-d` (Julian before 1582-10-15): the
/// inverse of [`hijri_to_gregorian`] (Umm al-Qura from 1343 to 1500 AH,
/// else the tabular calendar).
pub fn gregorian_to_hijri(y: i32, m: u32, d: u32) -> (i32, u32, u32) {
    let z = days_from_civil(y, m, d);
    // The tabular year is close; the month whose start is the latest one on
    // or before the day is the answer.
    let estimate = ((z + 2_440_588 - 1_948_440) * 30 + 10_646).div_euclid(10_631) as i32;
    let mut best: Option<(i32, u32, i64)> = None;
    for hy in estimate - 1..=estimate + 1 {
        for hm in 1..=12 {
            let (gy, gm, gd) = hijri_to_gregorian(hy, hm, 1);
            let start = days_from_civil(gy, gm, gd);
            if start <= z && best.is_none_or(|(_, _, s)| start > s) {
                best = Some((hy, hm, start));
            }
        }
    }
    match best {
        Some((hy, hm, start)) => (hy, hm, ((z - start + 1) as u32).min(30)),
        None => (estimate, 1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Umm al-Qura month starts the reference gives (§2.3): (AH year,
    /// month, Gregorian y, m, d).
    const ANCHORS: &[(i32, u32, i32, u32, u32)] = &[
        (1440, 1, 2018, 9, 11),
        (1440, 9, 2019, 5, 6),
        (1440, 10, 2019, 6, 4),
        (1440, 12, 2019, 8, 2),
        (1441, 1, 2019, 8, 31),
        (1441, 9, 2020, 4, 24),
        (1441, 10, 2020, 5, 24),
        (1441, 12, 2020, 7, 22),
        (1442, 1, 2020, 8, 20),
        (1442, 9, 2021, 4, 13),
        (1442, 10, 2021, 5, 13),
        (1442, 12, 2021, 7, 11),
        (1443, 1, 2021, 8, 9),
        (1443, 9, 2022, 4, 2),
        (1443, 10, 2022, 5, 2),
        (1443, 12, 2022, 6, 30),
        (1444, 1, 2022, 7, 30),
        (1444, 9, 2023, 3, 23),
        (1444, 10, 2023, 4, 21),
        (1444, 12, 2023, 6, 19),
        (1445, 1, 2023, 7, 19),
        (1445, 9, 2024, 3, 11),
        (1445, 10, 2024, 4, 10),
        (1445, 12, 2024, 6, 7),
        (1446, 1, 2024, 7, 7),
        (1446, 9, 2025, 3, 1),
        (1446, 10, 2025, 3, 30),
        (1446, 12, 2025, 5, 28),
        (1447, 1, 2025, 6, 26),
        (1447, 9, 2026, 2, 18),
        (1447, 10, 2026, 3, 20),
        (1447, 12, 2026, 5, 18),
        (1448, 1, 2026, 6, 16),
        (1448, 9, 2027, 2, 8),
        (1448, 10, 2027, 3, 9),
        (1448, 12, 2027, 5, 7),
        (1449, 1, 2027, 6, 6),
        (1449, 9, 2028, 1, 28),
        (1449, 10, 2028, 2, 26),
        (1449, 12, 2028, 4, 26),
        (1450, 1, 2028, 5, 25),
        (1450, 9, 2029, 1, 16),
        (1450, 10, 2029, 2, 14),
        (1450, 12, 2029, 4, 15),
    ];

    #[test]
    fn gregorian_to_hijri_inverts_the_anchors_and_the_check_value() {
        assert_eq!(gregorian_to_hijri(2023, 10, 7), (1445, 3, 22));
        for &(hy, hm, gy, gm, gd) in ANCHORS {
            assert_eq!(gregorian_to_hijri(gy, gm, gd), (hy, hm, 1));
            let (py, pm, pd) = add_days(gy, gm, gd, -1);
            let (_, before_month, _) = gregorian_to_hijri(py, pm, pd);
            assert_ne!(
                before_month, hm,
                "the day before {hy}-{hm}-01 is in the month before"
            );
        }
        // Over eleven years, every day: a valid Hijri day, never going
        // back, and back to the same day (or, where an anchored month meets
        // a tabular one, the day next to it).
        let start = days_from_civil(2018, 1, 1);
        let mut last = (0, 0, 0);
        for z in start..start + 4018 {
            let (y, m, d) = civil_from_days(z);
            let h = gregorian_to_hijri(y, m, d);
            assert!((1..=30).contains(&h.2));
            assert!(h >= last, "{y}-{m}-{d}");
            last = h;
            let (by, bm, bd) = hijri_to_gregorian(h.0, h.1, h.2);
            assert!((days_from_civil(by, bm, bd) - z).abs() <= 1, "{y}-{m}-{d}");
        }
        assert_eq!(gregorian_to_hijri(2014, 1, 1).0, 1435);
    }

    #[test]
    fn civil_round_trip_and_weeks() {
        for z in [-1000, 0, 19_000, 20_000, 60_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(add_days(2024, 1, 1, -1), (2023, 12, 31));
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(
            iso_week(2023, 10, 8),
            (2023, 40),
            "reference §7.4 DCT is in week 40"
        );
        assert_eq!(weekday(2023, 10, 7), 6, "a Saturday");
        assert_eq!(days_in_month(2024, 2), 29);
    }

    /// A Hijri date before 1582 came out in the proleptic Gregorian
    /// calendar, days from the Julian date its own page gives beside it
    /// («20 جمادى الأولى 857 هـ» was 7 June 1453, the page's «29 مايو
    /// 1453» nine days off).
    #[test]
    fn dates_before_1582_are_julian_as_the_sources_write_them() {
        // Julian 4 October 1582 was followed by Gregorian 15 October.
        let z = days_from_civil(1582, 10, 4);
        assert_eq!(civil_from_days(z + 1), (1582, 10, 15));
        assert_eq!(weekday(1582, 10, 4), 4, "a Thursday");
        assert_eq!(weekday(1582, 10, 15), 5, "a Friday");
        // Round trips on both sides, and across Julian leap days that the
        // Gregorian calendar has not (1500-02-29).
        for z in [-800_000, -719_470, -500_000, -141_428, -141_427, -100_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z, "{y}-{m}-{d}");
        }
        assert_eq!(days_in_month(1500, 2), 29);
        assert_eq!(days_in_month(1700, 2), 28);
        assert_eq!(days_in_month(1582, 10), 31);
        assert_eq!(add_days(1500, 2, 28, 1), (1500, 2, 29));
        // The Hijri dates of three days the sources give in both calendars,
        // with their weekdays: the Prophet's death (Monday), the battle of
        // Karbala (Wednesday), the fall of Constantinople (Tuesday).
        // (The tabular calendar's 12 Rabiʿ I 11 is the 7th, a day before
        // the sighted month's: within the day a calendar can be off.)
        assert_eq!(hijri_to_gregorian(11, 3, 12), (632, 6, 7));
        assert_eq!(weekday(632, 6, 8), 1);
        assert_eq!(hijri_to_gregorian(61, 1, 10), (680, 10, 10));
        assert_eq!(weekday(680, 10, 10), 3);
        assert_eq!(hijri_to_gregorian(857, 5, 20), (1453, 5, 29));
        assert_eq!(weekday(1453, 5, 29), 2);
        assert_eq!(gregorian_to_hijri(1453, 5, 29), (857, 5, 20));
        assert_eq!(gregorian_to_hijri(632, 6, 8), (11, 3, 13));
    }

    /// Months away from the reference's anchors came from the tabular
    /// calendar, a day or two from Umm al-Qura's in four months of ten:
    /// «16 صفر 1443 هـ» was 24 September 2021, the official 23rd.
    #[test]
    fn hijri_dates_follow_umm_al_qura_from_1343_to_1500() {
        // (AH y, m, d) and the official day (hijridate 2.6.0).
        for (h, g) in [
            ((1443, 2, 16), (2021, 9, 23)),
            ((1440, 4, 3), (2018, 12, 10)),
            ((1445, 5, 28), (2023, 12, 12)),
            ((1435, 1, 10), (2013, 11, 13)),
            ((1343, 1, 1), (1924, 8, 1)),
            ((1500, 12, 30), (2077, 11, 16)),
        ] {
            assert_eq!(hijri_to_gregorian(h.0, h.1, h.2), g, "{h:?}");
            assert_eq!(gregorian_to_hijri(g.0, g.1, g.2), h, "{g:?}");
        }
        // Around both ends of the table, every day maps to a Hijri day and
        // back, and no day is skipped or given twice.
        for (from, days) in [((1924, 7, 1), 90), ((2077, 10, 1), 90)] {
            let start = days_from_civil(from.0, from.1, from.2);
            let mut last = (0, 0, 0);
            for z in start..start + days {
                let (y, m, d) = civil_from_days(z);
                let h = gregorian_to_hijri(y, m, d);
                assert!(h > last, "{y}-{m}-{d}: {h:?} after {last:?}");
                last = h;
                let (by, bm, bd) = hijri_to_gregorian(h.0, h.1, h.2);
                assert_eq!(days_from_civil(by, bm, bd), z, "{y}-{m}-{d}");
            }
        }
    }

    #[test]
    fn hijri_check_value_and_anchors() {
        // Reference §2.3: 2023-10-07 = 22 Rabi' al-Awwal 1445.
        assert_eq!(hijri_to_gregorian(1445, 3, 22), (2023, 10, 7));
        // Every anchor of the table is reproduced, and the tabular calendar
        // is never more than a day away from it.
        for &(hy, hm, gy, gm, gd) in ANCHORS {
            assert_eq!(hijri_to_gregorian(hy, hm, 1), (gy, gm, gd));
            let tab = tabular_days(hy, hm, 1);
            assert!((tab - days_from_civil(gy, gm, gd)).abs() <= 1, "{hy}-{hm}");
        }
        assert_eq!(hijri_to_gregorian(1445, 9, 15), (2024, 3, 25));
    }
}
