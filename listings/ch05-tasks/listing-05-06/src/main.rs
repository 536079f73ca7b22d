use tokio::runtime::Handle;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Inside the runtime, ask for a handle to it.
    let runtime = Handle::current();

    // The same as tokio::spawn, with the runtime named explicitly.
    let first = runtime.spawn(async { "spawned through Handle::current()" });
    println!("{}", first.await.unwrap());

    // A plain OS thread has no runtime of its own, and tokio::spawn would
    // panic there. A Handle carries the runtime along with it.
    let second = std::thread::spawn(move || {
        runtime.spawn(async { "spawned from a plain thread, through the handle" })
    })
    .join()
    .unwrap();
    println!("{}", second.await.unwrap());
}
