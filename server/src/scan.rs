//! `rounds scan`: runs the PHI detector over JSON lines, for audits and for scoring against a
//! labelled corpus.
//!
//! Input: one JSON object per line with `"id"` (string or number, echoed as given) and
//! `"text"`; other fields are ignored and blank lines are skipped.  Output: one line per input
//! line, `{"id": …, "hold": bool, "findings": [{"kind", "start", "end"}]}` with UTF-8 byte
//! offsets, the format `score.py` reads.  A malformed line produces
//! `{"line": N, "error": "…"}` and the scan goes on.  The post text is never written anywhere,
//! not even in error messages (serde_json's messages quote no input, only positions).

use std::io::{BufRead, Write};

/// Counts for the caller's closing message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScanSummary {
    /// Non-blank input lines read.
    pub lines: usize,
    /// Lines that could not be scanned (bad JSON, missing or non-string `text`).
    pub malformed: usize,
}

#[derive(serde::Serialize)]
struct OutFinding {
    kind: &'static str,
    start: usize,
    end: usize,
}

#[derive(serde::Serialize)]
struct OutLine<'a> {
    id: &'a serde_json::Value,
    hold: bool,
    findings: Vec<OutFinding>,
}

fn error_line(line: usize, error: &str) -> serde_json::Value {
    serde_json::json!({ "line": line, "error": error })
}

/// Scans every line of `input`, writing one result line per non-blank input line.
pub fn run(
    input: impl BufRead,
    mut output: impl Write,
    detector: &phi::Detector,
) -> std::io::Result<ScanSummary> {
    let mut summary = ScanSummary::default();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        summary.lines += 1;
        let value: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                summary.malformed += 1;
                // Only the category and column: never echo the input.
                let msg = format!("invalid JSON ({:?} at column {})", e.classify(), e.column());
                serde_json::to_writer(&mut output, &error_line(line_no, &msg))?;
                output.write_all(b"\n")?;
                continue;
            }
        };
        let text = value.get("text").and_then(|t| t.as_str());
        let id = value.get("id");
        let (Some(text), Some(id)) = (text, id) else {
            summary.malformed += 1;
            let msg = if id.is_none() {
                "missing \"id\""
            } else {
                "missing or non-string \"text\""
            };
            serde_json::to_writer(&mut output, &error_line(line_no, msg))?;
            output.write_all(b"\n")?;
            continue;
        };
        let scan = detector.scan(text);
        let out = OutLine {
            id,
            hold: scan.hold,
            findings: scan
                .findings
                .iter()
                .map(|f| OutFinding {
                    kind: f.kind.as_str(),
                    start: f.start,
                    end: f.end,
                })
                .collect(),
        };
        serde_json::to_writer(&mut output, &out)?;
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(input: &str) -> (String, ScanSummary) {
        let det = phi::Detector::new(phi::SiteLists::default());
        let mut out = Vec::new();
        let s = run(input.as_bytes(), &mut out, &det).unwrap();
        (String::from_utf8(out).unwrap(), s)
    }

    #[test]
    fn scans_lines_and_echoes_ids() {
        let (out, s) = run_str("{\"id\": \"a\", \"text\": \"Call 415-555-0123\", \"lang\": \"en\"}\n\n{\"id\": 7, \"text\": \"clean\"}\n");
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            s,
            ScanSummary {
                lines: 2,
                malformed: 0
            }
        );
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["hold"], true);
        assert_eq!(lines[0]["findings"][0]["kind"], "PHONE");
        assert_eq!(lines[0]["findings"][0]["start"], 5);
        assert_eq!(lines[1]["id"], 7);
        assert_eq!(lines[1]["hold"], false);
    }

    #[test]
    fn malformed_lines_report_and_continue_without_text() {
        let (out, s) = run_str("{\"id\": 1, \"text\": \"secret Mr. Smith\"\nnot json Mr. Smith\n{\"id\": 2}\n{\"id\": 3, \"text\": \"ok\"}\n");
        assert_eq!(
            s,
            ScanSummary {
                lines: 4,
                malformed: 3
            }
        );
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[2]["line"], 3);
        assert_eq!(lines[3]["id"], 3);
        assert!(!out.contains("Smith") && !out.contains("secret"));
    }
}
