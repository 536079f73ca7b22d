async fn answer() -> u32 {
    42
}

fn main() {
    // Plain synchronous code: no runtime exists on this thread.
    let _handle = tokio::spawn(answer());
}
