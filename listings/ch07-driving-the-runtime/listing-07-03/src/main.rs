use tokio::runtime::Builder;
use tokio::task::JoinError;

async fn count_words(text: &'static str) -> usize {
    tokio::task::yield_now().await;
    text.split_whitespace().count()
}

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();

    // Spawn onto a runtime that nobody is driving yet.
    let handle = rt.spawn(count_words("one runtime, one task, one answer"));
    println!("spawned; finished? {}", handle.is_finished());

    // Drive the runtime until the task is done. The handle is a future.
    let outcome: Result<usize, JoinError> = rt.block_on(handle);
    println!("block_on(handle) returned {outcome:?}");

    // Or skip the task: block_on runs the future itself.
    let words: usize = rt.block_on(count_words("no task needed"));
    println!("block_on(count_words(..)) returned {words}");
}
