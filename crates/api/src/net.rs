//! Where the service may send requests (webhooks): never to an unspecified,
//! broadcast, multicast, link-local or cloud-metadata address; to loopback,
//! private and other internal ranges only when the configuration lists them
//! (`KEHU_WEBHOOK_NETWORKS`: factories run their ERP on private networks).
//! A name is resolved, every address checked, and the connection made to a
//! checked address: the sending client's resolver drops the others.

use crate::error::{FieldCode, FieldError};
use ipnet::IpNet;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// Never reachable, whatever the configuration lists.
fn never(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_unspecified() || v4.is_broadcast() || v4.is_multicast() || v4.is_link_local() || v4.octets()[0] == 0,
        IpAddr::V6(v6) => v6.is_unspecified() || v6.is_multicast() || v6.is_unicast_link_local() || v6 == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254),
    }
}

/// Internal: reachable only when listed.
fn internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_documentation()
                || (a == 100 && (64..128).contains(&b)) // shared address space (carrier NAT)
                || (a == 198 && (18..20).contains(&b)) // benchmarking
                || a >= 240
        }
        IpAddr::V6(v6) => v6.is_loopback() || v6.is_unique_local() || (v6.segments()[0] == 0x2001 && v6.segments()[1] == 0xdb8),
    }
}

/// Whether a request may go to `ip`.
pub fn allowed(ip: IpAddr, listed: &[IpNet]) -> bool {
    // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is that IPv4 address.
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    !never(ip) && (!internal(ip) || listed.iter().any(|n| n.contains(&ip)))
}

fn refused(message: &str) -> FieldError {
    FieldError::new("url", FieldCode::ForbiddenAddress, message)
}

/// Checks a webhook address at registration: http(s), no credentials in it,
/// and every address its host resolves to allowed.
pub async fn check_target(url: &str, listed: &[IpNet]) -> Result<(), FieldError> {
    let parsed = reqwest::Url::parse(url).map_err(|_| FieldError::new("url", FieldCode::Invalid, "an http:// or https:// address"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(FieldError::new("url", FieldCode::Invalid, "an http:// or https:// address"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(FieldError::new("url", FieldCode::Invalid, "no user name or password in the address: receivers check the signature"));
    }
    let host = parsed.host_str().unwrap_or_default();
    let addresses: Vec<IpAddr> = match literal(&parsed) {
        Some(ip) => vec![ip],
        None => {
            let lookup = tokio::net::lookup_host((host, parsed.port_or_known_default().unwrap_or(443)));
            match tokio::time::timeout(Duration::from_secs(5), lookup).await {
                Ok(Ok(found)) => found.map(|a| a.ip()).collect(),
                _ => Vec::new(),
            }
        }
    };
    if addresses.is_empty() {
        return Err(FieldError::new("url", FieldCode::UnknownHost, "the host name does not resolve from the server"));
    }
    if addresses.iter().any(|ip| !allowed(*ip, listed)) {
        return Err(refused("an internal address (loopback, private, link-local or metadata) that the configuration does not allow"));
    }
    Ok(())
}

/// Whether a URL that names its host by address may be sent to (names go
/// through [`Guarded`]).
pub fn literal_allowed(url: &str, listed: &[IpNet]) -> bool {
    reqwest::Url::parse(url).is_ok_and(|parsed| literal(&parsed).is_none_or(|ip| allowed(ip, listed)))
}

/// The address a URL names its host by, if it does (`[::1]` without brackets).
fn literal(url: &reqwest::Url) -> Option<IpAddr> {
    url.host_str()?.trim_start_matches('[').trim_end_matches(']').parse().ok()
}

/// A resolver that keeps only the addresses a request may go to.
pub struct Guarded {
    pub listed: Arc<Vec<IpNet>>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0} resolves only to addresses webhooks may not reach")]
struct Refused(String);

impl Resolve for Guarded {
    fn resolve(&self, name: Name) -> Resolving {
        let listed = self.listed.clone();
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let kept: Vec<SocketAddr> = found.filter(|a| allowed(a.ip(), &listed)).collect();
            if kept.is_empty() {
                return Err(Box::new(Refused(name.as_str().to_owned())) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(kept.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(ip: &str, listed: &[&str]) -> bool {
        let listed: Vec<IpNet> = listed.iter().map(|n| n.parse().unwrap()).collect();
        allowed(ip.parse().unwrap(), &listed)
    }

    #[test]
    fn internal_addresses_only_when_listed_and_some_never() {
        for public in ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"] {
            assert!(ok(public, &[]), "{public}");
        }
        for internal in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "::1", "fd12::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"] {
            assert!(!ok(internal, &[]), "{internal}");
        }
        assert!(ok("10.1.2.3", &["10.0.0.0/8"]));
        assert!(!ok("10.1.2.3", &["192.168.0.0/16"]));
        for never in ["169.254.169.254", "0.0.0.0", "::", "255.255.255.255", "224.0.0.1", "fe80::1", "fd00:ec2::254", "0.1.2.3"] {
            assert!(!ok(never, &["0.0.0.0/0", "::/0"]), "{never}");
        }
    }

    #[tokio::test]
    async fn registration_refuses_internal_hosts_credentials_and_odd_spellings() {
        let listed: Vec<IpNet> = Vec::new();
        for url in [
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:8080/h",
            "http://[::1]/h",
            "http://0.0.0.0/h",
            "http://2130706433/h",
            "http://0x7f000001/h",
            "http://localhost/h",
        ] {
            let e = check_target(url, &listed).await.unwrap_err();
            assert_eq!(e.code, FieldCode::ForbiddenAddress, "{url}");
        }
        let e = check_target("http://user:pass@93.184.216.34/h", &listed).await.unwrap_err();
        assert_eq!(e.code, FieldCode::Invalid);
        assert!(check_target("http://93.184.216.34/h", &listed).await.is_ok());
        let e = check_target("http://no-such-host.invalid/h", &listed).await.unwrap_err();
        assert_eq!(e.code, FieldCode::UnknownHost);
        assert!(!literal_allowed("http://[::ffff:7f00:1]/h", &listed));
    }
}
