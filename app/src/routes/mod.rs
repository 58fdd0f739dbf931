//! The pages of Rounds, one module per area.

mod account;
mod admin;
mod bookmarks;
mod detector_record;
mod forum;
mod home;
mod members;
mod moderation;
mod notifications;
mod people;
mod post;
mod preferences;
mod recovery;
mod search;
mod security;
mod settings;
mod staff;
mod thread;
mod two_factor;

pub use account::{LoginPage, PendingPage, ProfilePage, RegisterPage};
pub use admin::CategoriesPage;
pub use bookmarks::{BookmarkPage, BookmarksPage};
pub use forum::{ForumList, NewThreadPage};
pub use home::HomePage;
pub use members::{MemberPage, MembersPage, SuspendedPage};
pub use moderation::{HeldItemPage, QueuePage, ReportItemPage};
pub use notifications::NotificationsPage;
pub use people::PersonPage;
pub use post::{PostPage, ReportPage};
pub use preferences::{PrefsPage, UnsubscribePage};
pub use recovery::{EmailConfirmPage, EmailPage, ForgotPage};
pub use search::SearchPage;
pub use security::{PasswordPage, ResetPage};
pub use staff::{SiteListsPage, UsersPage, VerificationPage};
pub use thread::ThreadPage;
pub use two_factor::{SignInCodePage, TwoFactorPage};
