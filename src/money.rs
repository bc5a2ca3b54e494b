//! Money: amounts in Italian news as exact decimals with currency, qualifier and range.
//!
//! (Filled in by the money issue.)

use crate::span::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An ISO 4217 currency code (`USD`, `EUR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");

    /// Parses a three-letter upper-case ISO 4217 code.
    pub fn from_code(code: &str) -> Option<Currency> {
        let b = code.as_bytes();
        (b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)).then(|| Currency([b[0], b[1], b[2]]))
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Currency::from_code(&s).ok_or_else(|| format!("not an ISO 4217 code: {s:?}"))
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.code().to_string()
    }
}

/// How the text qualifies an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `oltre`, `più di`, `superare`, `sopra`.
    Over,
    /// `almeno`.
    AtLeast,
    /// `circa`, `intorno a`, `nell'ordine di`.
    About,
    /// `quasi`, `meno di`, `sotto`.
    Under,
    /// `fino a`, `al massimo`.
    UpTo,
}

/// One monetary amount found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Where the amount is (number, scale and currency; not the qualifier).
    #[serde(flatten)]
    pub span: Span,
    /// The amount as written.
    pub text: String,
    /// Exact value in currency units; `None` for vague amounts.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    /// Upper bound of a range (`tra 5 e 10 miliardi`).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount_max: Option<Decimal>,
    /// The currency, explicit or inferred.
    pub currency: Option<Currency>,
    /// False when the currency was inferred from an earlier amount.
    pub currency_explicit: bool,
    /// `oltre`, `almeno`, `circa`…
    pub qualifier: Option<Qualifier>,
    /// `decine di miliardi`: an order of magnitude, not an amount.
    pub vague: bool,
}
