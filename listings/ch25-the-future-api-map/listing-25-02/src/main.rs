use std::pin::pin;
use std::task::{Context, Waker};

use futures::future::{FusedFuture, FutureExt};
use tokio::sync::oneshot;

// ANCHOR: here
async fn read_sensor() -> u32 {
    42
}

fn main() {
    // A waker that does nothing: we poll by hand, so nobody needs waking.
    let mut cx = Context::from_waker(Waker::noop());

    let mut reading = pin!(read_sensor().fuse());
    println!("fused, first poll:  {:?}", reading.as_mut().poll(&mut cx));
    println!("fused, second poll: {:?}", reading.as_mut().poll(&mut cx));
    println!("fused, terminated?  {}", reading.is_terminated());

    let (slot, mut result) = oneshot::channel();
    println!("receiver, before send: {:?}", result.poll_unpin(&mut cx));
    slot.send("calibrated").unwrap();
    println!("receiver, after send:  {:?}", result.poll_unpin(&mut cx));
    println!("receiver, terminated?  {}", result.is_terminated());
    println!("receiver, try_recv:    {:?}", result.try_recv());
}
// ANCHOR_END: here
