//! Who sent a request: the peer's address, or — when the peer is a proxy the
//! configuration trusts — the nearest address in `X-Forwarded-For` that is
//! not itself a trusted proxy. An untrusted peer's header is ignored, so no
//! client can pick the address its limits and audit rows are kept under.

use actix_web::dev::ServiceRequest;
use actix_web::http::header::HeaderMap;
use actix_web::{HttpMessage, HttpRequest};
use ipnet::IpNet;
use std::net::IpAddr;

/// The request's client address, decided once at the edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The client of `peer`, reading `forwarded` (the header's values in
/// order) only as far back as the hops are trusted.
pub fn resolve(peer: IpAddr, forwarded: &[&str], trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut nearest = peer;
    for hop in forwarded.iter().rev().flat_map(|v| v.rsplit(',')).map(str::trim) {
        match hop.parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => nearest = ip,
            Ok(ip) => return ip,
            // A hop we cannot read: what lies before it is not ours to trust.
            Err(_) => return nearest,
        }
    }
    nearest
}

fn forwarded(headers: &HeaderMap) -> Vec<&str> {
    headers.get_all("x-forwarded-for").filter_map(|v| v.to_str().ok()).collect()
}

/// Decides the client address of `req` and keeps it in its extensions.
pub fn remember(req: &ServiceRequest, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let ip = resolve(peer, &forwarded(req.headers()), trusted);
    req.extensions_mut().insert(ClientAddress(ip));
    Some(ip)
}

/// The client address decided at the edge (the peer's when there was none).
pub fn ip(req: &HttpRequest) -> Option<IpAddr> {
    let decided = req.extensions().get::<ClientAddress>().map(|c| c.0);
    decided.or_else(|| req.peer_addr().map(|a| a.ip()))
}

/// [`ip`] as text, for limits and audit rows.
pub fn address(req: &HttpRequest) -> String {
    shown(ip(req))
}

pub fn shown(ip: Option<IpAddr>) -> String {
    ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use ipnet::IpNet;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_trusted_peers_are_believed() {
        let proxies: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        // A client on the internet cannot choose its address.
        assert_eq!(resolve(ip("203.0.113.9"), &["1.2.3.4"], &proxies), ip("203.0.113.9"));
        // Behind the company proxy: the address it saw.
        assert_eq!(resolve(ip("10.0.0.2"), &["198.51.100.7"], &proxies), ip("198.51.100.7"));
        // A forged first hop is skipped: the nearest untrusted hop counts.
        assert_eq!(resolve(ip("10.0.0.2"), &["6.6.6.6, 198.51.100.7, 10.0.0.3"], &proxies), ip("198.51.100.7"));
        // Two headers read as one list, in order.
        assert_eq!(resolve(ip("10.0.0.2"), &["6.6.6.6", "198.51.100.7"], &proxies), ip("198.51.100.7"));
        // Nothing readable: the nearest trusted hop.
        assert_eq!(resolve(ip("10.0.0.2"), &["garbage"], &proxies), ip("10.0.0.2"));
        assert_eq!(resolve(ip("10.0.0.2"), &[], &proxies), ip("10.0.0.2"));
        // Nobody trusted: the peer, whatever the header says.
        assert_eq!(resolve(ip("10.0.0.2"), &["198.51.100.7"], &[]), ip("10.0.0.2"));
    }
}
