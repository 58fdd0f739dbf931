//! Integration and browser tests for Rounds live in `api/` and `browser/`.
