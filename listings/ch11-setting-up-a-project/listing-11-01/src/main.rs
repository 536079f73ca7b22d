use std::time::Duration;

use futures::future;

async fn fetch(name: &str, delay: Duration) -> String {
    tokio::time::sleep(delay).await;
    format!("{name} is ready")
}

#[tokio::main]
async fn main() {
    let (first, second) = future::join(
        fetch("the config", Duration::from_millis(20)),
        fetch("the cache", Duration::from_millis(10)),
    )
    .await;
    println!("{first}");
    println!("{second}");
}
