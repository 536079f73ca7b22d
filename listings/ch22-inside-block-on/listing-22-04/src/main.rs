use tokio::runtime::Builder;
use tokio::sync::oneshot;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let (tx, reached_halfway) = oneshot::channel::<()>();
    let mut halfway = Some(tx);

    let ticker = rt.spawn(async move {
        for tick in 1..=4 {
            println!("ticker: tick {tick}");
            if tick == 2 {
                halfway.take().unwrap().send(()).unwrap();
            }
            tokio::task::yield_now().await;
        }
    });

    rt.block_on(async { reached_halfway.await.unwrap() });
    println!("main: first block_on returned; the ticker waits, unpolled");

    rt.block_on(ticker).unwrap();
    println!("main: second block_on returned; the ticker has finished");
}
