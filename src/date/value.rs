//! The TIMEX3-style value of a date mention and the modifiers attached to it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar unit, used for periods whose year is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A calendar month.
    Month,
    /// A quarter (three months).
    Quarter,
    /// A half year.
    Half,
    /// A calendar year.
    Year,
}

/// The TIMEX3-style value of a temporal expression, resolved against the article date.
///
/// It prints (and serializes) as the string of `eval/CONTRACT.md`: `2025-12-17`, `2025-10`, `2025`,
/// `2025-Q3`, `2026-H2`, `2025-W51`, `199X`, `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
/// Without an article date, relative expressions stay unresolved and say so with TIMEX3
/// placeholders: `XXXX-10` (October of an unknown year), `XXXX-10-27`, `XXXX-Q3`, `XXXX-H2`,
/// and for purely deictic ones (`ieri`, `l'anno scorso`) the unit's pattern `XXXX-XX-XX`,
/// `XXXX-WXX`, `XXXX-XX`, `XXXX-QX`, `XXXX-HX`, `XXXX`. Values never depend on today's clock.
///
/// # Examples
///
/// ```
/// use cronaca::date::DateValue;
///
/// let v: DateValue = "2025-Q3".parse().unwrap();
/// assert_eq!(v, DateValue::Quarter { year: 2025, quarter: 3 });
/// assert_eq!(v.to_string(), "2025-Q3");
/// assert_eq!("199X".parse::<DateValue>().unwrap(), DateValue::Decade(199));
/// assert_eq!("XXXX-10".parse::<DateValue>().unwrap(), DateValue::MonthOfUnknownYear(10));
/// assert!("2025-13".parse::<DateValue>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
#[non_exhaustive]
pub enum DateValue {
    /// A calendar day, `YYYY-MM-DD`.
    Day(Date),
    /// An ISO week, `YYYY-Www` (the ISO week-numbering year).
    Week {
        /// ISO week-numbering year.
        year: i16,
        /// ISO week, 1–53.
        week: i8,
    },
    /// A month, `YYYY-MM`.
    Month {
        /// Year.
        year: i16,
        /// Month, 1–12.
        month: i8,
    },
    /// A quarter, `YYYY-Qn`.
    Quarter {
        /// Year.
        year: i16,
        /// Quarter, 1–4.
        quarter: i8,
    },
    /// A half year, `YYYY-H1` or `YYYY-H2`.
    Half {
        /// Year.
        year: i16,
        /// Half, 1 or 2.
        half: i8,
    },
    /// A year, `YYYY`.
    Year(i16),
    /// A decade, by its first three digits: `Decade(199)` is `199X`, the 1990s.
    Decade(i16),
    /// Some time in the past (`di recente`, `poche settimane fa`).
    PastRef,
    /// Now (`attualmente`, `ora`).
    PresentRef,
    /// Some time in the future (`in futuro`, `nei prossimi anni`).
    FutureRef,
    /// A month whose year needs the article date (`ottobre` in an undated text): `XXXX-MM`.
    MonthOfUnknownYear(i8),
    /// A day whose year needs the article date (`27 ottobre`): `XXXX-MM-DD`.
    DayOfUnknownYear {
        /// Month, 1–12.
        month: i8,
        /// Day, 1–31.
        day: i8,
    },
    /// A quarter whose year needs the article date (`il terzo trimestre`): `XXXX-Qn`.
    QuarterOfUnknownYear(i8),
    /// A half whose year needs the article date (`il primo semestre`): `XXXX-Hn`.
    HalfOfUnknownYear(i8),
    /// A deictic period of this unit that needs the article date (`ieri`, `l'anno scorso`):
    /// `XXXX-XX-XX`, `XXXX-WXX`, `XXXX-XX`, `XXXX-QX`, `XXXX-HX` or `XXXX`.
    Unresolved(Unit),
}

impl DateValue {
    /// True when the value needs an article date to become a calendar value.
    pub fn is_unresolved(&self) -> bool {
        matches!(
            self,
            DateValue::MonthOfUnknownYear(_)
                | DateValue::DayOfUnknownYear { .. }
                | DateValue::QuarterOfUnknownYear(_)
                | DateValue::HalfOfUnknownYear(_)
                | DateValue::Unresolved(_)
        )
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            DateValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            DateValue::Half { year, half } => write!(f, "{year:04}-H{half}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Decade(d) => write!(f, "{d:03}X"),
            DateValue::PastRef => f.write_str("PAST_REF"),
            DateValue::PresentRef => f.write_str("PRESENT_REF"),
            DateValue::FutureRef => f.write_str("FUTURE_REF"),
            DateValue::MonthOfUnknownYear(m) => write!(f, "XXXX-{m:02}"),
            DateValue::DayOfUnknownYear { month, day } => write!(f, "XXXX-{month:02}-{day:02}"),
            DateValue::QuarterOfUnknownYear(q) => write!(f, "XXXX-Q{q}"),
            DateValue::HalfOfUnknownYear(h) => write!(f, "XXXX-H{h}"),
            DateValue::Unresolved(unit) => f.write_str(match unit {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Half => "XXXX-HX",
                Unit::Year => "XXXX",
            }),
        }
    }
}

/// The error of parsing a [`DateValue`] from a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateValueError(String);

impl fmt::Display for ParseDateValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a TIMEX3 date value: {:?}", self.0)
    }
}

impl std::error::Error for ParseDateValueError {}

/// Parses a run of ASCII digits of exactly `len` characters.
fn digits(s: &str, len: usize) -> Option<i16> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn in_range(v: i16, lo: i16, hi: i16) -> Option<i8> {
    (lo..=hi).contains(&v).then_some(v as i8)
}

impl FromStr for DateValue {
    type Err = ParseDateValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDateValueError(s.to_string());
        let fixed = match s {
            "PAST_REF" => Some(DateValue::PastRef),
            "PRESENT_REF" => Some(DateValue::PresentRef),
            "FUTURE_REF" => Some(DateValue::FutureRef),
            "XXXX-XX-XX" => Some(DateValue::Unresolved(Unit::Day)),
            "XXXX-WXX" => Some(DateValue::Unresolved(Unit::Week)),
            "XXXX-XX" => Some(DateValue::Unresolved(Unit::Month)),
            "XXXX-QX" => Some(DateValue::Unresolved(Unit::Quarter)),
            "XXXX-HX" => Some(DateValue::Unresolved(Unit::Half)),
            "XXXX" => Some(DateValue::Unresolved(Unit::Year)),
            _ => None,
        };
        if let Some(v) = fixed {
            return Ok(v);
        }
        let mut parts = s.split('-');
        let head = parts.next().ok_or_else(err)?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(err());
        }
        let unknown_year = head == "XXXX";
        let year = if unknown_year { None } else { Some(digits(head, 4)) };
        match (second, third) {
            (None, None) => {
                if let Some(d) = head.strip_suffix('X') {
                    return digits(d, 3).map(DateValue::Decade).ok_or_else(err);
                }
                year.flatten().map(DateValue::Year).ok_or_else(err)
            }
            (Some(p), None) => {
                let (kind, num) = match p.as_bytes().first() {
                    Some(b'Q') => ('Q', digits(&p[1..], 1)),
                    Some(b'H') => ('H', digits(&p[1..], 1)),
                    Some(b'W') => ('W', digits(&p[1..], 2)),
                    _ => ('M', digits(p, 2)),
                };
                let num = num.ok_or_else(err)?;
                let v = match (kind, year) {
                    ('Q', None) => DateValue::QuarterOfUnknownYear(in_range(num, 1, 4).ok_or_else(err)?),
                    ('H', None) => DateValue::HalfOfUnknownYear(in_range(num, 1, 2).ok_or_else(err)?),
                    ('M', None) => DateValue::MonthOfUnknownYear(in_range(num, 1, 12).ok_or_else(err)?),
                    (_, None) => return Err(err()),
                    (_, Some(None)) => return Err(err()),
                    ('Q', Some(Some(year))) => {
                        DateValue::Quarter { year, quarter: in_range(num, 1, 4).ok_or_else(err)? }
                    }
                    ('H', Some(Some(year))) => {
                        DateValue::Half { year, half: in_range(num, 1, 2).ok_or_else(err)? }
                    }
                    ('W', Some(Some(year))) => {
                        DateValue::Week { year, week: in_range(num, 1, 53).ok_or_else(err)? }
                    }
                    (_, Some(Some(year))) => {
                        DateValue::Month { year, month: in_range(num, 1, 12).ok_or_else(err)? }
                    }
                };
                Ok(v)
            }
            (Some(m), Some(d)) => {
                let month = digits(m, 2).and_then(|m| in_range(m, 1, 12)).ok_or_else(err)?;
                let day = digits(d, 2).and_then(|d| in_range(d, 1, 31)).ok_or_else(err)?;
                match year {
                    None => Ok(DateValue::DayOfUnknownYear { month, day }),
                    Some(None) => Err(err()),
                    Some(Some(year)) => Date::new(year, month, day).map(DateValue::Day).map_err(|_| err()),
                }
            }
            (None, Some(_)) => Err(err()),
        }
    }
}

impl From<DateValue> for String {
    fn from(v: DateValue) -> String {
        v.to_string()
    }
}

impl TryFrom<String> for DateValue {
    type Error = ParseDateValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// How the governing preposition relates an event to the date (`dal 2019` → [`Since`](Self::Since)).
///
/// The preposition is left out of the mention's span and kept here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateModifier {
    /// `dal 2019`, `da ottobre`, `sin dal 2015`.
    Since,
    /// `fino al 2033`.
    Until,
    /// `entro il 2029`, `entro dicembre`.
    By,
    /// `a partire dal 2026`, or `dal 2026` when an `al 2028` follows.
    From,
    /// `nel 2019`, `a ottobre`, `durante il 2024`.
    In,
    /// `prima del 2030`.
    Before,
    /// `dopo il 2030`, `oltre il 2030`.
    After,
}

/// The part of a period an expression points to (`fine 2025` → [`End`](Self::End) of 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodPart {
    /// `inizio 2026`, `all'inizio del 2027`.
    Start,
    /// `metà 2024`, `a metà ottobre`.
    Mid,
    /// `fine 2025`.
    End,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_string() {
        let values = [
            DateValue::Day(jiff::civil::date(2025, 12, 17)),
            DateValue::Week { year: 2025, week: 1 },
            DateValue::Month { year: 2025, month: 10 },
            DateValue::Quarter { year: 2026, quarter: 1 },
            DateValue::Half { year: 2026, half: 2 },
            DateValue::Year(2019),
            DateValue::Year(850),
            DateValue::Decade(199),
            DateValue::PastRef,
            DateValue::PresentRef,
            DateValue::FutureRef,
            DateValue::MonthOfUnknownYear(3),
            DateValue::DayOfUnknownYear { month: 2, day: 29 },
            DateValue::QuarterOfUnknownYear(4),
            DateValue::HalfOfUnknownYear(1),
            DateValue::Unresolved(Unit::Day),
            DateValue::Unresolved(Unit::Week),
            DateValue::Unresolved(Unit::Month),
            DateValue::Unresolved(Unit::Quarter),
            DateValue::Unresolved(Unit::Half),
            DateValue::Unresolved(Unit::Year),
        ];
        for v in values {
            let s = v.to_string();
            assert_eq!(s.parse::<DateValue>(), Ok(v), "help: Display and FromStr disagree on {s}");
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<DateValue>(&json).unwrap(), v);
        }
    }

    #[test]
    fn malformed_values_are_rejected() {
        for bad in [
            "",
            "2025-",
            "2025-1",
            "2025-13",
            "2025-Q5",
            "2025-H3",
            "2025-W54",
            "2025-02-30",
            "20X",
            "XXXX-W12",
            "2025-12-17-1",
            "abcd",
            "PAST",
            "-2025",
        ] {
            assert!(bad.parse::<DateValue>().is_err(), "{bad:?} should not parse");
        }
    }
}
