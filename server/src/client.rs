//! The real client address of a request, for throttling. Behind a reverse proxy
//! every connection comes from the proxy, so one member's failures would block the
//! whole site: when the direct peer is one of the operator's trusted proxies
//! (`ROUNDS_TRUSTED_PROXIES`), the address is read from `X-Forwarded-For`, right to
//! left, skipping trusted proxies. From anyone else the header is ignored, so a
//! client cannot pick its own address.

use std::net::IpAddr;

use axum::http::HeaderMap;

/// The address to throttle by.
pub fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer else {
        return "unknown".into();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for hop in forwarded.iter().rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => continue,
            Ok(ip) => return ip.to_string(),
            // A hop that is not an address: what lies left of it cannot be trusted.
            Err(_) => break,
        }
    }
    peer.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let client: IpAddr = "203.0.113.9".parse().unwrap();
        let h = headers(&["198.51.100.1, 203.0.113.9"]);
        assert_eq!(client_address(Some(client), &h, &[proxy]), "203.0.113.9");
        assert_eq!(client_address(Some(proxy), &h, &[proxy]), "203.0.113.9");
        assert_eq!(client_address(Some(proxy), &h, &[]), "10.0.0.2");
    }

    #[test]
    fn trusted_hops_are_skipped_and_garbage_stops_the_walk() {
        let a: IpAddr = "10.0.0.2".parse().unwrap();
        let b: IpAddr = "10.0.0.3".parse().unwrap();
        let h = headers(&["203.0.113.7", "10.0.0.3"]);
        assert_eq!(client_address(Some(a), &h, &[a, b]), "203.0.113.7");
        let h = headers(&["203.0.113.7, not-an-ip"]);
        assert_eq!(client_address(Some(a), &h, &[a]), "10.0.0.2");
        assert_eq!(client_address(Some(a), &HeaderMap::new(), &[a]), "10.0.0.2");
        assert_eq!(client_address(None, &HeaderMap::new(), &[a]), "unknown");
    }
}
