//! Harness for the end-to-end tests: serves the release `dist/` on 127.0.0.1 under a sub-path
//! (the app must work from any sub-path), starts chromedriver and connects a headless Chromium.
//!
//! Needs `dist/` built (`trunk build --release`), `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (Debian packages); `scripts/test.sh` arranges all three.

use std::fmt::Display;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

/// How long a test waits for a condition before it fails.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often a wait checks its condition.
pub const POLL: Duration = Duration::from_millis(50);

/// Waits until `check` gives a value and returns it: checks at once, then every [`POLL`], for
/// up to [`WAIT`]. Fails the test with "timed out after 10s waiting for {what}" otherwise.
/// `check` should not panic on a state that may still change (an element not there yet, a
/// stale element): give `None` and let the wait try again.
///
/// ```text
/// let n = wait_for(|| async { matched_now(c).await.filter(|&n| n < all) }, "fewer matches").await;
/// ```
pub async fn wait_for<T, F, Fut>(check: F, what: impl Display) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    wait_for_within(WAIT, check, what).await
}

/// [`wait_for`] with another time limit than [`WAIT`].
pub async fn wait_for_within<T, F, Fut>(timeout: Duration, mut check: F, what: impl Display) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // A check that hangs (a WebDriver call that never returns) times out too.
        match tokio::time::timeout(left.max(POLL), check()).await {
            Ok(Some(v)) => return v,
            Ok(None) if Instant::now() < deadline => tokio::time::sleep(POLL).await,
            _ => panic!("timed out after {timeout:?} waiting for {what}"),
        }
    }
}

/// Waits until `check` is true ([`wait_for`] for a yes or no).
///
/// ```text
/// wait_until(|| async { matched_now(c).await == Some(all) }, "all claims to match again").await;
/// ```
pub async fn wait_until<F, Fut>(mut check: F, what: impl Display)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    wait_for(
        || {
            let fut = check();
            async move { fut.await.then_some(()) }
        },
        what,
    )
    .await
}

/// The first element matching `css`, once there is one.
pub async fn element(c: &Client, css: &str) -> Element {
    wait_for(
        || async { c.find(Locator::Css(css)).await.ok() },
        format!("an element matching `{css}`"),
    )
    .await
}

/// The query string of the current page (without `?`).
pub async fn query_string(c: &Client) -> String {
    c.current_url()
        .await
        .expect("url")
        .query()
        .unwrap_or("")
        .to_string()
}

/// Waits until the query string of the current page contains `part`, and returns it.
pub async fn wait_for_query(c: &Client, part: &str) -> String {
    wait_for(
        || async {
            let q = query_string(c).await;
            q.contains(part).then_some(q)
        },
        format!("the URL's query to contain `{part}`"),
    )
    .await
}

/// The text of every element matching `css`.
pub async fn texts(c: &Client, css: &str) -> Vec<String> {
    texts_now(c, css)
        .await
        .unwrap_or_else(|| panic!("the texts of `{css}` changed while read"))
}

/// The text of every element matching `css`, or `None` while the page changes under us (an
/// element re-rendered between finding it and reading it).
pub async fn texts_now(c: &Client, css: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.ok()? {
        out.push(e.text().await.ok()?);
    }
    Some(out)
}

/// The list summary, "N claims match · M distinct ...", now (`None` when there is none).
pub async fn summary_now(c: &Client) -> Option<String> {
    c.find(Locator::Css("p.summary"))
        .await
        .ok()?
        .text()
        .await
        .ok()
}

/// The list summary, "N claims match · M distinct ...", once it is on the page.
pub async fn summary(c: &Client) -> String {
    wait_for(|| summary_now(c), "the list's summary (`p.summary`)").await
}

/// Number of claims the page says match now (the summary's first number).
pub async fn matched_now(c: &Client) -> Option<usize> {
    summary_now(c)
        .await?
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
}

/// Number of claims the page says match (the summary's first number), once there is a summary.
pub async fn matched(c: &Client) -> usize {
    wait_for(|| matched_now(c), "a count in the list's summary").await
}

/// Waits until the summary says `n` claims match.
pub async fn wait_for_matched(c: &Client, n: usize, why: &str) {
    wait_until(
        || async { matched_now(c).await == Some(n) },
        format!("the summary to say {n} claims match ({why})"),
    )
    .await
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
    /// Every path the browser asked the server for, in order (the network log).
    requests: Requests,
    driver: Child,
    /// chromedriver's process id and port, to end the session and the processes on drop.
    driver_pid: Option<u32>,
    driver_port: u16,
    session: Option<String>,
    /// Whether [`Harness::stop`] closed the session already.
    closed: bool,
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

/// The Content Security Policy every response carries: the strictest a newsroom is likely to
/// serve an embedded tool under (README, Embedding). Every end-to-end test runs under it.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/// The head of a response, with the policy.
fn response_head(status: &str, ctype: &str, len: usize) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len}\r\n\
         Content-Security-Policy: {CSP}\r\nConnection: close\r\n\r\n"
    )
}

/// The paths requested so far.
type Requests = Arc<Mutex<Vec<String>>>;

async fn serve(listener: TcpListener, dist: PathBuf, requests: Requests) {
    loop {
        let Ok((mut sock, _)) = listener.accept().await else {
            return;
        };
        let dist = dist.clone();
        let requests = requests.clone();
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
            if let Ok(mut r) = requests.lock() {
                r.push(path.clone());
            }
            if path == EMBED_PAGE {
                let body = EMBED_HTML.replace("{SUB_PATH}", SUB_PATH);
                let head = response_head("200 OK", "text/html; charset=utf-8", body.len());
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
            let head = response_head(status, ctype, body.len());
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
        let requests = Requests::default();
        tokio::spawn(serve(listener, dist, requests.clone()));

        let driver_port = free_port().await;
        let logs = std::env::var_os("CLAIMSCOPE_E2E_LOGS").is_some_and(|v| v == "1");
        let driver = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
        )
        .arg(format!("--port={driver_port}"))
        // CLAIMSCOPE_E2E_LOGS=1: Chromium's own log, with every console message of the page and
        // its workers, on stderr (for debugging a test).
        .args(logs.then_some("--enable-chrome-logs"))
        .stdout(Stdio::null())
        .stderr(if logs {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
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
        let driver_pid = driver.id();
        let url = format!("http://127.0.0.1:{driver_port}");
        let (caps, url) = (&caps, &url);
        // chromedriver takes a moment to listen, and Chromium to start on a busy machine.
        let client = wait_for_within(
            Duration::from_secs(30),
            || async move {
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(url)
                    .await
                    .ok()
            },
            "chromedriver to start and open a Chromium session",
        )
        .await;
        let session = client.session_id().await.ok().flatten();
        Harness {
            requests,
            client,
            base: format!("http://127.0.0.1:{port}{SUB_PATH}"),
            driver,
            driver_pid,
            driver_port,
            session,
            closed: false,
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

    /// Waits until the page has settled for measuring: loaded, its fonts loaded, the app mounted
    /// (the loading note gone), `css` rendered (the view's own content) and a frame painted
    /// after that (the app scrolls a selected claim into view in an animation frame).
    pub async fn settle(&self, css: &str) {
        let c = &self.client;
        wait_until(
            || async {
                c.execute(
                    "return document.readyState === 'complete'
                        && document.fonts.status === 'loaded'
                        && !document.getElementById('claimscope-loading')",
                    vec![],
                )
                .await
                .is_ok_and(|v| v == serde_json::Value::Bool(true))
            },
            "the page, its fonts and the app to load",
        )
        .await;
        element(c, css).await;
        wait_for(
            || async {
                c.execute_async(
                    "const done = arguments[arguments.length - 1];
                     requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                    vec![],
                )
                .await
                .ok()
            },
            "the browser to paint a frame",
        )
        .await;
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

    /// The paths the browser has requested from the server so far.
    pub fn requested(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
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

    /// Closes the browser, ends chromedriver and removes the profile. A test that fails before
    /// it gets here is cleaned up all the same, by `Drop`.
    pub async fn stop(mut self) {
        if tokio::time::timeout(WAIT, self.client.clone().close())
            .await
            .is_ok_and(|r| r.is_ok())
        {
            self.closed = true;
        }
        // Drop ends the processes and removes the profile.
    }
}

impl Drop for Harness {
    /// Also runs when a test panics: ends the WebDriver session (chromedriver then quits
    /// Chromium), then kills whatever chromedriver started and chromedriver itself, so that no
    /// browser outlives its test. Blocking is fine here: the test is over.
    fn drop(&mut self) {
        if !self.closed {
            if let Some(id) = &self.session {
                delete_session(self.driver_port, id);
            }
        }
        if let Some(pid) = self.driver_pid {
            let mut pids = descendants(pid);
            pids.push(pid);
            let _ = std::process::Command::new("kill")
                .arg("-KILL")
                .arg("--")
                .args(pids.iter().map(u32::to_string))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.driver.start_kill();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// `DELETE /session/{id}` to chromedriver, blocking, with a time limit.
fn delete_session(port: u16, id: &str) {
    use std::io::{Read, Write};
    let Ok(mut sock) = std::net::TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_secs(2),
    ) else {
        return;
    };
    let _ = sock.set_read_timeout(Some(WAIT));
    let _ = sock.set_write_timeout(Some(WAIT));
    let req = format!(
        "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if sock.write_all(req.as_bytes()).is_ok() {
        // chromedriver answers once Chromium has quit (it may keep the connection open after:
        // the first bytes of the answer are enough).
        let _ = sock.read(&mut [0u8; 1024]);
    }
}

/// The processes started by `pid`, and by them, and so on (from `/proc`; empty elsewhere).
fn descendants(pid: u32) -> Vec<u32> {
    let mut parent_of = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // `/proc/PID/stat` is "pid (comm) state ppid ...", and comm may hold spaces or parens.
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|n| n.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parent_of.push((p, ppid));
        }
    }
    let mut out = Vec::new();
    let mut todo = vec![pid];
    while let Some(parent) = todo.pop() {
        for &(p, pp) in &parent_of {
            if pp == parent && !out.contains(&p) {
                out.push(p);
                todo.push(p);
            }
        }
    }
    out
}
