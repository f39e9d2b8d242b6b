//! Harness for the end-to-end tests: serves the release `dist/` on 127.0.0.1 under a sub-path
//! (the app must work from any sub-path), starts chromedriver and connects a headless Chromium.
//!
//! Needs `dist/` built (`trunk build --release`), `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (Debian packages); `scripts/test.sh` arranges all three.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

/// The query string of the current page (without `?`).
pub async fn query_string(c: &Client) -> String {
    c.current_url()
        .await
        .expect("url")
        .query()
        .unwrap_or("")
        .to_string()
}

/// The text of every element matching `css`.
pub async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.expect("find") {
        out.push(e.text().await.expect("text"));
    }
    out
}

/// The list summary, "N claims match · M distinct ...".
pub async fn summary(c: &Client) -> String {
    c.find(Locator::Css("p.summary"))
        .await
        .expect("summary")
        .text()
        .await
        .expect("text")
}

/// Number of claims the page says match (the summary's first number).
pub async fn matched(c: &Client) -> usize {
    summary(c)
        .await
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count in the summary")
}

/// Where the app is served, to prove relative asset paths work.
pub const SUB_PATH: &str = "/tools/claimscope/";

/// A host page of another site that embeds the app with an element and a script, as the README
/// shows.
const EMBED_PAGE: &str = "/host/embed.html";
const EMBED_HTML: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host page</title></head>
<body>
<p id="host-content">The host page's own paragraph.</p>
<div id="claimscope"></div>
<script type="module" src="{SUB_PATH}embed.js"></script>
</body></html>"#;

pub struct Harness {
    pub client: Client,
    /// `http://127.0.0.1:PORT/tools/claimscope/`
    pub base: String,
    driver: Child,
    profile: PathBuf,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

async fn serve(listener: TcpListener, dist: PathBuf) {
    loop {
        let Ok((mut sock, _)) = listener.accept().await else {
            return;
        };
        let dist = dist.clone();
        tokio::spawn(async move {
            let mut buf = vec![0u8; 8192];
            let Ok(n) = sock.read(&mut buf).await else {
                return;
            };
            let req = String::from_utf8_lossy(&buf[..n]);
            let path = req
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .split(['?', '#'])
                .next()
                .unwrap_or("/")
                .to_string();
            if path == EMBED_PAGE {
                let body = EMBED_HTML.replace("{SUB_PATH}", SUB_PATH);
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(body.as_bytes()).await;
                let _ = sock.shutdown().await;
                return;
            }
            let file = path
                .strip_prefix(SUB_PATH)
                .map(|rest| {
                    if rest.is_empty() {
                        "index.html".to_string()
                    } else {
                        rest.to_string()
                    }
                })
                .filter(|rest| !rest.contains(".."))
                .map(|rest| dist.join(rest));
            let (status, body, ctype) = match file {
                Some(f) => match tokio::fs::read(&f).await {
                    Ok(b) => ("200 OK", b, content_type(&f)),
                    Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
                },
                None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = sock.write_all(head.as_bytes()).await;
            let _ = sock.write_all(&body).await;
            let _ = sock.shutdown().await;
        });
    }
}

async fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a free port");
    l.local_addr().expect("local address").port()
}

impl Harness {
    pub async fn start() -> Harness {
        Harness::start_with(&[]).await
    }

    /// Starts with extra Chromium arguments (e.g. `--force-dark-mode`, `--window-size=360,800`).
    pub async fn start_with(extra_args: &[&str]) -> Harness {
        let dist = root().join("dist");
        assert!(
            dist.join("index.html").is_file(),
            "{}/index.html is missing: build it with `trunk build --release` (scripts/test.sh does)",
            dist.display()
        );
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the static server");
        let port = listener.local_addr().expect("address").port();
        tokio::spawn(serve(listener, dist));

        let driver_port = free_port().await;
        let driver = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
        )
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start chromedriver (install the Debian package chromium-driver)");
        let profile = std::env::temp_dir().join(format!(
            "claimscope-e2e-{}-{driver_port}",
            std::process::id()
        ));
        let caps = serde_json::json!({
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--window-size=1280,900",
                         format!("--user-data-dir={}", profile.display())],
                "prefs": {
                    "download.default_directory": profile.join("downloads").display().to_string(),
                    "download.prompt_for_download": false
                }
            }
        });
        let mut caps = caps.as_object().expect("capabilities object").clone();
        if let Some(args) = caps["goog:chromeOptions"]["args"].as_array_mut() {
            args.extend(extra_args.iter().map(|a| serde_json::Value::from(*a)));
        }
        let url = format!("http://127.0.0.1:{driver_port}");
        let mut client = None;
        for _ in 0..100 {
            let builder =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&url)
                    .await;
            match builder {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = client.expect("connect to chromedriver within 10 s");
        Harness {
            client,
            base: format!("http://127.0.0.1:{port}{SUB_PATH}"),
            driver,
            profile,
        }
    }

    /// Opens `query` (e.g. `""` or `"?view=compare"`) and waits for the app to render.
    pub async fn open(&self, query: &str) {
        self.client
            .goto(&format!("{}{query}", self.base))
            .await
            .expect("navigate");
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css("main"))
            .await
            .expect("the app renders a <main> within 20 s");
    }

    /// Runs axe-core (from `.tools/node_modules`, installed by `scripts/setup.sh --test`) on the
    /// current page and returns its violations as `(impact, rule id, help, first target)`.
    pub async fn axe(&self) -> Vec<(String, String, String, String)> {
        let path = root().join(".tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup.sh --test)", path.display()));
        self.client
            .execute(&source, vec![])
            .await
            .expect("inject axe-core");
        let out = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => [v.impact || '', v.id, v.help,
                        JSON.stringify(v.nodes[0] && v.nodes[0].target)])))
                    .catch(e => done([['error', 'axe', String(e), '']]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        out.as_array()
            .expect("violations")
            .iter()
            .map(|v| {
                let f = |i: usize| v[i].as_str().unwrap_or("").to_string();
                (f(0), f(1), f(2), f(3))
            })
            .collect()
    }

    /// Where the browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self.profile.join("downloads")
    }

    /// A page of another site with the app embedded in its `#claimscope` element.
    pub fn embed_url(&self) -> String {
        let origin = self.base.trim_end_matches(SUB_PATH);
        format!("{origin}{EMBED_PAGE}")
    }

    pub async fn stop(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
