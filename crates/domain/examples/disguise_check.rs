//! Scans the disguise suite (crates/phi/corpus/disguise/disguise.jsonl) through the gate's
//! body scan and prints how many disguised posts are held, per technique, and the clean
//! posts held.
//!
//!     cargo run -p domain --features markdown --example disguise_check
use std::collections::BTreeMap;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../phi/corpus/disguise/disguise.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("disguise suite");
    let d = phi::Detector::new(phi::SiteLists::default());
    let mut by: BTreeMap<String, (u32, u32, u32, u32)> = BTreeMap::new();
    let verbose = std::env::args().any(|a| a == "-v");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let src = v["text"].as_str().unwrap_or("");
        let phi = v["phi"].as_bool().unwrap_or(false);
        let held = !domain::screening::scan_body(&d, src).is_empty();
        let plain_held = d.scan(v["visible"].as_str().unwrap_or("")).hold;
        let e = by
            .entry(
                v["technique"]
                    .as_str()
                    .unwrap_or("")
                    .split('+')
                    .next()
                    .unwrap_or("")
                    .to_string(),
            )
            .or_default();
        if phi {
            e.0 += 1;
            e.1 += held as u32;
        } else {
            e.2 += 1;
            e.3 += held as u32;
        }
        if verbose && phi != held {
            println!(
                "{} {} phi={} held={} plain_held={} {:?}",
                v["id"], v["technique"], phi, held, plain_held, v["identifier"]
            );
        }
    }
    let (mut a, mut b, mut c, mut e2) = (0, 0, 0, 0);
    for (t, (p, h, c0, hc)) in &by {
        println!("{t:<22} PHI held {h}/{p}   clean held {hc}/{c0}");
        a += p;
        b += h;
        c += c0;
        e2 += hc;
    }
    println!("ALL PHI held {b}/{a}  clean held {e2}/{c}");
}
