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

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let text = greeting("a current-thread runtime").await;
    println!("{text}");
    println!("the body runs on thread {:?}", thread_name());
    let spawned = tokio::spawn(async { thread_name() }).await.unwrap();
    println!("a spawned task runs on thread {spawned:?}");
}
