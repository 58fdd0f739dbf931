//! Unit tests of the demo content: the embedded file parses and resolves, every text passes
//! the PHI detector, and accounts and threads are well formed.

use super::*;

fn is_japanese(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{309f}' // hiragana
            | '\u{30a0}'..='\u{30ff}' // katakana
            | '\u{4e00}'..='\u{9fff}') // CJK ideographs
    })
}

fn findings(what: &str, text: &str, out: &mut Vec<String>) {
    let scan = phi::scan(text);
    if scan.hold {
        let found: Vec<String> = scan
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} {:?} ({})",
                    f.kind.as_str(),
                    &text[f.start..f.end],
                    f.rule
                )
            })
            .collect();
        out.push(format!("{what}: {found:?}"));
    }
}

/// Proves that the `panic!` in `demo()` cannot fire: the embedded text parses, and every
/// author handle and category in it resolves.
#[test]
fn embedded_file_parses_and_resolves() {
    let demo = parse(DEMO_TOML).unwrap_or_else(|e| panic!("{e}"));
    let file: DemoFile = toml::from_str(DEMO_TOML).unwrap();
    assert_eq!(demo.threads.len(), file.threads.len());
    for (t, written) in demo.threads.iter().zip(&file.threads) {
        assert_eq!(demo.users[t.author].display_name, written.author);
        assert!(CATEGORIES.contains(&t.category.as_str()), "{}", t.category);
        assert_eq!(t.replies.len(), written.replies.len());
        for (r, written) in t.replies.iter().zip(&written.replies) {
            assert_eq!(demo.users[r.author].display_name, written.author);
        }
    }
    assert_eq!(users().len(), demo.users.len());
    assert_eq!(threads().len(), demo.threads.len());
}

/// One demo account, as written in the data file.
const USER_A: &str = "[[users]]\nemail = 'a@rounds.invalid'\ndisplay_name = 'Dr. A'\n\
                      profession = 'nurse'\nspecialty = 's'\nlang = 'en'\n\n";

/// A data file with `users` and one thread with one reply.
fn doc(users: &str, category: &str, author: &str, replier: &str) -> String {
    format!(
        "{users}[[threads]]\ncategory = '{category}'\nauthor = '{author}'\ntitle = 't'\n\
         tags = ['x']\nbody = 'b'\n\n[[threads.replies]]\nauthor = '{replier}'\nbody = 'r'\n"
    )
}

#[test]
fn unknown_authors_categories_and_fields_are_rejected() {
    let ok = parse(&doc(USER_A, "nursing", "Dr. A", "Dr. A")).unwrap();
    assert_eq!(ok.threads[0].author, 0);
    assert_eq!(ok.threads[0].replies[0].author, 0);
    let err = |text: &str| parse(text).err().unwrap_or_default();
    assert!(err(&doc(USER_A, "nursing", "Dr. B", "Dr. A")).contains("\"Dr. B\""));
    assert!(err(&doc(USER_A, "nursing", "Dr. A", "dr. a")).contains("\"dr. a\""));
    assert!(err(&doc(USER_A, "surgery", "Dr. A", "Dr. A")).contains("\"surgery\""));
    let typo = doc(USER_A, "nursing", "Dr. A", "Dr. A").replace("body = 'b'", "bdy = 'b'");
    assert!(!err(&typo).is_empty());
    let two_a = USER_A.repeat(2).replacen("a@", "b@", 1);
    assert!(err(&doc(&two_a, "nursing", "Dr. A", "Dr. A")).contains("used twice"));
}

#[test]
fn every_demo_text_passes_the_phi_detector() {
    let mut held = Vec::new();
    for (i, t) in threads().iter().enumerate() {
        findings(&format!("thread {i} title"), &t.title, &mut held);
        findings(&format!("thread {i} body"), &t.body, &mut held);
        for (j, r) in t.replies.iter().enumerate() {
            findings(&format!("thread {i} reply {j}"), &r.body, &mut held);
        }
    }
    assert!(
        held.is_empty(),
        "held by the PHI detector:\n{}",
        held.join("\n")
    );
}

#[test]
fn users_are_well_formed() {
    assert_eq!(users().len(), 6);
    for u in users() {
        assert!(
            domain::models::PROFESSIONS.contains(&u.profession.as_str()),
            "{}",
            u.profession
        );
        assert!(u.email.ends_with("@rounds.invalid"), "{}", u.email);
        assert!(matches!(u.lang.as_str(), "en" | "ja"));
        assert!(!u.display_name.is_empty() && !u.specialty.is_empty());
    }
    assert_eq!(users().iter().filter(|u| u.lang == "ja").count(), 3);
    let mut emails: Vec<_> = users().iter().map(|u| u.email.as_str()).collect();
    emails.sort();
    emails.dedup();
    assert_eq!(emails.len(), users().len());
    let mut names: Vec<_> = users().iter().map(|u| u.display_name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), users().len());
}

#[test]
fn threads_are_well_formed() {
    assert!((10..=12).contains(&threads().len()));
    for t in threads() {
        assert!(CATEGORIES.contains(&t.category.as_str()), "{}", t.category);
        assert!(t.author < users().len());
        assert!(t.replies.len() >= 2, "{}", t.title);
        assert!(t.replies.len() <= 4, "{}", t.title);
        assert!((1..=3).contains(&t.tags.len()), "{}", t.title);
        for tag in &t.tags {
            let ascii_slug = tag
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(ascii_slug || is_japanese(tag), "bad tag {tag}");
        }
        for r in &t.replies {
            assert!(r.author < users().len());
            assert!(!r.body.trim().is_empty());
        }
    }
    for c in CATEGORIES {
        assert!(
            threads().iter().any(|t| t.category == *c),
            "no thread in {c}"
        );
    }
}

#[test]
fn both_languages_and_unique_titles() {
    let ja = threads().iter().filter(|t| is_japanese(&t.title)).count();
    let en = threads().len() - ja;
    assert!(ja >= 5 && en >= 5, "ja {ja}, en {en}");
    let mut titles: Vec<_> = threads().iter().map(|t| t.title.as_str()).collect();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), threads().len());
}

#[test]
fn mentions_name_existing_users() {
    let mut seen = 0;
    for t in threads() {
        let bodies = std::iter::once(&t.body).chain(t.replies.iter().map(|r| &r.body));
        for text in bodies {
            for (at, _) in text.match_indices('@') {
                let rest = &text[at + 1..];
                assert!(
                    users()
                        .iter()
                        .any(|u| rest.starts_with(u.display_name.as_str())),
                    "unknown mention in {:?}: @{}",
                    t.title,
                    rest.chars().take(20).collect::<String>()
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 3, "only {seen} mentions");
}

#[test]
fn some_replies_quote() {
    let quoting = threads()
        .iter()
        .flat_map(|t| &t.replies)
        .filter(|r| r.body.lines().any(|l| l.starts_with("> ")))
        .count();
    assert!(quoting >= 3);
}
