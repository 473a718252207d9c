//! A webhook receiver for tests: records each request's headers and body and
//! answers with the status the test sets.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct Received {
    /// The request's path and query, e.g. `/hook?timestamp=…`.
    pub target: String,
    pub headers: HashMap<String, String>,
    pub body: String,
}

pub struct Receiver {
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
    status: Arc<AtomicU16>,
    location: Arc<Mutex<String>>,
    reply: Arc<Mutex<String>>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind receiver");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let received: Arc<Mutex<Vec<Received>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(200));
        let location: Arc<Mutex<String>> = Arc::default();
        let reply: Arc<Mutex<String>> = Arc::default();
        let (r, st, loc, rep) = (received.clone(), status.clone(), location.clone(), reply.clone());
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (r, st, loc, rep) = (r.clone(), st.clone(), loc.clone(), rep.clone());
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut reader = BufReader::new(read);
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        let mut headers = HashMap::new();
                        loop {
                            let mut h = String::new();
                            if reader.read_line(&mut h).await.unwrap_or(0) == 0 || h.trim().is_empty() {
                                break;
                            }
                            if let Some((k, v)) = h.split_once(':') {
                                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
                            }
                        }
                        let len: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let mut body = vec![0u8; len];
                        if reader.read_exact(&mut body).await.is_err() {
                            return;
                        }
                        let code = st.load(Ordering::SeqCst);
                        if code == 200 {
                            let target = line.split_whitespace().nth(1).unwrap_or_default().to_owned();
                            r.lock().expect("lock").push(Received { target, headers, body: String::from_utf8_lossy(&body).into_owned() });
                        }
                        let location = loc.lock().expect("lock").clone();
                        let extra = if (300..400).contains(&code) { format!("location: {location}\r\n") } else { String::new() };
                        let text = rep.lock().expect("lock").clone();
                        let reply = format!("HTTP/1.1 {code} X\r\n{extra}content-type: application/json\r\ncontent-length: {}\r\n\r\n{text}", text.len());
                        if write.write_all(reply.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Receiver { url, received, status, location, reply }
    }

    /// The status later requests get (only 200s are recorded).
    pub fn answer(&self, code: u16) {
        self.status.store(code, Ordering::SeqCst);
    }

    /// Later requests are redirected (302) to `to`.
    pub fn redirect(&self, to: &str) {
        *self.location.lock().expect("lock") = to.to_owned();
        self.answer(302);
    }

    /// The body later answers carry (JSON), e.g. a chat platform's result code.
    pub fn reply_with(&self, body: &str) {
        *self.reply.lock().expect("lock") = body.to_owned();
    }

    pub fn all(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }
}
