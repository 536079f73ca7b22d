#[test]
fn stub() { let _ = headless_chrome::LaunchOptions::default(); let _ = tiny_http::Server::http("127.0.0.1:0"); }
