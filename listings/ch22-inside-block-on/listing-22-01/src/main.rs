async fn greeting(name: &str) -> String {
    tokio::task::yield_now().await;
    format!("hello from {name}")
}

fn thread_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("<unnamed>")
        .to_owned()
}

// ANCHOR: here
fn main() {
    // What #[tokio::main] writes for us: the old body becomes an async block...
    let body = async {
        let text = greeting("a hand-built runtime").await;
        println!("{text}");
        println!("the body runs on thread {:?}", thread_name());
        let spawned = tokio::spawn(async { thread_name() }).await.unwrap();
        println!("a spawned task runs on thread {spawned:?}");
    };
    // ...and a multi-thread runtime is built and blocks on it.
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("Failed building the Runtime")
        .block_on(body)
}
// ANCHOR_END: here
