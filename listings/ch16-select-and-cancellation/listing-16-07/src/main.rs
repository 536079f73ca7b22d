use std::error::Error;

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    // The task's own error is a value: it comes back inside Ok.
    let parse = tokio::spawn(async { "forty-two".parse::<u32>() });
    match parse.await? {
        Ok(n) => println!("parsed {n}"),
        Err(error) => println!("the task returned an error: {error}"),
    }

    // A panic ends the task, not the program: the awaiter gets a JoinError.
    let panicking = tokio::spawn(async {
        panic!("worker gave up");
    });
    let error = panicking.await.unwrap_err();
    println!("JoinError: is_panic() = {}", error.is_panic());
    let payload = error.into_panic();
    println!("the panic's message: {:?}", payload.downcast_ref::<&str>());

    // `?` twice: the first for the JoinError, the second for the task's error.
    let sum = tokio::spawn(async { "40".parse::<u32>().map(|n| n + 2) }).await??;
    println!("sum = {sum}");
    Ok(()) // an Err here would print `Error: ...` on stderr and exit with status 1
}
// ANCHOR_END: here
