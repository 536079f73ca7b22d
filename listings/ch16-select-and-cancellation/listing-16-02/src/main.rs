use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: here
struct Loud(&'static str);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("dropped: {}", self.0);
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let guard = Loud("the losing branch's value");
    let slow = async move {
        let _guard = guard; // the future owns it
        sleep(Duration::from_secs(10)).await;
    };

    tokio::select! {
        biased;
        _ = slow => println!("the slow branch won"),
        n = async { 7 } => println!("handler: the quick branch won with {n}"),
    }
}
// ANCHOR_END: here
