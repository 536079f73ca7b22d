use tokio::runtime::Handle;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("main is running on the runtime");
    // Blocking this thread on a future would stop it from driving the
    // runtime it is already driving: tokio panics instead.
    Handle::current().block_on(async {
        println!("never printed");
    });
}
