#!/usr/bin/env python3
"""Writes src/analysis/calendar/umm_al_qura.rs from hijridate's month starts.

Usage: python3 tools/umm_al_qura.py path/to/hijridate/ummalqura.py \
           > src/analysis/calendar/umm_al_qura.rs

hijridate (MIT License, https://github.com/dralshehri/hijridate) lists the
first day of every Umm al-Qura month from 1343 to 1500 AH as a reduced Julian
day (the Julian day less 2,400,000); this writes them as days from the first.
"""

import ast
import sys

source = open(sys.argv[1], encoding="utf-8").read()
starts = None
for node in ast.parse(source).body:
    if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "MONTH_STARTS":
        starts = ast.literal_eval(node.value)
assert starts and len(starts) == (1500 - 1343 + 1) * 12 + 1, "unexpected table"
first = starts[0]
# Reduced Julian day 40588 is 1970-01-01.
print(
    f"""//! The Umm al-Qura calendar, Saudi Arabia's official Hijri calendar, from
//! 1 Muharram 1343 (1 August 1924) to the end of 1500 (16 November 2077):
//! the first day of every month.
//!
//! Derived from the month starts of `hijridate` 2.6.0 (Mohammed Alshehri,
//! MIT License, <https://github.com/dralshehri/hijridate>, its
//! `ummalqura.py`), which follow the published Umm al-Qura tables (their
//! first years have months of 28 and 31 days, as published). The licence's
//! text is in `LICENSES/hijridate-MIT.txt`. Written by
//! `python3 tools/umm_al_qura.py path/to/hijridate/ummalqura.py >
//! src/analysis/calendar/umm_al_qura.rs`.

/// The first year of the table.
pub(super) const FIRST_YEAR: i32 = 1343;

/// 1 Muharram of [`FIRST_YEAR`], in days from 1970-01-01.
pub(super) const FIRST_DAY: i64 = {first - 40588};

/// The first day of each month from 1 Muharram [`FIRST_YEAR`], in days
/// from [`FIRST_DAY`], a year a row; the last entry is the day after the
/// table's last month.
#[rustfmt::skip]
pub(super) const MONTH_STARTS: [u16; {len(starts)}] = ["""
)
for y in range(1343, 1501):
    row = starts[(y - 1343) * 12 : (y - 1342) * 12]
    print("    " + ", ".join(str(s - first) for s in row) + f", // {y}")
print(f"    {starts[-1] - first},")
print("];")
