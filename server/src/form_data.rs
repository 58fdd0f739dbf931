//! A decoded form body (`application/x-www-form-urlencoded`), strict about what it
//! accepts: the one reader of every form, for the handlers and for the pages that
//! keep what was typed through a refusal.

use std::collections::BTreeMap;

use domain::fields::PostForm;
use domain::models::FormEcho;
use ops::AppError;

/// A decoded form body: field → value (the last one wins).
#[derive(Debug, Default)]
pub struct FormData(BTreeMap<String, String>);

impl FormData {
    /// Decodes `application/x-www-form-urlencoded`, refusing invalid UTF-8 instead of
    /// silently replacing it.
    pub fn parse(bytes: &[u8]) -> Result<FormData, AppError> {
        let mut map = BTreeMap::new();
        for pair in bytes.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
            let (k, v) = match pair.iter().position(|b| *b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            map.insert(decode(k)?, decode(v)?);
        }
        Ok(FormData(map))
    }

    /// A field's value, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map(String::as_str).unwrap_or("")
    }

    /// The composer's fields (title and tags only on an opening post).
    pub fn post_form(&self, opening: bool) -> PostForm {
        PostForm {
            title: opening.then(|| self.get("title").to_string()),
            tags: opening.then(|| self.get("tags").to_string()),
            body: self.get("body").to_string(),
            send_for_review: self.get("review") == "1",
        }
    }

    /// A field parsed as an id, or 400.
    pub fn id(&self, name: &str) -> Result<i64, AppError> {
        self.get(name).parse().map_err(|_| AppError::BadRequest)
    }

    /// The values to echo back, without secrets.
    pub fn echo(&self, form: &str, errors: BTreeMap<String, String>) -> FormEcho {
        let values = self
            .0
            .iter()
            // Passwords (sign-in, registration, the change form's three) are never
            // sent back into a page.
            .filter(|(k, _)| !k.contains("password") && k.as_str() != "_csrf")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        FormEcho {
            form: form.to_string(),
            values,
            errors,
            preview: None,
        }
    }
}

fn decode(raw: &[u8]) -> Result<String, AppError> {
    let plus: Vec<u8> = raw
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    let mut out = Vec::with_capacity(plus.len());
    let mut i = 0;
    while i < plus.len() {
        if plus[i] == b'%' {
            let hex = plus
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                None => return Err(AppError::BadRequest),
            }
        }
        out.push(plus[i]);
        i += 1;
    }
    String::from_utf8(out).map_err(|_| AppError::BadRequest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_strictly() {
        let f = FormData::parse(b"a=1&b=hello+world&c=%E6%97%A5&d").unwrap();
        assert_eq!(f.get("a"), "1");
        assert_eq!(f.get("b"), "hello world");
        assert_eq!(f.get("c"), "日");
        assert_eq!(f.get("d"), "");
        assert!(FormData::parse(b"a=%FF%FE").is_err());
        assert!(FormData::parse(b"a=%G1").is_err());
        assert!(FormData::parse(b"a=%E6%97").is_err());
    }
}
