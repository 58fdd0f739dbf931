//! The integration suite: starts the real app on port 0 with a fresh database and
//! drives it over HTTP. It runs on SQLite by default and on PostgreSQL with
//! `ROUNDS_TEST_BACKEND=postgres` (each test gets its own database).

mod helpers;

mod accounts;
mod answers;
mod assets;
mod audit;
mod bad_input;
mod bookmarks;
mod categories;
mod deletion;
mod digest;
mod disguise;
mod drafts;
mod forgot_files;
mod forum;
mod four_eyes;
mod full_disk;
mod gate_elsewhere;
mod helpful;
mod kept;
mod lists;
mod mail;
mod mail_notices;
mod mail_outage;
mod messages;
mod moderation;
mod notification_links;
mod pages;
mod password;
mod phi_corpus;
mod preview;
mod profiles;
mod random_input;
mod reading;
mod reminders;
mod reset_link;
mod search;
mod search_heal;
mod search_ops;
mod security;
mod sessions;
mod slow_clients;
mod smtp;
mod storage;
mod suggest;
mod suspension;
mod teaching;
mod throttle;
mod two_factor;
mod two_factor_sealed;
mod user_list;
mod verification;
mod worst_inputs;
