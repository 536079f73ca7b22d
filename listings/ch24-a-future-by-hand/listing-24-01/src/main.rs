use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

#[derive(Default)]
struct GateState {
    open: bool,
    waker: Option<Waker>,
}

/// One side opens the gate; the other side awaits `wait()`.
#[derive(Clone, Default)]
struct Gate {
    state: Arc<Mutex<GateState>>,
}

impl Gate {
    fn open(&self) {
        let waker = {
            let mut state = self.state.lock().unwrap();
            state.open = true;
            state.waker.take()
        };
        // Wake after unlocking: the waiter needs the lock for its next poll.
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    fn wait(&self) -> GateOpened {
        GateOpened {
            gate: self.clone(),
            polls: 0,
        }
    }
}

struct GateOpened {
    gate: Gate,
    polls: u32,
}

impl Future for GateOpened {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut(); // fine: GateOpened is Unpin
        this.polls += 1;
        let mut state = this.gate.state.lock().unwrap();
        if state.open {
            println!("  poll {}: open, Ready", this.polls);
            Poll::Ready(())
        } else {
            // Not ready: remember whom to wake, then say Pending.
            state.waker = Some(cx.waker().clone());
            println!("  poll {}: closed, waker stored, Pending", this.polls);
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let gate = Gate::default();
    let opener = gate.clone();
    tokio::spawn(async move {
        println!("  opener task: opening the gate");
        opener.open();
    });

    println!("main: waiting at the gate");
    gate.wait().await;
    println!("main: through the gate");
}
