use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: here
/// A home-made yield: the first poll wakes the task at once and returns
/// `Pending`; the second poll finishes.
struct WakeAtOnce {
    polled_before: bool,
}

impl Future for WakeAtOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polled_before {
            return Poll::Ready(());
        }
        self.polled_before = true;
        cx.waker().wake_by_ref(); // not deferred: queued again when this poll ends
        Poll::Pending
    }
}

fn yield_by_waking() -> WakeAtOnce {
    WakeAtOnce {
        polled_before: false,
    }
}

async fn take_turns(name: &'static str) {
    for round in 0..3 {
        println!("{name} is on round {round}");
        yield_by_waking().await;
    }
}
// ANCHOR_END: here

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first = tokio::spawn(take_turns("ping"));
    let second = tokio::spawn(take_turns("pong"));
    first.await.unwrap();
    second.await.unwrap();
}
