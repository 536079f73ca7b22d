use futures::future::join_all;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: here
async fn job(name: &'static str, ms: u64, ok: bool) -> Result<&'static str, String> {
    sleep(Duration::from_millis(ms)).await;
    if ok {
        Ok(name)
    } else {
        Err(format!("{name} failed"))
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Like gather: results in the order the futures were given.
    let all = join_all([job("slow", 40, true), job("fast", 0, true)]).await;
    println!("join_all: {all:?}");

    // Like as_completed: results in the order the tasks finish.
    let mut set = JoinSet::new();
    set.spawn(job("slow", 40, true));
    set.spawn(job("fast", 0, true));
    set.spawn(job("medium", 20, true));
    while let Some(done) = set.join_next().await {
        println!("finished: {}", done.unwrap().unwrap());
    }

    // One task fails: the others keep running until we abort them.
    set.spawn(job("bad", 0, false));
    set.spawn(job("slow", 40, true));
    set.spawn(job("medium", 20, true));
    while let Some(done) = set.join_next().await {
        match done {
            Ok(Ok(name)) => println!("finished: {name}"),
            Ok(Err(e)) => {
                println!("{e}; {} tasks still running: abort_all", set.len());
                set.abort_all();
            }
            Err(e) => println!("a task was cancelled: {}", e.is_cancelled()),
        }
    }
}
// ANCHOR_END: here
