fn install_quiet_panic_hook() {
    // The default hook writes "thread '...' panicked at ..." to stderr.
    // This one prints a single line to stdout instead, so the whole story
    // is visible in the program's output, in order.
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("(not a string)");
        println!("  panic hook: a panic happened: {message}");
    }));
}

async fn parse_port(text: &'static str) -> u16 {
    tokio::task::yield_now().await;
    text.parse().expect("not a port number")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    install_quiet_panic_hook();

    let good = tokio::spawn(parse_port("8080"));
    let bad = tokio::spawn(parse_port("eighty"));
    println!("main: spawned two tasks");

    match good.await {
        Ok(port) => println!("main: the first task returned {port}"),
        Err(err) => println!("main: the first task failed: {err}"),
    }

    match bad.await {
        Ok(port) => println!("main: the second task returned {port}"),
        Err(err) if err.is_panic() => {
            let payload = err.into_panic(); // Box<dyn Any + Send>
            let message = payload.downcast_ref::<String>().unwrap();
            println!("main: the second task panicked: {message}");
        }
        Err(_) => println!("main: the second task was cancelled"),
    }
    println!("main: still running");
}
