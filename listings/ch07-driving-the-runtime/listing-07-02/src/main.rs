use tokio::runtime::Builder;
use tokio::sync::oneshot;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();

    rt.spawn(async move {
        for job in 1..=3 {
            println!("worker: job {job}");
            tokio::task::yield_now().await;
        }
        println!("worker: asking the runtime to stop");
        stop.send(()).unwrap();
    });

    // Drive the runtime until the signal arrives: a run_forever that can stop.
    rt.block_on(async {
        stopped.await.unwrap();
    });
    println!("main: block_on returned");
}
