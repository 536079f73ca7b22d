// 1. `async` before `fn`: an async function.
async fn double(n: u32) -> u32 {
    n * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = double(1).await;

    // 2. `async` before a block: an expression whose value is a future.
    let b = async { double(2).await + 1 }.await;

    // 3. `async` before a closure: calling it gives a future.
    let triple = async |n: u32| n * 3;
    let c = triple(3).await;

    // The older spelling: a plain closure that returns an async block.
    let square = |n: u32| async move { n * n };
    let d = square(4).await;

    println!("{a} {b} {c} {d}");
}
