use tokio::sync::oneshot;

// ANCHOR: here
fn main() {
    // Checking and taking the result without waiting.
    let (slot, mut result) = oneshot::channel::<u32>();
    println!("before send: {:?}", result.try_recv()); // fut.done() is False
    slot.send(5).unwrap(); // fut.set_result(5)
    println!("after send:  {:?}", result.try_recv()); // fut.result() is 5
    println!("once more:   {:?}", result.try_recv()); // the value was moved out

    // Cancelling from the waiting side.
    let (slot, mut result) = oneshot::channel::<u32>();
    result.close(); // fut.cancel()
    println!("producer sees the slot closed: {}", slot.is_closed()); // fut.cancelled()
    println!("sending anyway: {:?}", slot.send(9)); // the value comes back
}
// ANCHOR_END: here
