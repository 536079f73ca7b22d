use std::time::Duration;

use tokio::sync::watch;

// ANCHOR: here
async fn serve(mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            _ = tokio::time::sleep(Duration::from_millis(5)) => { /* one job */ }
        }
    }
    println!("server: told to stop, leaving its loop");
}

/// Stands in for the user pressing Ctrl-C: sends SIGINT to this process.
async fn press_ctrl_c() {
    let pid = std::process::id().to_string();
    let status = tokio::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .await
        .unwrap();
    assert!(status.success());
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (stop_tx, stop_rx) = watch::channel(false);
    let server = tokio::spawn(serve(stop_rx));
    tokio::spawn(press_ctrl_c());

    // The first poll installs the handler; no task runs before main pauses here.
    tokio::signal::ctrl_c()
        .await
        .expect("cannot listen for Ctrl-C");
    println!("main: got Ctrl-C");

    stop_tx.send(true).unwrap();
    let stopped_in_time = matches!(
        tokio::time::timeout(Duration::from_secs(1), server).await,
        Ok(Ok(()))
    );
    println!("main: the server stopped in time: {stopped_in_time}");
}
// ANCHOR_END: here
