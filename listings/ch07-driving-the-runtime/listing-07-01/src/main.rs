use std::future;
use std::time::Duration;

use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();

    rt.spawn(async {
        println!("background task: running while block_on waits");
    });

    // `rt.block_on(future::pending::<()>())` would drive the runtime forever:
    // pending() never completes. Here a timeout gives up on it after 20 ms.
    let outcome = rt.block_on(async {
        tokio::time::timeout(Duration::from_millis(20), future::pending::<()>()).await
    });
    match outcome {
        Ok(()) => println!("pending() completed (this never happens)"),
        Err(_) => println!("main: timed out; pending() had not completed"),
    }
}
