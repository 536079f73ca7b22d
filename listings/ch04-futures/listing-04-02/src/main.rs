use tokio::sync::oneshot;
use tokio::task;

// ANCHOR: here
/// What a producer does with the slot it was given.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    Value,
    Error,
    GiveUp,
}

async fn producer(slot: oneshot::Sender<Result<u32, String>>, outcome: Outcome) {
    task::yield_now().await;
    match outcome {
        Outcome::Value => slot.send(Ok(7)).unwrap(), // fut.set_result(7)
        Outcome::Error => slot.send(Err("sensor offline".into())).unwrap(), // fut.set_exception(...)
        Outcome::GiveUp => drop(slot), // returns without filling the slot
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for outcome in [Outcome::Value, Outcome::Error, Outcome::GiveUp] {
        let (slot, result) = oneshot::channel();
        tokio::spawn(producer(slot, outcome));
        match result.await {
            Ok(Ok(value)) => println!("{outcome:?}: got {value}"),
            Ok(Err(problem)) => println!("{outcome:?}: the producer reported {problem:?}"),
            Err(closed) => println!("{outcome:?}: RecvError ({closed})"),
        }
    }
}
// ANCHOR_END: here
