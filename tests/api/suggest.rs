//! The composer's `@` and `#` suggestions through their server function (SQLite and
//! PostgreSQL): verified members whose name starts with what was typed (case and
//! separators folded; never an applicant still waiting, never a wildcard), and
//! categories by either language's name or their address, in the page's language.

use domain::models::{Role, Status};
use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};

async fn ask(who: &TestApp, trigger: &str, prefix: &str, lang: &str) -> (u16, Value) {
    let res = who
        .client
        .get(format!("{}/api/suggest", who.address))
        .query(&[("trigger", trigger), ("prefix", prefix), ("lang", lang)])
        .send()
        .await
        .expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn labels(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|s| s["label"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn members_and_categories_are_suggested_to_verified_members() {
    let app = spawn_app().await;
    let (status, _) = ask(&app, "@", "ka", "en").await;
    assert!((400..500).contains(&status), "signed out: {status}");

    app.member("kato@example.jp", "Kato MD").await;
    let other = app.new_browser();
    other.member("katayama@example.jp", "Katayama RN").await;
    let waiting = app.new_browser();
    waiting
        .sign_in_as(
            "kawa@example.jp",
            "Kawashima PT",
            Role::Member,
            Status::Pending,
        )
        .await;

    let (status, out) = ask(&app, "@", "KA", "en").await;
    assert_eq!(status, 200);
    assert_eq!(labels(&out), ["Katayama RN", "Kato MD"]);
    let (_, out) = ask(&app, "@", "kato_m", "en").await;
    assert_eq!(labels(&out), ["Kato MD"]);
    assert_eq!(out[0]["insert"], "@Kato_MD");
    let (_, out) = ask(&app, "@", "%", "en").await;
    assert!(labels(&out).is_empty(), "no wildcard: {out}");

    let (_, out) = ask(&app, "#", "nur", "en").await;
    assert_eq!(labels(&out), ["Nursing"]);
    assert_eq!(out[0]["insert"], "[#Nursing](/c/nursing)");
    let (_, out) = ask(&app, "#", "看", "ja").await;
    assert_eq!(labels(&out), ["看護"]);

    let (status, _) = ask(&app, "!", "x", "en").await;
    assert_eq!(status, 400);
}
