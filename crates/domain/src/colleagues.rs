//! Members are not patients: a name the detector finds inside a member's whole display
//! name (or its `@Name_With_Underscores` mention) is a colleague, not a patient
//! (`phi::SiteLists::members`). The server and the composer use the same list — the
//! display names of the newest [`MEMBER_CONTEXT`] verified members — so they always
//! decide alike, and nothing typed in the composer leaves the browser. A bare surname
//! that a member happens to share is still checked: a patient may share it.

/// How many members' display names are the detector's context (newest first). A larger
/// site's older members are not recognised by name; their names are screened as any.
pub const MEMBER_CONTEXT: i64 = 5_000;
