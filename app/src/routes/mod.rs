//! The pages of Rounds, one module per area.

mod account;
mod home;
mod staff;

pub use account::{LoginPage, PendingPage, ProfilePage, RegisterPage};
pub use home::HomePage;
pub use staff::{UsersPage, VerificationPage};
