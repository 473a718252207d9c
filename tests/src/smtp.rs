//! A real SMTP server for the tests: aiosmtpd from PyPI, installed once into
//! `target/smtp-venv`, started on a free port on 127.0.0.1, writing what it
//! accepts as JSON lines the tests read.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub struct SmtpSink {
    pub port: u16,
    child: Child,
    out: PathBuf,
}

/// The virtual environment's Python, with aiosmtpd (created on first use).
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/smtp-venv");
        let python = root.join("bin/python");
        let ready = || Command::new(&python).args(["-c", "import aiosmtpd"]).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
        if !ready() {
            let made = Command::new("python3").arg("-m").arg("venv").arg(&root).status().expect("python3 -m venv");
            assert!(made.success(), "could not create {}", root.display());
            let pip = Command::new(root.join("bin/pip")).args(["install", "--quiet", "aiosmtpd==1.4.6"]).status().expect("pip");
            assert!(pip.success(), "could not install aiosmtpd from PyPI");
        }
        python
    })
}

impl SmtpSink {
    /// A server that refuses the first `refuse_first` messages (451).
    pub fn start(refuse_first: usize) -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let out = std::env::temp_dir().join(format!("kehu-smtp-{}.jsonl", uuid::Uuid::new_v4()));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("support/smtp_sink.py");
        let child = Command::new(python())
            .arg(script)
            .args(["--port", &port.to_string(), "--out"])
            .arg(&out)
            .args(["--refuse-first", &refuse_first.to_string()])
            .spawn()
            .expect("start the SMTP sink");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "the SMTP sink did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpSink { port, child, out }
    }

    /// The messages accepted so far.
    pub fn messages(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.out).unwrap_or_default().lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.out);
    }
}
