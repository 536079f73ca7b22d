use std::time::Duration;

fn main() {
    // tokio's timer needs tokio's runtime; futures' block_on is not one.
    futures::executor::block_on(async {
        tokio::time::sleep(Duration::from_millis(1)).await;
    });
}
