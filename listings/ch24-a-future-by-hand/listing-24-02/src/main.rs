use std::pin::pin;

async fn roll_die() -> u32 {
    4
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Pin the future in place, so that it can be awaited through a pinned
    // reference, which does not move it.
    let mut roll = pin!(roll_die());
    let first = roll.as_mut().await;
    println!("first await: {first}");
    let second = roll.as_mut().await; // polls a finished future again
    println!("second await: {second}");
}
