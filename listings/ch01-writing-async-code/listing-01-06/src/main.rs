// Written with `async fn`...
async fn area(width: u32, height: u32) -> u32 {
    width * height
}

// ...and written out by hand: a plain function returning a future.
fn area_by_hand(width: u32, height: u32) -> impl Future<Output = u32> {
    async move { width * height }
}

// Anything that wants "a future of u32" takes either one.
async fn report(label: &str, area: impl Future<Output = u32>) {
    println!("{label}: {}", area.await);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    report("async fn", area(3, 4)).await;
    report("by hand ", area_by_hand(3, 4)).await;

    // Both calls give something to `.await`, and both give a u32.
    let total: u32 = area(1, 2).await + area_by_hand(5, 6).await;
    println!("total: {total}");
}
