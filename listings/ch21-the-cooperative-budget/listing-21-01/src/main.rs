use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::mpsc::{self, UnboundedReceiver};
use tokio::task::{self, coop};

const MESSAGES: usize = 300;

/// A channel that already holds all its messages, and whose sender is gone.
fn full_channel() -> UnboundedReceiver<usize> {
    let (tx, rx) = mpsc::unbounded_channel();
    for n in 0..MESSAGES {
        tx.send(n).unwrap();
    }
    rx
}

/// Receives until the channel is empty and closed. Every `recv` is ready at
/// once, so nothing here ever has to wait.
async fn drain(mut rx: UnboundedReceiver<usize>, received: Arc<AtomicUsize>) {
    while rx.recv().await.is_some() {
        received.fetch_add(1, Ordering::Relaxed);
    }
}

/// Notes the count each time this task gets a turn, until all have arrived.
async fn watch(received: &AtomicUsize) -> Vec<usize> {
    let mut seen = Vec::new();
    loop {
        let now = received.load(Ordering::Relaxed);
        seen.push(now);
        if now == MESSAGES {
            return seen;
        }
        task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let received = Arc::new(AtomicUsize::new(0));
    let drainer = task::spawn(drain(full_channel(), Arc::clone(&received)));
    println!("with the budget, main saw {:?}", watch(&received).await);
    drainer.await.unwrap();

    let received = Arc::new(AtomicUsize::new(0));
    let greedy = coop::unconstrained(drain(full_channel(), Arc::clone(&received)));
    let drainer = task::spawn(greedy);
    println!("unconstrained, main saw {:?}", watch(&received).await);
    drainer.await.unwrap();
}
