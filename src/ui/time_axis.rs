//! The timeline's time axis, free of egui (like rerun's time panel): which
//! stretches of time are shown, where a day falls, the year and month
//! ticks, and where each event's mark or bar goes.
//!
//! Days are counted from 1970-01-01 ([`crate::analysis::calendar`]). Events
//! come as half-open day ranges: one day is a point, more is an interval.
//! Time is proportional within the stretches that hold events; a long
//! empty stretch between them (longer than a quarter of the whole and
//! than two years) is collapsed to a fixed narrow break. Stretches share
//! the width by the square root of their lengths, with a minimum width,
//! so that a short busy stretch next to a long one stays readable. In a right-to-left interface the axis is mirrored: time runs
//! from right to left.

use std::ops::Range;

use crate::analysis::calendar::{add_months, civil_from_days, days_from_civil};

/// Sizes, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisOptions {
    pub width: f32,
    /// Space kept free at both ends.
    pub margin: f32,
    /// The width of a collapsed gap.
    pub break_width: f32,
    /// The narrowest a stretch of time is drawn.
    pub min_stretch: f32,
    /// The closest two labelled ticks may be.
    pub min_tick_spacing: f32,
    /// Time runs from right to left.
    pub mirrored: bool,
}

impl Default for AxisOptions {
    fn default() -> Self {
        AxisOptions {
            width: 400.0,
            margin: 12.0,
            break_width: 18.0,
            min_stretch: 48.0,
            min_tick_spacing: 34.0,
            mirrored: false,
        }
    }
}

/// A stretch of time shown, and where it is drawn (left to right in axis
/// order, before mirroring).
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    pub days: Range<i64>,
    pub x: Range<f32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickKind {
    Year(i32),
    Month(i32, u32),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub x: f32,
    pub kind: TickKind,
    /// Whether there is room for its label.
    pub labelled: bool,
}

/// Where an event is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// A point date.
    Point(f32),
    /// An interval, from its left to its right edge on screen.
    Bar(f32, f32),
}

impl Mark {
    /// The horizontal extent on screen.
    pub fn extent(&self) -> Range<f32> {
        match *self {
            Mark::Point(x) => x..x,
            Mark::Bar(a, b) => a..b,
        }
    }

    pub fn center(&self) -> f32 {
        let r = self.extent();
        (r.start + r.end) / 2.0
    }
}

/// The axis for a set of event spans.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    pub options: AxisOptions,
    /// The stretches shown, in time order.
    pub stretches: Vec<Stretch>,
    /// The collapsed gaps on screen, each as its x range.
    pub breaks: Vec<Range<f32>>,
}

/// A long gap is longer than this share of the time shown, and than
/// [`MIN_GAP_DAYS`].
const GAP_SHARE: f64 = 0.25;
const MIN_GAP_DAYS: i64 = 730;

impl TimeAxis {
    pub fn new(spans: &[Range<i64>], options: AxisOptions) -> TimeAxis {
        let mut spans: Vec<Range<i64>> =
            spans.iter().filter(|s| s.end > s.start).cloned().collect();
        spans.sort_by_key(|s| (s.start, s.end));
        if spans.is_empty() {
            return TimeAxis {
                options,
                stretches: Vec::new(),
                breaks: Vec::new(),
            };
        }
        // Clusters of overlapping spans.
        let mut clusters: Vec<Range<i64>> = Vec::new();
        for s in spans {
            match clusters.last_mut() {
                Some(c) if s.start <= c.end => c.end = c.end.max(s.end),
                _ => clusters.push(s),
            }
        }
        // Collapse the longest gaps while they are long.
        let mut gaps: Vec<(i64, usize)> = clusters
            .windows(2)
            .enumerate()
            .map(|(i, w)| (w[1].start - w[0].end, i))
            .collect();
        gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut shown = clusters.last().map_or(0, |l| l.end) - clusters[0].start;
        let mut collapsed = vec![false; clusters.len().saturating_sub(1)];
        for (len, i) in gaps {
            if len > MIN_GAP_DAYS && (len as f64) > GAP_SHARE * shown as f64 {
                collapsed[i] = true;
                shown -= len;
            } else {
                break;
            }
        }
        // Stretches: runs of clusters joined by gaps left open, padded.
        let mut days: Vec<Range<i64>> = Vec::new();
        let mut current = clusters[0].clone();
        for (i, c) in clusters.iter().enumerate().skip(1) {
            if collapsed[i - 1] {
                days.push(current);
                current = c.clone();
            } else {
                current.end = c.end;
            }
        }
        days.push(current);
        let pad = ((shown as f64 * 0.04).round() as i64).max(2);
        for d in &mut days {
            d.start -= pad;
            d.end += pad;
        }
        // Widths: by the square root of their days (proportional when
        // there is one), none below the minimum.
        let o = options;
        let avail = (o.width - 2.0 * o.margin - o.break_width * (days.len() - 1) as f32).max(1.0);
        let lens: Vec<f64> = days
            .iter()
            .map(|d| ((d.end - d.start) as f64).sqrt())
            .collect();
        let mut fixed = vec![false; lens.len()];
        let min = o.min_stretch.min(avail / lens.len() as f32);
        let widths = loop {
            let free: f32 = avail - min * fixed.iter().filter(|f| **f).count() as f32;
            let free_days: f64 = lens
                .iter()
                .zip(&fixed)
                .filter(|(_, f)| !**f)
                .map(|(l, _)| *l)
                .sum();
            let scale = free as f64 / free_days.max(1.0);
            let w: Vec<f32> = lens
                .iter()
                .zip(&fixed)
                .map(|(l, f)| if *f { min } else { (l * scale) as f32 })
                .collect();
            let newly: Vec<usize> = (0..w.len()).filter(|&i| !fixed[i] && w[i] < min).collect();
            if newly.is_empty() {
                break w;
            }
            newly.into_iter().for_each(|i| fixed[i] = true);
        };
        let mut x = o.margin;
        let mut stretches = Vec::new();
        let mut breaks = Vec::new();
        for (i, (d, w)) in days.into_iter().zip(widths).enumerate() {
            if i > 0 {
                breaks.push(x..x + o.break_width);
                x += o.break_width;
            }
            stretches.push(Stretch {
                days: d,
                x: x..x + w,
            });
            x += w;
        }
        let mut axis = TimeAxis {
            options,
            stretches,
            breaks,
        };
        if o.mirrored {
            axis.breaks = axis
                .breaks
                .iter()
                .map(|b| o.width - b.end..o.width - b.start)
                .collect();
        }
        axis
    }

    fn screen(&self, x: f32) -> f32 {
        if self.options.mirrored {
            self.options.width - x
        } else {
            x
        }
    }

    /// The x on screen of the start of day `day` (fractional days allowed).
    /// A day inside a collapsed gap is drawn in the middle of its break.
    pub fn x_of(&self, day: f64) -> f32 {
        let Some(first) = self.stretches.first() else {
            return self.screen(self.options.width / 2.0);
        };
        if day <= first.days.start as f64 {
            return self.screen(first.x.start);
        }
        for (i, s) in self.stretches.iter().enumerate() {
            if day <= s.days.end as f64 {
                if day >= s.days.start as f64 {
                    let f = (day - s.days.start as f64) / (s.days.end - s.days.start) as f64;
                    return self.screen(s.x.start + (s.x.end - s.x.start) * f as f32);
                }
                // Between stretch i-1 and i: the break's middle.
                let prev = &self.stretches[i - 1];
                return self.screen((prev.x.end + s.x.start) / 2.0);
            }
        }
        self.screen(self.stretches.last().map_or(0.0, |s| s.x.end))
    }

    /// Where the events of `span` go: one day is a point, more a bar (at
    /// least two pixels wide).
    pub fn place(&self, span: &Range<i64>) -> Mark {
        if span.end - span.start <= 1 {
            return Mark::Point(self.x_of(span.start as f64 + 0.5));
        }
        let a = self.x_of(span.start as f64);
        let b = self.x_of(span.end as f64);
        let (mut lo, mut hi) = (a.min(b), a.max(b));
        if hi - lo < 2.0 {
            let c = (lo + hi) / 2.0;
            lo = c - 1.0;
            hi = c + 1.0;
        }
        Mark::Bar(lo, hi)
    }

    /// Year and month ticks. Years are labelled where there is room (every
    /// year, else every 2, 5, 10, …); months are drawn when a month is wide
    /// enough and labelled when their labels fit.
    pub fn ticks(&self) -> Vec<Tick> {
        let o = self.options;
        let mut out = Vec::new();
        for s in &self.stretches {
            let per_day = (s.x.end - s.x.start) / (s.days.end - s.days.start) as f32;
            let (y0, _, _) = civil_from_days(s.days.start);
            let (y1, _, _) = civil_from_days(s.days.end - 1);
            let year_px = per_day * 365.25;
            let every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
                .into_iter()
                .find(|n| year_px * *n as f32 >= o.min_tick_spacing)
                .unwrap_or(1000);
            let month_px = per_day * 30.4;
            for y in y0..=y1 + 1 {
                let z = days_from_civil(y, 1, 1);
                if s.days.contains(&z) {
                    out.push(Tick {
                        x: self.x_of(z as f64),
                        kind: TickKind::Year(y),
                        // Before Christ, the round years of his count
                        // (500 BC is -499).
                        labelled: if y >= 1 { y } else { 1 - y }.rem_euclid(every) == 0,
                    });
                }
            }
            if month_px >= 6.0 {
                let step = [1u32, 3, 6]
                    .into_iter()
                    .find(|n| month_px * *n as f32 >= o.min_tick_spacing);
                let (mut y, mut m, _) = civil_from_days(s.days.start);
                loop {
                    let z = days_from_civil(y, m, 1);
                    if z >= s.days.end {
                        break;
                    }
                    if m != 1 && z >= s.days.start {
                        out.push(Tick {
                            x: self.x_of(z as f64),
                            kind: TickKind::Month(y, m),
                            labelled: step.is_some_and(|n| (m - 1) % n == 0),
                        });
                    }
                    (y, m) = add_months(y, m, 1);
                }
            }
        }
        out.sort_by(|a, b| a.x.total_cmp(&b.x));
        out
    }

    /// For each stretch with no labelled year tick inside it, the year in
    /// its middle, with the x of that middle on screen: every stretch says
    /// which year it shows.
    pub fn stretch_labels(&self) -> Vec<(f32, i32)> {
        let ticks = self.ticks();
        self.stretches
            .iter()
            .filter(|s| {
                !ticks.iter().any(|t| {
                    t.labelled
                        && matches!(t.kind, TickKind::Year(_))
                        && (s.x.start..=s.x.end).contains(&self.screen(t.x))
                })
            })
            .map(|s| {
                let mid = (s.days.start + s.days.end) / 2;
                let (y, _, _) = civil_from_days(mid);
                (self.screen((s.x.start + s.x.end) / 2.0), y)
            })
            .collect()
    }
}

/// Stacks marks into at most `max` lanes so that none overlaps another in
/// its lane (`gap` pixels apart at least) while there are lanes enough;
/// when none is free a mark goes to the lane that ends first. Returns each
/// mark's lane, 0 first. Linear in the marks for a fixed `max`.
pub fn lanes(marks: &[Mark], gap: f32, max: usize) -> Vec<usize> {
    let max = max.max(1);
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by(|&a, &b| marks[a].extent().start.total_cmp(&marks[b].extent().start));
    let mut ends: Vec<f32> = Vec::new();
    let mut lane = vec![0; marks.len()];
    for i in order {
        let e = marks[i].extent();
        let l = match ends.iter().position(|&end| e.start >= end + gap) {
            Some(l) => l,
            None if ends.len() < max => {
                ends.push(f32::NEG_INFINITY);
                ends.len() - 1
            }
            None => (0..ends.len())
                .min_by(|&a, &b| ends[a].total_cmp(&ends[b]))
                .unwrap_or(0),
        };
        ends[l] = ends[l].max(e.end);
        lane[i] = l;
    }
    lane
}

/// Which tick labels to draw so that none touches another (`gap` pixels
/// apart at least): each label is (its centre, its width, whether it is a
/// year's). Years are placed first, then months where they still fit, so
/// a month name wider than its month («سبتمبر» beside «أغسطس») gives way
/// rather than run into its neighbour.
pub fn labels_that_fit(labels: &[(f32, f32, bool)], gap: f32) -> Vec<bool> {
    let mut placed: Vec<Range<f32>> = Vec::new();
    let mut shown = vec![false; labels.len()];
    for years in [true, false] {
        for (i, &(x, w, year)) in labels.iter().enumerate() {
            if year != years {
                continue;
            }
            let r = x - w / 2.0..x + w / 2.0;
            let free = placed
                .iter()
                .all(|p| r.end + gap <= p.start || p.end + gap <= r.start);
            if free {
                placed.push(r);
                shown[i] = true;
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    #[test]
    fn month_labels_that_would_touch_give_way_to_years_and_each_other() {
        // A year at 100; months 30 px apart with labels 40 px wide.
        let labels = [
            (40.0, 40.0, false),
            (70.0, 40.0, false),
            (100.0, 30.0, true),
            (130.0, 40.0, false),
            (160.0, 40.0, false),
            (190.0, 40.0, false),
        ];
        let shown = super::labels_that_fit(&labels, 3.0);
        assert_eq!(shown, [true, false, true, false, true, false]);
        // Room enough: every label.
        let wide: Vec<_> = labels.iter().map(|&(x, _, y)| (x * 3.0, 40.0, y)).collect();
        assert!(super::labels_that_fit(&wide, 3.0).iter().all(|&s| s));
    }

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    fn options() -> AxisOptions {
        AxisOptions {
            width: 400.0,
            ..Default::default()
        }
    }

    #[test]
    fn a_long_empty_stretch_is_collapsed() {
        // The sample: 2014, 7 October 2023, October 2023, early January 2024.
        let spans = [
            day(2014, 1, 1)..day(2015, 1, 1),
            day(2023, 10, 7)..day(2023, 10, 8),
            day(2023, 10, 1)..day(2023, 11, 1),
            day(2024, 1, 1)..day(2024, 1, 11),
        ];
        let axis = TimeAxis::new(&spans, options());
        assert_eq!(axis.stretches.len(), 2, "{axis:?}");
        assert_eq!(axis.breaks.len(), 1);
        let b = &axis.breaks[0];
        // The break sits between 2014 and 2023, and dates in the gap fall in it.
        let x2019 = axis.x_of(day(2019, 6, 1) as f64);
        assert!(b.start <= x2019 && x2019 <= b.end);
        assert!(axis.x_of(day(2014, 6, 1) as f64) < b.start);
        assert!(axis.x_of(day(2023, 10, 7) as f64) > b.end);
        // Each stretch says its year: by a labelled year tick inside it, or
        // by a label of its own.
        let ticks = axis.ticks();
        let labels = axis.stretch_labels();
        for s in &axis.stretches {
            let inside = |x: f32| s.x.start <= x && x <= s.x.end;
            let tick = ticks
                .iter()
                .any(|t| t.labelled && matches!(t.kind, TickKind::Year(_)) && inside(t.x));
            let own = labels.iter().any(|(x, _)| inside(*x));
            assert!(tick || own, "{s:?}");
        }
        // Everything fits in the width, margins kept.
        let last = axis.stretches.last().unwrap();
        assert!((last.x.end - (400.0 - 12.0)).abs() < 0.01);
    }

    #[test]
    fn time_is_proportional_within_a_stretch() {
        let spans = [
            day(2023, 1, 1)..day(2023, 1, 2),
            day(2023, 3, 1)..day(2023, 3, 2),
            day(2023, 7, 1)..day(2023, 7, 2),
        ];
        let axis = TimeAxis::new(&spans, options());
        assert_eq!(axis.stretches.len(), 1, "no gap is long enough to collapse");
        let x = |d: i64| axis.x_of(d as f64);
        let jan_mar = x(day(2023, 3, 1)) - x(day(2023, 1, 1));
        let mar_jul = x(day(2023, 7, 1)) - x(day(2023, 3, 1));
        let ratio = mar_jul / jan_mar;
        let days =
            (day(2023, 7, 1) - day(2023, 3, 1)) as f32 / (day(2023, 3, 1) - day(2023, 1, 1)) as f32;
        assert!((ratio - days).abs() < 1e-3, "{ratio} vs {days}");
    }

    #[test]
    fn points_and_bars() {
        let spans = [
            day(2023, 10, 7)..day(2023, 10, 8),
            day(2023, 10, 1)..day(2023, 11, 1),
        ];
        let axis = TimeAxis::new(&spans, options());
        assert!(matches!(axis.place(&spans[0]), Mark::Point(_)));
        let Mark::Bar(a, b) = axis.place(&spans[1]) else {
            panic!("a month is a bar")
        };
        let Mark::Point(p) = axis.place(&spans[0]) else {
            unreachable!()
        };
        assert!(a < p && p < b, "7 October lies on October's bar");
        // The bar spans the month: nearly the whole width here.
        assert!(b - a > 300.0);
    }

    #[test]
    fn mirrored_axis_runs_right_to_left() {
        let spans = [
            day(2014, 1, 1)..day(2015, 1, 1),
            day(2023, 10, 7)..day(2023, 10, 8),
        ];
        let ltr = TimeAxis::new(&spans, options());
        let rtl = TimeAxis::new(
            &spans,
            AxisOptions {
                mirrored: true,
                ..options()
            },
        );
        let early = day(2014, 3, 1) as f64;
        let late = day(2023, 10, 7) as f64;
        assert!(ltr.x_of(early) < ltr.x_of(late));
        assert!(rtl.x_of(early) > rtl.x_of(late));
        assert!((rtl.x_of(early) - (400.0 - ltr.x_of(early))).abs() < 1e-3);
        assert!(rtl.breaks[0].start > 0.0 && rtl.breaks[0].end < 400.0);
    }

    #[test]
    fn year_and_month_ticks() {
        // Fifteen months: every January is a year tick, months between.
        let spans = [
            day(2023, 1, 15)..day(2023, 1, 16),
            day(2024, 3, 10)..day(2024, 3, 11),
        ];
        let axis = TimeAxis::new(
            &spans,
            AxisOptions {
                width: 800.0,
                ..options()
            },
        );
        let ticks = axis.ticks();
        let years: Vec<i32> = ticks
            .iter()
            .filter_map(|t| match t.kind {
                TickKind::Year(y) => Some(y),
                _ => None,
            })
            .collect();
        assert_eq!(years, [2023, 2024], "2023 starts inside the padded stretch");
        let months = ticks
            .iter()
            .filter(|t| matches!(t.kind, TickKind::Month(..)))
            .count();
        assert!(months >= 12, "{months} month ticks");
        assert!(ticks.windows(2).all(|w| w[0].x <= w[1].x), "sorted by x");
        // Labelled ticks are far enough apart.
        let labelled: Vec<f32> = ticks.iter().filter(|t| t.labelled).map(|t| t.x).collect();
        assert!(
            labelled
                .windows(2)
                .all(|w| w[1] - w[0] >= 34.0 - 0.01 || w[1] - w[0] < 1.0)
        );
        // Over decades, only some years are labelled.
        let long = [
            day(1950, 1, 1)..day(1951, 1, 1),
            day(2020, 1, 1)..day(2021, 1, 1),
            day(1980, 1, 1)..day(1981, 1, 1),
            day(2000, 1, 1)..day(2001, 1, 1),
        ];
        let axis = TimeAxis::new(&long, options());
        let labelled = axis
            .ticks()
            .iter()
            .filter(|t| t.labelled && matches!(t.kind, TickKind::Year(_)))
            .count();
        assert!(labelled < 20, "{labelled}");
    }

    #[test]
    fn overlapping_marks_take_other_lanes() {
        let marks = [
            Mark::Bar(10.0, 100.0),
            Mark::Point(50.0),
            Mark::Point(150.0),
            Mark::Bar(60.0, 90.0),
        ];
        let l = lanes(&marks, 4.0, 6);
        assert_eq!(l[0], 0);
        assert_ne!(l[1], 0);
        assert_eq!(l[2], 0);
        assert_ne!(l[3], 0, "not on the first bar's lane");
    }

    /// Pins a stall: thousands of events on one day took a lane each, and
    /// placing them was quadratic.
    #[test]
    fn thousands_of_marks_on_one_day_share_the_lanes() {
        let marks = vec![Mark::Point(50.0); 20_000];
        let l = lanes(&marks, 3.0, 6);
        assert!(l.iter().all(|&x| x < 6), "no more lanes than asked for");
    }

    #[test]
    fn no_events_no_axis() {
        let axis = TimeAxis::new(&[], options());
        assert!(axis.stretches.is_empty() && axis.ticks().is_empty());
        let one = TimeAxis::new(
            std::slice::from_ref(&(day(2023, 10, 7)..day(2023, 10, 8))),
            options(),
        );
        assert_eq!(one.stretches.len(), 1);
        assert!(one.x_of(day(2023, 10, 7) as f64).is_finite());
    }
}
