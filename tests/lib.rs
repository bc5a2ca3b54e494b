//! Integration tests: one test binary (see `Cargo.toml`, `autotests = false`).

mod golden;
