use std::future::poll_fn;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use tokio::runtime::{Builder, Runtime};

// ANCHOR: here
/// A waker that notes that it was woken, then passes the wake-up on.
struct Spy {
    woken: AtomicBool,
    inner: Waker,
}

impl Wake for Spy {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, SeqCst);
        self.inner.wake_by_ref();
    }
}

/// Polls `yield_now` once, with a spy for a waker: has it been woken by the
/// time that first poll returns?
async fn how_yield_now_wakes() -> &'static str {
    let mut yielding = Box::pin(tokio::task::yield_now());
    poll_fn(|cx| {
        let spy = Arc::new(Spy {
            woken: AtomicBool::new(false),
            inner: cx.waker().clone(),
        });
        let waker = Waker::from(Arc::clone(&spy));
        let first = yielding.as_mut().poll(&mut Context::from_waker(&waker));
        assert!(first.is_pending());
        Poll::Ready(if spy.woken.load(SeqCst) {
            "woken at once"
        } else {
            "deferred"
        })
    })
    .await
}

fn report(flavour: &str, rt: &Runtime) {
    rt.block_on(async {
        let in_main = how_yield_now_wakes().await;
        let in_task = tokio::spawn(how_yield_now_wakes()).await.unwrap();
        println!("{flavour}: block_on's future {in_main}, a spawned task {in_task}");
    });
}

fn main() {
    let current = Builder::new_current_thread().build().unwrap();
    report("current_thread", &current);
    let mut builder = Builder::new_multi_thread();
    let multi = builder.worker_threads(1).build().unwrap();
    report("multi_thread", &multi);

    // With one worker kept busy, block_on's future still runs: it is polled
    // on the thread that called block_on, in parallel with the worker.
    multi.block_on(async {
        let started = Arc::new(AtomicBool::new(false));
        let release = Arc::new(AtomicBool::new(false));
        let busy = tokio::spawn({
            let (started, release) = (Arc::clone(&started), Arc::clone(&release));
            async move {
                started.store(true, SeqCst);
                while !release.load(SeqCst) {
                    std::hint::spin_loop(); // holds the only worker thread
                }
                thread::current().id()
            }
        });
        while !started.load(SeqCst) {
            tokio::task::yield_now().await; // returns at once here
        }
        release.store(true, SeqCst); // the worker is still inside `busy`
        let worker = busy.await.unwrap();
        assert_ne!(worker, thread::current().id());
        println!("multi_thread: block_on's future ran while the only worker was busy");
    });
}
// ANCHOR_END: here
