//! Addresses spelled out to get past a filter: `name at example dot com` (and `(at)`,
//! `[at]`, `{dot}`…) and defanged links (`example[.]com`, `hxxp://`), rewritten in the
//! readable copy as the address a reader understands. Part of [`super`].

/// Rewrites `name at example dot com` (and `(at)`, `[at]`, `{dot}`…) as an address when
/// the words around it look like one: a local part, a domain, and a final label of
/// two to six letters.
pub(super) fn spelled_email(out: &mut [char], keep: &mut [bool]) {
    let c: Vec<char> = out.to_vec();
    let c = &c[..];
    let n = c.len();
    let mut edits: Vec<(usize, usize, char)> = Vec::new();
    let lower = |i: usize| c[i].to_ascii_lowercase();
    let word_at = |i: usize, w: &str| -> Option<usize> {
        // `w` possibly wrapped in () [] {}, with spaces around; returns the end.
        let mut j = i;
        while j < n && c[j] == ' ' {
            j += 1;
        }
        let open = j < n && matches!(c[j], '(' | '[' | '{');
        if open {
            j += 1;
        }
        for ch in w.chars() {
            if j >= n || lower(j) != ch {
                return None;
            }
            j += 1;
        }
        if open {
            if j < n && matches!(c[j], ')' | ']' | '}') {
                j += 1;
            } else {
                return None;
            }
        }
        if j < n && c[j].is_ascii_alphanumeric() {
            return None;
        }
        while j < n && c[j] == ' ' {
            j += 1;
        }
        Some(j)
    };
    let label = |i: usize| -> usize {
        let mut j = i;
        while j < n && (c[j].is_ascii_alphanumeric() || matches!(c[j], '.' | '_' | '-' | '+')) {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < n {
        if !c[i].is_ascii_alphanumeric()
            || (i > 0 && (c[i - 1].is_ascii_alphanumeric() || matches!(c[i - 1], '.' | '_' | '-')))
        {
            i += 1;
            continue;
        }
        let mut local_end = label(i);
        let mut local_dots = Vec::new();
        while let Some(next) = word_at(local_end, "dot") {
            if next >= n || !c[next].is_ascii_alphanumeric() || word_at(local_end, "at").is_some() {
                break;
            }
            local_dots.push((local_end, next, '.'));
            local_end = label(next);
        }
        let Some(dom) = word_at(local_end, "at") else {
            i = local_end.max(i + 1);
            continue;
        };
        if dom == local_end || dom >= n || !c[dom].is_ascii_alphanumeric() {
            i = local_end.max(i + 1);
            continue;
        }
        // Domain labels joined by "dot" (or real dots).
        let mut parts = local_dots;
        parts.push((local_end, dom, '@'));
        let mut j = label(dom);
        let mut labels = 1;
        let mut last_label = (dom, j);
        while let Some(next) = word_at(j, "dot") {
            if next >= n || !c[next].is_ascii_alphanumeric() {
                break;
            }
            parts.push((j, next, '.'));
            let e = label(next);
            last_label = (next, e);
            labels += 1;
            j = e;
        }
        let tld_ok = {
            let (s, e) = last_label;
            let tail: String = c[s..e].iter().collect();
            let tld = tail.rsplit('.').next().unwrap_or("");
            (2..=6).contains(&tld.len()) && tld.chars().all(|x| x.is_ascii_alphabetic())
        };
        let has_dot = labels > 1 || c[dom..j].contains(&'.');
        if tld_ok && has_dot {
            edits.extend(parts);
        }
        i = j.max(i + 1);
    }
    // Replace each spelled word (with its spaces) by one symbol.
    for (a, b, sym) in edits {
        if a < b {
            out[a] = sym;
            keep[a] = true;
            keep[a + 1..b].fill(false);
        }
    }
}

/// `[.]`, `(.)`, `{.}` between letters become a dot; `hxxp` becomes `http`.
pub(super) fn defanged(c: &mut [char], keep: &mut [bool]) {
    let n = c.len();
    for i in 1..n.saturating_sub(3) {
        let wrapped =
            matches!((c[i], c[i + 2]), ('[', ']') | ('(', ')') | ('{', '}')) && c[i + 1] == '.';
        if wrapped && c[i - 1].is_ascii_alphanumeric() && c[i + 3].is_ascii_alphanumeric() {
            keep[i] = false;
            keep[i + 2] = false;
        }
    }
    for i in 0..n.saturating_sub(3) {
        if c[i..i + 4]
            .iter()
            .map(|x| x.to_ascii_lowercase())
            .eq("hxxp".chars())
        {
            c[i + 1] = if c[i + 1].is_ascii_uppercase() {
                'T'
            } else {
                't'
            };
            c[i + 2] = c[i + 1];
        }
    }
}
