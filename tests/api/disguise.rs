//! The gate cannot be bypassed by writing an identifier so that only a reader sees it
//! (character references, invisible characters, look-alike letters, emphasis inside a
//! word, link and alt text, footnotes, tables, spelled-out digits, defanged links).
//! The disguise suite (`crates/phi/corpus/disguise/`) is posted through the composer's
//! form as a member would — every other post to its old address, `/new`, which still
//! starts threads: every disguised post whose visible text the detector holds must be
//! held, and clean posts in the same markup must mostly pass.

use crate::helpers::spawn_app;

struct Case {
    id: String,
    text: String,
    visible: String,
    phi: bool,
}

fn suite() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../crates/phi/corpus/disguise/disguise.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("the disguise suite");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            Case {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                text: v["text"].as_str().unwrap_or_default().to_string(),
                visible: v["visible"].as_str().unwrap_or_default().to_string(),
                phi: v["phi"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

#[tokio::test]
async fn disguised_identifiers_posted_through_the_form_are_held_like_plain_ones() {
    let app = spawn_app().await;
    app.member("disguise@example.org", "Disguise Tester").await;
    let detector = phi::Detector::new(phi::SiteLists::default());
    let cases = suite();
    assert!(cases.len() >= 300, "suite has {} posts", cases.len());
    let (mut bypassed, mut phi_total, mut phi_held) = (Vec::new(), 0, 0);
    let (mut clean_total, mut clean_held) = (0, 0);
    for (n, c) in cases.iter().enumerate() {
        let path = if n % 2 == 0 { "/new-topic" } else { "/new" };
        let title = format!("Disguise suite question {n}");
        let res = app
            .post_form(
                path,
                &[
                    ("category", "internal-medicine"),
                    ("title", &title),
                    ("tags", "antibiotics"),
                    ("body", &c.text),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{} posted", c.id);
        // One author posting one thread at a time: the newest post is this one.
        let post = app.count("SELECT MAX(id) FROM posts").await;
        let held = app
            .count(&format!(
                "SELECT COUNT(*) FROM post_revisions WHERE post_id = {post} AND state = 'held'"
            ))
            .await
            > 0;
        if c.phi {
            phi_total += 1;
            phi_held += held as usize;
            if !held && detector.scan(&c.visible).hold {
                bypassed.push(c.id.clone());
            }
        } else {
            clean_total += 1;
            clean_held += held as usize;
        }
    }
    eprintln!(
        "disguise suite through /new-topic and /new: PHI held {phi_held}/{phi_total}, clean held {clean_held}/{clean_total}"
    );
    assert!(
        bypassed.is_empty(),
        "held when written plainly, published when disguised: {bypassed:?}"
    );
    // Measured at commit time: 30 of 174 (0.172); the floor is just above it.
    assert!(
        clean_held * 100 <= clean_total * 20,
        "clean posts held: {clean_held}/{clean_total}"
    );
}
