//! Nothing from the network, ever (issue 10): no HTTP, TLS or socket code
//! is built into Marsad, and a saved page's remote resources (images,
//! frames, scripts, style sheets, a refresh) leave nothing the reader
//! would follow: only the article's text comes out of it.

use std::path::Path;

/// Packages that fetch from the network or speak TLS.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "h2",
    "http",
    "native-tls",
    "rustls",
    "openssl",
    "openssl-sys",
    "tungstenite",
];

#[test]
fn no_http_tls_or_socket_crate_is_in_the_dependency_graph() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(packages.len() > 100, "the lock file lists the whole graph");
    let found: Vec<&&str> = packages
        .iter()
        .filter(|p| NETWORK_CRATES.contains(p))
        .collect();
    assert!(found.is_empty(), "network crates in the graph: {found:?}");
}

/// Marsad's own code opens no socket.
#[test]
fn no_source_file_names_a_socket() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    for f in files {
        let code = std::fs::read_to_string(&f).unwrap();
        for word in [
            "std::net",
            "TcpStream",
            "UdpSocket",
            "TcpListener",
            "ToSocketAddrs",
        ] {
            assert!(!code.contains(word), "{} names {word}", f.display());
        }
    }
}

#[test]
fn a_saved_page_with_remote_resources_gives_only_its_text() {
    let page = r#"<!doctype html><html><head>
        <meta http-equiv="refresh" content="0; url=https://tracker.example/next">
        <title>خبر</title>
        <link rel="stylesheet" href="https://cdn.example/site.css">
        <script src="https://cdn.example/app.js"></script>
        <script>fetch("https://tracker.example/beacon")</script>
        <style>@import url("https://cdn.example/more.css"); body{background:url(https://cdn.example/bg.png)}</style>
        </head><body><article><h1>واشنطن تنفي</h1>
        <p>نفت المتحدثة <img src="https://img.example/photo.jpg" srcset="https://img.example/2x.jpg 2x" alt="">صحة التقارير.</p>
        <iframe src="https://video.example/embed/1">لا يدعم متصفحك الإطارات</iframe>
        <video src="https://video.example/v.mp4" poster="https://img.example/p.jpg"></video>
        <object data="https://plugin.example/x.swf"></object>
        <p>وأكدت <a href="https://news.example/other">في بيان</a> أن المحادثات مستمرة.</p>
        </article></body></html>"#;
    let doc =
        marsad::document::load_bytes(page.as_bytes(), Path::new("page.html")).expect("the page");
    assert!(doc.text.contains("نفت المتحدثة صحة التقارير."));
    assert!(doc.text.contains("وأكدت في بيان أن المحادثات مستمرة."));
    // No address from an attribute, a script or a style sheet reached the
    // text; nor the frame's fallback text.
    for gone in ["http", "example", "fetch", "url(", "لا يدعم"] {
        assert!(!doc.text.contains(gone), "{gone} in {:?}", doc.text);
    }
}
