async fn greeting(name: &str) -> String {
    tokio::task::yield_now().await;
    format!("hello from {name}")
}

#[tokio::main]
async fn main() {
    let text = greeting("an async main").await;
    println!("{text}");
}
