use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

// ANCHOR: here
static DROPPING: AtomicBool = AtomicBool::new(false);
static BLOCKING_DONE: AtomicBool = AtomicBool::new(false);

struct OnDrop(&'static str, Option<mpsc::Sender<()>>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        println!("{}", self.0);
        if let Some(tx) = self.1.take() {
            tx.send(()).unwrap();
        }
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (started_tx, started) = mpsc::channel();
    let (task_gone_tx, task_gone) = mpsc::channel();

    let tx = started_tx.clone();
    rt.spawn(async move {
        let _guard = OnDrop("task: dropped at its .await", Some(task_gone_tx));
        tx.send(()).unwrap();
        while !DROPPING.load(SeqCst) {
            thread::sleep(Duration::from_millis(1)); // still inside this poll
        }
        thread::sleep(Duration::from_millis(20));
        println!("task: main is dropping the runtime; this poll goes on");
        tokio::time::sleep(Duration::from_secs(10)).await;
        println!("task: resumed"); // never printed
    });

    let blocking = rt.spawn_blocking(move || {
        started_tx.send(()).unwrap();
        task_gone.recv().unwrap(); // wait until the task above is gone
        println!("blocking closure: neither abort() nor the drop stopped it; it ran to its end");
        BLOCKING_DONE.store(true, SeqCst);
    });

    started.recv().unwrap();
    started.recv().unwrap(); // both have started
    blocking.abort(); // no effect on a closure that has started

    DROPPING.store(true, SeqCst);
    drop(rt);
    println!(
        "main: drop(rt) returned; it waited for the closure: {}",
        BLOCKING_DONE.load(SeqCst)
    );
}
// ANCHOR_END: here
