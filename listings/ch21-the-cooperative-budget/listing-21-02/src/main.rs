use std::future::poll_fn;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use tokio::runtime::{Builder, Runtime};
use tokio::sync::mpsc::{self, UnboundedReceiver};
use tokio::sync::oneshot;

/// A channel that already holds `n` messages, and whose sender is gone.
fn full_channel(n: usize) -> UnboundedReceiver<usize> {
    let (tx, rx) = mpsc::unbounded_channel();
    for i in 0..n {
        tx.send(i).unwrap();
    }
    rx
}

// ANCHOR: here
/// Spends 100 units of its budget on ready `recv`s, then wakes `b`.
async fn a(wake_b: oneshot::Sender<()>) {
    let mut rx = full_channel(100);
    for _ in 0..100 {
        rx.recv().await.unwrap();
    }
    wake_b.send(()).unwrap();
}

/// Waits for `a`, then drains 300 ready messages. Returns how many messages
/// each of its polls received.
async fn b(woken_by_a: oneshot::Receiver<()>) -> Vec<usize> {
    let received = Arc::new(AtomicUsize::new(0));
    let mut work = Box::pin({
        let received = Arc::clone(&received);
        async move {
            woken_by_a.await.unwrap();
            let mut rx = full_channel(300);
            while rx.recv().await.is_some() {
                received.fetch_add(1, SeqCst);
            }
        }
    });
    let (mut per_poll, mut before) = (Vec::new(), 0);
    poll_fn(move |cx| {
        let done = work.as_mut().poll(cx);
        let now = received.load(SeqCst);
        per_poll.push(now - before);
        before = now;
        done.map(|()| std::mem::take(&mut per_poll))
    })
    .await
}

fn run(flavour: &str, rt: Runtime) {
    rt.block_on(async {
        let (wake_b, woken_by_a) = oneshot::channel();
        let b = tokio::spawn(b(woken_by_a)); // spawned first: polled first
        tokio::spawn(a(wake_b)).await.unwrap();
        println!("{flavour}: b's polls received {:?}", b.await.unwrap());
    });
}

fn main() {
    let current = Builder::new_current_thread().build();
    run("current_thread", current.unwrap());
    let one_worker = Builder::new_multi_thread().worker_threads(1).build();
    run("multi_thread", one_worker.unwrap());
}
// ANCHOR_END: here
